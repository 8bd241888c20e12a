import type { CheckResult } from '../compliance/compliance-rules.js';
import type { SessionTask } from './session-task.entity.js';
import { sessionFacts } from './task-applicability.js';
import { toTaskView, verifiedByData, type TaskViewContext } from './task-view.js';

function aRow(overrides: Partial<SessionTask> = {}): SessionTask {
  return {
    id: 'b3f7c1de-0000-4000-8000-000000000001',
    sessionId: 'b3f7c1de-0000-4000-8000-000000000002',
    templateVersion: 1,
    code: 'JURY_CHECK_HABILITATIONS',
    phase: 'JURY',
    position: 9,
    parentCode: null,
    label: 'Vérifier les habilitations des membres du jury',
    items: [],
    regulatory: true,
    advised: false,
    obligation: false,
    dueRule: { anchor: 'START', months: -1, kind: 'phase' },
    applicability: 'ALWAYS',
    sourceText: 'Vérifier les habilitations',
    references: [],
    notes: '',
    dueDate: '2027-04-30',
    dueKind: 'phase',
    workingDayFallback: null,
    status: 'todo',
    doneAt: null,
    doneBy: null,
    doneByEmail: null,
    observations: '',
    reason: '',
    updatedAt: '2027-03-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function aCheck(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    code: 'JURY_HABILITATIONS',
    label: "Habilitations des membres du jury valides jusqu'à la fin de la session",
    taskCodes: ['JURY_CHECK_HABILITATIONS'],
    status: 'pass',
    findings: [],
    evidence: ['Hélène MARTIN : habilitation valable jusqu’au 31/12/2028.'],
    ...overrides,
  };
}

function context(overrides: Partial<TaskViewContext> = {}): TaskViewContext {
  return {
    today: '2027-05-10',
    facts: sessionFacts('TITRE', []),
    phaseLabels: new Map([['JURY', 'Jury et convocations']]),
    checksByTask: new Map(),
    ...overrides,
  };
}

describe('task view', () => {
  it('computes labels, applicability, overdue and days left', () => {
    const view = toTaskView(aRow(), context());
    expect(view).toMatchObject({
      phaseLabel: 'Jury et convocations',
      dueKindLabel: 'Échéance indicative (phase)',
      statusLabel: 'À faire',
      applicable: true,
      conditional: false,
      overdue: true,
      daysLeft: -10,
      verifiedByData: null,
    });
  });

  it('carries the snapshot’s source text, references and notes for the API', () => {
    const row = aRow();
    expect(toTaskView(row, context())).toMatchObject({
      templateVersion: row.templateVersion,
      sourceText: row.sourceText,
      references: row.references,
      notes: row.notes,
    });
  });

  it('is neither overdue nor counting days once done', () => {
    const view = toTaskView(aRow({ status: 'done', doneAt: '2027-05-01' }), context());
    expect(view).toMatchObject({ overdue: false, daysLeft: null, statusLabel: 'Fait' });
  });

  it('never marks an incident-only or inapplicable task overdue', () => {
    expect(toTaskView(aRow({ applicability: 'INCIDENT' }), context())).toMatchObject({
      conditional: true,
      applicable: true,
      overdue: false,
    });
    expect(toTaskView(aRow({ applicability: 'VAE_CANDIDATES' }), context())).toMatchObject({
      applicable: false,
      overdue: false,
    });
  });

  it('is verified by data when every supporting check passes, with the evidence', () => {
    const checksByTask = new Map([['JURY_CHECK_HABILITATIONS', [aCheck()]]]);
    expect(toTaskView(aRow(), context({ checksByTask })).verifiedByData).toEqual({
      verified: true,
      checks: [
        {
          code: 'JURY_HABILITATIONS',
          label: "Habilitations des membres du jury valides jusqu'à la fin de la session",
          status: 'pass',
          evidence: ['Hélène MARTIN : habilitation valable jusqu’au 31/12/2028.'],
          findings: [],
        },
      ],
    });
  });

  it('is not verified when one supporting check does not pass', () => {
    const result = verifiedByData([
      aCheck(),
      aCheck({ code: 'JURY_MINIMUM', status: 'pending', evidence: [], note: 'En attente.' }),
    ]);
    expect(result?.verified).toBe(false);
    expect(result?.checks[1]).toMatchObject({ status: 'pending', note: 'En attente.' });
  });
});

import type { TaskViewContext } from '../../checklist/task-view.js';
import type { CheckResult } from '../../compliance/compliance-rules.js';
import { TASK_COLUMNS, TaskViewCache, taskSource, type TaskRow } from './task-views.js';

const ID = '3f9a1c2e-0b7d-4c55-8f1e-6a2b9d0e4c77';

/** A task row as SQLite gives it (booleans as 0/1), with some columns changed. */
function aRow(changes: Record<string, unknown> = {}): TaskRow {
  const values: Record<string, unknown> = {
    id: ID,
    code: 'JURY_CONVENE',
    phase: 'JURY',
    position: 2,
    parentCode: null,
    label: 'Convoquer le jury',
    items: '["Courriel","Lettre"]',
    regulatory: 1,
    advised: 0,
    dueDate: '2027-03-10',
    dueKind: 'regulatory',
    workingDayFallback: null,
    applicability: 'ALWAYS',
    status: 'todo',
    doneAt: null,
    doneBy: null,
    doneByEmail: null,
    observations: '',
    reason: '',
    version: 1,
    ...changes,
  };
  return { id: ID, json: JSON.stringify(TASK_COLUMNS.map((name) => values[name])) };
}

const aCheck = (status: CheckResult['status']): CheckResult => ({
  code: 'JURY_MINIMUM',
  label: 'Jury complet',
  taskCodes: ['JURY_CONVENE'],
  status,
  findings: [],
  evidence: ['2 membres'],
});

function aContext(changes: Partial<TaskViewContext> = {}): TaskViewContext {
  return {
    today: '2027-03-01',
    facts: {
      nature: 'TITRE',
      hasVaeCandidates: false,
      hasTrainingCandidates: true,
      hasLivretCandidates: false,
      hasAccommodationRequests: false,
    },
    phaseLabels: new Map([['JURY', 'Jury']]),
    checksByTask: new Map([['JURY_CONVENE', [aCheck('pass')]]]),
    ...changes,
  };
}

function viewOf(cache: TaskViewCache, row: TaskRow, context = aContext(), keep = true) {
  return cache.views([row], cache.sources([row]), context, keep)[0];
}

describe('taskSource', () => {
  it('reads the columns of a row from SQLite (0/1) or PostgreSQL (true/false)', () => {
    expect(taskSource(aRow().json)).toMatchObject({
      id: ID,
      items: ['Courriel', 'Lettre'],
      regulatory: true,
      advised: false,
      parentCode: null,
      position: 2,
    });
    expect(taskSource(aRow({ regulatory: false, advised: true }).json)).toMatchObject({
      regulatory: false,
      advised: true,
    });
  });
});

describe('TaskViewCache', () => {
  it('gives the same view again while nothing it is made from changes', () => {
    const cache = new TaskViewCache();
    const first = viewOf(cache, aRow());
    expect(first).toMatchObject({ code: 'JURY_CONVENE', phaseLabel: 'Jury', daysLeft: 9 });
    expect(viewOf(cache, aRow())).toBe(first);
    // An unchanged row's columns come from its kept view.
    expect(cache.sources([aRow()])[0]).toBe(first);
  });

  it('makes the view again when the row or anything it reads of the page changes', () => {
    const cache = new TaskViewCache();
    viewOf(cache, aRow());
    expect(viewOf(cache, aRow({ observations: 'Relancé' })).observations).toBe('Relancé');
    const pending = new Map([['JURY_CONVENE', [aCheck('pending')]]]);
    expect(
      viewOf(cache, aRow(), aContext({ today: '2027-03-12', checksByTask: pending })),
    ).toMatchObject({ overdue: true, daysLeft: -2, provenByData: false });
    // Proven by the data: past its date, the task is not late.
    expect(viewOf(cache, aRow(), aContext({ today: '2027-03-12' }))).toMatchObject({
      overdue: false,
      daysLeft: -2,
      provenByData: true,
    });
    const ccp = aContext({ facts: { ...aContext().facts, nature: 'CCP' } });
    expect(viewOf(cache, aRow({ applicability: 'CCP_SESSION' }), aContext()).applicable).toBe(
      false,
    );
    expect(viewOf(cache, aRow({ applicability: 'CCP_SESSION' }), ccp).applicable).toBe(true);
    const relabelled = aContext({ phaseLabels: new Map([['JURY', 'Constitution du jury']]) });
    expect(viewOf(cache, aRow(), relabelled).phaseLabel).toBe('Constitution du jury');
    const failing = aContext({ checksByTask: new Map([['JURY_CONVENE', [aCheck('fail')]]]) });
    expect(viewOf(cache, aRow(), failing).verifiedByData?.verified).toBe(false);
    expect(viewOf(cache, aRow(), aContext()).verifiedByData?.verified).toBe(true);
  });

  it('keeps nothing new when told not to', () => {
    const cache = new TaskViewCache();
    const once = viewOf(cache, aRow(), aContext(), false);
    expect(viewOf(cache, aRow(), aContext(), false)).not.toBe(once);
    const kept = viewOf(cache, aRow());
    expect(viewOf(cache, aRow(), aContext(), false)).toBe(kept);
  });
});

import type { SessionTask } from '../../checklist/session-task.entity.js';
import type { Obligation } from '../../obligations/obligation-rules.js';
import type { Deadline } from '../calendar/calendar.query.js';
import { obligationItem, obligationLinkLabel, taskItem } from './deadline-views.js';

const deadline: Deadline = {
  taskId: 't1',
  code: 'PLAN_ECF_ASSESSMENTS',
  label: 'Transmettre à l’UD (DREETS/DDETS) le calendrier',
  dueDate: '2027-02-28',
  workingDayFallback: '2027-02-26',
  regulatory: true,
  sessionId: 's1',
  titreCode: 'CDA',
  siteName: 'Lyon',
  provenByData: false,
};

const task = {
  id: 't1',
  sessionId: 's1',
  code: 'PLAN_ECF_ASSESSMENTS',
  phase: 'PREPARATION',
  position: 3,
  parentCode: null,
  label: 'Transmettre à l’UD (DREETS/DDETS) le calendrier',
  items: [],
  regulatory: true,
  advised: false,
  obligation: false,
  applicability: 'ALWAYS',
  dueDate: '2027-02-28',
  dueKind: 'REGULATORY',
  workingDayFallback: '2027-02-26',
  status: 'todo',
  doneAt: null,
  doneBy: null,
  doneByEmail: null,
  observations: 'Envoyé au service',
  reason: '',
  version: 4,
} as unknown as SessionTask;

function anObligation(overrides: Partial<Obligation> = {}): Obligation {
  return {
    key: 'ANNUAL_PROGRAMME:2027',
    code: 'ANNUAL_PROGRAMME',
    label: 'Communiquer le programme annuel des sessions 2027',
    dueDate: '2027-01-31',
    workingDayFallback: '2027-01-29',
    status: 'late',
    doneOn: null,
    information: false,
    source: { text: 'Règlement', article: '§ 1.1', date: null },
    link: {
      kind: 'annual-programme',
      id: null,
      href: '/centres/c1/obligations?year=2027#programme',
    },
    ...overrides,
  };
}

describe('« Mes échéances » items', () => {
  it('shows a task with the checklist’s own row, its session, late from the working-day fallback', () => {
    const context = {
      region: 'ILE_DE_FRANCE' as const,
      today: '2027-02-27',
      editable: true,
      returnTo: 'echeances' as const,
    };
    const item = taskItem(deadline, task, context);
    expect(item).toMatchObject({
      kind: 'task',
      sessionHref: '/sessions/s1',
      sessionLabel: 'CDA (Lyon)',
      late: true,
      lateText: 'en retard de 1 jour',
      moved: 'échéance le dimanche 28/02/2027, à faire le vendredi 26/02/2027',
    });
    // The row posts to the session page's tick route, with the version and the stored text kept.
    expect(item.row).toMatchObject({
      action: '/sessions/s1/tasks/t1',
      version: 4,
      observations: 'Envoyé au service',
      label: 'Transmettre à l’UD (DRIEETS) le calendrier',
      editable: true,
      cssClass: 'task task-overdue',
      // Without JavaScript, the tick comes back to « Mes échéances ».
      returnTo: 'echeances',
    });
    expect(
      taskItem(deadline, task, { ...context, returnTo: 'echeances-miennes' }).row.returnTo,
    ).toBe('echeances-miennes');
    const proven = taskItem({ ...deadline, provenByData: true }, task, context);
    expect(proven.late).toBe(false);
    expect(proven.row.verified).toEqual({ ok: true, text: 'Vérifié par les données' });
    // Not late, but due tomorrow, as the session page shows it.
    expect(proven.row.cssClass).toBe('task task-soon');
    expect(taskItem(deadline, task, { ...context, editable: false }).row.editable).toBe(false);
  });

  it('shows an obligation with its centre and where it is recorded', () => {
    const context = { centreName: 'Centre Dupré', today: '2027-03-01', writable: true };
    expect(obligationItem(anObligation(), context)).toMatchObject({
      kind: 'obligation',
      centreName: 'Centre Dupré',
      href: '/centres/c1/obligations?year=2027#programme',
      linkLabel: 'Enregistrer la communication',
      late: true,
      lateText: 'en retard de 31 jours',
    });
    const end = anObligation({
      code: 'AGREMENT_END',
      information: true,
      dueDate: '2027-03-10',
      workingDayFallback: null,
      status: 'todo',
    });
    expect(obligationItem(end, context)).toMatchObject({ late: false, lateText: null });
    expect(obligationLinkLabel(anObligation(), false)).toBe('Voir les obligations de l’année');
    expect(obligationLinkLabel(anObligation({ code: 'PROVIDER_AVENANT' }), true)).toBe(
      'Enregistrer l’envoi de l’avenant',
    );
  });
});

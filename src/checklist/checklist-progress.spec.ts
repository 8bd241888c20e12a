import {
  checklistProgress,
  comparePhasePosition,
  daysLeft,
  isOverdue,
  type ProgressTask,
} from './checklist-progress.js';

let counter = 0;
function aTask(overrides: Partial<ProgressTask> = {}): ProgressTask {
  counter += 1;
  return {
    id: `t${counter}`,
    code: `PLAN_TASK_${counter}`,
    label: `Tâche ${counter}`,
    phase: 'PLAN',
    position: counter,
    regulatory: true,
    status: 'todo',
    dueDate: '2027-03-10',
    dueKind: 'phase',
    workingDayFallback: null,
    applicable: true,
    conditional: false,
    ...overrides,
  };
}

const PHASES = [
  { code: 'PLAN' as const, label: 'Programmation et déclarations' },
  { code: 'DAY' as const, label: 'Jour de la session' },
];
const TODAY = '2027-03-01';

describe('overdue and days left', () => {
  it('is overdue when to do, applicable, not conditional and due before today', () => {
    expect(isOverdue(aTask({ dueDate: '2027-02-28' }), TODAY)).toBe(true);
    expect(isOverdue(aTask({ dueDate: TODAY }), TODAY)).toBe(false);
    expect(isOverdue(aTask({ dueDate: '2027-02-28', status: 'done' }), TODAY)).toBe(false);
    expect(isOverdue(aTask({ dueDate: '2027-02-28', applicable: false }), TODAY)).toBe(false);
    expect(isOverdue(aTask({ dueDate: '2027-02-28', conditional: true }), TODAY)).toBe(false);
  });

  it('counts the days left for tasks still to do only', () => {
    expect(daysLeft(aTask({ dueDate: '2027-03-15' }), TODAY)).toBe(14);
    expect(daysLeft(aTask({ dueDate: '2027-02-27' }), TODAY)).toBe(-2);
    expect(daysLeft(aTask({ status: 'done' }), TODAY)).toBeNull();
  });

  it('orders by phase, then position', () => {
    const tasks = [
      aTask({ phase: 'DAY', position: 1 }),
      aTask({ phase: 'PLAN', position: 2 }),
      aTask({ phase: 'PLAN', position: 1 }),
    ];
    expect([...tasks].sort(comparePhasePosition).map((t) => `${t.phase}${t.position}`)).toEqual([
      'PLAN1',
      'PLAN2',
      'DAY1',
    ]);
  });
});

describe('checklist progress', () => {
  it('counts statuses, overdue and soon-due tasks', () => {
    const tasks = [
      aTask({ status: 'done' }),
      aTask({ status: 'not_applicable' }),
      aTask({ dueDate: '2027-02-01' }), // overdue
      aTask({ dueDate: '2027-02-01', conditional: true }), // incident only: not overdue
      aTask({ dueDate: '2027-02-01', applicable: false }), // not applicable: not overdue
      aTask({ dueDate: TODAY }), // due today: soon
      aTask({ dueDate: '2027-03-15' }), // in 14 days: soon
      aTask({ dueDate: '2027-03-16' }), // in 15 days: not soon
    ];
    expect(checklistProgress(tasks, TODAY, PHASES).counts).toEqual({
      done: 1,
      todo: 6,
      notApplicable: 1,
      overdue: 1,
      dueWithin14Days: 2,
    });
  });

  it('measures progress among applicable tasks, done and sans objet counting as done', () => {
    const tasks = [
      aTask({ status: 'done' }),
      aTask({ status: 'not_applicable', regulatory: false }),
      aTask(),
      aTask({ applicable: false }),
      aTask({ applicable: false, status: 'done' }),
      aTask({ phase: 'DAY', status: 'done', regulatory: false }),
    ];
    const { progress } = checklistProgress(tasks, TODAY, PHASES);
    expect(progress.overall).toEqual({ done: 3, total: 4, percent: 75 });
    expect(progress.regulatory).toEqual({ done: 1, total: 2, percent: 50 });
    expect(progress.byPhase).toEqual([
      {
        phase: 'PLAN',
        label: 'Programmation et déclarations',
        overall: { done: 2, total: 3, percent: 66 },
        regulatory: { done: 1, total: 2, percent: 50 },
      },
      {
        phase: 'DAY',
        label: 'Jour de la session',
        overall: { done: 1, total: 1, percent: 100 },
        regulatory: { done: 0, total: 0, percent: 100 },
      },
    ]);
  });

  it('names the next deadline among open tasks due today or later', () => {
    const tasks = [
      aTask({ dueDate: '2027-02-01' }),
      aTask({ dueDate: '2027-03-20', code: 'PLAN_LATER' }),
      aTask({ dueDate: '2027-03-05', code: 'PLAN_DONE', status: 'done' }),
      aTask({ dueDate: '2027-03-04', code: 'PLAN_INCIDENT', conditional: true }),
      aTask({
        dueDate: '2027-03-06',
        code: 'PLAN_NEXT',
        dueKind: 'regulatory',
        workingDayFallback: '2027-03-05',
      }),
    ];
    expect(checklistProgress(tasks, TODAY, PHASES).nextDeadline).toMatchObject({
      code: 'PLAN_NEXT',
      dueDate: '2027-03-06',
      dueKind: 'regulatory',
      workingDayFallback: '2027-03-05',
      daysLeft: 5,
    });
    expect(checklistProgress([aTask({ status: 'done' })], TODAY, PHASES).nextDeadline).toBeNull();
  });
});

describe('tasks proven by the data and obligations of the agrément', () => {
  it('never counts a task proven by the data as late nor as the next deadline', () => {
    const proven = aTask({ dueDate: '2027-02-20', provenByData: true });
    expect(isOverdue(proven, TODAY)).toBe(false);
    const soon = aTask({ dueDate: '2027-03-05', provenByData: true });
    const later = aTask({ dueDate: '2027-03-20' });
    const result = checklistProgress([proven, soon, later], TODAY, PHASES);
    expect(result.counts.overdue).toBe(0);
    expect(result.counts.dueWithin14Days).toBe(0);
    expect(result.nextDeadline?.taskId).toBe(later.id);
  });

  it('counts the obligations the guide leaves unflagged with the regulatory tasks', () => {
    const result = checklistProgress(
      [
        aTask({ regulatory: true, status: 'done' }),
        aTask({ regulatory: false, obligation: true }),
        aTask({ regulatory: false }),
      ],
      TODAY,
      PHASES,
    );
    expect(result.progress.regulatory).toEqual({ done: 1, total: 2, percent: 50 });
    expect(result.progress.overall).toEqual({ done: 1, total: 3, percent: 33 });
  });
});

import { BULK_MAX } from '../common/bulk-selection.js';
import {
  bulkCompleteErrors,
  bulkTick,
  NO_TASK_SELECTED,
  unknownTasksError,
} from './bulk-complete.js';
import type { TickFields } from './task-tick.js';

const TODAY = '2027-03-01';
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const author = { userId: 'u-1', email: 'rs@centre.fr' };
const todo: TickFields = {
  status: 'todo',
  doneAt: null,
  doneBy: null,
  doneByEmail: null,
  observations: 'À relancer',
  reason: '',
};

describe('bulkCompleteErrors', () => {
  it('accepts tasks with a past or today date', () => {
    expect(bulkCompleteErrors({ taskIds: [A, B], doneAt: TODAY }, TODAY)).toEqual([]);
    expect(bulkCompleteErrors({ taskIds: [A], doneAt: '2027-02-01' }, TODAY)).toEqual([]);
  });

  it('reports nothing selected and a missing date at once', () => {
    expect(bulkCompleteErrors({ taskIds: [], doneAt: undefined }, TODAY)).toEqual([
      { field: 'taskIds', message: NO_TASK_SELECTED },
      {
        field: 'doneAt',
        message:
          'Le champ « doneAt » est obligatoire : la date à laquelle les tâches ont été faites.',
      },
    ]);
  });

  it('refuses a date in the future, a task twice, too many tasks', () => {
    const errors = bulkCompleteErrors({ taskIds: [A, A], doneAt: '2027-03-02' }, TODAY);
    expect(errors.map((e) => e.field)).toEqual(['taskIds', 'doneAt']);
    expect(errors[1].message).toContain('01/03/2027');
    const many = Array.from({ length: BULK_MAX + 1 }, (_, i) => `id-${i}`);
    expect(bulkCompleteErrors({ taskIds: many, doneAt: TODAY }, TODAY)[0].message).toContain(
      String(BULK_MAX),
    );
  });
});

describe('unknownTasksError', () => {
  it('names how many selected tasks are not the session’s', () => {
    expect(unknownTasksError([A, B], [A, B])).toBeNull();
    expect(unknownTasksError([A, B], [A])?.message).toContain('Une tâche sélectionnée');
    expect(unknownTasksError([A, B], [])?.message).toContain('2 tâches sélectionnées');
  });
});

describe('bulkTick', () => {
  it('ticks a task to do on the date, by the author, keeping its observations', () => {
    expect(bulkTick(todo, '2027-02-20', author, TODAY)).toEqual({
      status: 'done',
      doneAt: '2027-02-20',
      doneBy: 'u-1',
      doneByEmail: 'rs@centre.fr',
      observations: 'À relancer',
      reason: '',
    });
  });

  it('leaves a task already done on that date unchanged', () => {
    const done = bulkTick(todo, '2027-02-20', author, TODAY);
    expect(done).not.toBeNull();
    expect(bulkTick(done as TickFields, '2027-02-20', author, TODAY)).toBeNull();
  });

  it('moves the date of a task done on another date, keeping who did it', () => {
    const done: TickFields = {
      ...todo,
      status: 'done',
      doneAt: '2027-02-10',
      doneBy: 'u-0',
      doneByEmail: 'a@b.fr',
    };
    expect(bulkTick(done, '2027-02-20', author, TODAY)).toMatchObject({
      status: 'done',
      doneAt: '2027-02-20',
      doneBy: 'u-0',
    });
  });

  it('turns a task « sans objet » into done, its reason dropped', () => {
    const na: TickFields = {
      ...todo,
      status: 'not_applicable',
      doneAt: '2027-02-10',
      doneBy: 'u-0',
      doneByEmail: 'a@b.fr',
      reason: 'Pas de VAE',
    };
    expect(bulkTick(na, '2027-02-20', author, TODAY)).toMatchObject({
      status: 'done',
      reason: '',
      doneBy: 'u-1',
    });
  });
});

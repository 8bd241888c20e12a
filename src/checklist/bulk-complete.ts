/**
 * Ticking several tasks of a checklist at once with one « fait le » date: the rules of the request
 * and what each task becomes. Each task is then saved and audited as if ticked on its own.
 */
import type { CalendarDate } from '../common/calendar-date.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { FieldError } from '../common/validation/field-errors.js';
import { selectionErrors, unknownIds } from '../common/bulk-selection.js';
import { nextTick, type TickAuthor, type TickFields } from './task-tick.js';

export interface BulkCompleteRequest {
  taskIds: readonly string[];
  /** Undefined: not given (refused: the date is the point of the action). */
  doneAt: CalendarDate | undefined;
}

export const NO_TASK_SELECTED =
  'Aucune tâche n’est sélectionnée : cochez « Sélectionner » sur au moins une tâche (rien n’a été enregistré).';

/** Every rule the request breaks, whatever the stored tasks: all messages at once. */
export function bulkCompleteErrors(
  request: BulkCompleteRequest,
  today: CalendarDate,
): FieldError[] {
  const errors = selectionErrors('taskIds', request.taskIds, NO_TASK_SELECTED);
  if (request.doneAt === undefined) {
    errors.push({
      field: 'doneAt',
      message:
        'Le champ « doneAt » est obligatoire : la date à laquelle les tâches ont été faites.',
    });
  } else {
    const future = futureDateError('doneAt', request.doneAt, today);
    if (future) errors.push(future);
  }
  return errors;
}

/** The selected tasks that are not the session's: a French error naming how many. */
export function unknownTasksError(
  taskIds: readonly string[],
  sessionTaskIds: Iterable<string>,
): FieldError | null {
  const unknown = unknownIds(taskIds, sessionTaskIds);
  if (unknown.length === 0) return null;
  return {
    field: 'taskIds',
    message:
      unknown.length === 1
        ? 'Une tâche sélectionnée n’appartient pas à cette session (ou n’existe plus).'
        : `${unknown.length} tâches sélectionnées n’appartiennent pas à cette session (ou n’existent plus).`,
  };
}

/**
 * The tick of one selected task: done on that date. A task already done on that date is left
 * unchanged (null): ticking twice never counts twice, nor writes a second audit entry.
 */
export function bulkTick(
  current: TickFields,
  doneAt: CalendarDate,
  author: TickAuthor,
  today: CalendarDate,
): TickFields | null {
  if (current.status === 'done' && current.doneAt === doneAt) return null;
  const outcome = nextTick(current, { status: 'done', doneAt }, author, today);
  // The request's rules were checked beforehand: a « done » tick with a past date always passes.
  return outcome.ok ? outcome.tick : null;
}

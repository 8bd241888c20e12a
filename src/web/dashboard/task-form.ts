/** The tick form of a checklist task: from the HTML form body to the API's UpdateTaskDto fields. */
import type { TaskStatus } from '../../checklist/session-task.entity.js';
import { tickRequestErrors } from '../../checklist/task-tick.js';
import type { CalendarDate } from '../../common/calendar-date.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { checked, integer, text, wellFormedDate, type FormBody } from '../forms/form-input.js';
import { labelOf } from '../forms/field-labels.js';
import type { TaskInput } from '../sessions/session-views.js';
import type { TaskCoreView } from '../../checklist/task-view.js';

export const TASK_FORM_LABELS = labelOf({
  status: 'Statut',
  doneAt: 'Fait le',
  observations: 'Observations',
  reason: 'Motif',
  version: 'Version',
});

export function taskInput(body: FormBody): TaskInput {
  return {
    done: checked(body, 'done'),
    notApplicable: checked(body, 'notApplicable'),
    doneAt: text(body, 'doneAt').trim(),
    observations: text(body, 'observations'),
    reason: text(body, 'reason'),
  };
}

export function statusOf(input: TaskInput): TaskStatus {
  if (input.notApplicable) return 'not_applicable';
  return input.done ? 'done' : 'todo';
}

/** The plain object validated with UpdateTaskDto: no date for a task still to do. */
export function taskPatch(body: FormBody): Record<string, unknown> {
  const input = taskInput(body);
  const status = statusOf(input);
  const patch: Record<string, unknown> = {
    status,
    observations: input.observations,
    reason: status === 'todo' ? '' : input.reason,
    version: integer(body, 'version'),
  };
  if (status !== 'todo' && input.doneAt !== '') patch.doneAt = input.doneAt;
  return patch;
}

/**
 * The tick's rules needing no database (a date only for a task done, never after today; a reason
 * for « sans objet »), on the form's patch: the form always sends its reason, so the stored one
 * is not needed. A malformed date is left to the DTO's message.
 */
export function taskRuleErrors(patch: Record<string, unknown>, today: CalendarDate): FieldError[] {
  const status = patch.status as TaskStatus;
  const doneAt = patch.doneAt === undefined ? undefined : wellFormedDate(patch.doneAt);
  if (patch.doneAt !== undefined && doneAt === undefined) return [];
  const reason = typeof patch.reason === 'string' ? patch.reason : '';
  return tickRequestErrors({ status, doneAt, reason }, '', today);
}

/**
 * The form shown to the loser of an edit conflict: the status and date as the other person saved
 * them, and the texts as typed (an empty typed text shows the saved one: nothing to keep). The
 * saved texts are shown beside the form, so both can be merged before saving again.
 */
export function conflictInput(
  typed: TaskInput,
  current: Pick<TaskCoreView, 'status' | 'doneAt' | 'observations' | 'reason'>,
  today: CalendarDate,
): TaskInput {
  const keep = (mine: string, theirs: string) => (mine.trim() === '' ? theirs : mine);
  return {
    done: current.status === 'done',
    notApplicable: current.status === 'not_applicable',
    doneAt: current.doneAt ?? today,
    observations: keep(typed.observations, current.observations),
    reason: keep(typed.reason, current.reason),
  };
}

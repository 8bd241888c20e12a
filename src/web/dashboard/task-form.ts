/** The tick form of a checklist task: from the HTML form body to the API's UpdateTaskDto fields. */
import type { TaskStatus } from '../../checklist/session-task.entity.js';
import { checked, integer, text, type FormBody } from '../forms/form-input.js';
import { labelOf } from '../forms/field-labels.js';
import type { TaskInput } from '../sessions/session-views.js';

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

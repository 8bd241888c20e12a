/** The rules of ticking a task: status, date, author, observations and reason. */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';
import type { CheckResult } from '../compliance/compliance-rules.js';
import type { SessionTask, TaskStatus } from './session-task.entity.js';

export const TICK_FIELDS = [
  'status',
  'doneAt',
  'doneBy',
  'doneByEmail',
  'observations',
  'reason',
] as const;

export type TickFields = Pick<SessionTask, (typeof TICK_FIELDS)[number]>;

export interface TickRequest {
  status: TaskStatus;
  doneAt?: CalendarDate;
  observations?: string;
  reason?: string;
}

export interface TickAuthor {
  userId: string;
  email: string;
}

export type TickOutcome = { ok: true; tick: TickFields } | { ok: false; errors: FieldError[] };

/**
 * Every rule a tick request breaks, whatever the stored task: a date only for a task done or not
 * applicable, never after today, and a reason to mark it not applicable (`currentReason`: the
 * stored reason, kept when the status does not change and no reason is sent).
 */
export function tickRequestErrors(
  request: TickRequest,
  currentReason: string,
  today: CalendarDate,
): FieldError[] {
  const errors: FieldError[] = [];
  if (request.status === 'todo') {
    if (request.doneAt !== undefined) {
      errors.push({
        field: 'doneAt',
        message:
          "Le champ « doneAt » ne s'applique qu'à une tâche faite ou sans objet (statut « done » ou « not_applicable »).",
      });
    }
    return errors;
  }
  if (request.doneAt !== undefined && compareDates(request.doneAt, today) > 0) {
    errors.push({
      field: 'doneAt',
      message: `Le champ « doneAt » ne doit pas être postérieur à aujourd'hui (${formatFrenchDate(today)}).`,
    });
  }
  const reason = request.reason ?? currentReason;
  if (request.status === 'not_applicable' && reason.trim() === '') {
    errors.push({
      field: 'reason',
      message: 'Le champ « reason » est obligatoire pour marquer une tâche sans objet.',
    });
  }
  return errors;
}

/** The tick of a task once the request is applied, or the field errors why it is refused. */
export function nextTick(
  current: TickFields,
  request: TickRequest,
  author: TickAuthor,
  today: CalendarDate,
): TickOutcome {
  const statusChanged = request.status !== current.status;
  // A reason explains one status: it does not carry over to another one unless sent again.
  const reason = request.reason ?? (statusChanged ? '' : current.reason);
  const observations = request.observations ?? current.observations;
  const errors = tickRequestErrors(request, statusChanged ? '' : current.reason, today);
  if (errors.length > 0) return { ok: false, errors };

  if (request.status === 'todo') {
    return {
      ok: true,
      tick: { status: 'todo', doneAt: null, doneBy: null, doneByEmail: null, observations, reason },
    };
  }
  const keepAuthor = !statusChanged && current.doneBy !== null;
  return {
    ok: true,
    tick: {
      status: request.status,
      doneAt: request.doneAt ?? (statusChanged ? null : current.doneAt) ?? today,
      doneBy: keepAuthor ? current.doneBy : author.userId,
      doneByEmail: keepAuthor ? current.doneByEmail : author.email,
      observations,
      reason,
    },
  };
}

const FINDINGS_SHOWN = 3;

/** The 400 refusal when a task is ticked done without a reason while supporting checks fail. */
export function failingChecksError(checks: readonly CheckResult[]): FieldError {
  const parts = checks.map((check) => {
    const shown = check.findings.slice(0, FINDINGS_SHOWN).map((f) => f.message);
    const more = check.findings.length - shown.length;
    if (more > 0)
      shown.push(`et ${more} autre${more > 1 ? 's' : ''} constat${more > 1 ? 's' : ''}`);
    return `le contrôle « ${check.label} » échoue (${shown.join(' ')})`;
  });
  return {
    field: 'reason',
    message: `Le champ « reason » est obligatoire : ${parts.join(' ; ')}. Indiquez pourquoi la tâche est cochée malgré tout.`,
  };
}

/** The rules of ticking a task: status, date, author, observations and reason. */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
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

export type TickOutcome = { ok: true; tick: TickFields } | { ok: false; message: string };

/** The tick of a task once the request is applied, or the French reason why it is refused. */
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

  if (request.status === 'todo') {
    if (request.doneAt !== undefined) {
      return {
        ok: false,
        message:
          "Le champ « doneAt » ne s'applique qu'à une tâche faite ou sans objet (statut « done » ou « not_applicable »).",
      };
    }
    return {
      ok: true,
      tick: { status: 'todo', doneAt: null, doneBy: null, doneByEmail: null, observations, reason },
    };
  }

  if (request.doneAt !== undefined && compareDates(request.doneAt, today) > 0) {
    return {
      ok: false,
      message: `Le champ « doneAt » ne doit pas être postérieur à aujourd'hui (${formatFrenchDate(today)}).`,
    };
  }
  if (request.status === 'not_applicable' && reason.trim() === '') {
    return {
      ok: false,
      message: 'Le champ « reason » est obligatoire pour marquer une tâche sans objet.',
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

/** The 400 message when a task is ticked done without a reason while supporting checks fail. */
export function failingChecksMessage(checks: readonly CheckResult[]): string {
  const parts = checks.map((check) => {
    const shown = check.findings.slice(0, FINDINGS_SHOWN).map((f) => f.message);
    const more = check.findings.length - shown.length;
    if (more > 0)
      shown.push(`et ${more} autre${more > 1 ? 's' : ''} constat${more > 1 ? 's' : ''}`);
    return `le contrôle « ${check.label} » échoue (${shown.join(' ')})`;
  });
  return `Le champ « reason » est obligatoire : ${parts.join(' ; ')}. Indiquez pourquoi la tâche est cochée malgré tout.`;
}

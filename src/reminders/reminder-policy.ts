import { addDays, daysBetween, type CalendarDate } from '../common/calendar-date.js';

/** When reminders go out for a task: days before its due date, then every N days overdue. */
export interface ReminderPolicy {
  /** Days before the due date (0 = on the day), e.g. [14, 7, 1, 0]. */
  offsets: number[];
  /** An overdue notice every N days after the due date; 0 = none. */
  overdueEveryDays: number;
  enabled: boolean;
}

export const DEFAULT_REMINDER_POLICY: Readonly<ReminderPolicy> = Object.freeze({
  offsets: [14, 7, 1, 0],
  overdueEveryDays: 7,
  enabled: true,
});

/** One reminder step of a task: `J-7` falls 7 days before the due date, `J+14` 14 days after. */
export interface ReminderStep {
  step: string;
  stepDate: CalendarDate;
  /** Days from today to the due date: positive = days left, negative = days overdue. */
  daysLeft: number;
}

function stepName(offsetFromDue: number): string {
  if (offsetFromDue === 0) return 'J0';
  return offsetFromDue < 0 ? `J${offsetFromDue}` : `J+${offsetFromDue}`;
}

/**
 * The reminder step a task is at today: the latest step whose date has come. A step that was
 * missed (the application was down) is therefore still returned until a later step replaces it,
 * so a deadline that passed meanwhile gets its overdue notice. Null before the first step.
 */
export function remindersDue(
  task: { dueDate: CalendarDate },
  policy: ReminderPolicy,
  today: CalendarDate,
): ReminderStep | null {
  if (!policy.enabled) return null;
  const daysLeft = daysBetween(today, task.dueDate);
  let offsetFromDue: number | null = null;
  if (daysLeft < 0 && policy.overdueEveryDays > 0) {
    const periods = Math.floor(-daysLeft / policy.overdueEveryDays);
    if (periods > 0) offsetFromDue = periods * policy.overdueEveryDays;
  }
  if (offsetFromDue === null) {
    const reached = policy.offsets.filter((offset) => offset >= daysLeft);
    if (reached.length === 0) return null;
    offsetFromDue = -Math.min(...reached);
  }
  return {
    step: stepName(offsetFromDue),
    stepDate: addDays(task.dueDate, offsetFromDue),
    daysLeft,
  };
}

/** How far ahead of today a task may be due and already have a step: the largest offset. */
export function reminderHorizon(policies: readonly ReminderPolicy[]): number {
  return Math.max(0, ...policies.filter((p) => p.enabled).flatMap((p) => p.offsets));
}

/** Whether a step deserves its own e-mail at once: a réglementaire task due today or tomorrow. */
export function isImmediate(task: { regulatory: boolean }, step: ReminderStep): boolean {
  return task.regulatory && step.daysLeft >= 0 && step.daysLeft <= 1;
}

/**
 * Re-sits (rattrapages): a person who failed or partly succeeded at a session has one year from
 * its end to sit again without new training; the centre plans a session for them and tells them,
 * and Jalon reminds the centre's managers 3 months, 1 month and 1 week before the deadline while
 * no session is planned.
 */
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  type CalendarDate,
} from '../common/calendar-date.js';
import {
  CERTIFICATION_SOURCES,
  RESIT_PERIOD,
  type RuleSource,
  type YearsRule,
} from './certification-sources.js';
import {
  certificationRecord,
  compareAttempts,
  sessionOutcomes,
  sessionScope,
  type SessionAttempt,
  type SessionOutcome,
  type TitreScope,
} from './record-rules.js';

/** Last day a re-sit session may start: end of the session + the re-sit period (1 year). */
export function resitDeadline(
  sessionEnd: CalendarDate,
  period: YearsRule = RESIT_PERIOD,
): CalendarDate {
  return addYears(sessionEnd, period.years);
}

/** The session outcomes that open a re-sit window. */
export const RESIT_OUTCOMES: readonly SessionOutcome[] = ['PARTIAL', 'FAILURE'];

export type ResitStatus =
  /** No later session covers a missing CCP yet: the centre must plan one. */
  | 'OPEN'
  /** The person is enrolled in a later session that covers a missing CCP, starting by the deadline. */
  | 'PLANNED'
  /** The deadline has passed and a CCP is still missing. */
  | 'EXPIRED'
  /** Every CCP missing after the failed session has been acquired since. */
  | 'COMPLETED';

export const RESIT_STATUS_LABELS: Readonly<Record<ResitStatus, string>> = {
  OPEN: 'À programmer',
  PLANNED: 'Session prévue',
  EXPIRED: 'Délai dépassé',
  COMPLETED: 'Rattrapage réussi',
};

export interface ResitPerson {
  readonly id: string;
  readonly lastName: string;
  readonly firstName: string;
}

export interface ResitInput {
  readonly person: ResitPerson;
  readonly titreId: string;
  readonly titre: TitreScope;
  /**
   * Every session of this titre version the person is enrolled in, held or planned (not the
   * cancelled ones). A session without results counts as planned.
   */
  readonly sessions: readonly SessionAttempt[];
}

export interface ResitItem {
  readonly personId: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly titreId: string;
  readonly titreCode: string;
  /** The failed or partly successful session that opened the window. */
  readonly sessionId: string;
  readonly sessionEndDate: CalendarDate;
  readonly outcome: SessionOutcome;
  /** Codes evaluated at a session of the window and still not acquired, in the titre's order. */
  readonly missingCcpCodes: readonly string[];
  readonly deadline: CalendarDate;
  /** Days from today to the deadline (negative once it has passed). */
  readonly daysLeft: number;
  readonly status: ResitStatus;
  /** The later session covering a missing CCP (PLANNED), the soonest. */
  readonly plannedSessionId: string | null;
  readonly source: RuleSource;
}

export interface ResitOptions {
  /** The re-sit period (default: 1 year, règlement des sessions). */
  readonly period?: YearsRule;
}

/**
 * The person's current re-sit for a titre version (the latest window), or null when no session of
 * theirs ended in a failure or a partial success. A window stays in the list as COMPLETED or
 * EXPIRED: the caller filters what it shows.
 *
 * The window opens at the first failed or partly successful session: the deadline is its end +
 * 1 year, and later failures within that year do not push it back (the year runs from the
 * session of the failure, the re-sits take place within it). A failure after the deadline opens a
 * new window. Missing CCP are those a session of the window evaluated and that are still not
 * acquired, whatever the session that gives them later.
 */
export function resitItem(
  input: ResitInput,
  today: CalendarDate,
  options: ResitOptions = {},
): ResitItem | null {
  const period = options.period ?? RESIT_PERIOD;
  const { titre } = input;
  const ordered = [...input.sessions].sort(compareAttempts);
  const record = certificationRecord(titre, ordered);
  const outcomes = sessionOutcomes(titre, ordered);
  const outcomeOf = (session: SessionAttempt): SessionOutcome =>
    outcomes.get(session.sessionId) ?? 'PENDING';

  // The window: the first failure not covered by an earlier window.
  let opener: { session: SessionAttempt; outcome: SessionOutcome; deadline: CalendarDate } | null =
    null;
  const windowSessions: SessionAttempt[] = [];
  for (const session of ordered) {
    const outcome = outcomeOf(session);
    const inWindow = opener !== null && compareDates(session.startDate, opener.deadline) <= 0;
    if (inWindow) {
      windowSessions.push(session);
      continue;
    }
    if (RESIT_OUTCOMES.includes(outcome)) {
      opener = { session, outcome, deadline: resitDeadline(session.endDate, period) };
      windowSessions.length = 0;
      windowSessions.push(session);
    }
  }
  if (opener === null) return null;

  const held = new Set(record.ccps.filter((c) => c.acquired !== null).map((c) => c.code));
  const evaluated = new Set(
    windowSessions.filter((s) => outcomeOf(s) !== 'PENDING').flatMap((s) => sessionScope(titre, s)),
  );
  const missingCcpCodes = titre.ccps
    .filter((c) => evaluated.has(c.code) && !held.has(c.code))
    .map((c) => c.code);

  const planned = ordered.find(
    (s) =>
      compareAttempts(s, opener.session) > 0 &&
      compareDates(s.startDate, opener.session.endDate) > 0 &&
      compareDates(s.startDate, opener.deadline) <= 0 &&
      outcomeOf(s) === 'PENDING' &&
      sessionScope(titre, s).some((code) => missingCcpCodes.includes(code)),
  );

  let status: ResitStatus;
  if (missingCcpCodes.length === 0) status = 'COMPLETED';
  else if (planned) status = 'PLANNED';
  else if (compareDates(today, opener.deadline) > 0) status = 'EXPIRED';
  else status = 'OPEN';

  return {
    personId: input.person.id,
    lastName: input.person.lastName,
    firstName: input.person.firstName,
    titreId: input.titreId,
    titreCode: titre.code,
    sessionId: opener.session.sessionId,
    sessionEndDate: opener.session.endDate,
    outcome: opener.outcome,
    missingCcpCodes,
    deadline: opener.deadline,
    daysLeft: daysBetween(today, opener.deadline),
    status,
    plannedSessionId: status === 'PLANNED' && planned ? planned.sessionId : null,
    source: period.source,
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Soonest deadline first, then by name (French order), then person and titre. */
export function compareResits(a: ResitItem, b: ResitItem): number {
  return (
    compareDates(a.deadline, b.deadline) ||
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.personId.localeCompare(b.personId) ||
    a.titreId.localeCompare(b.titreId)
  );
}

/** The re-sit list: a sorted copy, soonest deadline first. */
export function sortResits(items: readonly ResitItem[]): ResitItem[] {
  return [...items].sort(compareResits);
}

export type ResitReminderStepCode = 'THREE_MONTHS' | 'ONE_MONTH' | 'ONE_WEEK';

export interface ResitReminderStep {
  readonly code: ResitReminderStepCode;
  /** French label, e.g. « 3 mois avant l’échéance ». */
  readonly label: string;
  readonly months: number;
  readonly days: number;
  readonly source: RuleSource;
}

/** Reminders to the centre's managers before a re-sit deadline with no session planned. */
export const RESIT_REMINDER_STEPS: readonly ResitReminderStep[] = [
  {
    code: 'THREE_MONTHS',
    label: '3 mois avant l’échéance',
    months: 3,
    days: 0,
    source: CERTIFICATION_SOURCES.RESIT_PLANNING_DUTY,
  },
  {
    code: 'ONE_MONTH',
    label: '1 mois avant l’échéance',
    months: 1,
    days: 0,
    source: CERTIFICATION_SOURCES.RESIT_PLANNING_DUTY,
  },
  {
    code: 'ONE_WEEK',
    label: '1 semaine avant l’échéance',
    months: 0,
    days: 7,
    source: CERTIFICATION_SOURCES.RESIT_PLANNING_DUTY,
  },
];

/** The day a reminder step falls on: the deadline − its months (clamped) − its days. */
export function reminderDate(deadline: CalendarDate, step: ResitReminderStep): CalendarDate {
  return addDays(addMonths(deadline, -step.months), -step.days);
}

/**
 * The reminder step due on `today` for a re-sit: the latest step whose day has come, as long as
 * the re-sit is OPEN (no session planned, not completed) and the deadline has not passed; null
 * otherwise. Returning the latest step reached, not only a step falling exactly on `today`, keeps
 * a reminder from being lost when the digest did not run that day; the caller's outbox key
 * (person, session, step) keeps it from being sent twice.
 */
export function dueResitReminder(
  item: Pick<ResitItem, 'status' | 'deadline'>,
  today: CalendarDate,
  steps: readonly ResitReminderStep[] = RESIT_REMINDER_STEPS,
): ResitReminderStep | null {
  if (item.status !== 'OPEN' || compareDates(today, item.deadline) > 0) return null;
  let due: ResitReminderStep | null = null;
  for (const step of steps) {
    const day = reminderDate(item.deadline, step);
    if (
      compareDates(day, today) <= 0 &&
      (due === null || compareDates(day, reminderDate(item.deadline, due)) > 0)
    ) {
      due = step;
    }
  }
  return due;
}

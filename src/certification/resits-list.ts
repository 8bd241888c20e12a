/**
 * What a centre's re-sit list (« Rattrapages ») shows, and the sessions it offers to enrol a
 * person in: plain functions over the items of `resit-rules.ts` and the centre's sessions.
 */
import { addYears, compareDates, type CalendarDate } from '../common/calendar-date.js';
import type { YearsRule } from './certification-sources.js';
import type { ResitItem } from './resit-rules.js';
import type { SessionNature, SessionStatus } from '../sessions/exam-session.entity.js';

/**
 * The earliest end of a session that can still open a listed re-sit: a window opened by a
 * session ended before it has its deadline more than one re-sit period in the past. Reading
 * only the people with a session ended since keeps the list from reading every person.
 */
export function earliestListedSessionEnd(today: CalendarDate, period: YearsRule): CalendarDate {
  return addYears(today, -2 * period.years);
}

/** The earliest end of a session that can open a re-sit whose deadline has not passed yet. */
export function earliestOpenSessionEnd(today: CalendarDate, period: YearsRule): CalendarDate {
  return addYears(today, -period.years);
}

/**
 * Whether the centre's list shows a re-sit: open or planned; expired while its deadline passed
 * less than one re-sit period ago (the centre still sees who lost their window, then the line
 * goes); never once completed (the titre, or every missing CCP, obtained since).
 */
export function isListedResit(
  item: Pick<ResitItem, 'status' | 'deadline'>,
  today: CalendarDate,
  period: YearsRule,
): boolean {
  switch (item.status) {
    case 'OPEN':
    case 'PLANNED':
      return true;
    case 'EXPIRED':
      return compareDates(addYears(item.deadline, period.years), today) >= 0;
    case 'COMPLETED':
      return false;
  }
}

/** A session of the centre, as the choice of a re-sit session reads it. */
export interface ResitSessionOption {
  readonly id: string;
  readonly titreId: string;
  readonly nature: SessionNature;
  readonly status: SessionStatus;
  readonly ccpCodes: readonly string[];
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
}

/** Sessions still to be held: a re-sit session is chosen among them. */
const OPEN_STATUSES: readonly SessionStatus[] = ['PLANNED', 'POSTPONED'];

/**
 * The sessions a person with an open re-sit can be enrolled in, soonest first: the centre's CCP
 * sessions of the same titre version, still to be held (not cancelled, held or closed), starting
 * after today and after the session that opened the window, on or before the deadline, and
 * evaluating at least one missing CCP.
 */
export function resitSessionChoices(
  item: Pick<ResitItem, 'status' | 'titreId' | 'sessionEndDate' | 'deadline' | 'missingCcpCodes'>,
  sessions: readonly ResitSessionOption[],
  today: CalendarDate,
): ResitSessionOption[] {
  if (item.status !== 'OPEN') return [];
  return sessions
    .filter(
      (s) =>
        s.titreId === item.titreId &&
        s.nature === 'CCP' &&
        OPEN_STATUSES.includes(s.status) &&
        compareDates(s.startDate, today) > 0 &&
        compareDates(s.startDate, item.sessionEndDate) > 0 &&
        compareDates(s.startDate, item.deadline) <= 0 &&
        s.ccpCodes.some((code) => item.missingCcpCodes.includes(code)),
    )
    .sort((a, b) => compareDates(a.startDate, b.startDate) || a.id.localeCompare(b.id));
}

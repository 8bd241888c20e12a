/**
 * « Mes échéances »: what is overdue (whatever its month), then what is due in the next 30 days,
 * grouped by the day it must be done by. Plain rules over plain items: the page reads them from
 * the calendar's query (session tasks) and the centres' obligations.
 */
import {
  addDays,
  compareDates,
  daysBetween,
  formatFrenchDayAndDate,
  type CalendarDate,
} from '../../common/calendar-date.js';
import { effectiveDueDate } from '../../common/french-holidays.js';

/** The days shown after the overdue items: today and the 29 days after it. */
export const WINDOW_DAYS = 30;

/** The first day an overdue session task is read from (the first day a date may name). */
export const EARLIEST_DATE: CalendarDate = '1900-01-01';

/** What a due item needs for the rules: its due date, its working-day fallback, its proof. */
export interface DueItem {
  kind: 'task' | 'obligation';
  dueDate: CalendarDate;
  /** The working day before a due date on a weekend day or a public holiday, else null. */
  workingDayFallback: CalendarDate | null;
  /** A task « vérifiée par les données »: never late. */
  provenByData: boolean;
  /** An information item (an end of agrément or of titre version): never late. */
  information: boolean;
}

export interface DayGroup<T> {
  date: CalendarDate;
  /** « lundi 14/12/2026 » */
  heading: string;
  items: T[];
}

export interface DeadlineSections<T> {
  overdue: DayGroup<T>[];
  upcoming: DayGroup<T>[];
  overdueCount: number;
  upcomingCount: number;
  /** Items whose date has passed but which are never late (proven by the data, information). */
  settledPast: number;
}

/** The last day of the window starting today. */
export function windowEnd(today: CalendarDate): CalendarDate {
  return addDays(today, WINDOW_DAYS - 1);
}

/** The day an item must be done by: its working-day fallback when its due date is not worked. */
export function actBy(item: Pick<DueItem, 'dueDate' | 'workingDayFallback'>): CalendarDate {
  return effectiveDueDate(item);
}

/** Late: the day to act by has passed, and it is neither proven by the data nor information. */
export function isOverdue(item: DueItem, today: CalendarDate): boolean {
  return !item.provenByData && !item.information && compareDates(actBy(item), today) < 0;
}

/**
 * Items by the day they must be done by, oldest first; within a day the centre's obligations
 * come first, then the tasks in the order given (the query's: titre, session, checklist order).
 */
export function groupByDay<T extends DueItem>(items: readonly T[]): DayGroup<T>[] {
  const indexed = items.map((item, index) => ({ item, index, day: actBy(item) }));
  indexed.sort(
    (a, b) =>
      compareDates(a.day, b.day) || kindRank(a.item) - kindRank(b.item) || a.index - b.index,
  );
  const groups: DayGroup<T>[] = [];
  for (const { item, day } of indexed) {
    const last = groups[groups.length - 1];
    if (last?.date === day) last.items.push(item);
    else groups.push({ date: day, heading: formatFrenchDayAndDate(day), items: [item] });
  }
  return groups;
}

function kindRank(item: DueItem): number {
  return item.kind === 'obligation' ? 0 : 1;
}

/**
 * The overdue items (whatever their month), then those to do from today to the window's end;
 * items past their day but never late (proven by the data, information) are only counted, and
 * items beyond the window are left out.
 */
export function deadlineSections<T extends DueItem>(
  items: readonly T[],
  today: CalendarDate,
): DeadlineSections<T> {
  const end = windowEnd(today);
  const overdue: T[] = [];
  const upcoming: T[] = [];
  let settledPast = 0;
  for (const item of items) {
    const day = actBy(item);
    if (isOverdue(item, today)) overdue.push(item);
    else if (compareDates(day, today) < 0) settledPast += 1;
    else if (compareDates(day, end) <= 0) upcoming.push(item);
  }
  return {
    overdue: groupByDay(overdue),
    upcoming: groupByDay(upcoming),
    overdueCount: overdue.length,
    upcomingCount: upcoming.length,
    settledPast,
  };
}

/** « en retard de 3 jours » (counted from the day to act by), or null when not late. */
export function lateText(item: DueItem, today: CalendarDate): string | null {
  if (!isOverdue(item, today)) return null;
  const days = daysBetween(actBy(item), today);
  return `en retard de ${days} jour${days > 1 ? 's' : ''}`;
}

/** Where « / » and the login lead: « Mes échéances » for a manager, the sessions otherwise. */
export function landingPath(role: string): string {
  return role === 'manager' ? DEADLINES_PATH : '/sessions';
}

export const DEADLINES_PATH = '/echeances';

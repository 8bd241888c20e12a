/** The month view's model: each day of the grid with the deadlines shown on it. */
import {
  compareDates,
  formatFrenchDate,
  formatFrenchDayAndDate,
  type CalendarDate,
} from '../../common/calendar-date.js';
import { effectiveDueDate } from '../../common/french-holidays.js';
import type { Deadline } from './calendar.query.js';
import { WEEKDAY_LABELS, type MonthGrid } from './month-grid.js';

/** Deadlines listed in a day's cell; the rest are counted. */
export const DAY_LIMIT = 6;

/** Shown beside a task every compliance check supporting it passes. */
export const PROVEN_LABEL = 'vérifiée par les données';

export interface DayItem {
  href: string;
  text: string;
  regulatory: boolean;
  /** Still to do after the day it had to be done by (never a task proven by the data). */
  late: boolean;
  provenByData: boolean;
  /** « échéance le samedi 10/04/2027, à faire le vendredi 09/04/2027 », null on a working day. */
  moved: string | null;
  /** The link's tooltip: the text and, when there are, the moved due date and the proof. */
  title: string;
  /** « lundi 01/03/2027 », the day it had to be done by: only in the overdue list before the grid. */
  actBy: string | null;
}

export interface DayView {
  date: CalendarDate;
  day: number;
  label: string;
  inMonth: boolean;
  today: boolean;
  /** Some deadline of the day is late. */
  late: boolean;
  items: DayItem[];
  /** The deadlines past DAY_LIMIT: counted (« et N autre(s) ») and shown when it is opened. */
  rest: DayItem[];
  more: number;
  count: number;
}

/** The overdue deadlines listed before the grid; the rest open from « et N autre(s) ». */
export const OVERDUE_LIMIT = 10;

/** The day a deadline is shown on: its working-day fallback when its due date is not worked. */
export function shownOn(deadline: Pick<Deadline, 'dueDate' | 'workingDayFallback'>): CalendarDate {
  return effectiveDueDate(deadline);
}

/** « échéance le samedi 10/04/2027, à faire le vendredi 09/04/2027 », or null. */
export function movedDueDate(
  deadline: Pick<Deadline, 'dueDate' | 'workingDayFallback'>,
): string | null {
  const { dueDate, workingDayFallback: fallback } = deadline;
  if (fallback === null || fallback === dueDate) return null;
  return `échéance le ${formatFrenchDayAndDate(dueDate)}, à faire le ${formatFrenchDayAndDate(fallback)}`;
}

/** Whether a deadline still to do is late: never when it is proven by the data. */
export function isLate(deadline: Deadline, today: CalendarDate): boolean {
  return !deadline.provenByData && compareDates(shownOn(deadline), today) < 0;
}

export function item(deadline: Deadline, today: CalendarDate): DayItem {
  const text = `${deadline.titreCode} (${deadline.siteName}) : ${deadline.label}`;
  const moved = movedDueDate(deadline);
  return {
    href: `/sessions/${deadline.sessionId}#task-${deadline.taskId}`,
    text,
    regulatory: deadline.regulatory,
    late: isLate(deadline, today),
    provenByData: deadline.provenByData,
    moved,
    title: [text, moved, deadline.provenByData ? PROVEN_LABEL : null]
      .filter((part): part is string => part !== null)
      .join(' ; '),
    actBy: null,
  };
}

/** What the page counts: the deadlines to do (late or to come), and those proven by the data. */
export function deadlineCounts(deadlines: readonly Deadline[]): {
  pending: number;
  proven: number;
} {
  const proven = deadlines.filter((d) => d.provenByData).length;
  return { pending: deadlines.length - proven, proven };
}

export function calendarDays(
  grid: MonthGrid,
  deadlines: readonly Deadline[],
  today: CalendarDate,
): DayView[][] {
  const byDay = new Map<CalendarDate, Deadline[]>();
  for (const d of deadlines) {
    const day = shownOn(d);
    const list = byDay.get(day) ?? [];
    list.push(d);
    byDay.set(day, list);
  }
  return grid.weeks.map((week) =>
    week.map((date, index) => {
      const list = byDay.get(date) ?? [];
      return {
        date,
        day: Number(date.slice(8, 10)),
        label: `${WEEKDAY_LABELS[index]} ${formatFrenchDate(date)}`,
        inMonth: date >= grid.first && date <= grid.last,
        today: date === today,
        late: list.some((d) => isLate(d, today)),
        items: list.slice(0, DAY_LIMIT).map((d) => item(d, today)),
        rest: list.slice(DAY_LIMIT).map((d) => item(d, today)),
        more: Math.max(0, list.length - DAY_LIMIT),
        count: list.length,
      };
    }),
  );
}

export interface OverdueView {
  items: DayItem[];
  rest: DayItem[];
  count: number;
}

/**
 * The deadlines still late that fall before the grid's first day (the month's own late ones are
 * marked in their day), oldest first, each with the day it had to be done by.
 */
export function overdueBefore(
  deadlines: readonly Deadline[],
  gridStart: CalendarDate,
  today: CalendarDate,
): OverdueView {
  const late = deadlines
    .filter((d) => compareDates(shownOn(d), gridStart) < 0 && isLate(d, today))
    .map((d) => ({ ...item(d, today), actBy: formatFrenchDayAndDate(shownOn(d)) }));
  return {
    items: late.slice(0, OVERDUE_LIMIT),
    rest: late.slice(OVERDUE_LIMIT),
    count: late.length,
  };
}

/** The month view's model: each day of the grid with the deadlines due on it. */
import { compareDates, formatFrenchDate, type CalendarDate } from '../../common/calendar-date.js';
import type { Deadline } from './calendar.query.js';
import { WEEKDAY_LABELS, type MonthGrid } from './month-grid.js';

/** Deadlines listed in a day's cell; the rest are counted. */
export const DAY_LIMIT = 6;

export interface DayView {
  date: CalendarDate;
  day: number;
  label: string;
  inMonth: boolean;
  today: boolean;
  late: boolean;
  items: { href: string; text: string; regulatory: boolean }[];
  more: number;
  count: number;
}

export function calendarDays(
  grid: MonthGrid,
  deadlines: readonly Deadline[],
  today: CalendarDate,
): DayView[][] {
  const byDay = new Map<CalendarDate, Deadline[]>();
  for (const d of deadlines) {
    const list = byDay.get(d.dueDate) ?? [];
    list.push(d);
    byDay.set(d.dueDate, list);
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
        late: compareDates(date, today) < 0 && list.length > 0,
        items: list.slice(0, DAY_LIMIT).map((d) => ({
          href: `/sessions/${d.sessionId}#task-${d.taskId}`,
          text: `${d.titreCode} (${d.siteName}) : ${d.label}`,
          regulatory: d.regulatory,
        })),
        more: Math.max(0, list.length - DAY_LIMIT),
        count: list.length,
      };
    }),
  );
}

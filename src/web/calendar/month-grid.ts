/** The calendar page's month: weeks from Monday to Sunday covering the month, as plain data. */
import {
  addDays,
  addMonths,
  FRENCH_MONTH_NAMES,
  isInputMonth,
  isoDayOfWeek,
  type CalendarDate,
} from '../../common/calendar-date.js';

export const WEEKDAY_LABELS = [
  'Lundi',
  'Mardi',
  'Mercredi',
  'Jeudi',
  'Vendredi',
  'Samedi',
  'Dimanche',
];

export interface MonthGrid {
  /** 'YYYY-MM' */
  month: string;
  label: string;
  first: CalendarDate;
  last: CalendarDate;
  /** The Monday before (or on) the first day, and the Sunday after (or on) the last. */
  gridStart: CalendarDate;
  gridEnd: CalendarDate;
  previous: string;
  next: string;
  weeks: CalendarDate[][];
}

/** 'YYYY-MM' when it is a month of the input range (1900-01 to 2100-12), else null. */
export function parseMonth(value: unknown): string | null {
  return isInputMonth(value) ? value : null;
}

/** Why a requested month is not shown (the page shows the current month instead). */
export const MONTH_ERROR =
  'Le paramètre « Mois » doit être un mois existant au format AAAA-MM, compris entre 1900-01 et 2100-12 : le mois en cours est affiché.';

export function monthGrid(month: string): MonthGrid {
  const first = `${month}-01`;
  const nextFirst = addMonths(first, 1);
  const last = addDays(nextFirst, -1);
  const gridStart = addDays(first, 1 - isoDayOfWeek(first));
  const gridEnd = addDays(last, 7 - isoDayOfWeek(last));
  const weeks: CalendarDate[][] = [];
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_v, i) => addDays(day, i)));
  }
  const [year, monthNumber] = month.split('-').map(Number);
  return {
    month,
    label: `${FRENCH_MONTH_NAMES[monthNumber - 1]} ${year}`,
    first,
    last,
    gridStart,
    gridEnd,
    previous: addMonths(first, -1).slice(0, 7),
    next: nextFirst.slice(0, 7),
    weeks,
  };
}

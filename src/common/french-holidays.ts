/**
 * French national public holidays (metropolitan France, Code du travail art. L3133-1)
 * and working-day helpers on calendar dates.
 */
import { addDays, isValidCalendarDate, isoDayOfWeek, type CalendarDate } from './calendar-date.js';

export interface FrenchPublicHoliday {
  date: CalendarDate;
  name: string;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function assertYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(
      `Année invalide : ${year} (attendu un entier entre 1583 et 9999, calendrier grégorien).`,
    );
  }
}

function assertDate(date: CalendarDate): void {
  if (!isValidCalendarDate(date)) {
    throw new RangeError(`Date invalide : « ${String(date)} » (format attendu AAAA-MM-JJ).`);
  }
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const holidayCache = new Map<number, readonly FrenchPublicHoliday[]>();

function holidaysOf(year: number): readonly FrenchPublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  assertYear(year);
  const easter = easterSunday(year);
  const y = pad(year, 4);
  const holidays: readonly FrenchPublicHoliday[] = Object.freeze(
    [
      { date: `${y}-01-01`, name: "Jour de l'an" },
      { date: addDays(easter, 1), name: 'Lundi de Pâques' },
      { date: `${y}-05-01`, name: 'Fête du Travail' },
      { date: `${y}-05-08`, name: 'Victoire 1945' },
      { date: addDays(easter, 39), name: 'Ascension' },
      { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
      { date: `${y}-07-14`, name: 'Fête nationale' },
      { date: `${y}-08-15`, name: 'Assomption' },
      { date: `${y}-11-01`, name: 'Toussaint' },
      { date: `${y}-11-11`, name: 'Armistice 1918' },
      { date: `${y}-12-25`, name: 'Noël' },
    ]
      .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
      .map((holiday) => Object.freeze(holiday)),
  );
  holidayCache.set(year, holidays);
  return holidays;
}

/** The 11 national public holidays of `year`, in date order, with their French names. */
export function frenchPublicHolidays(year: number): { date: CalendarDate; name: string }[] {
  return holidaysOf(year).map((holiday) => ({ ...holiday }));
}

/** The name of the public holiday on `date`, or null. */
export function frenchPublicHolidayName(date: CalendarDate): string | null {
  assertDate(date);
  const year = Number(date.slice(0, 4));
  if (year < 1583) return null;
  return holidaysOf(year).find((holiday) => holiday.date === date)?.name ?? null;
}

export function isFrenchPublicHoliday(date: CalendarDate): boolean {
  return frenchPublicHolidayName(date) !== null;
}

/** Monday to Friday and not a French public holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoDayOfWeek(date) <= 5 && !isFrenchPublicHoliday(date);
}

/** The last working day strictly before `date`. */
export function lastWorkingDayBefore(date: CalendarDate): CalendarDate {
  assertDate(date);
  let candidate = addDays(date, -1);
  while (!isWorkingDay(candidate)) {
    candidate = addDays(candidate, -1);
  }
  return candidate;
}

/**
 * Null when `date` is a working day; otherwise the last working day before it
 * (a deadline on a weekend or public holiday also shows this earlier date).
 */
export function workingDayFallback(date: CalendarDate): CalendarDate | null {
  return isWorkingDay(date) ? null : lastWorkingDayBefore(date);
}

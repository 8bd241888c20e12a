/**
 * Pure helpers on calendar dates stored as 'YYYY-MM-DD' strings.
 *
 * A calendar date is a day in the Europe/Paris calendar, never a UTC instant.
 * All arithmetic is done on integers (days since 1970-01-01 in the proleptic
 * Gregorian calendar), so no time zone or daylight saving time can shift a date.
 */

export type CalendarDate = string;

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

const FRENCH_DAY_NAMES = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;

/** French month names, January first. */
export const FRENCH_MONTH_NAMES = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** The value of `count` ASCII digits of `value` from `start`, or -1 if one is not a digit. */
function digits(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** 'YYYY-MM-DD' read character by character: dates are parsed many times per page, a regular
 * expression match costs several times more. */
function tryParse(value: string): DateParts | null {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return null;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parse(date: CalendarDate): DateParts {
  const parts = typeof date === 'string' ? tryParse(date) : null;
  if (!parts) {
    throw new RangeError(`Date invalide : « ${String(date)} » (format attendu AAAA-MM-JJ).`);
  }
  return parts;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(parts: DateParts): CalendarDate {
  if (parts.year < MIN_YEAR || parts.year > MAX_YEAR) {
    throw new RangeError(
      `Date hors limites : l'année ${parts.year} n'est pas comprise entre ${MIN_YEAR} et ${MAX_YEAR}.`,
    );
  }
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's days_from_civil. */
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthIndex = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthIndex + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber (H. Hinnant's civil_from_days). */
function fromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Décalage invalide : ${name} doit être un nombre entier (reçu ${n}).`);
  }
}

/** True when `value` is a 'YYYY-MM-DD' string naming a day that exists (years 0001 to 9999). */
export function isValidCalendarDate(value: string): boolean {
  return typeof value === 'string' && tryParse(value) !== null;
}

/**
 * The dates a user may enter, API and dashboard alike (sessions, birth dates, validity ends,
 * filters). Arithmetic works on years 0001 to 9999; inputs are kept far inside so that every
 * date derived from a stored one (deadlines months before a session, calendar grids, feeds) is
 * still a valid date.
 */
export const FIRST_INPUT_DATE: CalendarDate = '1900-01-01';
export const LAST_INPUT_DATE: CalendarDate = '2100-12-31';

/** True when `value` is a 'YYYY-MM-DD' date that exists and lies within 1900-01-01…2100-12-31. */
export function isInputCalendarDate(value: unknown): value is CalendarDate {
  return (
    typeof value === 'string' &&
    tryParse(value) !== null &&
    value >= FIRST_INPUT_DATE &&
    value <= LAST_INPUT_DATE
  );
}

/** « comprise entre le 01/01/1900 et le 31/12/2100 », for the messages refusing a date. */
export function inputDateRangeLabel(): string {
  return `comprise entre le ${formatFrenchDate(FIRST_INPUT_DATE)} et le ${formatFrenchDate(LAST_INPUT_DATE)}`;
}

/** True when `value` is a month 'YYYY-MM' whose days are input dates (1900-01 to 2100-12). */
export function isInputMonth(value: unknown): value is string {
  return (
    typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && isInputCalendarDate(`${value}-01`)
  );
}

/** The last day a `CalendarDate` (and an iCalendar date) can name. */
export const LAST_CALENDAR_DATE: CalendarDate = '9999-12-31';

export function addDays(date: CalendarDate, n: number): CalendarDate {
  assertInteger(n, 'le nombre de jours');
  return format(fromDayNumber(toDayNumber(parse(date)) + n));
}

export function addWeeks(date: CalendarDate, n: number): CalendarDate {
  assertInteger(n, 'le nombre de semaines');
  return addDays(date, n * 7);
}

/** Adds `n` months; the day is clamped to the end of the target month (05-31 − 3 months → 02-28/29). */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  assertInteger(n, 'le nombre de mois');
  const { year, month, day } = parse(date);
  const totalMonths = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(totalMonths / 12);
  const targetMonth = totalMonths - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    return format({ year: targetYear, month: targetMonth, day: 1 }); // throws a RangeError
  }
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Adds `n` years; 29 February becomes 28 February in a non-leap year. */
export function addYears(date: CalendarDate, n: number): CalendarDate {
  assertInteger(n, "le nombre d'années");
  return addMonths(date, n * 12);
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(parse(a)) - toDayNumber(parse(b));
}

/** Whole days from `from` to `to` (negative when `to` is before `from`). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(parse(to)) - toDayNumber(parse(from));
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  const dayNumber = toDayNumber(parse(date));
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const parisFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/Paris at the given instant. */
export function parisToday(instant: Date): CalendarDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('Instant invalide : impossible de déterminer la date à Paris.');
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of parisFormatter.formatToParts(instant)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return format({ year, month, day });
}

/** 'YYYY-MM-DD' → 'jj/mm/aaaa'. */
export function formatFrenchDate(date: CalendarDate): string {
  const { year, month, day } = parse(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** 'YYYY-MM-DD' → e.g. 'samedi 10/04/2027': the day's name and the date jj/mm/aaaa. */
export function formatFrenchDayAndDate(date: CalendarDate): string {
  return `${FRENCH_DAY_NAMES[isoDayOfWeek(date) - 1]} ${formatFrenchDate(date)}`;
}

/** 'YYYY-MM-DD' → e.g. 'mercredi 3 février 2027' ('lundi 1er février 2027' for the first day). */
export function formatFrenchLongDate(date: CalendarDate): string {
  const parts = parse(date);
  const dayName = FRENCH_DAY_NAMES[isoDayOfWeek(date) - 1];
  const monthName = FRENCH_MONTH_NAMES[parts.month - 1];
  const dayLabel = parts.day === 1 ? '1er' : String(parts.day);
  return `${dayName} ${dayLabel} ${monthName} ${parts.year}`;
}

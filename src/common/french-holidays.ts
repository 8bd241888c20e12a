/**
 * French public holidays by region and working-day helpers on calendar dates.
 *
 * The 11 national holidays (Code du travail, art. L3133-1), plus the regional ones: in
 * Alsace-Moselle Good Friday and 26 December (Code du travail, art. L3134-13); overseas, the day
 * of the abolition of slavery (loi n° 83-550 du 30 juin 1983, décret n° 83-1003 du 23 novembre
 * 1983 modifié), and Good Friday in Guadeloupe and Martinique. The holidays come from a
 * `HolidayCalendar`: by default the maintained `date-holidays` library (see
 * `DATE_HOLIDAYS_CODES`); the built-in calendar below computes the same days and
 * `useHolidayCalendar` switches between them without changing any caller.
 */
import Holidays from 'date-holidays';
import { addDays, isValidCalendarDate, isoDayOfWeek, type CalendarDate } from './calendar-date.js';

/** The centre's region, for its public holidays and the name of the labour administration. */
export const FRENCH_REGIONS = [
  'METROPOLE',
  'ILE_DE_FRANCE',
  'ALSACE_MOSELLE',
  'GUADELOUPE',
  'MARTINIQUE',
  'GUYANE',
  'LA_REUNION',
  'MAYOTTE',
] as const;
export type FrenchRegion = (typeof FRENCH_REGIONS)[number];

export const DEFAULT_REGION: FrenchRegion = 'METROPOLE';

export const FRENCH_REGION_LABELS: Record<FrenchRegion, string> = {
  METROPOLE: 'France métropolitaine',
  ILE_DE_FRANCE: 'Île-de-France',
  ALSACE_MOSELLE: 'Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle)',
  GUADELOUPE: 'Guadeloupe',
  MARTINIQUE: 'Martinique',
  GUYANE: 'Guyane',
  LA_REUNION: 'La Réunion',
  MAYOTTE: 'Mayotte',
};

export function isFrenchRegion(value: unknown): value is FrenchRegion {
  return typeof value === 'string' && (FRENCH_REGIONS as readonly string[]).includes(value);
}

/**
 * The country and state codes of the `date-holidays` library (ISO 3166) for a region: the
 * overseas departments are countries of their own there, Alsace-Moselle is a department of FR.
 */
export const DATE_HOLIDAYS_CODES: Record<FrenchRegion, { country: string; state?: string }> = {
  METROPOLE: { country: 'FR' },
  ILE_DE_FRANCE: { country: 'FR' },
  ALSACE_MOSELLE: { country: 'FR', state: '57' },
  GUADELOUPE: { country: 'GP' },
  MARTINIQUE: { country: 'MQ' },
  GUYANE: { country: 'GF' },
  LA_REUNION: { country: 'RE' },
  MAYOTTE: { country: 'YT' },
};

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

/** Where the public holidays come from. */
export interface HolidayCalendar {
  /** The public holidays of a region's year, in date order, with their French names. */
  holidays(year: number, region: FrenchRegion): readonly FrenchPublicHoliday[];
}

/** The day of the abolition of slavery of each overseas department (décret n° 83-1003 modifié). */
const ABOLITION_DAYS: Partial<Record<FrenchRegion, string>> = {
  MAYOTTE: '04-27',
  MARTINIQUE: '05-22',
  GUADELOUPE: '05-27',
  GUYANE: '06-10',
  LA_REUNION: '12-20',
};

function regionalHolidays(
  year: number,
  region: FrenchRegion,
  easter: CalendarDate,
): FrenchPublicHoliday[] {
  const y = pad(year, 4);
  if (region === 'ALSACE_MOSELLE') {
    return [
      { date: addDays(easter, -2), name: 'Vendredi saint' },
      { date: `${y}-12-26`, name: 'Saint-Étienne' },
    ];
  }
  const abolition = ABOLITION_DAYS[region];
  const days: FrenchPublicHoliday[] = abolition
    ? [{ date: `${y}-${abolition}`, name: "Abolition de l'esclavage" }]
    : [];
  if (region === 'GUADELOUPE' || region === 'MARTINIQUE') {
    days.push({ date: addDays(easter, -2), name: 'Vendredi saint' });
  }
  return days;
}

const holidayCache = new Map<string, readonly FrenchPublicHoliday[]>();

/** The holidays computed here: the national ones plus the region's (see the module's sources). */
export const builtInHolidayCalendar: HolidayCalendar = {
  holidays(year: number, region: FrenchRegion): readonly FrenchPublicHoliday[] {
    const key = `${year}#${region}`;
    const cached = holidayCache.get(key);
    if (cached) return cached;
    assertYear(year);
    const holidays = computeHolidays(year, region);
    holidayCache.set(key, holidays);
    return holidays;
  },
};

const libraryCache = new Map<string, readonly FrenchPublicHoliday[]>();
const libraries = new Map<FrenchRegion, Holidays>();

/** The public holidays of the `date-holidays` library, with their French names. */
export const dateHolidaysCalendar: HolidayCalendar = {
  holidays(year: number, region: FrenchRegion): readonly FrenchPublicHoliday[] {
    const key = `${year}#${region}`;
    const cached = libraryCache.get(key);
    if (cached) return cached;
    assertYear(year);
    let library = libraries.get(region);
    if (!library) {
      const { country, state } = DATE_HOLIDAYS_CODES[region];
      library = new Holidays(country, state ?? '', { languages: ['fr'], types: ['public'] });
      libraries.set(region, library);
    }
    const holidays = Object.freeze(
      library
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => Object.freeze({ date: holiday.date.slice(0, 10), name: holiday.name }))
        .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0)),
    );
    libraryCache.set(key, holidays);
    return holidays;
  },
};

let calendar: HolidayCalendar = dateHolidaysCalendar;

/** Switches the source of the holidays (returns the previous one, to restore it). */
export function useHolidayCalendar(next: HolidayCalendar): HolidayCalendar {
  const previous = calendar;
  calendar = next;
  return previous;
}

function holidaysOf(
  year: number,
  region: FrenchRegion = DEFAULT_REGION,
): readonly FrenchPublicHoliday[] {
  return calendar.holidays(year, region);
}

function computeHolidays(year: number, region: FrenchRegion): readonly FrenchPublicHoliday[] {
  const easter = easterSunday(year);
  const y = pad(year, 4);
  return Object.freeze(
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
      ...regionalHolidays(year, region, easter),
    ]
      .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
      .map((holiday) => Object.freeze(holiday)),
  );
}

/** The public holidays of `year` in a region (national ones by default), in date order. */
export function frenchPublicHolidays(
  year: number,
  region: FrenchRegion = DEFAULT_REGION,
): { date: CalendarDate; name: string }[] {
  return holidaysOf(year, region).map((holiday) => ({ ...holiday }));
}

/** The name of the public holiday on `date` in a region, or null. */
export function frenchPublicHolidayName(
  date: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): string | null {
  assertDate(date);
  const year = Number(date.slice(0, 4));
  if (year < 1583) return null;
  return holidaysOf(year, region).find((holiday) => holiday.date === date)?.name ?? null;
}

export function isFrenchPublicHoliday(
  date: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): boolean {
  return frenchPublicHolidayName(date, region) !== null;
}

/** Monday to Friday and not a public holiday of the region. */
export function isWorkingDay(date: CalendarDate, region: FrenchRegion = DEFAULT_REGION): boolean {
  return isoDayOfWeek(date) <= 5 && !isFrenchPublicHoliday(date, region);
}

/** The last working day of the region strictly before `date`. */
export function lastWorkingDayBefore(
  date: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): CalendarDate {
  assertDate(date);
  let candidate = addDays(date, -1);
  while (!isWorkingDay(candidate, region)) {
    candidate = addDays(candidate, -1);
  }
  return candidate;
}

/**
 * Null when `date` is a working day of the region; otherwise the last working day before it
 * (a deadline on a weekend or public holiday is met on this earlier date).
 */
export function workingDayFallback(
  date: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): CalendarDate | null {
  return isWorkingDay(date, region) ? null : lastWorkingDayBefore(date, region);
}

/** The date a deadline must be met by: the working-day fallback when there is one. */
export function effectiveDueDate(task: {
  dueDate: CalendarDate;
  workingDayFallback: CalendarDate | null;
}): CalendarDate {
  return task.workingDayFallback ?? task.dueDate;
}

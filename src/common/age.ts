/**
 * A person's age on a calendar date, in whole years, counted from birthday to birthday.
 *
 * Someone born on 29 February has, in a year without one, their birthday on 1 March: the
 * anniversary is reached once 28 February is over (the reading of java.time.Period, date-fns and
 * most registries). So a driver born on 2008-02-29 is 17 on 2026-02-28 and 18 on 2026-03-01.
 */
import { addDays, addYears, compareDates, type CalendarDate } from './calendar-date.js';

/** Whole years from `birthDate` to `date` (negative when `date` is before the birth). */
export function ageOn(birthDate: CalendarDate, date: CalendarDate): number {
  const birthday = dateOfAge(birthDate, 0); // validates birthDate
  compareDates(birthday, date); // validates date
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  const reached = compareDates(dateOfAge(birthDate, years), date) <= 0;
  return reached ? years : years - 1;
}

/**
 * The day someone born on `birthDate` reaches `age` years: the birthday of that year, or 1 March
 * for a 29 February birth in a year without one.
 */
export function dateOfAge(birthDate: CalendarDate, age: number): CalendarDate {
  const anniversary = addYears(birthDate, age);
  return birthDate.endsWith('-02-29') && anniversary.endsWith('-02-28')
    ? addDays(anniversary, 1)
    : anniversary;
}

import { compareDates, formatFrenchDate, type CalendarDate } from '../calendar-date.js';

/** A date that must not be after today (birth date, date of convocation, of declaration). */
export function futureDateError(
  field: string,
  date: CalendarDate | null | undefined,
  today: CalendarDate,
): string | null {
  if (!date || compareDates(date, today) <= 0) return null;
  return `Le champ « ${field} » ne doit pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`;
}

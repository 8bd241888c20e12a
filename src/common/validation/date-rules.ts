import { compareDates, formatFrenchDate, type CalendarDate } from '../calendar-date.js';
import type { FieldError } from './field-errors.js';

/** A date that must not be after today (birth date, date of convocation, of declaration). */
export function futureDateError(
  field: string,
  date: CalendarDate | null | undefined,
  today: CalendarDate,
): FieldError | null {
  if (!date || compareDates(date, today) <= 0) return null;
  return {
    field,
    message: `Le champ « ${field} » ne doit pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`,
  };
}

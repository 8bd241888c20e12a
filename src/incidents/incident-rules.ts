/** Checks on an incident report: plain functions of the data and today's date. */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';

/** The facts happen during the session and cannot be reported before they happen. */
export function occurredOnError(
  occurredOn: CalendarDate,
  session: { startDate: CalendarDate; endDate: CalendarDate },
  today: CalendarDate,
): FieldError | null {
  const field = 'occurredOn';
  if (
    compareDates(occurredOn, session.startDate) < 0 ||
    compareDates(occurredOn, session.endDate) > 0
  ) {
    return {
      field,
      message:
        `Le champ « occurredOn » doit être compris entre le ${formatFrenchDate(session.startDate)} ` +
        `et le ${formatFrenchDate(session.endDate)} (dates de la session).`,
    };
  }
  if (compareDates(occurredOn, today) > 0) {
    return {
      field,
      message: `Le champ « occurredOn » ne doit pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`,
    };
  }
  return null;
}

/** Checks on an incident report: plain functions of the data and today's date. */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';

/** The facts happen during the session and cannot be reported before they happen. */
export function occurredOnError(
  occurredOn: CalendarDate,
  session: { startDate: CalendarDate; endDate: CalendarDate },
  today: CalendarDate,
): string | null {
  if (
    compareDates(occurredOn, session.startDate) < 0 ||
    compareDates(occurredOn, session.endDate) > 0
  ) {
    return (
      `Le champ « occurredOn » doit être compris entre le ${formatFrenchDate(session.startDate)} ` +
      `et le ${formatFrenchDate(session.endDate)} (dates de la session).`
    );
  }
  if (compareDates(occurredOn, today) > 0) {
    return `Le champ « occurredOn » ne doit pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`;
  }
  return null;
}

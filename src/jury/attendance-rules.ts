import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';
import type { Attendance } from './session-staff.entity.js';

/**
 * What refuses an attendance record: it is taken on the day, so not before the session's first day;
 * an arrival time belongs to a member present.
 */
export function attendanceErrors(
  today: CalendarDate,
  startDate: CalendarDate,
  attendance: Attendance | null,
  arrivalTime: string | null,
): FieldError[] {
  const errors: FieldError[] = [];
  if (compareDates(today, startDate) < 0) {
    errors.push({
      field: 'attendance',
      message: `La présence se relève le jour de la session : pas avant son premier jour, le ${formatFrenchDate(startDate)} (champ « attendance »).`,
    });
  }
  if (arrivalTime !== null && attendance !== 'PRESENT') {
    errors.push({
      field: 'arrivalTime',
      message: 'Le champ « arrivalTime » ne s’indique que pour un membre présent.',
    });
  }
  return errors;
}

/** Rules of a titre version's values that need no database: plain functions returning field errors. */
import { compareDates, formatFrenchDate, isValidCalendarDate } from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';

/**
 * The end of the prolongation year, when set by hand, comes after the titre's end of validity.
 * Values that are not well-formed dates are left to the DTO's messages.
 */
export function prolongationUntilError(
  validUntil: unknown,
  prolongationUntil: unknown,
): FieldError | null {
  if (
    typeof validUntil !== 'string' ||
    typeof prolongationUntil !== 'string' ||
    !isValidCalendarDate(validUntil) ||
    !isValidCalendarDate(prolongationUntil) ||
    compareDates(prolongationUntil, validUntil) > 0
  ) {
    return null;
  }
  return {
    field: 'prolongationUntil',
    message: `Le champ « prolongationUntil » (${formatFrenchDate(prolongationUntil)}) doit être postérieur à la fin de validité du titre (champ « validUntil », ${formatFrenchDate(validUntil)}).`,
  };
}

/** Rules of a session's values that need no database: plain functions returning field errors. */
import { compareDates, formatFrenchDate, isValidCalendarDate } from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';
import { SESSION_NATURES, type SessionNature } from './exam-session.entity.js';

/** A TITRE session has no CCP codes; a CCP or CCS session needs at least one. */
export function ccpCodesNatureError(
  nature: SessionNature,
  ccpCodes: readonly string[],
): FieldError | null {
  if (nature === 'TITRE' && ccpCodes.length > 0) {
    return {
      field: 'ccpCodes',
      message: 'Le champ « ccpCodes » doit être vide pour une session de nature TITRE.',
    };
  }
  if (nature !== 'TITRE' && ccpCodes.length === 0) {
    return {
      field: 'ccpCodes',
      message: `Le champ « ccpCodes » est obligatoire pour une session de nature ${nature}.`,
    };
  }
  return null;
}

/** Codes that are not CCPs of the session's titre. */
export function unknownCcpCodesError(
  titreCode: string,
  titreCcpCodes: readonly string[],
  ccpCodes: readonly string[],
): FieldError | null {
  const known = new Set(titreCcpCodes);
  const unknown = ccpCodes.filter((c) => !known.has(c));
  if (unknown.length === 0) return null;
  return {
    field: 'ccpCodes',
    message: `Le champ « ccpCodes » contient des codes inconnus pour le titre ${titreCode} : ${unknown.join(', ')}.`,
  };
}

/** The session ends on or after its first day. */
export function dateOrderError(startDate: string, endDate: string): FieldError | null {
  if (compareDates(endDate, startDate) >= 0) return null;
  return {
    field: 'endDate',
    message: 'Le champ « endDate » ne doit pas être antérieur au champ « startDate ».',
  };
}

/**
 * The day the session was created in CERES is a past day (today at the latest) and not after the
 * session's first day. Values that are not well-formed dates are left to the DTO's messages.
 */
export function ceresCreatedOnError(
  ceresCreatedOn: unknown,
  startDate: unknown,
  today: string,
): FieldError | null {
  if (typeof ceresCreatedOn !== 'string' || !isValidCalendarDate(ceresCreatedOn)) return null;
  if (compareDates(ceresCreatedOn, today) > 0) {
    return {
      field: 'ceresCreatedOn',
      message: `Le champ « ceresCreatedOn » (${formatFrenchDate(ceresCreatedOn)}) ne peut pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`,
    };
  }
  if (
    typeof startDate === 'string' &&
    isValidCalendarDate(startDate) &&
    compareDates(ceresCreatedOn, startDate) > 0
  ) {
    return {
      field: 'ceresCreatedOn',
      message: `Le champ « ceresCreatedOn » (${formatFrenchDate(ceresCreatedOn)}) ne peut pas être postérieur au début de la session (${formatFrenchDate(startDate)}).`,
    };
  }
  return null;
}

/** What a session form sends, before validation: only well-formed values are checked. */
export interface SessionValues {
  nature?: unknown;
  ccpCodes?: unknown;
  startDate?: unknown;
  endDate?: unknown;
}

function isNature(value: unknown): value is SessionNature {
  return typeof value === 'string' && (SESSION_NATURES as readonly string[]).includes(value);
}

/**
 * The rules above on values not validated yet (a form checked with its DTO in the same round):
 * a value the DTO refuses is left to the DTO's message.
 */
export function sessionValuesErrors(values: SessionValues): FieldError[] {
  const errors: (FieldError | null)[] = [];
  if (
    isNature(values.nature) &&
    Array.isArray(values.ccpCodes) &&
    values.ccpCodes.every((c) => typeof c === 'string')
  ) {
    errors.push(ccpCodesNatureError(values.nature, values.ccpCodes as string[]));
  }
  if (
    typeof values.startDate === 'string' &&
    typeof values.endDate === 'string' &&
    isValidCalendarDate(values.startDate) &&
    isValidCalendarDate(values.endDate)
  ) {
    errors.push(dateOrderError(values.startDate, values.endDate));
  }
  return errors.filter((e): e is FieldError => e !== null);
}

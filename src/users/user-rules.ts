/** Rules of a new account that need no database: plain functions returning field errors. */
import type { FieldError } from '../common/validation/field-errors.js';
import { MIN_PASSWORD_LENGTH } from './password.js';

/** A password long enough. */
export function passwordError(password: string): FieldError | null {
  if (password.length >= MIN_PASSWORD_LENGTH) return null;
  return {
    field: 'password',
    message: `Le champ « password » doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  };
}

/** A manager or a viewer belongs to at least one centre (an administrator to all). */
export function centreIdsError(role: string, centreIds: readonly string[]): FieldError | null {
  if (role === 'admin' || centreIds.length > 0) return null;
  return {
    field: 'centreIds',
    message: 'Le champ « centreIds » est obligatoire pour un gestionnaire ou un lecteur.',
  };
}

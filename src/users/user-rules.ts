/** Rules of a new account that need no database: plain functions returning field errors. */
import type { FieldError } from '../common/validation/field-errors.js';
import { MIN_PASSWORD_LENGTH } from './password.js';

/** A password long enough (the policy of every password: creation, set-up, change, reset). */
export function passwordError(password: string, field = 'password'): FieldError | null {
  if (password.length >= MIN_PASSWORD_LENGTH) return null;
  return {
    field,
    message: `Le champ « ${field} » doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`,
  };
}

/** The new password typed twice the same. */
export function confirmationError(password: string, confirmation: string): FieldError | null {
  if (password === confirmation) return null;
  return {
    field: 'newPasswordConfirmation',
    message: 'Les deux saisies du nouveau mot de passe ne sont pas identiques.',
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

/**
 * Why an administrator may not disable this account, or null: never their own account, never
 * the last active administrator (`otherActiveAdmins`: active administrators besides the target).
 */
export function disableRefusal(
  callerId: string,
  target: { id: string; role: string; active: boolean },
  otherActiveAdmins: number,
): string | null {
  if (target.id === callerId) return 'Vous ne pouvez pas désactiver votre propre compte.';
  if (target.role === 'admin' && target.active && otherActiveAdmins === 0) {
    return 'Impossible de désactiver le dernier administrateur actif : activez-en un autre d’abord.';
  }
  return null;
}

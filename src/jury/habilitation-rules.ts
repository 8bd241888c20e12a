import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import { constraintViolation } from '../database/constraint-violation.js';

/** The codes among `codes` that are not CCPs of the titre (an empty list covers the whole titre). */
export function unknownCcpCodes(
  titreCcpCodes: readonly string[],
  codes: readonly string[],
): string[] {
  const known = new Set(titreCcpCodes);
  return codes.filter((code) => !known.has(code));
}

/** True when a database error says a unique index refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return constraintViolation(error)?.kind === 'unique';
}

/**
 * Why a juror cannot evaluate the whole session with their habilitation for the titre, or null:
 * none for the titre, expired, or ending before the session's last day. A habilitation is valid
 * at most until the end of validity of the titre version (as in JURY_HABILITATIONS).
 */
export function habilitationWarning(
  habilitations: readonly { titreId: string; validUntil: CalendarDate }[],
  titre: { id: string; code: string; validUntil: CalendarDate },
  session: { endDate: CalendarDate },
  today: CalendarDate,
): string | null {
  const forTitre = habilitations.filter((h) => h.titreId === titre.id);
  if (forTitre.length === 0) return `aucune habilitation pour le titre ${titre.code}`;
  const until = forTitre
    .map((h) =>
      compareDates(h.validUntil, titre.validUntil) > 0 ? titre.validUntil : h.validUntil,
    )
    .reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
  if (compareDates(until, today) < 0) {
    return `habilitation pour le titre ${titre.code} expirée le ${formatFrenchDate(until)}`;
  }
  if (compareDates(until, session.endDate) < 0) {
    return `habilitation pour le titre ${titre.code} valable seulement jusqu’au ${formatFrenchDate(until)}, avant la fin de la session le ${formatFrenchDate(session.endDate)}`;
  }
  return null;
}

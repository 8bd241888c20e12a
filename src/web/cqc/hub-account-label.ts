import { formatFrenchDate } from '../../common/calendar-date.js';

/** Where the driver stands with « Créez votre compte Hub Pro Transport », in French. */
export function hubAccountLabel(
  status: { toldOn: string | null; hasEmail: boolean } | undefined,
): string {
  if (status?.toldOn) {
    return `Invité(e) par e-mail le ${formatFrenchDate(status.toldOn)} à créer son compte Hub Pro Transport`;
  }
  if (status?.hasEmail) return 'Pas encore invité(e) à créer son compte Hub Pro Transport';
  return 'Pas d’adresse e-mail : remettez-lui sa fiche « Créez votre compte Hub Pro Transport »';
}

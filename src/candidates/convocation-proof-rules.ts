/**
 * The proof of a candidate's convocation: the signed décharge of a hand-delivered convocation or
 * the accusé de réception of the registered letter (`CONVOCATION_SOURCES.CONVOCATION_CONTENT`).
 */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { FieldError } from '../common/validation/field-errors.js';
import type { ConvocationMode, ConvocationProofKind } from './candidate.entity.js';

/** The proof each mode of convocation gives. */
export const PROOF_FOR_MODE: Readonly<Record<ConvocationMode, ConvocationProofKind>> = {
  HAND_DELIVERED: 'SIGNED_DISCHARGE',
  REGISTERED_MAIL: 'RECEIPT_ACKNOWLEDGEMENT',
};

export const CONVOCATION_PROOF_LABELS: Readonly<Record<ConvocationProofKind, string>> = {
  SIGNED_DISCHARGE: 'décharge signée par le candidat',
  RECEIPT_ACKNOWLEDGEMENT: 'accusé de réception de la lettre recommandée',
};

export interface ConvocationProofValues {
  convocationDate: CalendarDate | null;
  convocationMode: ConvocationMode | null;
  convocationProofKind: ConvocationProofKind | null;
  convocationProofOn: CalendarDate | null;
}

/**
 * A proof has a kind and a date, belongs to a recorded convocation, matches its mode (décharge
 * for a hand-delivered one, AR for a registered letter), is dated on or after the convocation and
 * not in the future. One error per field.
 */
export function convocationProofErrors(
  values: ConvocationProofValues,
  today: CalendarDate,
): FieldError[] {
  const { convocationDate, convocationMode, convocationProofKind, convocationProofOn } = values;
  const errors: FieldError[] = [];
  if (convocationProofKind === null && convocationProofOn !== null) {
    errors.push({
      field: 'convocationProofKind',
      message:
        'Le champ « convocationProofKind » est obligatoire quand la date de la preuve est renseignée (décharge signée ou accusé de réception).',
    });
  }
  if (convocationProofKind !== null && convocationProofOn === null) {
    errors.push({
      field: 'convocationProofOn',
      message:
        'Le champ « convocationProofOn » est obligatoire avec la preuve de convocation (date de la décharge ou de l’accusé de réception).',
    });
  }
  if (convocationProofKind !== null) {
    if (convocationDate === null || convocationMode === null) {
      errors.push({
        field: 'convocationProofKind',
        message:
          'Le champ « convocationProofKind » suppose une convocation enregistrée : renseignez d’abord sa date et son mode.',
      });
    } else if (PROOF_FOR_MODE[convocationMode] !== convocationProofKind) {
      errors.push({
        field: 'convocationProofKind',
        message: `Le champ « convocationProofKind » ne correspond pas au mode de convocation : attendu ${CONVOCATION_PROOF_LABELS[PROOF_FOR_MODE[convocationMode]]}.`,
      });
    }
  }
  if (convocationProofOn !== null) {
    const future = futureDateError('convocationProofOn', convocationProofOn, today);
    if (future) errors.push(future);
    else if (convocationDate !== null && compareDates(convocationProofOn, convocationDate) < 0) {
      errors.push({
        field: 'convocationProofOn',
        message: `Le champ « convocationProofOn » est antérieur à la date de convocation (${formatFrenchDate(convocationDate)}).`,
      });
    }
  }
  return errors;
}

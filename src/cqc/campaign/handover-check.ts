/**
 * Checks of a CQC hand-over as entered (seed 000): the card comes back from Chronoservices, is
 * handed to the pupil against signature, and a card with an error is posted back within one
 * month of its receipt (campaign-timeline.ts, postmark counting).
 */
import { compareDates, formatFrenchDate, type CalendarDate } from '../../common/calendar-date.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { cardErrorReturnDeadline } from '../campaign-timeline.js';

export interface HandoverFacts {
  readonly cardReceivedOn: CalendarDate;
  readonly handedOverOn: CalendarDate | null;
  readonly signedBy: string | null;
  readonly errorReportedOn: CalendarDate | null;
  readonly errorDescription: string | null;
  readonly errorReturnPostmarkedOn: CalendarDate | null;
}

/** One French message per field that cannot be recorded (empty when the hand-over is coherent). */
export function handoverErrors(facts: HandoverFacts, today: CalendarDate): FieldError[] {
  const errors: FieldError[] = [];
  const dates: [keyof HandoverFacts, string][] = [
    ['cardReceivedOn', 'La réception de la carte'],
    ['handedOverOn', 'La remise à l’élève'],
    ['errorReportedOn', 'Le constat d’erreur'],
    ['errorReturnPostmarkedOn', 'Le cachet de la poste du retour'],
  ];
  for (const [field, label] of dates) {
    const value = facts[field];
    if (value !== null && compareDates(value, today) > 0) {
      errors.push({
        field,
        message: `${label} (${formatFrenchDate(value)}) ne peut pas être postérieure à aujourd’hui (${formatFrenchDate(today)}).`,
      });
    }
  }
  const received = formatFrenchDate(facts.cardReceivedOn);
  for (const [field, label] of dates.slice(1)) {
    const value = facts[field];
    if (value !== null && compareDates(value, facts.cardReceivedOn) < 0) {
      errors.push({
        field,
        message: `${label} (${formatFrenchDate(value)}) précède la réception de la carte (${received}).`,
      });
    }
  }
  if (facts.handedOverOn !== null && facts.signedBy === null) {
    errors.push({
      field: 'signedBy',
      message:
        'La CQC se remet contre signature : indiquez qui a signé la remise (champ « signedBy »).',
    });
  }
  if (facts.errorReturnPostmarkedOn !== null && facts.errorReportedOn === null) {
    errors.push({
      field: 'errorReportedOn',
      message: `Une carte retournée (cachet du ${formatFrenchDate(facts.errorReturnPostmarkedOn)}) suppose une erreur constatée : indiquez sa date (champ « errorReportedOn »).`,
    });
  }
  return errors;
}

/** The French note on a card error: the last day to post it back, and whether it was in time. */
export function cardErrorNote(facts: HandoverFacts): string | null {
  if (facts.errorReportedOn === null) return null;
  const deadline = cardErrorReturnDeadline(facts.cardReceivedOn);
  if (facts.errorReturnPostmarkedOn === null) {
    return `Carte erronée : la retourner avec le formulaire « défaut qualité » au plus tard le ${formatFrenchDate(deadline)} (cachet de la poste faisant foi).`;
  }
  return compareDates(facts.errorReturnPostmarkedOn, deadline) <= 0
    ? `Carte erronée retournée dans le délai (cachet du ${formatFrenchDate(facts.errorReturnPostmarkedOn)}, au plus tard le ${formatFrenchDate(deadline)}).`
    : `Carte erronée retournée hors délai : cachet du ${formatFrenchDate(facts.errorReturnPostmarkedOn)}, après le ${formatFrenchDate(deadline)} (un mois après la réception).`;
}

/**
 * What follows the registration of a driver on Hub Pro Transport (seed 001, §§ 04 and 08; seed
 * 002, « Une fois l’enregistrement effectué »): the probationary certificate of qualification,
 * valid 4 months, during which the driver must order the card, with the reminders Jalon sends
 * before it ends; and the training récapitulatif the driver can download for 6 years (without
 * limit for an initial training).
 *
 * Durations are counted like Jalon's others, with `addMonths` / `addYears`: the same day of the
 * month, clamped to the month's last day (31 October + 4 months → 28 or 29 February). The end
 * date is the last day of validity: the certificate is expired the day after.
 */
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  formatFrenchDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { RuleSource, YearsRule } from '../certification/certification-sources.js';
import { CQC_SOURCES } from './cqc-sources.js';
import { isInitialTraining, type CqcTrainingType } from './cqc-training.js';

/** A duration in months with the text that sets it. */
export interface MonthsRule {
  readonly months: number;
  readonly source: RuleSource;
}

export const PROBATIONARY_CERTIFICATE_VALIDITY: MonthsRule = {
  months: 4,
  source: CQC_SOURCES.PROBATIONARY_CERTIFICATE,
};

export const TRAINING_SUMMARY_RETENTION: YearsRule = {
  years: 6,
  source: CQC_SOURCES.TRAINING_SUMMARY_RETENTION,
};

/** Last day the probationary certificate of a driver registered on `registeredOn` is valid. */
export function probationaryCertificateEndDate(registeredOn: CalendarDate): CalendarDate {
  return addMonths(registeredOn, PROBATIONARY_CERTIFICATE_VALIDITY.months);
}

export type CertificateReminderStep = 'D30' | 'D7' | 'EXPIRED';

/** The reminder steps, in the order they come, with their source. */
export const CERTIFICATE_REMINDER_STEPS: readonly {
  readonly step: CertificateReminderStep;
  /** Days left until the end date when the step starts (negative: after it). */
  readonly fromDaysLeft: number;
  readonly source: RuleSource;
}[] = [
  { step: 'D30', fromDaysLeft: 30, source: CQC_SOURCES.CERTIFICATE_REMINDERS },
  { step: 'D7', fromDaysLeft: 7, source: CQC_SOURCES.CERTIFICATE_REMINDERS },
  { step: 'EXPIRED', fromDaysLeft: -1, source: CQC_SOURCES.CERTIFICATE_REMINDERS },
];

export interface TrackedCertificate {
  /** Last day of validity (probationaryCertificateEndDate). */
  readonly endDate: CalendarDate;
  /** The day the card was ordered (recorded by the centre or confirmed by the driver), or null. */
  readonly cardOrderedOn: CalendarDate | null;
}

/**
 * The reminder step a certificate is at today, like `obligationReminderStep`: within 30 days of
 * its end, within 7 days (the end date included), or expired; null once the card is ordered or
 * while the end is more than 30 days away.
 */
export function certificateReminderStep(
  certificate: TrackedCertificate,
  today: CalendarDate,
): CertificateReminderStep | null {
  if (certificate.cardOrderedOn !== null) return null;
  const daysLeft = daysBetween(today, certificate.endDate);
  if (daysLeft < 0) return 'EXPIRED';
  if (daysLeft <= 7) return 'D7';
  if (daysLeft <= 30) return 'D30';
  return null;
}

/**
 * The reminder's sentence for the centre or the driver: « Le certificat de qualification de
 * Camille DUPONT expire le 12/07/2027, dans 7 jours : la carte (CQC) n’a pas encore été
 * commandée sur Hub Pro Transport. » `of` names the driver with its preposition (« de Camille
 * DUPONT », « d’Éloïse MARTIN »).
 */
export function certificateReminderMessage(
  step: CertificateReminderStep,
  of: string,
  endDate: CalendarDate,
  today: CalendarDate,
): string {
  const daysLeft = daysBetween(today, endDate);
  const end = formatFrenchDate(endDate);
  const notOrdered = 'la carte (CQC) n’a pas encore été commandée sur Hub Pro Transport';
  if (step === 'EXPIRED') {
    return `Le certificat de qualification ${of} a expiré le ${end} et ${notOrdered} : sans carte, le conducteur peut être verbalisé lors d’un contrôle sur route.`;
  }
  const when =
    daysLeft === 0 ? 'aujourd’hui' : daysLeft === 1 ? 'demain' : `dans ${daysLeft} jours`;
  return `Le certificat de qualification ${of} expire le ${end}, ${when} : ${notOrdered}.`;
}

/**
 * Last day the training récapitulatif delivered on `deliveredOn` is available to the driver:
 * 6 years later; null for an initial training, whose récapitulatif has no time limit.
 */
export function trainingSummaryAvailableUntil(
  deliveredOn: CalendarDate,
  trainingType: CqcTrainingType,
): CalendarDate | null {
  if (isInitialTraining(trainingType)) return null;
  return addYears(deliveredOn, TRAINING_SUMMARY_RETENTION.years);
}

/**
 * The last end date a certificate may have to be at a reminder step today (30 days ahead): the
 * planner reads only the certificates ending by then.
 */
export function certificateReminderHorizon(today: CalendarDate): CalendarDate {
  return addDays(today, CERTIFICATE_REMINDER_STEPS[0].fromDaysLeft);
}

/**
 * The certificates at a reminder step today whose step was not yet sent (`sent` says, for one
 * certificate and step, whether its notice is recorded): each step is reminded once, none once
 * the card is ordered.
 */
export function certificatesToRemind<T extends TrackedCertificate>(
  certificates: readonly T[],
  today: CalendarDate,
  sent: (certificate: T, step: CertificateReminderStep) => boolean,
): { certificate: T; step: CertificateReminderStep }[] {
  return certificates.flatMap((certificate) => {
    const step = certificateReminderStep(certificate, today);
    return step === null || sent(certificate, step) ? [] : [{ certificate, step }];
  });
}

/**
 * Days the link of a driver's reminder stays valid to confirm the card is ordered: until the
 * next reminder's link at least (the steps are 23 days apart at most), and a little after.
 */
export const CQC_CONFIRM_TOKEN_DAYS = 45;

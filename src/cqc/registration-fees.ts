/**
 * What Hub Pro Transport bills the centre for each driver registered (seed 002): an amount per
 * trainee that depends on the training type, kept as dated data so that a new tariff is one more
 * entry, never an edit of the old one. Amounts are integer cents, excluding VAT (HT).
 */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { CQC_SOURCES } from './cqc-sources.js';
import type { CqcTrainingType } from './cqc-training.js';

export interface CqcFeeTariff {
  /**
   * First day the tariff applies. The guide carries no date: the first tariff is taken to apply
   * from 2022-01-01, the earliest date its own example names (REF202201, COM20220101).
   */
  readonly validFrom: CalendarDate;
  /** Cents HT per trainee, by training type. */
  readonly centsPerTrainee: Readonly<Record<CqcTrainingType, number>>;
  readonly source: RuleSource;
}

/** The tariffs, oldest first. */
export const CQC_FEE_TARIFFS: readonly CqcFeeTariff[] = [
  {
    validFrom: '2022-01-01',
    centsPerTrainee: { FORMATION_LONGUE: 2534, FCO_COMPLETE: 2534, MODULE_FCO: 507 },
    source: CQC_SOURCES.HUB_REGISTRATION_FEE,
  },
];

/** The tariff applicable on `date` (the latest one starting on or before it), or null. */
export function cqcFeeTariffOn(
  date: CalendarDate,
  tariffs: readonly CqcFeeTariff[] = CQC_FEE_TARIFFS,
): CqcFeeTariff | null {
  let found: CqcFeeTariff | null = null;
  for (const tariff of tariffs) {
    if (compareDates(tariff.validFrom, date) > 0) continue;
    if (found === null || compareDates(tariff.validFrom, found.validFrom) > 0) found = tariff;
  }
  return found;
}

const GROUPS = new Intl.NumberFormat('fr-FR', { useGrouping: true, maximumFractionDigits: 0 });

/**
 * « 76,02 € HT »: cents written in French, from integers only (no floating-point rounding), with
 * a narrow no-break space between thousands and a no-break space before « € ».
 */
export function formatEuroCentsHT(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`Montant invalide : ${cents} n’est pas un nombre entier de centimes.`);
  }
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${GROUPS.format(euros)},${String(rest).padStart(2, '0')}\u00a0€ HT`;
}

export interface CqcFeeEstimate {
  readonly trainingType: CqcTrainingType;
  readonly date: CalendarDate;
  readonly trainees: number;
  /** Null when no tariff is known on `date`. */
  readonly unitCents: number | null;
  readonly totalCents: number | null;
  /** « 3 × 25,34 € HT = 76,02 € HT », or why there is no estimate. */
  readonly label: string;
  readonly tariff: CqcFeeTariff | null;
}

/** The fee of registering `trainees` drivers of a training of `trainingType` on `date`. */
export function estimateCqcFees(
  trainingType: CqcTrainingType,
  trainees: number,
  date: CalendarDate,
  tariffs: readonly CqcFeeTariff[] = CQC_FEE_TARIFFS,
): CqcFeeEstimate {
  if (!Number.isSafeInteger(trainees) || trainees < 0) {
    throw new RangeError(`Nombre de stagiaires invalide : ${trainees}.`);
  }
  const tariff = cqcFeeTariffOn(date, tariffs);
  if (tariff === null) {
    return {
      trainingType,
      date,
      trainees,
      unitCents: null,
      totalCents: null,
      label: `Aucun tarif d’enregistrement connu au ${formatFrenchDate(date)}.`,
      tariff: null,
    };
  }
  const unitCents = tariff.centsPerTrainee[trainingType];
  const totalCents = unitCents * trainees;
  return {
    trainingType,
    date,
    trainees,
    unitCents,
    totalCents,
    label: `${trainees} × ${formatEuroCentsHT(unitCents)} = ${formatEuroCentsHT(totalCents)}`,
    tariff,
  };
}

/** The fee of a batch mixing trainings (a titre and a FIMO-type CCP): the sum of its estimates. */
export interface CqcFeeTotal {
  readonly date: CalendarDate;
  readonly trainees: number;
  /** The amount per trainee when every training has the same one, else null. */
  readonly unitCents: number | null;
  /** Null when a tariff is missing for one of the trainings. */
  readonly totalCents: number | null;
  /** « 2 × 25,34 € HT + 1 × 5,07 € HT = 55,75 € HT », or the single estimate's label. */
  readonly label: string;
  readonly tariff: CqcFeeTariff | null;
  readonly estimates: readonly CqcFeeEstimate[];
}

/** Adds the estimates of the trainings of one batch (all at the same date). */
export function totalCqcFees(estimates: readonly CqcFeeEstimate[]): CqcFeeTotal {
  if (estimates.length === 0) throw new RangeError('Aucune estimation à additionner.');
  const [first] = estimates;
  if (estimates.length === 1) {
    const { date, trainees, unitCents, totalCents, label, tariff } = first;
    return { date, trainees, unitCents, totalCents, label, tariff, estimates };
  }
  const missing = estimates.find((e) => e.unitCents === null);
  const trainees = estimates.reduce((sum, e) => sum + e.trainees, 0);
  const units = new Set(estimates.map((e) => e.unitCents));
  if (missing !== undefined) {
    return {
      date: first.date,
      trainees,
      unitCents: null,
      totalCents: null,
      label: missing.label,
      tariff: null,
      estimates,
    };
  }
  const totalCents = estimates.reduce((sum, e) => sum + (e.totalCents ?? 0), 0);
  const parts = estimates.map((e) => `${e.trainees} × ${formatEuroCentsHT(e.unitCents ?? 0)}`);
  return {
    date: first.date,
    trainees,
    unitCents: units.size === 1 ? first.unitCents : null,
    totalCents,
    label: `${parts.join(' + ')} = ${formatEuroCentsHT(totalCents)}`,
    tariff: first.tariff,
    estimates,
  };
}

/**
 * The vocabulary of a training registered on Hub Pro Transport (seed 002, Étape 1): its
 * qualification and its type, as the Hub bills and controls them.
 */

/** The driver's qualification the training gives: goods or passengers. */
export type CqcQualification = 'MARCHANDISES' | 'VOYAGEURS';

export const CQC_QUALIFICATIONS: readonly CqcQualification[] = ['MARCHANDISES', 'VOYAGEURS'];

export const CQC_QUALIFICATION_LABELS: Record<CqcQualification, string> = {
  MARCHANDISES: 'Marchandises',
  VOYAGEURS: 'Voyageurs',
};

/**
 * The type of training, as the fee tells them apart: a long (initial) training, a full FCO
 * (formation continue obligatoire), or one FCO module.
 *
 * « Éducation nationale » is not a fourth type but a flag of the training
 * (`CqcTraining.educationNationale`): a CAP or Bac Pro leading to the CQC is a long initial
 * training for the fee and for the récapitulatif, and the flag only lifts the majority rule of the
 * registration controls (minors allowed).
 */
export type CqcTrainingType = 'FORMATION_LONGUE' | 'FCO_COMPLETE' | 'MODULE_FCO';

export const CQC_TRAINING_TYPES: readonly CqcTrainingType[] = [
  'FORMATION_LONGUE',
  'FCO_COMPLETE',
  'MODULE_FCO',
];

export const CQC_TRAINING_TYPE_LABELS: Record<CqcTrainingType, string> = {
  FORMATION_LONGUE: 'Formation longue',
  FCO_COMPLETE: 'FCO complète',
  MODULE_FCO: 'Module de FCO',
};

/** Initial trainings: their récapitulatif is kept without time limit (seed 001, § 04). */
export function isInitialTraining(type: CqcTrainingType): boolean {
  return type === 'FORMATION_LONGUE';
}

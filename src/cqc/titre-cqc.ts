/**
 * What a titre records when it gives the CQC (carte de qualification de conducteur, issue 15,
 * seed 002, Étape 1): the qualification, the type of training as the Hub bills it, and whether it
 * is an Éducation nationale training (minors may then be registered). Null on the titre: it does
 * not give the CQC.
 */
import type { CqcQualification, CqcTrainingType } from './cqc-training.js';

export interface TitreCqc {
  readonly qualification: CqcQualification;
  readonly trainingType: CqcTrainingType;
  readonly educationNationale: boolean;
}

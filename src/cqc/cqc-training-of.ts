/**
 * Which CQC training a candidate of a session follows, when the titre or one of its CCP
 * (FIMO-type training) gives the CQC: the training they obtained at the session when results are
 * in (`cqcTrainingOfCandidate`, as the registration batch reads it), otherwise the titre's, or the
 * first CCP's in the titre's order. Used wherever a session « gives the CQC » (the Hub account
 * e-mail and sheet, the person's record), so that all of them agree with the registration.
 */
import type { CcpKind } from '../titres/ccp.entity.js';
import { cqcTrainingOfCandidate, type RegistrationCandidate } from './registration-candidates.js';
import { CQC_QUALIFICATION_LABELS, CQC_TRAINING_TYPE_LABELS } from './cqc-training.js';
import type { TitreCqc } from './titre-cqc.js';

export interface CqcTitreShape {
  readonly code: string;
  readonly cqc: TitreCqc | null;
  readonly ccps?: readonly { code: string; kind: CcpKind; cqc: TitreCqc | null }[];
}

export interface CqcTrainingFollowed {
  readonly cqc: TitreCqc;
  /** The CCP giving the CQC, or null for the titre itself. */
  readonly ccpCode: string | null;
}

/** True when the titre, or one of its CCP, gives the CQC. */
export function givesCqc(titre: CqcTitreShape): boolean {
  return titre.cqc !== null || (titre.ccps ?? []).some((c) => c.cqc !== null);
}

/** The training named when no result tells yet: the titre's, else the first CCP's giving it. */
export function defaultCqcTraining(titre: CqcTitreShape): CqcTrainingFollowed | null {
  if (titre.cqc !== null) return { cqc: titre.cqc, ccpCode: null };
  const ccp = (titre.ccps ?? []).find((c) => c.cqc !== null);
  return ccp?.cqc ? { cqc: ccp.cqc, ccpCode: ccp.code } : null;
}

/** The candidate's training: the one obtained at the session if any, else the default one. */
export function cqcTrainingFollowed(
  candidate: RegistrationCandidate,
  sessionNature: string,
  titre: CqcTitreShape,
): CqcTrainingFollowed | null {
  const ccps = titre.ccps ?? [];
  const choice = cqcTrainingOfCandidate(candidate, sessionNature, {
    givesCqc: titre.cqc !== null,
    ccps: ccps.map((c) => ({ code: c.code, kind: c.kind, givesCqc: c.cqc !== null })),
  });
  if (choice !== null) {
    if (choice.ccpCode === null && titre.cqc !== null) return { cqc: titre.cqc, ccpCode: null };
    const ccp = ccps.find((c) => c.code === choice.ccpCode);
    if (ccp?.cqc) return { cqc: ccp.cqc, ccpCode: ccp.code };
  }
  return defaultCqcTraining(titre);
}

/** « Marchandises — Formation longue », with « (CCP2) » when a CCP gives it. */
export function cqcTrainingLabel(training: CqcTrainingFollowed): string {
  const label = `${CQC_QUALIFICATION_LABELS[training.cqc.qualification]} — ${CQC_TRAINING_TYPE_LABELS[training.cqc.trainingType]}`;
  return training.ccpCode === null ? label : `${label} (${training.ccpCode})`;
}

/**
 * Titre lifecycle: a titre version is valid until its end date, then a prolongation year (end +
 * 1 year unless set by hand) still allows titre and CCP sessions, for eligible candidates only —
 * failed or partly successful at an earlier session of this version, or whose training started
 * before the end — and only for sessions recorded in CERES before the titre's end date.
 */
import {
  addDays,
  compareDates,
  formatFrenchDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import { personName } from '../common/person-order.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import { PROLONGATION_PERIOD, type RuleSource, type YearsRule } from './certification-sources.js';
import {
  compareAttempts,
  prolongationEnd,
  sessionOutcomes,
  type SessionAttempt,
  type TitreScope,
} from './record-rules.js';

export { prolongationEnd } from './record-rules.js';

/** Where a date falls in the life of a titre version. */
export type TitrePhase = 'VALID' | 'PROLONGATION' | 'CLOSED';

export const TITRE_PHASE_LABELS: Readonly<Record<TitrePhase, string>> = {
  VALID: 'Titre en cours de validité',
  PROLONGATION: 'Délai de prolongation',
  CLOSED: 'Titre échu (délai de prolongation terminé)',
};

/** VALID up to and including validUntil, PROLONGATION up to the prolongation end, then CLOSED. */
export function titrePhaseOn(
  titre: Pick<TitreScope, 'validUntil' | 'prolongationUntil'>,
  date: CalendarDate,
  period: YearsRule = PROLONGATION_PERIOD,
): TitrePhase {
  if (compareDates(date, titre.validUntil) <= 0) return 'VALID';
  return compareDates(date, prolongationEnd(titre, period)) <= 0 ? 'PROLONGATION' : 'CLOSED';
}

/** The session being planned or checked. */
export interface ProlongationSession {
  readonly sessionId: string;
  readonly nature: SessionNature;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  /** Day the session was recorded as created in CERES, null when not recorded. */
  readonly ceresCreatedOn: CalendarDate | null;
}

/** A person enrolled in the session, with their history on this titre version. */
export interface ProlongationCandidate {
  readonly personId: string;
  readonly lastName: string;
  readonly firstName: string;
  /** Start of their training, null when unknown (VAE, or not entered). */
  readonly trainingStartDate: CalendarDate | null;
  /** Their sessions of this titre version (the checked session, if present, is ignored). */
  readonly sessions: readonly SessionAttempt[];
}

/** Why a candidate may sit during the prolongation year. */
export type EligibilityGround = 'FAILED' | 'PARTIAL' | 'TRAINING_BEFORE_END';

export const ELIGIBILITY_GROUND_LABELS: Readonly<Record<EligibilityGround, string>> = {
  FAILED: 'en échec lors d’une session précédente',
  PARTIAL: 'en réussite partielle lors d’une session précédente',
  TRAINING_BEFORE_END: 'formation commencée avant la fin de validité du titre',
};

export interface CandidateEligibility {
  readonly personId: string;
  readonly eligible: boolean;
  readonly ground: EligibilityGround | null;
  /** The earlier session that makes them eligible (FAILED or PARTIAL). */
  readonly groundSessionId: string | null;
  /** French reason when not eligible, null otherwise. */
  readonly message: string | null;
}

export type ProlongationReasonCode =
  | 'TITRE_CLOSED'
  | 'ENDS_AFTER_PROLONGATION'
  | 'CERES_NOT_RECORDED'
  | 'CERES_AFTER_END'
  | 'CANDIDATE_NOT_ELIGIBLE';

export interface ProlongationReason {
  readonly code: ProlongationReasonCode;
  readonly severity: 'blocking' | 'warning';
  readonly message: string;
  /** The candidate concerned (CANDIDATE_NOT_ELIGIBLE). */
  readonly personId?: string;
}

export interface ProlongationVerdict {
  /** Phase of the titre at the session's start date. */
  readonly phase: TitrePhase;
  /** False as soon as one reason is blocking. */
  readonly allowed: boolean;
  readonly titreEnd: CalendarDate;
  readonly prolongationEnd: CalendarDate;
  readonly reasons: readonly ProlongationReason[];
  /** Each candidate's eligibility (empty outside the prolongation year). */
  readonly candidates: readonly CandidateEligibility[];
  readonly source: RuleSource;
}

const fr = formatFrenchDate;

/**
 * Whether a person may sit a session of the prolongation year: failed or partly successful at a
 * session of this titre version held before the session (the latest such session is given), or
 * training started on or before the titre's last day of validity.
 */
export function prolongationEligibility(
  titre: TitreScope,
  session: Pick<ProlongationSession, 'sessionId' | 'startDate'>,
  candidate: ProlongationCandidate,
): CandidateEligibility {
  const earlier = [...candidate.sessions]
    .filter(
      (s) => s.sessionId !== session.sessionId && compareDates(s.endDate, session.startDate) < 0,
    )
    .sort(compareAttempts);
  const outcomes = sessionOutcomes(titre, earlier);
  let failure: { sessionId: string; ground: EligibilityGround } | null = null;
  for (const s of earlier) {
    const outcome = outcomes.get(s.sessionId);
    if (outcome === 'FAILURE') failure = { sessionId: s.sessionId, ground: 'FAILED' };
    if (outcome === 'PARTIAL') failure = { sessionId: s.sessionId, ground: 'PARTIAL' };
  }
  const base = { personId: candidate.personId, message: null };
  if (failure) {
    return { ...base, eligible: true, ground: failure.ground, groundSessionId: failure.sessionId };
  }
  const training = candidate.trainingStartDate;
  if (training !== null && compareDates(training, titre.validUntil) <= 0) {
    return { ...base, eligible: true, ground: 'TRAINING_BEFORE_END', groundSessionId: null };
  }
  const name = personName(candidate);
  const trainingText =
    training === null
      ? 'aucune date de début de formation n’est renseignée'
      : `sa formation a commencé le ${fr(training)}, après la fin de validité du titre`;
  return {
    personId: candidate.personId,
    eligible: false,
    ground: null,
    groundSessionId: null,
    message:
      `${name} ne peut pas être présenté(e) pendant le délai de prolongation du titre ${titre.code} ` +
      `(fin de validité le ${fr(titre.validUntil)}) : aucune session précédente de cette version ` +
      `du titre ne l’a vu(e) échouer ou réussir partiellement, et ${trainingText}.`,
  };
}

/**
 * Whether a session may take place given the titre's lifecycle. During the validity: allowed.
 * After the prolongation year: blocked. During the prolongation year: allowed only when the
 * session was recorded as created in CERES on or before the titre's last day of validity and every
 * candidate is eligible; each failing condition gives a blocking reason in French naming the
 * person and the dates. A session that starts in the prolongation year but ends after it gets a
 * warning.
 */
export function prolongationVerdict(
  titre: TitreScope,
  session: ProlongationSession,
  candidates: readonly ProlongationCandidate[],
  period: YearsRule = PROLONGATION_PERIOD,
): ProlongationVerdict {
  const end = prolongationEnd(titre, period);
  const phase = titrePhaseOn(titre, session.startDate, period);
  const reasons: ProlongationReason[] = [];
  const eligibilities: CandidateEligibility[] = [];

  if (phase === 'CLOSED') {
    reasons.push({
      code: 'TITRE_CLOSED',
      severity: 'blocking',
      message:
        `La session commence le ${fr(session.startDate)}, après la fin du délai de prolongation ` +
        `du titre ${titre.code} (${fr(end)}) : aucune session ne peut plus être organisée sur cette version du titre.`,
    });
  } else if (phase === 'PROLONGATION') {
    const prolongationSpan = `du ${fr(addDays(titre.validUntil, 1))} au ${fr(end)}`;
    if (session.ceresCreatedOn === null) {
      reasons.push({
        code: 'CERES_NOT_RECORDED',
        severity: 'blocking',
        message:
          `La session commence le ${fr(session.startDate)}, pendant le délai de prolongation du ` +
          `titre ${titre.code} (fin de validité le ${fr(titre.validUntil)}) : la date de création de la ` +
          `session dans CERES n’est pas renseignée ; elle devait être créée au plus tard le ${fr(titre.validUntil)}.`,
      });
    } else if (compareDates(session.ceresCreatedOn, titre.validUntil) > 0) {
      reasons.push({
        code: 'CERES_AFTER_END',
        severity: 'blocking',
        message:
          `La session commence le ${fr(session.startDate)}, pendant le délai de prolongation du ` +
          `titre ${titre.code} : elle a été créée dans CERES le ${fr(session.ceresCreatedOn)}, après la fin ` +
          `de validité du titre le ${fr(titre.validUntil)} ; une session du délai de prolongation ` +
          `doit être créée dans CERES au plus tard ce jour-là.`,
      });
    }
    for (const candidate of candidates) {
      const eligibility = prolongationEligibility(titre, session, candidate);
      eligibilities.push(eligibility);
      if (!eligibility.eligible && eligibility.message !== null) {
        reasons.push({
          code: 'CANDIDATE_NOT_ELIGIBLE',
          severity: 'blocking',
          message: eligibility.message,
          personId: candidate.personId,
        });
      }
    }
    if (compareDates(session.endDate, end) > 0) {
      reasons.push({
        code: 'ENDS_AFTER_PROLONGATION',
        severity: 'warning',
        message:
          `La session se termine le ${fr(session.endDate)}, après la fin du délai de prolongation ` +
          `du titre ${titre.code} (${prolongationSpan}).`,
      });
    }
  }
  return {
    phase,
    allowed: reasons.every((r) => r.severity !== 'blocking'),
    titreEnd: titre.validUntil,
    prolongationEnd: end,
    reasons,
    candidates: eligibilities,
    source: period.source,
  };
}

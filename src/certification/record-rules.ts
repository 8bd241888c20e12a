/**
 * The certification record of one person for one titre version: what each session gave them,
 * the CCP acquired for life and carried over from session to session, and the titre obtained
 * once all its CCP are acquired — in one titre session or over several sessions — while the
 * titre version is valid or in its prolongation year.
 *
 * Pure functions on plain data: the callers read the sessions and results from the database.
 */
import { addYears, compareDates, type CalendarDate } from '../common/calendar-date.js';
import type { Attendance, CcpOutcome, CcpResult } from '../candidates/candidate.entity.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { CcpKind } from '../titres/ccp.entity.js';
import {
  CERTIFICATION_SOURCES,
  PROLONGATION_PERIOD,
  type RuleSource,
  type YearsRule,
} from './certification-sources.js';

/** One CCP or CCS of the titre version. */
export interface TitreCcp {
  readonly code: string;
  readonly kind: CcpKind;
}

/** The titre version the record is kept for. */
export interface TitreScope {
  readonly code: string;
  /** Last day of validity of the titre version. */
  readonly validUntil: CalendarDate;
  /** End of the prolongation year when set by hand; null: validUntil + 1 year. */
  readonly prolongationUntil: CalendarDate | null;
  /** Its CCP and CCS, in the titre's order. */
  readonly ccps: readonly TitreCcp[];
}

/** What one session of this titre version gave the person (one enrolment). */
export interface SessionAttempt {
  readonly sessionId: string;
  readonly nature: SessionNature;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  /** The CCP (or CCS) codes of a CCP or CCS session; ignored for a TITRE session. */
  readonly ccpCodes: readonly string[];
  readonly attendance: Attendance | null;
  /** The results entered for the person, as in `Candidate.results`. */
  readonly results: readonly CcpResult[];
}

/**
 * The outcome of one CCP at one session: the result entered, ABSENT when the person did not sit
 * the tests (absent, or late and refused), PENDING when no result is entered yet.
 */
export type AttemptOutcome = CcpOutcome | 'ABSENT' | 'PENDING';

export interface CcpAttempt {
  readonly sessionId: string;
  readonly nature: SessionNature;
  readonly endDate: CalendarDate;
  readonly outcome: AttemptOutcome;
}

/** Where and when a CCP was acquired. */
export interface CcpAcquisition {
  readonly sessionId: string;
  readonly nature: SessionNature;
  /** End date of the session that gave it. */
  readonly acquiredOn: CalendarDate;
  /** Acquired at another session than the reference session of the record (kept for life). */
  readonly carriedOver: boolean;
}

export interface CcpRecord {
  readonly code: string;
  readonly kind: CcpKind;
  /** Null while not acquired. Once acquired, a CCP stays acquired for life. */
  readonly acquired: CcpAcquisition | null;
  /** The last session that evaluated it (or should have), null if never attempted. */
  readonly lastAttempt: CcpAttempt | null;
  /** Every attempt, oldest first. */
  readonly attempts: readonly CcpAttempt[];
}

export type TitreStatus =
  /** All CCP acquired while the titre version was valid or in its prolongation year. */
  | 'OBTAINED'
  /** Some CCP still missing. */
  | 'IN_PROGRESS'
  /** All CCP acquired, but the last one after the end of the prolongation year. */
  | 'OUT_OF_VALIDITY';

export interface TitreOutcome {
  readonly status: TitreStatus;
  /** End date of the session that gave the last missing CCP (OBTAINED only). */
  readonly obtainedOn: CalendarDate | null;
  /** That session (OBTAINED only). */
  readonly obtainedInSessionId: string | null;
  /** The sessions that gave each CCP, in the titre's order (OBTAINED only). */
  readonly ccpSessions: readonly { readonly code: string; readonly sessionId: string }[];
  /** Codes of the CCP still missing, in the titre's order. */
  readonly missingCcpCodes: readonly string[];
  /** Last day a session may start for a CCP to complete the titre. */
  readonly lastSessionDate: CalendarDate;
}

export interface CertificationRecord {
  readonly titreCode: string;
  /** The session the record is read at (the last one when not given), null without sessions. */
  readonly referenceSessionId: string | null;
  readonly ccps: readonly CcpRecord[];
  /** CCS: delivered only once the titre is obtained (`certified`). */
  readonly ccs: readonly (CcpRecord & { readonly certified: boolean })[];
  readonly titre: TitreOutcome;
  readonly sources: readonly RuleSource[];
}

/** Overall outcome of one session for one person. */
export type SessionOutcome =
  /** Every CCP evaluated at the session acquired. */
  | 'FULL_SUCCESS'
  /** Some acquired, some not. */
  | 'PARTIAL'
  /** None acquired. */
  | 'FAILURE'
  /** Did not sit the tests (absent, or late and refused). */
  | 'ABSENT'
  /** Results not entered yet (or not all of them). */
  | 'PENDING';

export const SESSION_OUTCOME_LABELS: Readonly<Record<SessionOutcome, string>> = {
  FULL_SUCCESS: 'Réussite totale',
  PARTIAL: 'Réussite partielle',
  FAILURE: 'Échec',
  ABSENT: 'Absent(e)',
  PENDING: 'Résultats non saisis',
};

/** Absent, or late and refused: did not sit the tests. */
export function isAbsent(attendance: Attendance | null): boolean {
  return attendance === 'ABSENT' || attendance === 'LATE_REFUSED';
}

/**
 * The codes a session evaluates for the person, in the titre's order: every CCP (not the CCS) of
 * the titre for a TITRE session, the session's own codes for a CCP or CCS session. Codes that are
 * not part of the titre are left out.
 */
export function sessionScope(titre: TitreScope, session: SessionAttempt): string[] {
  if (session.nature === 'TITRE') {
    return titre.ccps.filter((ccp) => ccp.kind === 'CCP').map((ccp) => ccp.code);
  }
  const codes = new Set(session.ccpCodes);
  return titre.ccps.filter((ccp) => codes.has(ccp.code)).map((ccp) => ccp.code);
}

/** The outcome of one code at one session (ABSENT, PENDING, or the result entered). */
export function attemptOutcome(session: SessionAttempt, code: string): AttemptOutcome {
  if (isAbsent(session.attendance)) return 'ABSENT';
  return session.results.find((r) => r.ccpCode === code)?.outcome ?? 'PENDING';
}

/** Chronological order of sessions: end date, then start date, then id. */
export function compareAttempts(a: SessionAttempt, b: SessionAttempt): number {
  return (
    compareDates(a.endDate, b.endDate) ||
    compareDates(a.startDate, b.startDate) ||
    a.sessionId.localeCompare(b.sessionId)
  );
}

/**
 * The overall outcome of a session for the person. `alreadyAcquired` are the codes acquired
 * before it (carried over): a TITRE session does not evaluate them again, so they neither count
 * as a success nor as a failure there.
 */
export function sessionOutcome(
  titre: TitreScope,
  session: SessionAttempt,
  alreadyAcquired: ReadonlySet<string> = new Set(),
): SessionOutcome {
  if (isAbsent(session.attendance)) return 'ABSENT';
  const scope = sessionScope(titre, session);
  const evaluated = scope.filter(
    (code) => !alreadyAcquired.has(code) || session.results.some((r) => r.ccpCode === code),
  );
  const outcomes = evaluated.map((code) => attemptOutcome(session, code));
  if (outcomes.length === 0 || outcomes.includes('PENDING')) return 'PENDING';
  const acquired = outcomes.filter((o) => o === 'ACQUIRED').length;
  if (acquired === outcomes.length) return 'FULL_SUCCESS';
  return acquired > 0 ? 'PARTIAL' : 'FAILURE';
}

/**
 * The outcome of each session for the person (by session id), the CCP acquired at earlier
 * sessions carried over (see `sessionOutcome`).
 */
export function sessionOutcomes(
  titre: TitreScope,
  sessions: readonly SessionAttempt[],
): Map<string, SessionOutcome> {
  const outcomes = new Map<string, SessionOutcome>();
  const acquired = new Set<string>();
  for (const session of [...sessions].sort(compareAttempts)) {
    outcomes.set(session.sessionId, sessionOutcome(titre, session, new Set(acquired)));
    for (const code of sessionScope(titre, session)) {
      if (attemptOutcome(session, code) === 'ACQUIRED') acquired.add(code);
    }
  }
  return outcomes;
}

/** Last day of the prolongation year: the override, or validUntil + 1 year. */
export function prolongationEnd(
  titre: Pick<TitreScope, 'validUntil' | 'prolongationUntil'>,
  period: YearsRule = PROLONGATION_PERIOD,
): CalendarDate {
  return titre.prolongationUntil ?? addYears(titre.validUntil, period.years);
}

export interface RecordOptions {
  /**
   * Read the record as it stood at the end of this session: later sessions are left out, and
   * `carriedOver` tells the CCP acquired elsewhere. Default: the last session.
   */
  readonly asOfSessionId?: string;
  /** Length of the prolongation year when the titre sets no end by hand. */
  readonly prolongation?: YearsRule;
}

/**
 * The certification record of a person for a titre version, from the sessions of this version
 * they were enrolled in (any order). A CCP is acquired at the first session that gives it and
 * stays acquired for life, whatever later sessions say. The titre is obtained when every CCP of
 * the titre (CCS excluded) is acquired, the last one at a session that started no later than the
 * end of the prolongation year; its date is the end of that session.
 *
 * @throws Error when `asOfSessionId` is not one of the sessions.
 */
export function certificationRecord(
  titre: TitreScope,
  sessions: readonly SessionAttempt[],
  options: RecordOptions = {},
): CertificationRecord {
  let ordered = [...sessions].sort(compareAttempts);
  if (options.asOfSessionId !== undefined) {
    const index = ordered.findIndex((s) => s.sessionId === options.asOfSessionId);
    if (index < 0) {
      throw new Error(`Session « ${options.asOfSessionId} » absente du parcours de la personne.`);
    }
    ordered = ordered.slice(0, index + 1);
  }
  const reference = ordered.at(-1) ?? null;

  const records = titre.ccps.map((ccp): CcpRecord => {
    const attempts: CcpAttempt[] = [];
    let acquired: CcpAcquisition | null = null;
    for (const session of ordered) {
      if (!sessionScope(titre, session).includes(ccp.code)) continue;
      const outcome = attemptOutcome(session, ccp.code);
      attempts.push({
        sessionId: session.sessionId,
        nature: session.nature,
        endDate: session.endDate,
        outcome,
      });
      if (acquired === null && outcome === 'ACQUIRED') {
        acquired = {
          sessionId: session.sessionId,
          nature: session.nature,
          acquiredOn: session.endDate,
          carriedOver: session.sessionId !== reference?.sessionId,
        };
      }
    }
    return {
      code: ccp.code,
      kind: ccp.kind,
      acquired,
      lastAttempt: attempts.at(-1) ?? null,
      attempts,
    };
  });

  const ccpRecords = records.filter((r) => r.kind === 'CCP');
  const lastSessionDate = prolongationEnd(titre, options.prolongation);
  const titreOutcome = titreOutcomeOf(ccpRecords, ordered, lastSessionDate);
  const obtained = titreOutcome.status === 'OBTAINED';
  return {
    titreCode: titre.code,
    referenceSessionId: reference?.sessionId ?? null,
    ccps: ccpRecords,
    ccs: records
      .filter((r) => r.kind === 'CCS')
      .map((r) => ({ ...r, certified: obtained && r.acquired !== null })),
    titre: titreOutcome,
    sources: [
      CERTIFICATION_SOURCES.CCP_FOR_LIFE,
      CERTIFICATION_SOURCES.TITRE_BY_CAPITALISATION,
      CERTIFICATION_SOURCES.TITRE_CLOSURE_ONE_YEAR,
      (options.prolongation ?? PROLONGATION_PERIOD).source,
    ],
  };
}

function titreOutcomeOf(
  ccps: readonly CcpRecord[],
  ordered: readonly SessionAttempt[],
  lastSessionDate: CalendarDate,
): TitreOutcome {
  const position = new Map(ordered.map((s, index) => [s.sessionId, index]));
  const missingCcpCodes = ccps.filter((r) => r.acquired === null).map((r) => r.code);
  const none = { obtainedOn: null, obtainedInSessionId: null, ccpSessions: [] };
  if (ccps.length === 0 || missingCcpCodes.length > 0) {
    return { status: 'IN_PROGRESS', ...none, missingCcpCodes, lastSessionDate };
  }
  // Every CCP acquired: the titre is completed by the latest acquisition (session order).
  const acquisitions = ccps.map((r) => ({ code: r.code, acquisition: r.acquired }));
  let completing: CcpAcquisition | null = null;
  const ccpSessions: { code: string; sessionId: string }[] = [];
  for (const { code, acquisition } of acquisitions) {
    if (acquisition === null) continue;
    ccpSessions.push({ code, sessionId: acquisition.sessionId });
    const rank = position.get(acquisition.sessionId) ?? -1;
    if (completing === null || rank > (position.get(completing.sessionId) ?? -1)) {
      completing = acquisition;
    }
  }
  if (completing === null) {
    return { status: 'IN_PROGRESS', ...none, missingCcpCodes, lastSessionDate };
  }
  const start =
    ordered[position.get(completing.sessionId) ?? -1]?.startDate ?? completing.acquiredOn;
  if (compareDates(start, lastSessionDate) > 0) {
    return { status: 'OUT_OF_VALIDITY', ...none, missingCcpCodes, lastSessionDate };
  }
  return {
    status: 'OBTAINED',
    obtainedOn: completing.acquiredOn,
    obtainedInSessionId: completing.sessionId,
    ccpSessions,
    missingCcpCodes,
    lastSessionDate,
  };
}

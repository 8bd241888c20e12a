/**
 * Presence, result per CCP and decision of a candidate — read with their certification record as
 * of the session (CCP acquired at earlier sessions, titre completed here) — and who may evaluate
 * them.
 */
import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { CertificationRecord, SessionAttempt } from '../certification/record-rules.js';
import { ATTENDANCE_LABELS, OUTCOME_LABELS } from './document-format.js';
import type {
  DossierAcquisition,
  DossierCandidate,
  DossierCcp,
  DossierDeclaration,
  DossierRecord,
  DossierStaff,
  SessionDossier,
} from './session-dossier.js';

export interface ResultCell {
  code: string;
  /**
   * 'Acquis', 'Non acquis', 'Non évalué', « acquis le jj/mm/aaaa (session du …) » for a CCP
   * acquired at an earlier session and not evaluated again, or '—' when nothing is recorded.
   */
  outcome: string;
  /** Acquired, at this session or (carried over) at an earlier one. */
  acquired: boolean;
}

/**
 * The record of a person as of a session, for the documents: the CCP acquired so far with the
 * session that gave each, and whether this session completed the titre.
 */
export function dossierRecord(
  record: CertificationRecord,
  sessionId: string,
  attempts: readonly SessionAttempt[],
): DossierRecord {
  const sessions = new Map(attempts.map((a) => [a.sessionId, a]));
  const acquisitions: DossierAcquisition[] = [];
  for (const ccp of record.ccps) {
    const acquired = ccp.acquired;
    const session = acquired && sessions.get(acquired.sessionId);
    if (!acquired || !session) continue;
    acquisitions.push({
      code: ccp.code,
      acquiredOn: acquired.acquiredOn,
      sessionId: acquired.sessionId,
      sessionStartDate: session.startDate,
      sessionEndDate: session.endDate,
    });
  }
  return {
    titreObtained:
      record.titre.status === 'OBTAINED' && record.titre.obtainedInSessionId === sessionId,
    acquisitions,
    missingCcpCodes: [...record.titre.missingCcpCodes],
  };
}

function sessionDates(start: CalendarDate, end: CalendarDate): string {
  return start === end
    ? `session du ${formatFrenchDate(start)}`
    : `session du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}`;
}

/** « acquis le 18/06/2027 (session du 14/06/2027 au 18/06/2027) ». */
export function acquiredAt(acquisition: DossierAcquisition): string {
  const dates = sessionDates(acquisition.sessionStartDate, acquisition.sessionEndDate);
  return `acquis le ${formatFrenchDate(acquisition.acquiredOn)} (${dates})`;
}

export interface CandidateResult {
  attendance: string;
  /** Absent, or late and refused: did not sit the tests. */
  absent: boolean;
  cells: ResultCell[];
  /** The CCP acquired at this session, in the titre's order. */
  acquired: DossierCcp[];
  /** The titre was completed at this session (in one go, or with CCP acquired earlier). */
  titreObtained: boolean;
  decision: string;
  /**
   * The CCP of the titre acquired at earlier sessions, each « CCP1 acquis le jj/mm/aaaa (session
   * du …) », in the titre's order.
   */
  earlier: string[];
  /**
   * When the titre is obtained with CCP acquired at earlier sessions: the session (date) that gave
   * each CCP, in the titre's order (empty when this session gave them all).
   */
  ccpSessions: string[];
}

const NOT_RECORDED = '—';

/**
 * The result of a candidate at the session. With their `record` as of the session, a CCP acquired
 * at an earlier session counts (shown « acquis le … (session du …) » where it is not evaluated
 * again) and the titre is obtained when this session completes it, a CCP session included;
 * without a record, only this session's results count.
 */
export function candidateResult(
  candidate: Pick<DossierCandidate, 'attendance' | 'results'>,
  dossier: Pick<SessionDossier, 'session' | 'titre'>,
  scope: readonly DossierCcp[],
  record: DossierRecord | null = null,
): CandidateResult {
  const outcomes = new Map(candidate.results.map((r) => [r.ccpCode, r.outcome]));
  const before = (record?.acquisitions ?? []).filter((a) => a.sessionId !== dossier.session.id);
  const earlierOf = new Map(before.map((a) => [a.code, a]));
  const cells = scope.map((ccp) => {
    const outcome = outcomes.get(ccp.code);
    const earlier = earlierOf.get(ccp.code);
    if (!outcome && earlier)
      return { code: ccp.code, outcome: acquiredAt(earlier), acquired: true };
    return {
      code: ccp.code,
      outcome: outcome ? OUTCOME_LABELS[outcome] : NOT_RECORDED,
      acquired: outcome === 'ACQUIRED',
    };
  });
  const acquired = dossier.titre.ccps.filter((ccp) => outcomes.get(ccp.code) === 'ACQUIRED');
  const absent = candidate.attendance === 'ABSENT' || candidate.attendance === 'LATE_REFUSED';
  const titreObtained = record
    ? !absent && record.titreObtained
    : !absent &&
      dossier.session.nature === 'TITRE' &&
      scope.length > 0 &&
      cells.every((cell) => cell.acquired);
  return {
    attendance: candidate.attendance ? ATTENDANCE_LABELS[candidate.attendance] : 'Non renseignée',
    absent,
    cells,
    acquired: absent ? [] : acquired,
    titreObtained,
    decision: decision(candidate, dossier, acquired, absent, titreObtained),
    earlier: before.map((a) => `${a.code} ${acquiredAt(a)}`),
    ccpSessions:
      titreObtained && record && before.length > 0
        ? record.acquisitions.map((a) =>
            a.sessionId === dossier.session.id
              ? `${a.code} acquis à cette session`
              : `${a.code} ${acquiredAt(a)}`,
          )
        : [],
  };
}

function decision(
  candidate: Pick<DossierCandidate, 'attendance' | 'results'>,
  dossier: Pick<SessionDossier, 'session' | 'titre'>,
  acquired: readonly DossierCcp[],
  absent: boolean,
  titreObtained: boolean,
): string {
  if (candidate.attendance === 'ABSENT') return 'Absent(e)';
  if (candidate.attendance === 'LATE_REFUSED') return 'Non admis(e) : retard';
  if (candidate.results.length === 0) return 'Résultats non saisis';
  if (titreObtained) return `Titre professionnel ${dossier.titre.code} obtenu`;
  const codes = acquired.map((ccp) => ccp.code).join(', ');
  if (dossier.session.nature === 'TITRE') {
    return acquired.length > 0 ? `Validation partielle : ${codes}` : 'Titre non obtenu';
  }
  return acquired.length > 0 ? `Acquis : ${codes}` : 'Aucun certificat acquis';
}

/**
 * The jurors who evaluate a candidate: the members of the jury (role JURY) who have not declared
 * a personal or professional link with them.
 */
export function evaluatorsOf(
  candidateId: string,
  staff: readonly DossierStaff[],
  declarations: readonly DossierDeclaration[],
): { evaluators: DossierStaff[]; withLink: DossierStaff[] } {
  const linked = new Set(
    declarations
      .filter((d) => d.candidateId === candidateId && d.hasLink)
      .map((d) => d.juryMemberId),
  );
  const jury = staff.filter((s) => s.role === 'JURY');
  return {
    evaluators: jury.filter((s) => !linked.has(s.juryMemberId)),
    withLink: jury.filter((s) => linked.has(s.juryMemberId)),
  };
}

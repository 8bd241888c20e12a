/**
 * The certification record of a person as the API and the person page give it: per titre version,
 * each CCP and CCS with its outcome per session, where and when it was acquired (carried over or
 * not), and the titre's status — codes with their French labels. Pure: built from what
 * `CertificationRecords` reads.
 */
import type { PersonTitreRecord } from '../certification/certification-records.service.js';
import type { RuleSource } from '../certification/certification-sources.js';
import {
  SESSION_OUTCOME_LABELS,
  type AttemptOutcome,
  type CcpRecord,
  type SessionOutcome,
  type TitreStatus,
} from '../certification/record-rules.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { CcpKind } from '../titres/ccp.entity.js';

export const TITRE_STATUS_LABELS: Readonly<Record<TitreStatus, string>> = {
  OBTAINED: 'Titre obtenu',
  IN_PROGRESS: 'En cours (CCP manquants)',
  OUT_OF_VALIDITY: 'Hors validité (dernier CCP acquis après la fin de la prolongation)',
};

export const ATTEMPT_OUTCOME_LABELS: Readonly<Record<AttemptOutcome, string>> = {
  ACQUIRED: 'Acquis',
  NOT_ACQUIRED: 'Non acquis',
  NOT_EVALUATED: 'Non évalué',
  ABSENT: 'Absent(e)',
  PENDING: 'Résultat non saisi',
};

/** A session of the record: enough to name it (« session du 14/06/2027 »). */
export interface RecordSessionView {
  id: string;
  nature: SessionNature;
  startDate: CalendarDate;
  endDate: CalendarDate;
}

export interface CcpAttemptView {
  sessionId: string;
  nature: SessionNature;
  endDate: CalendarDate;
  outcome: AttemptOutcome;
  outcomeLabel: string;
}

export interface CcpRecordView {
  code: string;
  label: string;
  kind: CcpKind;
  /** Every session that evaluated it, oldest first. */
  attempts: CcpAttemptView[];
  /** Where and when it was acquired (for life), null while not acquired. */
  acquired: {
    sessionId: string;
    nature: SessionNature;
    acquiredOn: CalendarDate;
    /** Acquired at an earlier session than the last one of the record (kept for life). */
    carriedOver: boolean;
  } | null;
}

export interface TitreRecordView {
  titre: { id: string; code: string; label: string; version: string };
  /** The sessions of this titre version the person was enrolled in, oldest first. */
  sessions: RecordSessionView[];
  status: TitreStatus;
  statusLabel: string;
  /** End of the session that completed the titre (OBTAINED only). */
  obtainedOn: CalendarDate | null;
  obtainedInSessionId: string | null;
  /** The session that gave each CCP, in the titre's order (OBTAINED only). */
  ccpSessions: { code: string; sessionId: string; acquiredOn: CalendarDate }[];
  missingCcpCodes: string[];
  /** Last day a session may start for a CCP to complete the titre. */
  lastSessionDate: CalendarDate;
  ccps: CcpRecordView[];
  /** CCS: certified only once the titre is obtained. */
  ccs: (CcpRecordView & { certified: boolean })[];
  sources: readonly RuleSource[];
}

function ccpView(record: CcpRecord, labels: ReadonlyMap<string, string>): CcpRecordView {
  return {
    code: record.code,
    label: labels.get(record.code) ?? record.code,
    kind: record.kind,
    attempts: record.attempts.map((a) => ({
      sessionId: a.sessionId,
      nature: a.nature,
      endDate: a.endDate,
      outcome: a.outcome,
      outcomeLabel: ATTEMPT_OUTCOME_LABELS[a.outcome],
    })),
    acquired: record.acquired && {
      sessionId: record.acquired.sessionId,
      nature: record.acquired.nature,
      acquiredOn: record.acquired.acquiredOn,
      carriedOver: record.acquired.carriedOver,
    },
  };
}

/** The record of one titre version, for the API and the person page. */
export function titreRecordView(found: PersonTitreRecord): TitreRecordView {
  const { titre, record } = found;
  const ccps = record.ccps.map((r) => ccpView(r, titre.labels));
  const acquiredOn = new Map(ccps.map((c) => [c.code, c.acquired?.acquiredOn ?? null]));
  return {
    titre: { id: titre.id, code: titre.code, label: titre.label, version: titre.version },
    sessions: found.enrolments.map(({ attempt }) => ({
      id: attempt.sessionId,
      nature: attempt.nature,
      startDate: attempt.startDate,
      endDate: attempt.endDate,
    })),
    status: record.titre.status,
    statusLabel: TITRE_STATUS_LABELS[record.titre.status],
    obtainedOn: record.titre.obtainedOn,
    obtainedInSessionId: record.titre.obtainedInSessionId,
    ccpSessions: record.titre.ccpSessions.map(({ code, sessionId }) => ({
      code,
      sessionId,
      acquiredOn: acquiredOn.get(code) ?? '',
    })),
    missingCcpCodes: [...record.titre.missingCcpCodes],
    lastSessionDate: record.titre.lastSessionDate,
    ccps,
    ccs: record.ccs.map((r) => ({ ...ccpView(r, titre.labels), certified: r.certified })),
    sources: record.sources,
  };
}

/** The outcome of each enrolment (by candidate id) found in the records. */
export function enrolmentOutcomes(
  records: readonly PersonTitreRecord[],
): Map<string, SessionOutcome> {
  return new Map(
    records.flatMap((r) => r.enrolments.map((e) => [e.candidateId, e.outcome] as const)),
  );
}

/** The French label of a session outcome; null (a cancelled session) has none. */
export function sessionOutcomeLabel(outcome: SessionOutcome | null): string | null {
  return outcome === null ? null : SESSION_OUTCOME_LABELS[outcome];
}

/** What the person page shows of the certification record: one table per titre version. */
import { formatFrenchDate, type CalendarDate } from '../../common/calendar-date.js';
import type {
  CcpRecordView,
  RecordSessionView,
  TitreRecordView,
} from '../../people/person-record-view.js';

export interface RecordRowView {
  code: string;
  kind: string;
  label: string;
  /** « Session du … : Acquis », one per session that evaluated it, oldest first. */
  attempts: string[];
  /** « 18/06/2027 (session du 14/06/2027 au 18/06/2027) », or « — ». */
  acquired: string;
  /** « Oui » when acquired at an earlier session than the last one (kept for life). */
  carriedOver: string;
}

export interface RecordTableView {
  /** Id of the table's heading (aria-labelledby). */
  id: string;
  title: string;
  statusLabel: string;
  obtained: boolean;
  /** « Titre obtenu le … à la session du … », or the CCP missing and the last date. */
  summary: string;
  rows: RecordRowView[];
}

/** « session du 14/06/2027 » or « session du 14/06/2027 au 18/06/2027 ». */
export function sessionDates(session: Pick<RecordSessionView, 'startDate' | 'endDate'>): string {
  return session.startDate === session.endDate
    ? `session du ${formatFrenchDate(session.startDate)}`
    : `session du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`;
}

function sessionName(sessions: ReadonlyMap<string, RecordSessionView>, id: string): string {
  const session = sessions.get(id);
  return session ? sessionDates(session) : 'session annulée ou supprimée';
}

function row(
  ccp: CcpRecordView & { certified?: boolean },
  sessions: ReadonlyMap<string, RecordSessionView>,
): RecordRowView {
  const acquired = ccp.acquired;
  return {
    code: ccp.code,
    kind: ccp.kind,
    label: ccp.label,
    attempts: ccp.attempts.map((a) => {
      const name = sessionName(sessions, a.sessionId);
      return `${name.charAt(0).toUpperCase()}${name.slice(1)} : ${a.outcomeLabel}`;
    }),
    acquired: acquired
      ? `${formatFrenchDate(acquired.acquiredOn)} (${sessionName(sessions, acquired.sessionId)})${
          ccp.certified === false ? ' — certifié une fois le titre obtenu' : ''
        }`
      : '—',
    carriedOver: acquired ? (acquired.carriedOver ? 'Oui' : 'Non') : '—',
  };
}

function summary(
  record: TitreRecordView,
  sessions: ReadonlyMap<string, RecordSessionView>,
): string {
  const last = (date: CalendarDate) =>
    `dernière date de début de session : ${formatFrenchDate(date)}`;
  switch (record.status) {
    case 'OBTAINED': {
      const at = record.obtainedInSessionId
        ? sessionName(sessions, record.obtainedInSessionId)
        : 'session inconnue';
      return `Titre obtenu le ${formatFrenchDate(record.obtainedOn ?? record.lastSessionDate)} à la ${at}.`;
    }
    case 'IN_PROGRESS':
      return `CCP manquants : ${record.missingCcpCodes.join(', ') || 'aucun'} ; ${last(record.lastSessionDate)}.`;
    case 'OUT_OF_VALIDITY':
      return `${record.statusLabel} (${last(record.lastSessionDate)}).`;
  }
}

/** One table per titre version the person was enrolled in. */
export function recordTables(records: readonly TitreRecordView[]): RecordTableView[] {
  return records.map((record, index) => {
    const sessions = new Map(record.sessions.map((s) => [s.id, s]));
    return {
      id: `record-${index + 1}`,
      title: `${record.titre.code} — ${record.titre.label} (version ${record.titre.version})`,
      statusLabel: record.statusLabel,
      obtained: record.status === 'OBTAINED',
      summary: summary(record, sessions),
      rows: [...record.ccps, ...record.ccs].map((ccp) => row(ccp, sessions)),
    };
  });
}

/**
 * The heading of a session, the same on every tab of the dashboard and in the API's GET of the
 * session: one function of the session and the names read with it (SessionHeaderQuery).
 */
import { formatFrenchDate } from '../common/calendar-date.js';
import { SESSION_STATUS_LABELS } from '../planning/planning-csv.js';
import type { ExamSession } from './exam-session.entity.js';

export interface SessionHeadingNames {
  titreCode: string;
  titreLabel: string;
  titreVersion: string;
  siteName: string;
}

export interface SessionHeading {
  /** « CDUI — Site de Lille » */
  title: string;
  /** « Conducteur… (millésime 2023) » */
  titreLabel: string;
  /** « 15/03/2027 » or « du 15/03/2027 au 16/03/2027 » */
  dates: string;
  /** « Programmée », « Annulée »… */
  status: string;
}

export function sessionHeading(
  session: Pick<ExamSession, 'startDate' | 'endDate' | 'status'>,
  names: SessionHeadingNames,
): SessionHeading {
  return {
    title: `${names.titreCode} — ${names.siteName}`,
    titreLabel: `${names.titreLabel} (millésime ${names.titreVersion})`,
    dates:
      session.startDate === session.endDate
        ? formatFrenchDate(session.startDate)
        : `du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`,
    status: SESSION_STATUS_LABELS[session.status],
  };
}

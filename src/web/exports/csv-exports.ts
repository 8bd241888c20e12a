/**
 * The CSV files the dashboard's lists export (« Exporter en CSV »): the sessions (with the
 * list's filters), the candidates of a session. Plain functions of the queried rows, written with
 * the one CSV writer (src/common/csv.ts: BOM, « ; », formulas defused), French headers and
 * dates jj/mm/aaaa.
 */
import type { Candidate } from '../../candidates/candidate.entity.js';
import { formatFrenchDate, type CalendarDate } from '../../common/calendar-date.js';
import { csvDocument } from '../../common/csv.js';
import type { SessionListRow } from '../queries/session-list.query.js';
import {
  ATTENDANCE_LABELS,
  CONVOCATION_MODE_LABELS,
  OUTCOME_LABELS,
  PATHWAY_LABELS,
  personLabel,
  SESSION_NATURE_LABELS,
  SESSION_STATUS_LABELS,
} from '../views/labels.js';

function date(value: CalendarDate | null): string {
  return value ? formatFrenchDate(value) : '';
}

export const SESSIONS_CSV_HEADERS = [
  'Sigle',
  'Titre',
  'Nature',
  'Centre',
  'Site',
  'Début',
  'Fin',
  'Responsable de session',
  'Statut',
  'Tâches faites',
  'Tâches à faire',
  'Tâches réglementaires faites',
  'Tâches réglementaires',
  'Tâches en retard',
  'Prochaine échéance',
] as const;

export function sessionsCsv(rows: readonly SessionListRow[]): string {
  return csvDocument(
    SESSIONS_CSV_HEADERS,
    rows.map((r) => [
      r.titreCode,
      r.titreLabel,
      SESSION_NATURE_LABELS[r.nature],
      r.centreName,
      r.siteName,
      date(r.startDate),
      date(r.endDate),
      r.managerEmail === null
        ? ''
        : personLabel({
            firstName: r.managerFirstName,
            lastName: r.managerLastName,
            email: r.managerEmail,
          }),
      SESSION_STATUS_LABELS[r.status],
      r.counts.done,
      r.counts.total,
      r.counts.regulatoryDone,
      r.counts.regulatoryTotal,
      r.counts.overdue,
      date(r.counts.nextDue),
    ]),
  );
}

export const CANDIDATES_CSV_HEADERS = [
  'Nom',
  'Prénom',
  'Date de naissance',
  'Parcours',
  'Date de convocation',
  'Mode de convocation',
  'Présence',
  'Résultats',
] as const;

type CandidateCsvRow = Pick<
  Candidate,
  | 'lastName'
  | 'firstName'
  | 'birthDate'
  | 'pathway'
  | 'convocationDate'
  | 'convocationMode'
  | 'attendance'
  | 'results'
>;

export function candidatesCsv(candidates: readonly CandidateCsvRow[]): string {
  return csvDocument(
    CANDIDATES_CSV_HEADERS,
    candidates.map((c) => [
      c.lastName.toUpperCase(),
      c.firstName,
      date(c.birthDate),
      PATHWAY_LABELS[c.pathway],
      date(c.convocationDate),
      c.convocationMode ? CONVOCATION_MODE_LABELS[c.convocationMode] : '',
      c.attendance ? ATTENDANCE_LABELS[c.attendance] : '',
      c.results.map((r) => `${r.ccpCode} : ${OUTCOME_LABELS[r.outcome]}`).join(', '),
    ]),
  );
}

/** A file name without anything a header would need to quote: `candidats-CDUI-2027-03-15.csv`. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .map((p) =>
      p
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((p) => p !== '')
    .join('-');
  return `${name || 'export'}.csv`;
}

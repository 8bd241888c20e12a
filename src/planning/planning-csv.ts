/** The annual planning as a CSV file for spreadsheets (Excel in French: BOM, « ; »). */
import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import { csvDocument } from '../common/csv.js';
import type { SessionNature, SessionStatus } from '../sessions/exam-session.entity.js';

export interface PlanningEntry {
  sessionId: string;
  titreCode: string;
  titreLabel: string;
  titreVersion: string;
  nature: SessionNature;
  ccpCodes: string[];
  siteName: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  location: string;
  candidateCount: number;
  /** Responsable de session and deputy (« Prénom NOM »), empty when not chosen yet. */
  managerName: string;
  deputyManagerName: string;
  status: SessionStatus;
  statusLabel: string;
}

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  PLANNED: 'Programmée',
  POSTPONED: 'Reportée',
  HELD: 'Tenue',
  CLOSED: 'Clôturée',
  CANCELLED: 'Annulée',
};

export const SESSION_NATURE_LABELS: Record<SessionNature, string> = {
  TITRE: 'Titre complet',
  CCP: 'CCP',
  CCS: 'CCS',
};

export const PLANNING_CSV_HEADERS = [
  'Sigle',
  'Titre',
  'Millésime',
  'Nature',
  'CCP',
  'Site',
  'Début',
  'Fin',
  'Lieu',
  'Candidats',
  'Responsable de session',
  'Suppléant',
  'Statut',
] as const;

/** One CSV field (see src/common/csv.ts); kept here for the planning's callers. */
export { csvField } from '../common/csv.js';

export function planningCsv(entries: readonly PlanningEntry[]): string {
  return csvDocument(
    PLANNING_CSV_HEADERS,
    entries.map((e) => [
      e.titreCode,
      e.titreLabel,
      e.titreVersion,
      SESSION_NATURE_LABELS[e.nature],
      e.ccpCodes.join(', '),
      e.siteName,
      formatFrenchDate(e.startDate),
      formatFrenchDate(e.endDate),
      e.location,
      e.candidateCount,
      e.managerName,
      e.deputyManagerName,
      SESSION_STATUS_LABELS[e.status],
    ]),
  );
}

/**
 * Whether the client asked for CSV: `format=csv` wins, `format=json` too; otherwise the Accept
 * header, when it prefers text/csv to JSON.
 */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  if (!accept) return false;
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .filter((r) => r.q > 0 && (r.type === 'text/csv' || r.type === 'application/json'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges[0]?.type === 'text/csv';
}

import { formatFrenchDate } from '../common/calendar-date.js';
import type { RetentionReport } from './retention.service.js';

/** What `retention:purge [--dry-run]` prints, in French. */
export function retentionReportText(report: RetentionReport): string {
  const head = `Sessions terminées avant le ${formatFrenchDate(report.cutoff)} :`;
  if (report.sessions.length === 0) return `${head} aucune donnée personnelle à purger.\n`;
  const lines = report.sessions.map(
    (s) =>
      `- session ${s.sessionId} (du ${formatFrenchDate(s.startDate)} au ${formatFrenchDate(s.endDate)}) : ${s.candidates} candidat(s)`,
  );
  const total = report.sessions.reduce((sum, s) => sum + s.candidates, 0);
  const tail = report.dryRun
    ? `Simulation : ${total} candidat(s) seraient anonymisé(s) ; rien n’a été modifié.`
    : `${report.candidatesPurged} candidat(s) anonymisé(s).`;
  return [head, ...lines, tail].join('\n') + '\n';
}

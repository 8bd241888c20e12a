import type { PassReport } from './reminder-pass.service.js';

/** What `reminders:run` prints: one French line per e-mail, then a summary. */
export function passReportText(report: PassReport): string {
  const lines = [
    ...report.sent.map(
      (mail) =>
        `Envoyé à ${mail.to} : ${mail.subject}` +
        (mail.emlPath ? ` (fichier ${mail.emlPath})` : ''),
    ),
    ...report.failed.map(
      (mail) => `Échec pour ${mail.to} : ${mail.subject} — ${mail.error} (nouvel essai plus tard)`,
    ),
  ];
  const sent = report.sent.length;
  lines.push(
    sent === 0 && report.failed.length === 0
      ? 'Aucun rappel à envoyer.'
      : `${sent} e-mail${sent > 1 ? 's' : ''} envoyé${sent > 1 ? 's' : ''}, ${report.failed.length} en échec.`,
  );
  return lines.join('\n') + '\n';
}

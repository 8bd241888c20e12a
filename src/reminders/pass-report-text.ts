import type { PassReport } from './reminder-pass.service.js';

const plural = (n: number, word: string) => `${word}${n > 1 ? 's' : ''}`;

/** What `reminders:run` prints: one French line per e-mail, then a summary. */
export function passReportText(report: PassReport): string {
  const lines = [
    ...report.sent.map(
      (mail) =>
        `Envoyé à ${mail.to} : ${mail.subject}` +
        (mail.emlPath ? ` (fichier ${mail.emlPath})` : ''),
    ),
    ...report.failed.map((mail) =>
      mail.final
        ? `Échec définitif pour ${mail.to} : ${mail.subject} — ${mail.error} (abandonné après ${mail.attempts} ${plural(mail.attempts, 'essai')})`
        : `Échec pour ${mail.to} : ${mail.subject} — ${mail.error} (nouvel essai plus tard)`,
    ),
    ...report.lost.map(
      (mail) =>
        `Réservation perdue pour ${mail.to} : ${mail.subject} — repris par un autre envoi` +
        (mail.accepted
          ? ' après acceptation par le serveur (doublon possible, même Message-ID)'
          : ''),
    ),
  ];
  const sent = report.sent.length;
  const failed = report.failed.length;
  const final = report.failed.filter((mail) => mail.final).length;
  lines.push(
    sent === 0 && failed === 0 && report.lost.length === 0
      ? 'Aucun rappel à envoyer.'
      : `${sent} ${plural(sent, 'e-mail')} ${plural(sent, 'envoyé')}, ${failed} en échec` +
          (final > 0 ? ` (dont ${final} ${plural(final, 'définitif')})` : '') +
          '.',
  );
  return lines.join('\n') + '\n';
}

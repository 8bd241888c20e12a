import { passReportText } from './pass-report-text.js';
import type { PassReport } from './reminder-pass.service.js';

const empty: PassReport = {
  planned: { itemsQueued: 0, messagesQueued: 0 },
  sent: [],
  failed: [],
  lost: [],
};

describe('passReportText', () => {
  it('says when there is nothing to send', () => {
    expect(passReportText(empty)).toBe('Aucun rappel à envoyer.\n');
  });

  it('lists sent e-mails, failures to retry and failures given up', () => {
    const text = passReportText({
      ...empty,
      sent: [
        {
          to: 'a@example.fr',
          subject: 'Jalon – 1 échéance',
          messageId: '<a@jalon>',
          emlPath: null,
        },
      ],
      failed: [
        {
          to: 'b@example.fr',
          subject: 'Jalon – 2 échéances',
          error: '451 4.7.1 plus tard',
          attempts: 1,
          final: false,
        },
        {
          to: 'c@example.fr',
          subject: 'Jalon – 3 échéances',
          error: '550 5.1.1 inconnu',
          attempts: 3,
          final: true,
        },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Envoyé à a@example.fr : Jalon – 1 échéance',
      'Échec pour b@example.fr : Jalon – 2 échéances — 451 4.7.1 plus tard (nouvel essai plus tard)',
      'Échec définitif pour c@example.fr : Jalon – 3 échéances — 550 5.1.1 inconnu (abandonné après 3 essais)',
      '1 e-mail envoyé, 2 en échec (dont 1 définitif).',
      '',
    ]);
  });

  it('mentions a claim lost to another sender', () => {
    const text = passReportText({
      ...empty,
      lost: [{ to: 'd@example.fr', subject: 'Jalon', messageId: '<d@jalon>', accepted: true }],
    });
    expect(text).toBe(
      'Réservation perdue pour d@example.fr : Jalon — repris par un autre envoi après acceptation par le serveur (doublon possible, même Message-ID)\n' +
        '0 e-mail envoyé, 0 en échec.\n',
    );
  });
});

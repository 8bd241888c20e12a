import {
  HUB_ACCOUNT_GUIDE,
  HUB_ACCOUNT_NOTICE,
  hubAccountIntro,
  hubAccountMessage,
  hubAccountNoticeFrom,
  hubAccountRecipients,
  hubAccountSendMessage,
  isHubAccountNoticeDue,
} from './hub-account-rules.js';

const session = {
  startDate: '2027-06-14',
  endDate: '2027-06-18',
  cancelled: false,
  givesCqc: true,
};

describe('hubAccountNoticeFrom', () => {
  it('is 21 days before the first day of the session, with its source', () => {
    expect(HUB_ACCOUNT_NOTICE.days).toBe(21);
    expect(HUB_ACCOUNT_NOTICE.source.code).toBe('HUB_ACCOUNT_NOTICE_DAYS');
    expect(HUB_ACCOUNT_NOTICE.source.text).toContain('seeds/001');
    expect(hubAccountNoticeFrom('2027-06-14')).toBe('2027-05-24');
    // Across a month and a year end.
    expect(hubAccountNoticeFrom('2027-03-10')).toBe('2027-02-17');
    expect(hubAccountNoticeFrom('2028-01-05')).toBe('2027-12-15');
  });
});

describe('isHubAccountNoticeDue', () => {
  it('starts 21 days before the first day and ends on the last day', () => {
    expect(isHubAccountNoticeDue(session, '2027-05-23')).toBe(false);
    expect(isHubAccountNoticeDue(session, '2027-05-24')).toBe(true);
    expect(isHubAccountNoticeDue(session, '2027-06-14')).toBe(true);
    expect(isHubAccountNoticeDue(session, '2027-06-18')).toBe(true);
    expect(isHubAccountNoticeDue(session, '2027-06-19')).toBe(false);
  });

  it('never for a titre without the CQC or a cancelled session', () => {
    expect(isHubAccountNoticeDue({ ...session, givesCqc: false }, '2027-06-01')).toBe(false);
    expect(isHubAccountNoticeDue({ ...session, cancelled: true }, '2027-06-01')).toBe(false);
  });
});

describe('hubAccountRecipients', () => {
  const candidates = [
    { id: 'a', email: ' eloise@example.fr ', purged: false },
    { id: 'b', email: null, purged: false },
    { id: 'c', email: '   ', purged: false },
    { id: 'd', email: 'told@example.fr', purged: false },
    { id: 'e', email: 'gone@example.fr', purged: true },
  ];

  it('tells those with an address not yet told, once', () => {
    const first = hubAccountRecipients(candidates, new Set(['d']));
    expect(first.toTell.map((c) => [c.id, c.address])).toEqual([['a', 'eloise@example.fr']]);
    expect(first.alreadyTold.map((c) => c.id)).toEqual(['d']);
    expect(first.withoutEmail.map((c) => c.id)).toEqual(['b', 'c']);

    const second = hubAccountRecipients(candidates, new Set(['a', 'd']));
    expect(second.toTell).toEqual([]);
    expect(second.alreadyTold.map((c) => c.id)).toEqual(['a', 'd']);
  });

  it('leaves purged candidates out', () => {
    const all = hubAccountRecipients(candidates, new Set());
    const ids = [...all.toTell, ...all.alreadyTold, ...all.withoutEmail].map((c) => c.id);
    expect(ids).not.toContain('e');
  });
});

describe('the guide', () => {
  it('gives the site address as seed 001 does, the 4-month certificate and the card', () => {
    expect(HUB_ACCOUNT_GUIDE.steps[0]).toContain('https://hubprotransport.com');
    expect(HUB_ACCOUNT_GUIDE.steps.join(' ')).toContain('« Particulier »');
    expect(HUB_ACCOUNT_GUIDE.steps.join(' ')).toContain('12 caractères');
    expect(HUB_ACCOUNT_GUIDE.prepare.join(' ')).toContain('permis de conduire');
    expect(HUB_ACCOUNT_GUIDE.next.join(' ')).toContain('valable 4 mois');
    expect(HUB_ACCOUNT_GUIDE.next.join(' ')).toContain('« Mes demandes »');
  });

  it('opens on the session', () => {
    expect(
      hubAccountIntro({
        titreLabel: 'Conducteur du transport routier de marchandises sur porteur',
        titreCode: 'CTRMP',
        startDate: '2027-06-14',
        endDate: '2027-06-18',
      }),
    ).toMatch(
      /^Votre session d’examen « Conducteur du transport routier de marchandises sur porteur » \(CTRMP\) a lieu du 14\/06\/2027 au 18\/06\/2027\. Pour obtenir/,
    );
    expect(
      hubAccountIntro({
        titreLabel: 'X',
        titreCode: 'X',
        startDate: '2027-06-14',
        endDate: '2027-06-14',
      }),
    ).toContain('a lieu le 14/06/2027.');
  });
});

describe('hubAccountMessage', () => {
  it('greets the driver by name, numbers the steps and signs for the centre', () => {
    const { subject, view } = hubAccountMessage({
      firstName: 'Éloïse',
      lastName: 'Martin',
      titreLabel: 'Conducteur du transport routier de marchandises sur porteur',
      titreCode: 'CTRMP',
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      centreName: 'ECF Lyon',
      appUrl: 'https://jalon.example.fr',
    });
    expect(subject).toBe(
      'Carte de qualification de conducteur : créez dès maintenant votre compte Hub Pro Transport',
    );
    expect(view.greeting).toBe('Bonjour Éloïse MARTIN,');
    expect(view.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(view.steps[1].text).toBe(HUB_ACCOUNT_GUIDE.steps[1]);
    expect(view.signature).toBe('Votre centre de formation, ECF Lyon');
    expect(view.hubUrl).toBe('https://hubprotransport.com');
  });
});

describe('hubAccountSendMessage', () => {
  it('says who was told, who already was, who has no address', () => {
    expect(hubAccountSendMessage({ told: [1, 2], alreadyTold: [], withoutEmail: [3] })).toBe(
      '2 conducteurs prévenus par e-mail ; 1 conducteur sans adresse e-mail : remettez-leur la fiche imprimée.',
    );
    expect(hubAccountSendMessage({ told: [], alreadyTold: [1, 2], withoutEmail: [] })).toBe(
      'Aucun nouveau conducteur prévenu ; 2 déjà prévenus.',
    );
    expect(hubAccountSendMessage({ told: [1], alreadyTold: [2], withoutEmail: [] })).toBe(
      '1 conducteur prévenu par e-mail ; 1 déjà prévenu.',
    );
  });
});

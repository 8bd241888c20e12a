import { RESIT_REMINDER_STEPS } from '../certification/resit-rules.js';
import {
  digestMessage,
  driverCertificateMessage,
  immediateMessage,
  urgencyLabel,
  type CertificateDueItem,
  type DueItem,
  type ResitDueItem,
  type SessionSummary,
} from './reminder-message.js';

const session = (id: string, startDate: string): SessionSummary => ({
  id,
  titreCode: 'CDA',
  titreLabel: 'Concepteur développeur d’applications',
  startDate,
  endDate: startDate,
  siteName: 'Site de Vénissieux',
  location: '',
});

const item = (
  taskId: string,
  sessionId: string,
  dueDate: string,
  daysLeft: number,
  regulatory = false,
): DueItem => ({
  taskId,
  sessionId,
  code: taskId,
  label: `Tâche ${taskId}`,
  regulatory,
  dueDate,
  reminder: { step: 'J-7', stepDate: dueDate, daysLeft },
});

describe('reminder messages', () => {
  it('says how far the deadline is in French', () => {
    expect(urgencyLabel(5)).toBe('dans 5 jours');
    expect(urgencyLabel(1)).toBe('demain');
    expect(urgencyLabel(0)).toBe('aujourd’hui');
    expect(urgencyLabel(-1)).toBe('en retard de 1 jour');
    expect(urgencyLabel(-8)).toBe('en retard de 8 jours');
  });

  it('groups the digest by session, most urgent first, réglementaire first on the same day', () => {
    const sessions = new Map([
      ['s1', session('s1', '2027-06-14')],
      ['s2', session('s2', '2027-05-03')],
    ]);
    const { subject, view } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2027-03-02',
      recipientName: ' ',
      items: [
        item('a', 's1', '2027-03-10', 8),
        item('b', 's2', '2027-02-20', -10),
        item('c', 's1', '2027-03-05', 3),
        item('d', 's1', '2027-03-05', 3, true),
      ],
      sessions,
    });
    expect(subject).toBe('Jalon – 4 échéances à suivre dont 1 en retard (02/03/2027)');
    expect(view.greeting).toBe('Bonjour,');
    expect(view.sessions.map((s) => s.url)).toEqual([
      'https://jalon.example.fr/sessions/s2',
      'https://jalon.example.fr/sessions/s1',
    ]);
    expect(view.sessions[1].tasks.map((t) => t.label)).toEqual(['Tâche d', 'Tâche c', 'Tâche a']);
    expect(view.sessions[1].tasks[0]).toMatchObject({
      kindLabel: 'Réglementaire',
      dueDate: '05/03/2027',
      urgency: 'dans 3 jours',
      url: 'https://jalon.example.fr/sessions/s1#task-d',
    });
    expect(view.sessions[0]).toMatchObject({ dates: 'le 03/05/2027', site: 'Site de Vénissieux' });
  });

  it('titles an immediate e-mail with the deadline', () => {
    const { subject, view } = immediateMessage({
      appUrl: 'https://jalon.example.fr',
      recipientName: 'Camille Martin',
      item: item('x', 's1', '2027-03-03', 1, true),
      session: session('s1', '2027-04-03'),
    });
    expect(subject).toBe('[Réglementaire] Échéance demain : Tâche x – CDA le 03/04/2027');
    expect(view.greeting).toBe('Bonjour Camille Martin,');
    expect(view.urgency).toBe('demain');
  });

  const resit = (candidateId: string, lastName: string, deadline: string): ResitDueItem => ({
    candidateId,
    centreId: 'c1',
    centreName: 'Centre Éléonore Dupré',
    personId: `p-${candidateId}`,
    lastName,
    firstName: 'Zoé',
    titreCode: 'CDA',
    titreLabel: 'Concepteur développeur d’applications',
    missingCcpCodes: ['CCP2', 'CCP3'],
    deadline,
    daysLeft: 92,
    step: RESIT_REMINDER_STEPS[0],
  });

  it('adds the re-sits to plan, soonest deadline first, and says so in the subject', () => {
    const { subject, view } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2028-03-18',
      recipientName: 'Camille Martin',
      items: [],
      sessions: new Map(),
      resits: [resit('b', 'Bernard', '2028-06-20'), resit('a', 'Zola', '2028-06-18')],
    });
    expect(subject).toBe('Jalon – 2 rattrapages à programmer (18/03/2028)');
    expect(view.resitsLabel).toBe('2 rattrapages à programmer');
    expect(view.resits.map((r) => r.name)).toEqual(['Zoé Zola', 'Zoé Bernard']);
    expect(view.resits[0]).toEqual({
      name: 'Zoé Zola',
      centre: 'Centre Éléonore Dupré',
      titre: 'CDA – Concepteur développeur d’applications',
      missing: 'CCP2, CCP3',
      deadline: '18/06/2028',
      urgency: 'dans 92 jours',
      stepLabel: '3 mois avant l’échéance',
      url: 'https://jalon.example.fr/centres/c1/resits#resit-a',
      personUrl: 'https://jalon.example.fr/people/p-a',
    });
  });

  it('names both the tasks and the re-sits in the subject', () => {
    const { subject } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2027-03-02',
      recipientName: '',
      items: [item('b', 's2', '2027-02-20', -10)],
      sessions: new Map([['s2', session('s2', '2027-05-03')]]),
      resits: [resit('a', 'Zola', '2028-06-18')],
    });
    expect(subject).toBe(
      'Jalon – 1 échéance à suivre dont 1 en retard et 1 rattrapage à programmer (02/03/2027)',
    );
  });

  it('lists the centres’ obligations, soonest first, and names them in the subject', () => {
    const obligation = (key: string, dueDate: string, daysLeft: number) => ({
      centreId: 'c1',
      centreName: 'Centre Éléonore Dupré',
      key,
      label: `Obligation ${key}`,
      dueDate,
      daysLeft,
      step: daysLeft < 0 ? ('OVERDUE' as const) : ('D30' as const),
      href: '/centres/c1/obligations?year=2027',
    });
    const { subject, view } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2027-01-01',
      recipientName: '',
      items: [],
      sessions: new Map(),
      resits: [resit('a', 'Zola', '2028-06-18')],
      obligations: [obligation('b', '2027-01-31', 30), obligation('a', '2026-12-31', -1)],
    });
    expect(subject).toBe(
      'Jalon – 1 rattrapage à programmer et 2 obligations du centre à remplir (01/01/2027)',
    );
    expect(view.obligationsLabel).toBe('2 obligations du centre à remplir');
    expect(view.obligations).toEqual([
      {
        label: 'Obligation a',
        centre: 'Centre Éléonore Dupré',
        dueDate: '31/12/2026',
        urgency: 'en retard de 1 jour',
        overdue: true,
        url: 'https://jalon.example.fr/centres/c1/obligations?year=2027',
      },
      expect.objectContaining({ label: 'Obligation b', urgency: 'dans 30 jours', overdue: false }),
    ]);
  });

  it('lists the drivers’ certificates whose card is not ordered, soonest end first', () => {
    const { subject, view } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2027-06-12',
      recipientName: 'Ana Lopes',
      items: [],
      sessions: new Map(),
      certificates: [
        certificate('c2', 'Éloïse', 'MARTIN', '2027-07-12', 30),
        certificate('c1', 'Camille', 'DUPONT', '2027-06-10', -2),
      ],
    });
    expect(subject).toBe(
      'Jalon – 2 cartes de qualification de conducteur non commandées (12/06/2027)',
    );
    expect(view.certificates).toEqual([
      {
        label:
          'Certificat de qualification de Camille DUPONT (session CTRMP du 01/02/2027 au 03/02/2027)',
        end: 'a expiré le 10/06/2027',
        urgency: 'en retard de 2 jours',
        overdue: true,
        url: 'https://jalon.example.fr/cqc/certificates#certificat-c1',
      },
      expect.objectContaining({
        label:
          'Certificat de qualification d’Éloïse MARTIN (session CTRMP du 01/02/2027 au 03/02/2027)',
        end: 'expire le 12/07/2027',
        overdue: false,
      }),
    ]);
  });

  it('lists the campaign reminders due, by date, in the subject and the body', () => {
    const item = (on: string, stepCode: string, message: string) => ({
      campaignId: 'k1',
      centreId: 'centre-1',
      centreName: 'Délégation Occitanie',
      campaignLabel: 'Campagne CQC par équivalence 2026-2027',
      stepCode,
      on,
      message,
    });
    const { subject, view } = digestMessage({
      appUrl: 'https://jalon.example.fr',
      today: '2027-05-23',
      recipientName: 'Ana Lopes',
      items: [],
      sessions: new Map(),
      campaignReminders: [
        item('2027-05-23', 'ENVELOPE_POSTED', 'Enveloppe à poster au plus tard le 30/05/2027.'),
        item('2027-05-22', 'MID_MAY_COMPLETION', 'Rappel de la veille.'),
      ],
    });
    expect(subject).toBe('Jalon – 2 rappels de campagne CQC par équivalence (23/05/2027)');
    expect(view.campaignReminders).toEqual([
      {
        campaign: 'Campagne CQC par équivalence 2026-2027',
        centre: 'Délégation Occitanie',
        message: 'Rappel de la veille.',
        url: 'https://jalon.example.fr/api/cqc/campaigns/k1',
      },
      expect.objectContaining({ message: 'Enveloppe à poster au plus tard le 30/05/2027.' }),
    ]);
  });
});

const certificate = (
  certificateId: string,
  firstName: string,
  lastName: string,
  validUntil: string,
  daysLeft: number,
): CertificateDueItem => ({
  certificateId,
  centreId: 'c',
  firstName,
  lastName,
  titreCode: 'CTRMP',
  sessionStartDate: '2027-02-01',
  sessionEndDate: '2027-02-03',
  validUntil,
  daysLeft,
  step: daysLeft < 0 ? 'EXPIRED' : daysLeft <= 7 ? 'D7' : 'D30',
});

describe('driverCertificateMessage', () => {
  it('tells the driver when the certificate ends and gives the confirmation link', () => {
    const { subject, view } = driverCertificateMessage({
      appUrl: 'https://jalon.example.fr',
      item: certificate('c1', 'Camille', 'DUPONT', '2027-07-12', 7),
      confirmUrl: 'https://jalon.example.fr/cqc/confirm/t',
    });
    expect(subject).toBe(
      'Votre certificat de qualification expire le 12/07/2027 : commandez votre carte de conducteur (CQC)',
    );
    expect(view.greeting).toBe('Bonjour Camille DUPONT,');
    expect(view.message).toBe(
      'Votre certificat de qualification expire le 12/07/2027, dans 7 jours : votre carte (CQC) n’a pas encore été commandée sur Hub Pro Transport.',
    );
    expect(view.confirmUrl).toBe('https://jalon.example.fr/cqc/confirm/t');
  });

  it('says when it has expired', () => {
    const { subject, view } = driverCertificateMessage({
      appUrl: 'https://jalon.example.fr',
      item: certificate('c1', 'Camille', 'DUPONT', '2027-07-12', -1),
      confirmUrl: 'https://jalon.example.fr/cqc/confirm/t',
    });
    expect(subject).toContain('a expiré le 12/07/2027');
    expect(view.expired).toBe(true);
    expect(view.message).toContain('vous pouvez être verbalisé');
  });
});

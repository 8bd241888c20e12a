import { jest } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aCentre, aSession, aTitre, aUser, programmesSent } from './support/factories.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin } from './support/web-form-client.js';

type Body = Record<string, unknown>;

interface Resit {
  personId: string;
  lastName: string;
  firstName: string;
  titre: { id: string; code: string; label: string; version: string };
  missingCcpCodes: string[];
  deadline: string;
  daysLeft: number;
  status: string;
  statusLabel: string;
  plannedSession: { id: string; nature: string; ccpCodes: string[] } | null;
  sessionId: string;
  candidateId: string;
  sessionEndDate: string;
  outcome: string;
  source: { code: string };
}

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(90_000);

describe(`re-sits (rattrapages) of a centre (${testDbKind()})`, () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let manager: { email: string; password: string; id: string };
  let viewer: { email: string; password: string; id: string };
  let otherManager: { email: string; password: string; id: string };
  let centreId: string;
  let otherCentreId: string;
  let titre: Body;
  let titreSession: string;
  let ccp2Session: string;
  let ccp1Session: string;
  let personId: string;
  let candidateId: string;

  const as = async (user: { email: string; password: string }): Promise<Client> =>
    t.as(await t.login(user.email, user.password));
  const resits = async (client: Client, id = centreId): Promise<Resit[]> => {
    const res = await client.get(`/api/centres/${id}/resits`);
    expect(res.status).toBe(200);
    return res.body as Resit[];
  };
  const pass = () => t.app.get(ReminderPassService).run();
  /** The e-mails the manager of the centre received, parsed. */
  const managerMails = () =>
    Promise.all(
      smtp.messages.filter((m) => m.to.includes(manager.email)).map((m) => simpleParser(m.raw)),
    );
  const partial = async (client: Client, sessionId: string, body: Body) => {
    const enrolled = await client.post(`/api/sessions/${sessionId}/candidates`, body);
    expect(enrolled.status).toBe(201);
    const patched = await client.patch(
      `/api/sessions/${sessionId}/candidates/${String(enrolled.body.id)}`,
      {
        version: enrolled.body.version,
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
          { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
        ],
      },
    );
    expect(patched.status).toBe(200);
    return enrolled.body as Body;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: { SMTP_URL: smtp.url },
    });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    otherCentreId = String(b.centre.id);
    // The centres' yearly obligations are sent: the managers' only e-mails are about re-sits.
    await programmesSent(admin, centreId, [2027, 2028], '2027-03-01');
    await programmesSent(admin, otherCentreId, [2027, 2028], '2027-03-01');
    titre = await aTitre(admin);
    manager = await aUser(admin, 'manager', [centreId]);
    viewer = await aUser(admin, 'viewer', [centreId]);
    otherManager = await aUser(admin, 'manager', [otherCentreId]);
    const m = await as(manager);
    const ids = { centreId, siteId: String(a.site.id), titreId: String(titre.id) };
    // Sessions managed by the administrator: the manager's only e-mails are the re-sit reminders.
    titreSession = String((await aSession(admin, ids)).id);
    const ccp = (codes: string[], startDate: string, endDate: string) =>
      aSession(admin, ids, { nature: 'CCP', ccpCodes: codes, startDate, endDate });
    ccp2Session = String((await ccp(['CCP2'], '2028-05-10', '2028-05-11')).id);
    ccp1Session = String((await ccp(['CCP1'], '2028-04-05', '2028-04-05')).id);
    // After the deadline (18/06/2028): not offered.
    await ccp(['CCP2'], '2028-06-19', '2028-06-20');
    const enrolled = await partial(m, titreSession, {
      lastName: 'Bernard',
      firstName: 'Zoé',
      birthDate: '1985-11-03',
    });
    personId = String(enrolled.personId);
    candidateId = String(enrolled.id);
    // A person of another centre, partly successful at the same dates.
    const o = await as(otherManager);
    const elsewhere = String(
      (
        await aSession(admin, {
          centreId: otherCentreId,
          siteId: String(b.site.id),
          titreId: String(titre.id),
        })
      ).id,
    );
    await partial(o, elsewhere, { lastName: 'Ailleurs', firstName: 'Paul' });
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('lists a partly successful person with the missing CCP and a deadline one year after the session', async () => {
    const list = await resits(await as(manager));
    expect(list).toEqual([
      {
        personId,
        lastName: 'Bernard',
        firstName: 'Zoé',
        titre: {
          id: titre.id,
          code: titre.code,
          label: titre.label,
          version: titre.version,
        },
        missingCcpCodes: ['CCP2'],
        deadline: '2028-06-18',
        daysLeft: 475,
        status: 'OPEN',
        statusLabel: 'À programmer',
        plannedSession: null,
        sessionId: titreSession,
        candidateId,
        sessionEndDate: '2027-06-18',
        outcome: 'PARTIAL',
        source: expect.objectContaining({ code: 'RESIT_ONE_YEAR', date: '2015-12-22' }),
      },
    ]);
    // A read-only account of the centre sees the same list.
    expect((await resits(await as(viewer))).map((r) => r.personId)).toEqual([personId]);
  });

  it('keeps another centre’s people out of reach (404, absent from the list)', async () => {
    const m = await as(manager);
    const other = await m.get(`/api/centres/${otherCentreId}/resits`);
    expect(other.status).toBe(404);
    expect(other.body.message).toContain('introuvable');
    expect((await m.get('/api/centres/not-a-uuid/resits')).status).toBe(400);
    const theirs = await resits(await as(otherManager), otherCentreId);
    expect(theirs.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(['Paul Ailleurs']);
    const web = await webLogin(t.http, manager.email, manager.password);
    expect((await web.get(`/centres/${otherCentreId}/resits`)).status).toBe(404);
    expect((await web.get('/resits')).headers.location).toBe(`/centres/${centreId}/resits`);
  });

  it('reminds the centre’s managers 3 months before the deadline, once, in the daily digest', async () => {
    t.clock.set('2028-03-17T08:00:00Z');
    await pass();
    expect(await managerMails()).toEqual([]);
    t.clock.set('2028-03-18T08:00:00Z');
    await pass();
    const mails = await managerMails();
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe('Jalon – 1 rattrapage à programmer (18/03/2028)');
    const text = mail.text ?? '';
    expect(text).toContain('== Rattrapages à programmer ==');
    expect(text).toContain(`- Zoé Bernard (Centre Éléonore Dupré) – ${String(titre.code)}`);
    expect(text).toContain('CCP manquants : CCP2');
    expect(text).toContain(
      'Échéance : 18/06/2028 (dans 92 jours) – rappel 3 mois avant l’échéance',
    );
    expect(text).toContain(`${t.config.appUrl}/centres/${centreId}/resits#resit-${candidateId}`);
    expect(text).not.toContain('Voici les échéances de vos sessions');
    expect(mail.html || '').toContain(`${t.config.appUrl}/people/${personId}`);
    // Neither the read-only account nor the other centre's manager is told about this person.
    const others = await Promise.all(
      smtp.messages
        .filter((m) => !m.to.includes(manager.email))
        .map(async (m) => ({ to: m.to, text: (await simpleParser(m.raw)).text ?? '' })),
    );
    expect(others.filter((m) => m.to.includes(viewer.email))).toEqual([]);
    expect(others.filter((m) => m.text.includes('Bernard'))).toEqual([]);
    // Never twice: the same day, the next day (the same step is still the latest reached).
    await pass();
    t.clock.set('2028-03-19T08:00:00Z');
    await pass();
    expect(await managerMails()).toHaveLength(1);
  });

  it('enrols the person from the dashboard list in a CCP session covering the missing CCP', async () => {
    const web = await webLogin(t.http, manager.email, manager.password);
    const page = await web.get(`/centres/${centreId}/resits`);
    expect(page.status).toBe(200);
    const html = htmlText(page.text);
    expect(html).toContain('<a href="/resits" aria-current="page">Rattrapages</a>');
    expect(html).toContain(`<a href="/people/${personId}">Bernard Zoé</a>`);
    expect(html).toContain('<td data-label="Échéance">18/06/2028</td>');
    expect(html).toContain('<td data-label="Jours restants">91 jours</td>');
    expect(html).toContain('<td data-label="Statut">À programmer</td>');
    // Only the CCP2 session by the deadline is offered (not CCP1's, not the one after it).
    const options = [...html.matchAll(/<option value="([^"]+)">([^<]+)<\/option>/g)];
    expect(options.map((o) => [o[1], o[2]])).toEqual([
      [ccp2Session, 'Session CCP (CCP2) du 10/05/2028 au 11/05/2028'],
    ]);
    // Refused, by field, nothing enrolled: no session, or a session that is not offered.
    const empty = await web.post(`/centres/${centreId}/resits/enrol`, {
      candidateId,
      sessionId: '',
    });
    expect(empty.status).toBe(400);
    expect(htmlText(empty.text)).toContain(
      'Le champ « Session CCP » est obligatoire : choisissez une session.',
    );
    const notOffered = await web.post(`/centres/${centreId}/resits/enrol`, {
      candidateId,
      sessionId: ccp1Session,
    });
    expect(notOffered.status).toBe(400);
    expect(htmlText(notOffered.text)).toContain(
      'Le champ « Session CCP » doit désigner une des sessions CCP proposées pour ce rattrapage.',
    );
    const viewerWeb = await webLogin(t.http, viewer.email, viewer.password);
    expect(
      (
        await viewerWeb.post(`/centres/${centreId}/resits/enrol`, {
          candidateId,
          sessionId: ccp2Session,
        })
      ).status,
    ).toBe(403);
    const m = await as(manager);
    expect((await m.get(`/api/sessions/${ccp2Session}/candidates`)).body).toEqual([]);

    const done = await web.post(`/centres/${centreId}/resits/enrol`, {
      candidateId,
      sessionId: ccp2Session,
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(
      `/centres/${centreId}/resits?ok=resit-enrolled#resit-${candidateId}`,
    );
    const after = htmlText((await web.get(String(done.headers.location))).text);
    expect(after).toContain('La personne a été inscrite à la session CCP (suite de parcours)');
    expect(after).toContain('<td data-label="Statut">Session prévue</td>');
    expect(after).toContain(
      `<a href="/sessions/${ccp2Session}">Session CCP (CCP2) du 10/05/2028 au 11/05/2028</a>`,
    );
    expect(after).not.toContain('<select');

    const enrolled = (await m.get(`/api/sessions/${ccp2Session}/candidates`)).body as Body[];
    expect(enrolled).toEqual([
      expect.objectContaining({ personId, lastName: 'Bernard', pathway: 'SUITE_PARCOURS' }),
    ]);
    const audit = (await m.get(`/api/sessions/${ccp2Session}/audit`)).body as Body[];
    expect(
      audit.some(
        (e) => e.entity === 'candidate' && e.entityId === enrolled[0].id && e.action === 'create',
      ),
    ).toBe(true);
    expect(await resits(m)).toEqual([
      expect.objectContaining({
        personId,
        status: 'PLANNED',
        missingCcpCodes: ['CCP2'],
        plannedSession: {
          id: ccp2Session,
          nature: 'CCP',
          ccpCodes: ['CCP2'],
          startDate: '2028-05-10',
          endDate: '2028-05-11',
        },
      }),
    ]);
    // Enrolling again from a stale page: refused, the list says so.
    const again = await web.post(`/centres/${centreId}/resits/enrol`, {
      candidateId,
      sessionId: ccp2Session,
    });
    expect(again.status).toBe(409);
    expect(htmlText(again.text)).toContain('Ce rattrapage n’est plus à programmer');
  });

  it('sends no reminder once a session is planned, and drops the person once CCP2 is acquired', async () => {
    t.clock.set('2028-05-18T08:00:00Z'); // 1 month before the deadline
    await pass();
    expect(await managerMails()).toHaveLength(1);
    const m = await as(manager);
    const [enrolment] = (await m.get(`/api/sessions/${ccp2Session}/candidates`)).body as Body[];
    const patched = await m.patch(
      `/api/sessions/${ccp2Session}/candidates/${String(enrolment.id)}`,
      { version: enrolment.version, results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }] },
    );
    expect(patched.status).toBe(200);
    expect(await resits(m)).toEqual([]);
    // The record: the titre obtained at the CCP2 session, CCP1 kept from the titre session.
    const person = await m.get(`/api/people/${personId}`);
    expect(person.status).toBe(200);
    const [record] = person.body.records as Body[];
    expect(record).toMatchObject({
      status: 'OBTAINED',
      statusLabel: 'Titre obtenu',
      obtainedInSessionId: ccp2Session,
      missingCcpCodes: [],
      ccpSessions: [
        { code: 'CCP1', sessionId: titreSession },
        { code: 'CCP2', sessionId: ccp2Session },
        { code: 'CCP3', sessionId: titreSession },
      ],
    });
    const ccps = record.ccps as Body[];
    expect(ccps.find((c) => c.code === 'CCP1')).toMatchObject({
      acquired: { sessionId: titreSession, carriedOver: true },
    });
    const web = await webLogin(t.http, manager.email, manager.password);
    expect(htmlText((await web.get(`/centres/${centreId}/resits`)).text)).toContain(
      'Aucun rattrapage en cours dans ce centre.',
    );
    const page = htmlText((await web.get(`/people/${personId}`)).text);
    expect(page).toContain('Titre obtenu');
    expect(page).toMatch(/CCP1 .*Acquis.*18\/06\/2027/s);
  });
});

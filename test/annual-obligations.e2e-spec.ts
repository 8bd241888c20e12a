import { jest } from '@jest/globals';
import { AuditEntry } from '../src/audit/audit-entry.entity.js';
import { Database } from '../src/database/database.js';
import { OutboxMessage } from '../src/mail/outbox-message.entity.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { htmlText, webLogin } from './support/web-form-client.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;
type Obligation = {
  key: string;
  code: string;
  label: string;
  dueDate: string;
  status: string;
  doneOn: string | null;
  source: { text: string; article: string; date: string | null; interpretation?: string };
};
type Check = { code: string; status: string; evidence: string[]; findings: Body[] };

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe(`the centre's obligations of the year (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let otherManager: Client;
  let viewer: Client;
  let managerId: string;
  let managerAccount: { email: string; password: string };
  let centreId: string;
  let siteId: string;
  let otherCentreId: string;
  let titreId: string;
  let agrementId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-12-10T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    siteId = String(a.site.id);
    otherCentreId = String(b.centre.id);
    titreId = String((await aTitre(admin, { validUntil: '2027-09-30' })).id);
    const m = await aUser(admin, 'manager', [centreId]);
    managerId = m.id;
    managerAccount = m;
    const o = await aUser(admin, 'manager', [otherCentreId]);
    const v = await aUser(admin, 'viewer', [centreId]);
    manager = t.as(await t.login(m.email, m.password));
    otherManager = t.as(await t.login(o.email, o.password));
    viewer = t.as(await t.login(v.email, v.password));
  });

  afterAll(async () => {
    await t.close();
  });

  const obligations = (year: number | string, id = centreId) =>
    `/api/centres/${id}/obligations?year=${year}`;
  const programme = (id = centreId) => `/api/centres/${id}/annual-programme`;

  async function listOf(year: number): Promise<Obligation[]> {
    const res = await manager.get(obligations(year));
    expect(res.status).toBe(200);
    return res.body as Obligation[];
  }

  it('asks no programme of a centre with nothing planned, then one once it holds an agrément', async () => {
    expect(await listOf(2027)).toEqual([]);
    const reversed = await admin.post('/api/agrements', {
      centreId,
      siteId,
      titreId,
      validFrom: '2027-10-01',
      validUntil: '2027-09-30',
      maxCandidates: 12,
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields).toEqual([
      {
        field: 'validFrom',
        message:
          'Le champ « validFrom » (début de validité) ne peut pas être postérieur à « validUntil » (fin de validité).',
      },
    ]);
    const agrement = await admin.post('/api/agrements', {
      centreId,
      siteId,
      titreId,
      validFrom: '2024-10-01',
      validUntil: '2027-09-30',
      maxCandidates: 12,
      technicalPlatform: 'Salle informatique de 12 postes',
    });
    expect(agrement.status).toBe(201);
    expect(agrement.body).toMatchObject({ validFrom: '2024-10-01', validUntil: '2027-09-30' });
    agrementId = String(agrement.body.id);
    // Valid during part of 2027 (not 2028): the programme of 2027 is due, not that of 2028.
    expect((await listOf(2027)).map((o) => o.code)).toContain('ANNUAL_PROGRAMME');
    expect((await listOf(2028)).map((o) => o.code)).not.toContain('ANNUAL_PROGRAMME');
    expect((await listOf(2024)).map((o) => o.code)).toEqual(['ANNUAL_PROGRAMME']);
  });

  it('lists the annual programme to do, and done once its sending is recorded', async () => {
    const before = await listOf(2027);
    expect(before[0]).toMatchObject({
      code: 'ANNUAL_PROGRAMME',
      label:
        'Communiquer le programme annuel des sessions 2027 à l’autorité (DREETS) avant le 31 janvier',
      dueDate: '2027-01-31',
      status: 'todo',
      doneOn: null,
    });
    expect(before[0]?.source.text).toContain('règlement général des sessions');

    expect((await viewer.post(programme(), { year: 2027, sentOn: '2026-12-09' })).status).toBe(403);
    const refused = await manager.post(programme(), { year: 2027, sentOn: '2026-12-31' });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([
      { field: 'sentOn', message: 'Le champ « sentOn » ne peut pas être une date future.' },
    ]);
    const recorded = await manager.post(programme(), {
      year: 2027,
      sentOn: '2026-12-09',
      observations: 'Envoyé par courriel à l’unité départementale',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ year: 2027, sentOn: '2026-12-09', sentById: managerId });
    // Recording again updates the same row.
    const again = await manager.post(programme(), { year: 2027, sentOn: '2026-12-08' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      id: recorded.body.id,
      sentOn: '2026-12-08',
      observations: 'Envoyé par courriel à l’unité départementale',
    });
    expect((await listOf(2027))[0]).toMatchObject({ status: 'done', doneOn: '2026-12-08' });
  });

  it('lists the avenant due before 1 January, done once sent to the préfet', async () => {
    const provider = await manager.post(`/api/centres/${centreId}/providers`, {
      name: 'Forma Plus',
    });
    expect(provider.status).toBe(201);
    const base = `/api/centres/${centreId}/providers/${String(provider.body.id)}/conventions`;
    const convention = await manager.post(base, {
      signedOn: '2025-03-04',
      effectiveFrom: '2025-04-01',
      sentToPrefectOn: '2025-03-10',
      titreIds: [titreId],
      forecastCurrentYear: 5,
      forecastNextYear: 8,
    });
    expect(convention.status).toBe(201);
    const conventionId = String(convention.body.id);

    const avenant = (await listOf(2026)).find((o) => o.code === 'PROVIDER_AVENANT');
    expect(avenant).toMatchObject({
      key: `PROVIDER_AVENANT:${conventionId}:2027`,
      label:
        'Transmettre au préfet de région l’avenant 2027 de la convention avec Forma Plus (signée le 04/03/2025) avant le 1er janvier 2027',
      dueDate: '2026-12-31',
      status: 'todo',
      source: { article: 'Article 3, 2e alinéa', date: '2024-10-01' },
    });
    // Not due in 2025 (the year after signature needs none).
    expect((await listOf(2025)).map((o) => o.code)).toEqual(['ANNUAL_PROGRAMME']);

    const sent = await manager.post(`${base}/${conventionId}/avenants`, {
      year: 2027,
      forecastCount: 9,
      sentToPrefectOn: '2026-12-07',
    });
    expect(sent.status).toBe(201);
    expect((await listOf(2026)).find((o) => o.code === 'PROVIDER_AVENANT')).toMatchObject({
      status: 'done',
      doneOn: '2026-12-07',
    });
  });

  it('lists the end of an agrément and of its titre version as information', async () => {
    const list = await listOf(2027);
    const codes = list.map((o) => [o.code, o.dueDate, o.status]);
    expect(codes).toEqual([
      ['ANNUAL_PROGRAMME', '2027-01-31', 'done'],
      ['AGREMENT_END', '2027-09-30', 'todo'],
      ['TITRE_VERSION_END', '2027-09-30', 'todo'],
      ['PROVIDER_AVENANT', '2027-12-31', 'todo'],
    ]);
    expect(list[1]?.source).toMatchObject({
      article: 'Articles 1 et 2',
      interpretation: expect.stringContaining('6 mois, 3 mois et 1 mois avant la fin'),
    });
  });

  it('corrects an agrément (PATCH), scoped to its centre, audited, with French field errors', async () => {
    const url = `/api/agrements/${agrementId}`;
    expect((await viewer.patch(url, { maxCandidates: 10 })).status).toBe(403);
    expect((await otherManager.patch(url, { maxCandidates: 10 })).status).toBe(404);
    const bad = await manager.patch(url, {
      validFrom: '2028-01-01',
      maxCandidates: 0,
      validUntil: null,
    });
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'maxCandidates',
      'validUntil',
    ]);
    const reversed = await manager.patch(url, { validFrom: '2028-01-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields).toEqual([expect.objectContaining({ field: 'validFrom' })]);
    expect((await manager.patch(url, { validUntil: null })).body.fields).toEqual([
      { field: 'validUntil', message: expect.stringContaining('« validUntil »') },
    ]);
    expect((await manager.patch(url, { centreId: otherCentreId })).status).toBe(400);
    const saved = await manager.patch(url, {
      maxCandidates: 14,
      technicalPlatform: 'Salle informatique de 14 postes',
      reference: 'DREETS-2024-117',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      maxCandidates: 14,
      reference: 'DREETS-2024-117',
      validFrom: '2024-10-01',
    });
    const audit = await t.app
      .get(Database)
      .read((m) =>
        m.getRepository(AuditEntry).find({ where: { entity: 'agrement', entityId: agrementId } }),
      );
    expect(audit.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['create', 'update']));
    expect(audit.filter((e) => e.action === 'update').map((e) => e.field)).toEqual(
      expect.arrayContaining(['maxCandidates', 'technicalPlatform', 'reference']),
    );
  });

  it('proves the session task « programme annuel » by the centre’s programme, bounded by the UD deadline', async () => {
    const june = String((await aSession(manager, { centreId, siteId, titreId })).id);
    const january = String(
      (
        await aSession(
          manager,
          { centreId, siteId, titreId },
          { startDate: '2027-01-18', endDate: '2027-01-20' },
        )
      ).id,
    );
    const taskOf = async (sessionId: string) =>
      ((await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Body[]).find(
        (task) => task.code === 'PLAN_ANNUAL_PROGRAMME',
      );
    const checkOf = async (sessionId: string, code: string) =>
      ((await manager.get(`/api/sessions/${sessionId}/compliance`)).body.checks as Check[]).find(
        (c) => c.code === code,
      );

    // June: due 31 January; the 2027 programme recorded on 08/12/2026 proves it.
    expect(await taskOf(june)).toMatchObject({
      dueDate: '2027-01-31',
      provenByData: true,
      overdue: false,
    });
    expect(await checkOf(june, 'ANNUAL_PROGRAMME')).toMatchObject({
      status: 'pass',
      evidence: [
        `Programme annuel 2027 du centre communiqué le 08/12/2026 (voir /centres/${centreId}/obligations?year=2027).`,
      ],
    });
    // January: due by its UD deadline (3 months before), which the programme came after.
    expect(await taskOf(january)).toMatchObject({ dueDate: '2026-10-18', provenByData: false });
    const late = await checkOf(january, 'ANNUAL_PROGRAMME');
    expect(late?.status).toBe('fail');
    expect(late?.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('après l’échéance du 18/10/2026 pour cette session'),
      }),
    ]);

    // The agrément must be in force on the session's first day.
    expect(
      (await manager.patch(`/api/agrements/${agrementId}`, { validFrom: '2027-06-15' })).status,
    ).toBe(200);
    expect((await checkOf(june, 'AGREMENT_VALID'))?.findings).toEqual([
      expect.objectContaining({
        severity: 'blocking',
        message:
          "L'agrément ne prend effet que le 15/06/2027, après le début de la session le 14/06/2027.",
      }),
    ]);
    expect(
      (await manager.patch(`/api/agrements/${agrementId}`, { validFrom: '2024-10-01' })).status,
    ).toBe(200);
    expect((await checkOf(june, 'AGREMENT_VALID'))?.status).toBe('pass');
  });

  it('shows the agréments’ site, plateau, capacity and dates, and corrects one from its form', async () => {
    const web = await webLogin(t.http, managerAccount.email, managerAccount.password);
    const list = htmlText((await web.get('/agrements')).text);
    expect(list).toContain('Valable du');
    expect(list).toContain('01/10/2024');
    expect(list).toContain('Salle informatique de 14 postes');
    const form = await web.get(`/agrements/${agrementId}/edit`);
    expect(form.status).toBe(200);
    expect(htmlText(form.text)).toContain('Début de validité de l’agrément');
    const refused = await web.post(`/agrements/${agrementId}/edit`, {
      reference: 'DREETS-2024-117',
      validFrom: '2028-01-01',
      validUntil: '2027-09-30',
      maxCandidates: '',
      technicalPlatform: '',
    });
    expect(refused.status).toBe(400);
    const errors = htmlText(refused.text);
    expect(errors).toContain('Nombre maximal de candidats');
    const saved = await web.post(`/agrements/${agrementId}/edit`, {
      reference: 'DREETS-2024-117',
      validFrom: '2024-10-01',
      validUntil: '2027-09-30',
      maxCandidates: '15',
      technicalPlatform: 'Salle informatique de 15 postes',
    });
    expect(saved.status).toBe(303);
    expect(htmlText((await web.get('/agrements')).text)).toContain(
      'Salle informatique de 15 postes',
    );
    const viewerAccount = await aUser(admin, 'viewer', [centreId]);
    const viewerWeb = await webLogin(t.http, viewerAccount.email, viewerAccount.password);
    expect((await viewerWeb.get(`/agrements/${agrementId}/edit`)).status).toBe(403);
  });

  it('hides another centre (404) and refuses a bad year with one French message', async () => {
    expect((await otherManager.get(obligations(2027))).status).toBe(404);
    expect(
      (await otherManager.post(programme(), { year: 2027, sentOn: '2026-12-01' })).status,
    ).toBe(404);
    for (const year of ['', '1999', '2101', 'deux-mille']) {
      const bad = await manager.get(obligations(year));
      expect(bad.status).toBe(400);
      expect((bad.body as Body).message).toContain('« year »');
    }
    const badBody = await manager.post(programme(), {
      year: 1999,
      sentOn: 'hier',
      observations: 3,
    });
    expect(badBody.status).toBe(400);
    expect((badBody.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'observations',
      'sentOn',
      'year',
    ]);
  });

  it('names the session manager in the annual planning', async () => {
    const named = await admin.post('/api/users', {
      email: 'claire.martin@jalon.test',
      password: 'un-mot-de-passe-solide',
      role: 'manager',
      centreIds: [centreId],
      firstName: 'Claire',
      lastName: 'MARTIN',
    });
    expect(named.status).toBe(201);
    const session = await aSession(
      manager,
      { centreId, siteId, titreId },
      { managerId: String(named.body.id) },
    );
    const json = await manager.get(`/api/centres/${centreId}/planning?year=2027`);
    expect(json.status).toBe(200);
    const entry = (json.body as Body[]).find((e) => e.sessionId === session.id);
    expect(entry?.managerName).toBe('Claire MARTIN');
    expect(entry?.deputyManagerName).toBe('');
    const csv = await manager.get(`/api/centres/${centreId}/planning?year=2027&format=csv`);
    expect(csv.text.split('\r\n')[0]).toContain(';Responsable de session;Suppléant;');
    expect(csv.text).toContain(';Claire MARTIN;;Programmée');
  });

  it('shows « Obligations de l’année » and records the programme from its form', async () => {
    // The agrément renewed through 2028: the programme of 2028 is due.
    const renewed = await manager.patch(`/api/agrements/${agrementId}`, {
      validUntil: '2028-09-30',
    });
    expect(renewed.status).toBe(200);
    const web = await webLogin(t.http, managerAccount.email, managerAccount.password);
    const page = await web.get(`/centres/${centreId}/obligations?year=2028`);
    expect(page.status).toBe(200);
    const before = htmlText(page.text);
    expect(before).toContain('Obligations de l’année 2028');
    expect(before).toContain(
      'Communiquer le programme annuel des sessions 2028 à l’autorité (DREETS) avant le 31 janvier',
    );
    expect(before).toContain('31/01/2028');
    expect(before).toContain('À faire');
    // 31 January 2027 is a Sunday: the page says by which working day to act.
    const y2027 = htmlText((await web.get(`/centres/${centreId}/obligations?year=2027`)).text);
    expect(y2027).toContain(
      'à faire au plus tard le vendredi 29/01/2027, l’échéance tombant un jour non ouvré',
    );

    const refused = await web.post(`/centres/${centreId}/obligations/programme`, {
      year: '2028',
      sentOn: '',
    });
    expect(refused.status).toBe(400);
    expect(htmlText(refused.text)).toContain('Communiqué le');

    const saved = await web.post(`/centres/${centreId}/obligations/programme`, {
      year: '2028',
      sentOn: '2026-12-09',
      observations: 'Courriel à l’UD',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toContain(`/centres/${centreId}/obligations?year=2028`);
    const after = htmlText((await web.get(`/centres/${centreId}/obligations?year=2028`)).text);
    expect(after).toContain('Fait</span> le 09/12/2026');

    expect((await web.get(`/centres/${centreId}/obligations?year=20x8`)).status).toBe(400);
    expect((await web.get(`/centres/${otherCentreId}/obligations`)).status).toBe(404);
  });

  it('puts an obligation in the managers’ daily digest at 30 days, never twice, then at 7 days', async () => {
    const { centre, site } = await aCentre(admin, { name: 'Centre Célestin' });
    const id = String(centre.id);
    const newManager = await aUser(admin, 'manager', [id]);
    // An agrément valid through 2027 and 2028 (its titre later): the programmes are due.
    const longTitre = String((await aTitre(admin, { validUntil: '2030-12-31' })).id);
    expect(
      (
        await admin.post('/api/agrements', {
          centreId: id,
          siteId: String(site.id),
          titreId: longTitre,
          validUntil: '2028-07-15',
          maxCandidates: 8,
        })
      ).status,
    ).toBe(201);
    const mails = () =>
      t.app
        .get(Database)
        .read((m) =>
          m
            .getRepository(OutboxMessage)
            .find({ where: { recipientEmail: newManager.email }, order: { createdAt: 'ASC' } }),
        );
    const pass = () => t.app.get(ReminderPassService).run();

    // The 2027 programme was never recorded for this centre: one reminder, overdue.
    t.clock.set('2027-12-31T08:00:00Z');
    await pass();
    await pass();
    const [late, ...none] = await mails();
    expect(none).toEqual([]);
    expect(late?.subject).toBe('Jalon – 1 obligation du centre à remplir (31/12/2027)');
    expect(late?.text).toContain(
      'annuel des sessions 2027 à l’autorité (DREETS) avant le 31 janvier (Centre Célestin)\n  Échéance : 31/01/2027 (en retard de 334 jours)',
    );

    t.clock.set('2028-01-01T08:00:00Z'); // 30 days before 31 January 2028
    await pass();
    const [, first, ...others] = await mails();
    expect(others).toEqual([]);
    expect(first?.subject).toBe('Jalon – 1 obligation du centre à remplir (01/01/2028)');
    expect(first?.text).toContain('== Obligations du centre ==');
    expect(first?.text).toContain(
      '- Communiquer le programme annuel des sessions 2028 à l’autorité (DREETS) avant le 31 janvier (Centre Célestin)\n  Échéance : 31/01/2028 (dans 30 jours)',
    );
    expect(first?.text).not.toContain('2027');
    expect(first?.text).toContain(`${t.config.appUrl}/centres/${id}/obligations?year=2028`);

    // Never twice for the same step: the same day, the next day.
    await pass();
    t.clock.set('2028-01-02T08:00:00Z');
    await pass();
    expect(await mails()).toHaveLength(2);

    t.clock.set('2028-01-24T08:00:00Z');
    await pass();
    const all = await mails();
    expect(all).toHaveLength(3);
    expect(all[2]?.text).toContain('Échéance : 31/01/2028 (dans 7 jours)');
    // The end of the agrément, 6 months before (from 15/01/2028), then 3 months before.
    expect(all[2]?.text).toContain('Fin de l’agrément du titre');
    expect(all[2]?.text).toContain('Échéance : 15/07/2028 (dans 173 jours)');
    t.clock.set('2028-02-01T08:00:00Z');
    await pass();
    const afterM6 = await mails();
    expect(
      afterM6
        .slice(3)
        .map((m) => m.text)
        .join(''),
    ).not.toContain('15/07/2028');
    t.clock.set('2028-04-20T08:00:00Z');
    await pass();
    const m3 = (await mails()).slice(afterM6.length);
    expect(m3).toHaveLength(1);
    expect(m3[0]?.text).toContain('Échéance : 15/07/2028 (dans 86 jours)');
  });
});

import { jest } from '@jest/globals';
import request from 'supertest';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;
type Fields = { field: string; message: string }[];

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe(`people followed across sessions (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let otherManager: Client;
  let web: WebClient;
  let centreId: string;
  let otherCentreId: string;
  let titre: Body;
  let first: string;
  let second: string;
  let otherSession: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    otherCentreId = String(b.centre.id);
    titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [centreId]);
    const o = await aUser(admin, 'manager', [otherCentreId]);
    manager = t.as(await t.login(m.email, m.password));
    otherManager = t.as(await t.login(o.email, o.password));
    web = await webLogin(t.http, m.email, m.password);
    const ids = { centreId, siteId: String(a.site.id), titreId: String(titre.id) };
    first = String((await aSession(manager, ids)).id);
    second = String(
      (
        await aSession(manager, ids, {
          nature: 'CCP',
          ccpCodes: ['CCP2'],
          startDate: '2027-11-08',
          endDate: '2027-11-09',
        })
      ).id,
    );
    otherSession = String(
      (
        await aSession(otherManager, {
          centreId: otherCentreId,
          siteId: String(b.site.id),
          titreId: String(titre.id),
        })
      ).id,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const enrol = (client: Client, sessionId: string, body: Body) =>
    client.post(`/api/sessions/${sessionId}/candidates`, body);

  it('enrols the centre’s known person instead of creating a duplicate, once per session', async () => {
    const created = await enrol(manager, first, {
      lastName: 'Lœvenbruck',
      firstName: 'Jean-Luc',
      birthDate: '1990-02-03',
      email: 'jl@example.fr',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ personKnown: false });
    const personId = String(created.body.personId);
    // Same person, spelled otherwise: the candidate of the CCP session is that person.
    const again = await enrol(manager, second, {
      lastName: 'LOEVENBRUCK',
      firstName: 'jean luc',
      birthDate: '1990-02-03',
      phone: '06 01 02 03 04',
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      personId,
      personKnown: true,
      lastName: 'LOEVENBRUCK',
      email: 'jl@example.fr',
      phone: '06 01 02 03 04',
    });
    // The same birth date is part of the identity: another birth date is another person.
    const namesake = await enrol(manager, first, {
      lastName: 'Loevenbruck',
      firstName: 'Jean-Luc',
      birthDate: '1991-02-03',
    });
    expect(namesake.status).toBe(201);
    expect(namesake.body.personId).not.toBe(personId);
    // Twice in one session: 409 naming the fields, nothing added.
    const twice = await enrol(manager, first, {
      lastName: 'loevenbruck',
      firstName: 'JEAN-LUC',
      birthDate: '1990-02-03',
    });
    expect(twice.status).toBe(409);
    expect((twice.body.fields as Fields)[0].field).toBe('lastName');
    expect(twice.body.message).toContain('déjà inscrite à cette session');
    const listed = (await manager.get(`/api/sessions/${first}/candidates`)).body as Body[];
    expect(listed.filter((c) => c.personId === personId)).toHaveLength(1);
    const found = await manager.get(`/api/people?centreId=${centreId}&q=LOEVEN`);
    expect(found.status).toBe(200);
    expect((found.body as Body[]).map((p) => p.id)).toEqual(
      expect.arrayContaining([personId, namesake.body.personId]),
    );
    expect(found.body).toHaveLength(2);
  });

  it('creates a person, refuses a duplicate, and enrols them by personId', async () => {
    const person = await manager.post('/api/people', {
      centreId,
      lastName: 'Martin',
      firstName: 'Léa',
      birthDate: '1992-07-14',
      address: '12 rue des Lilas\n69100 Villeurbanne',
    });
    expect(person.status).toBe(201);
    const personId = String(person.body.id);
    const duplicate = await manager.post('/api/people', {
      centreId,
      lastName: 'MARTIN',
      firstName: 'Lea',
      birthDate: '1992-07-14',
    });
    expect(duplicate.status).toBe(409);
    expect((duplicate.body.fields as Fields)[0].field).toBe('lastName');
    expect(duplicate.body.message).toContain('« lastName », « firstName » et « birthDate »');
    const withIdentity = await enrol(manager, first, { personId, lastName: 'Autre' });
    expect(withIdentity.status).toBe(400);
    expect((withIdentity.body.fields as Fields)[0].field).toBe('lastName');
    const enrolled = await enrol(manager, first, {
      personId: personId.toUpperCase(),
      pathway: 'VAE',
      vaeValidUntil: '2027-12-31',
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      personId,
      lastName: 'Martin',
      firstName: 'Léa',
      birthDate: '1992-07-14',
      address: '12 rue des Lilas\n69100 Villeurbanne',
      pathway: 'VAE',
    });
    const twice = await enrol(manager, first, { personId });
    expect(twice.status).toBe(409);
    expect((twice.body.fields as Fields)[0].field).toBe('personId');
    const unknown = await enrol(manager, first, {
      personId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    expect((unknown.body.fields as Fields)[0].field).toBe('personId');
  });

  it('creates one person when the same identity is sent several times at once (409 for the others)', async () => {
    const body = { centreId, lastName: 'Simultané', firstName: 'Léon', birthDate: '1970-01-01' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => manager.post('/api/people', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of answers.filter((a) => a.status === 409)) {
      expect((r.body.fields as Fields)[0].field).toBe('lastName');
    }
    const found = await manager.get(`/api/people?centreId=${centreId}&q=simultane`);
    expect(found.body).toHaveLength(1);
  });

  it('enrols a person once when several enrolments of them arrive at once', async () => {
    const person = await manager.post('/api/people', {
      centreId,
      lastName: 'Concurrent',
      firstName: 'Jules',
    });
    const personId = String(person.body.id);
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        i % 2 === 0
          ? enrol(manager, second, { personId })
          : enrol(manager, second, { lastName: 'CONCURRENT', firstName: 'jules' }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const listed = (await manager.get(`/api/sessions/${second}/candidates`)).body as Body[];
    expect(listed.filter((c) => c.personId === personId)).toHaveLength(1);
  });

  it('keeps another centre’s people out of reach (404, absent from lists)', async () => {
    const mine = await manager.post('/api/people', {
      centreId,
      lastName: 'Durand',
      firstName: 'Paul',
    });
    const personId = String(mine.body.id);
    expect((await otherManager.get(`/api/people/${personId}`)).status).toBe(404);
    const list = (await otherManager.get('/api/people')).body as Body[];
    expect(list.map((p) => p.id)).not.toContain(personId);
    expect((await otherManager.get(`/api/people?centreId=${centreId}`)).body).toEqual([]);
    const enrol404 = await enrol(otherManager, otherSession, { personId });
    expect(enrol404.status).toBe(404);
    expect((enrol404.body.fields as Fields)[0].field).toBe('personId');
    const create404 = await otherManager.post('/api/people', {
      centreId,
      lastName: 'Intrus',
      firstName: 'Pierre',
    });
    expect(create404.status).toBe(404);
    // The same identity in the other centre is another person of that centre.
    const elsewhere = await enrol(otherManager, otherSession, {
      lastName: 'Durand',
      firstName: 'Paul',
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body).toMatchObject({ personKnown: false });
    expect(elsewhere.body.personId).not.toBe(personId);
    expect((await web.get(`/people/${String(elsewhere.body.personId)}`)).status).toBe(404);
  });

  it('lists a person’s enrolments across two sessions, with results, and follows identity edits', async () => {
    const a = await enrol(manager, first, {
      lastName: 'Bernard',
      firstName: 'Zoé',
      birthDate: '1985-11-03',
    });
    const b = await enrol(manager, second, {
      lastName: 'Bernard',
      firstName: 'Zoé',
      birthDate: '1985-11-03',
    });
    const personId = String(a.body.personId);
    expect(b.body.personId).toBe(personId);
    const patched = await manager.patch(`/api/sessions/${first}/candidates/${String(a.body.id)}`, {
      version: a.body.version,
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
      ],
      email: 'zoe.bernard@example.fr',
    });
    expect(patched.status).toBe(200);
    const view = await manager.get(`/api/people/${personId.toUpperCase()}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      id: personId,
      lastName: 'Bernard',
      email: 'zoe.bernard@example.fr',
    });
    expect(view.body.enrolments).toEqual([
      {
        candidateId: a.body.id,
        sessionId: first,
        titre: { code: titre.code, label: titre.label, version: titre.version },
        nature: 'TITRE',
        startDate: '2027-06-14',
        endDate: '2027-06-18',
        status: 'PLANNED',
        pathway: 'FORMATION',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        ],
        // CCP3 has no result yet.
        outcome: 'PENDING',
        outcomeLabel: 'Résultats non saisis',
      },
      {
        candidateId: b.body.id,
        sessionId: second,
        titre: { code: titre.code, label: titre.label, version: titre.version },
        nature: 'CCP',
        startDate: '2027-11-08',
        endDate: '2027-11-09',
        status: 'PLANNED',
        pathway: 'FORMATION',
        results: [],
        outcome: 'PENDING',
        outcomeLabel: 'Résultats non saisis',
      },
    ]);
    expect(view.body).not.toHaveProperty('matchKey');
    expect(view.body.records).toMatchObject([
      { status: 'IN_PROGRESS', missingCcpCodes: ['CCP2', 'CCP3'] },
    ]);
    // Renaming one enrolment into another known person of the centre is refused, by field.
    const clash = await manager.patch(`/api/sessions/${second}/candidates/${String(b.body.id)}`, {
      version: b.body.version,
      lastName: 'Martin',
      firstName: 'Léa',
      birthDate: '1992-07-14',
    });
    expect(clash.status).toBe(409);
    expect((clash.body.fields as Fields)[0].field).toBe('lastName');
    const audit = (await manager.get(`/api/sessions/${first}/audit`)).body as Body[];
    expect(
      audit.some((e) => e.entity === 'person' && e.entityId === personId && e.field === 'email'),
    ).toBe(true);
  });

  it('says on the dashboard form that a known person is attached to their record, and shows the person page', async () => {
    const known = await manager.post('/api/people', {
      centreId,
      lastName: 'Petit',
      firstName: 'Anne',
      birthDate: '1999-01-02',
    });
    const personId = String(known.body.id);
    const sent = await web.post(`/sessions/${second}/candidates/new`, {
      lastName: 'PETIT',
      firstName: 'anne',
      birthDate: '1999-01-02',
      pathway: 'FORMATION',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(
      `/sessions/${second}/candidates?ok=candidate-enrolled-known-person`,
    );
    const page = await web.get(String(sent.headers.location));
    expect(htmlText(page.text)).toContain(
      'Le candidat a été ajouté (personne déjà connue : rattachée à sa fiche).',
    );
    expect(page.text).toContain(`href="/people/${personId}"`);
    const twice = await web.post(`/sessions/${second}/candidates/new`, {
      lastName: 'Petit',
      firstName: 'Anne',
      birthDate: '1999-01-02',
      pathway: 'FORMATION',
    });
    expect(twice.status).toBe(409);
    expect(htmlText(twice.text)).toContain('déjà inscrite à cette session');
    const fresh = await web.post(`/sessions/${second}/candidates/new`, {
      lastName: 'Nouvelle',
      firstName: 'Personne',
      pathway: 'FORMATION',
    });
    expect(fresh.headers.location).toBe(`/sessions/${second}/candidates?ok=candidate-created`);
    const person = await web.get(`/people/${personId}`);
    expect(person.status).toBe(200);
    const text = htmlText(person.text);
    // The identity is the latest one given (here, as typed in the form).
    expect(text).toContain('anne PETIT');
    expect(text).toContain('Inscriptions <span class="muted">(1)</span>');
    expect(person.text).toContain(`href="/sessions/${second}"`);
  });

  it('attaches known people in the CSV import, says so in the preview, and skips those already enrolled', async () => {
    const known = await manager.post('/api/people', {
      centreId,
      lastName: 'Roux',
      firstName: 'Hélène',
      birthDate: '1980-05-06',
    });
    const personId = String(known.body.id);
    const before = ((await manager.get(`/api/sessions/${first}/candidates`)).body as Body[]).length;
    const csv = [
      'nom;prénom;date_naissance',
      'ROUX;helene;06/05/1980',
      'Lambert;Inès;',
      'Martin;Léa;14/07/1992',
    ].join('\n');
    const token = await web.csrf();
    const preview = await request(t.http)
      .post(`/sessions/${first}/candidates/import?_csrf=${token}`)
      .set('Cookie', web.cookie)
      .attach('file', Buffer.from(csv, 'utf8'), {
        filename: 'candidats.csv',
        contentType: 'text/csv',
      });
    expect(preview.status).toBe(200);
    const text = htmlText(preview.text);
    expect(text).toContain('Personne déjà connue : rattachée à sa fiche.');
    expect(text).toContain('1 ligne(s) : personne déjà connue : rattachée à sa fiche');
    expect(text).toContain('est déjà inscrit à la session : la ligne ne sera pas importée');
    expect(text).toContain('Importer les 2 candidats');
    const hidden = /name="csv" value="([^"]*)"/.exec(preview.text)![1];
    const enrolled = /name="enrolled" value="(\d+)"/.exec(preview.text)![1];
    const confirmed = await web.post(`/sessions/${first}/candidates/import/confirm`, {
      csv: htmlText(hidden),
      enrolled,
    });
    expect(confirmed.status).toBe(303);
    const all = (await manager.get(`/api/sessions/${first}/candidates`)).body as Body[];
    expect(all).toHaveLength(before + 2);
    expect(all.find((c) => c.lastName === 'ROUX')).toMatchObject({ personId });
    const people = (await manager.get(`/api/people?centreId=${centreId}&q=roux`)).body as Body[];
    expect(people).toHaveLength(1);
  });
});

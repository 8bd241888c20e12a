import { jest } from '@jest/globals';
import type request from 'supertest';
import { AuditEntry } from '../src/audit/audit-entry.entity.js';
import { Database } from '../src/database/database.js';
import { PdfRenderer } from '../src/documents/pdf-renderer.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;
type Fields = { field: string; message: string }[];

// Logins hash passwords with argon2id, and the PV are rendered by Chromium: slow on 2 cores.
jest.setTimeout(120_000);

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The text a document's HTML prints: tags dropped, entities decoded, spaces collapsed. */
function printedText(html: string): string {
  const body = html.replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, ' ');
  return htmlText(body.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

describe(`a person's certification record across sessions (${testDbKind()})`, () => {
  let t: TestApp;
  let manager: Client;
  let otherManager: Client;
  let viewer: Client;
  let web: WebClient;
  let centreId: string;
  let titre: Body;
  let first: string;
  let second: string;
  let third: string;
  let personId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    titre = await aTitre(admin, {
      code: 'CDA-REC',
      ccps: [
        { code: 'CCP1', label: 'Développer une application sécurisée' },
        { code: 'CCP2', label: 'Concevoir et développer une application organisée en couches' },
      ],
    });
    const m = await aUser(admin, 'manager', [centreId]);
    const o = await aUser(admin, 'manager', [String(b.centre.id)]);
    const v = await aUser(admin, 'viewer', [centreId]);
    manager = t.as(await t.login(m.email, m.password));
    otherManager = t.as(await t.login(o.email, o.password));
    viewer = t.as(await t.login(v.email, v.password));
    web = await webLogin(t.http, m.email, m.password);
    const ids = { centreId, siteId: String(a.site.id), titreId: String(titre.id) };
    first = String((await aSession(manager, ids, { managerId: m.id })).id);
    const ccp2 = { nature: 'CCP', ccpCodes: ['CCP2'], managerId: m.id };
    second = String(
      (await aSession(manager, ids, { ...ccp2, startDate: '2027-11-08', endDate: '2027-11-09' }))
        .id,
    );
    third = String(
      (await aSession(manager, ids, { ...ccp2, startDate: '2028-02-07', endDate: '2028-02-07' }))
        .id,
    );

    // Session 1 (titre): CCP1 acquired, CCP2 not. Session 2 (CCP2): CCP2 acquired.
    const enrolled = await manager.post(`/api/sessions/${first}/candidates`, {
      lastName: 'Lœvenbruck',
      firstName: 'Zoé',
      birthDate: '1990-02-03',
      email: 'zoe@example.fr',
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).not.toHaveProperty('matchKey');
    personId = String(enrolled.body.personId);
    const again = await manager.post(`/api/sessions/${second}/candidates`, { personId });
    expect(again.status).toBe(201);
    expect(again.body).not.toHaveProperty('matchKey');
    const results = async (sessionId: string, candidate: Body, outcomes: Body[]) => {
      const res = await manager.patch(
        `/api/sessions/${sessionId}/candidates/${String(candidate.id)}`,
        { version: candidate.version, attendance: 'PRESENT', results: outcomes },
      );
      expect(res.status).toBe(200);
    };
    await results(first, enrolled.body as Body, [
      { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
      { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
    ]);
    await results(second, again.body as Body, [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the record through the API: titre obtained at the CCP session, CCP1 kept from the titre session', async () => {
    const res = await manager.get(`/api/people/${personId}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('matchKey');
    const body = res.body as Body;
    expect(
      (body.enrolments as Body[]).map((e) => [e.sessionId, e.outcome, e.outcomeLabel]),
    ).toEqual([
      [first, 'PARTIAL', 'Réussite partielle'],
      [second, 'FULL_SUCCESS', 'Réussite totale'],
    ]);
    const records = body.records as Body[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      titre: { id: titre.id, code: 'CDA-REC', version: titre.version },
      status: 'OBTAINED',
      statusLabel: 'Titre obtenu',
      obtainedOn: '2027-11-09',
      obtainedInSessionId: second,
      ccpSessions: [
        { code: 'CCP1', sessionId: first, acquiredOn: '2027-06-18' },
        { code: 'CCP2', sessionId: second, acquiredOn: '2027-11-09' },
      ],
      missingCcpCodes: [],
      lastSessionDate: '2030-12-31',
    });
    const [ccp1, ccp2] = records[0].ccps as Body[];
    expect(ccp1).toMatchObject({
      code: 'CCP1',
      label: 'Développer une application sécurisée',
      acquired: { sessionId: first, acquiredOn: '2027-06-18', carriedOver: true },
      attempts: [{ sessionId: first, outcome: 'ACQUIRED', outcomeLabel: 'Acquis' }],
    });
    expect(ccp2).toMatchObject({
      acquired: { sessionId: second, acquiredOn: '2027-11-09', carriedOver: false },
      attempts: [
        { sessionId: first, outcome: 'NOT_ACQUIRED', outcomeLabel: 'Non acquis' },
        { sessionId: second, outcome: 'ACQUIRED', outcomeLabel: 'Acquis' },
      ],
    });
    // No internal key anywhere in the people endpoints.
    const list = await manager.get(`/api/people?centreId=${centreId}`);
    expect(list.status).toBe(200);
    for (const p of list.body as Body[]) expect(p).not.toHaveProperty('matchKey');
    const created = await manager.post('/api/people', {
      centreId,
      lastName: 'Martin',
      firstName: 'Léa',
      birthDate: '1992-07-14',
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('matchKey');
  });

  it('edits a person by PATCH: duplicate 409, stale version 409, missing version 400, every error at once, scoped and audited', async () => {
    const current = (await manager.get(`/api/people/${personId}`)).body as Body;
    const path = `/api/people/${personId}`;
    const duplicate = await manager.patch(path, {
      version: current.version,
      lastName: 'MARTIN',
      firstName: 'lea',
      birthDate: '1992-07-14',
    });
    expect(duplicate.status).toBe(409);
    expect((duplicate.body.fields as Fields)[0].field).toBe('lastName');
    expect(duplicate.body.message).toContain('« lastName », « firstName » et « birthDate »');
    const invalid = await manager.patch(path, {
      version: current.version,
      lastName: '',
      birthDate: '2030-01-01',
      email: 'pas-un-email',
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body.fields as Fields).map((f) => f.field).sort()).toEqual([
      'email',
      'lastName',
    ]);
    const future = await manager.patch(path, { version: current.version, birthDate: '2030-01-01' });
    expect(future.status).toBe(400);
    expect((future.body.fields as Fields)[0].field).toBe('birthDate');
    const noVersion = await manager.patch(path, { phone: '0601020304' });
    expect(noVersion.status).toBe(400);
    expect((noVersion.body.fields as Fields)[0].field).toBe('version');
    expect((await otherManager.patch(path, { version: current.version, phone: '06' })).status).toBe(
      404,
    );
    expect((await otherManager.get(path)).status).toBe(404);
    expect((await viewer.patch(path, { version: current.version, phone: '06' })).status).toBe(403);

    const patched = await manager.patch(path, {
      version: current.version,
      phone: '06 01 02 03 04',
      drivingLicenceNumber: '123456789012',
      email: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id: personId,
      lastName: 'Lœvenbruck',
      phone: '06 01 02 03 04',
      drivingLicenceNumber: '123456789012',
      email: null,
      version: Number(current.version) + 1,
    });
    expect(patched.body).not.toHaveProperty('matchKey');
    const stale = await manager.patch(path, { version: current.version, phone: '07' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('modifié(e) entre-temps');
    // The enrolments keep the identity they were made with.
    const candidates = (await manager.get(`/api/sessions/${first}/candidates`)).body as Body[];
    expect(candidates.find((c) => c.personId === personId)).toMatchObject({
      email: 'zoe@example.fr',
    });
    const audit = await t.app
      .get(Database)
      .read((m) =>
        m.getRepository(AuditEntry).find({ where: { entity: 'person', entityId: personId } }),
      );
    expect(audit.filter((e) => e.action === 'update').map((e) => [e.field, e.after])).toEqual(
      expect.arrayContaining([
        ['phone', JSON.stringify('06 01 02 03 04')],
        ['drivingLicenceNumber', JSON.stringify('123456789012')],
      ]),
    );
  });

  it('renders the PV and the lauréats list of the CCP session with the titre obtained, and leaves the old PV as it was', async () => {
    // The documents' HTML as handed to Chromium (what the PDF prints), read through the API.
    const renderer = t.app.get(PdfRenderer);
    const spy = jest
      .spyOn(renderer, 'render')
      .mockImplementation((document) => Promise.resolve(Buffer.from(document.html, 'utf8')));
    const pdf = async (sessionId: string, name: string) => {
      const res = await manager
        .get(`/api/sessions/${sessionId}/documents/${name}.pdf`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      return printedText((res.body as Buffer).toString('utf8'));
    };
    try {
      const pv = await pdf(second, 'pv');
      expect(pv).toContain('Lœvenbruck Zoé');
      expect(pv).toContain('Titre professionnel CDA-REC obtenu');
      expect(pv).toContain('CCP1 acquis le 18/06/2027 (session du 14/06/2027 au 18/06/2027)');
      expect(pv).toContain('1 titre obtenu');
      const laureates = await pdf(second, 'laureats');
      expect(laureates).toContain('Lœvenbruck Zoé');
      expect(laureates).toContain(
        'Titre professionnel Concepteur développeur d’applications (CDA-REC)',
      );
      expect(laureates).toContain(
        'CCP1 acquis le 18/06/2027 (session du 14/06/2027 au 18/06/2027)',
      );
      // The titre session's PV reads the record as of that session: CCP2 was still missing.
      const old = await pdf(first, 'pv');
      expect(old).toContain('Validation partielle : CCP1');
      expect(old).not.toContain('Titre professionnel CDA-REC obtenu');
      expect(old).toContain('0 titre obtenu');
    } finally {
      spy.mockRestore();
    }
  });

  it('shows the record on the person page and enrols the person from its form', async () => {
    const page = await web.get(`/people/${personId}`);
    expect(page.status).toBe(200);
    const text = htmlText(page.text);
    expect(text).toContain(
      'CDA-REC — Concepteur développeur d’applications (version 2023) — Titre obtenu',
    );
    expect(text).toContain('Titre obtenu le 09/11/2027 à la session du 08/11/2027 au 09/11/2027.');
    expect(text).toContain('18/06/2027 (session du 14/06/2027 au 18/06/2027)');
    expect(text).toContain('Session du 14/06/2027 au 18/06/2027 : Non acquis');
    expect(text).toContain('Réussite partielle');
    expect(text).toContain('Réussite totale');
    // Only the sessions still to come that the person is not enrolled in are offered.
    expect(page.text).toContain(`<option value="${third}"`);
    expect(page.text).not.toContain(`<option value="${second}"`);

    const refused = await web.post(`/people/${personId}/enrol`, {
      sessionId: '',
      pathway: 'VAE',
    });
    expect(refused.status).toBe(400);
    const refusedText = htmlText(refused.text);
    expect(refusedText).toContain('Le champ « Session » est obligatoire.');
    expect(refusedText).toContain('« Fin de validité de la recevabilité »');
    expect(refused.text).toMatch(/<option value="VAE" selected>/);
    const elsewhere = await web.post(`/people/${personId}/enrol`, {
      sessionId: second,
      pathway: 'FORMATION',
    });
    expect(elsewhere.status).toBe(400);
    expect(htmlText(elsewhere.text)).toContain('Choisissez une des sessions prévues du centre');

    const sent = await web.post(`/people/${personId}/enrol`, {
      sessionId: third,
      pathway: 'SUITE_PARCOURS',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/people/${personId}?ok=person-enrolled`);
    const after = await web.get(String(sent.headers.location));
    expect(htmlText(after.text)).toContain('La personne a été inscrite à la session.');
    expect(after.text).toContain('Inscriptions <span class="muted">(3)</span>');
    const listed = (await manager.get(`/api/sessions/${third}/candidates`)).body as Body[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      personId,
      pathway: 'SUITE_PARCOURS',
      lastName: 'Lœvenbruck',
    });
    const record = ((await manager.get(`/api/people/${personId}`)).body as Body).records as Body[];
    // A planned session without results changes nothing: the titre stays obtained at session 2.
    expect(record[0]).toMatchObject({ status: 'OBTAINED', obtainedInSessionId: second });
  });

  it('edits the identity from the person page: every error at once, values kept, then saved', async () => {
    const page = await web.get(`/people/${personId}`);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const refused = await web.post(`/people/${personId}`, {
      version,
      lastName: '',
      firstName: 'Zoé',
      birthDate: '2031-05-05',
      email: 'pas-un-email',
      phone: '',
      address: '3 rue des Lilas',
      drivingLicenceNumber: '',
    });
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain('Le champ « Nom » est obligatoire.');
    expect(text).toContain('« Date de naissance » ne doit pas être postérieur');
    expect(text).toContain('« Adresse e-mail »');
    expect(refused.text).toContain('value="2031-05-05"');
    expect(refused.text).toContain('3 rue des Lilas');
    const duplicate = await web.post(`/people/${personId}`, {
      version,
      lastName: 'Martin',
      firstName: 'Léa',
      birthDate: '1992-07-14',
    });
    expect(duplicate.status).toBe(409);
    expect(htmlText(duplicate.text)).toContain('Une personne de même nom');
    const saved = await web.post(`/people/${personId}`, {
      version,
      lastName: 'Lœvenbruck-Durand',
      firstName: 'Zoé',
      birthDate: '1990-02-03',
      email: 'zoe.durand@example.fr',
      phone: '',
      address: '',
      drivingLicenceNumber: '123456789012',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`/people/${personId}?ok=person-updated`);
    const after = htmlText((await web.get(String(saved.headers.location))).text);
    expect(after).toContain('La fiche de la personne a été modifiée.');
    expect(after).toContain('Zoé Lœvenbruck-Durand');
    const stale = await web.post(`/people/${personId}`, {
      version,
      lastName: 'Autre',
      firstName: 'Zoé',
    });
    expect(stale.status).toBe(409);
    expect(htmlText(stale.text)).toContain('modifié(e) entre-temps');
  });
});

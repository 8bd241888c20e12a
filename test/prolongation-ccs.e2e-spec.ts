import { jest } from '@jest/globals';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin } from './support/web-form-client.js';

type Body = Record<string, unknown>;
type Finding = { code: string; severity: string; message: string };
type Check = { code: string; status: string; evidence: string[]; findings: Finding[] };
type Report = { blocking: Finding[]; warnings: Finding[]; checks: Check[] };
type Fields = { field: string; message: string }[];

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

// Today is 01/03/2027. The titre ended on 31/12/2026: its prolongation year runs to 31/12/2027.
describe(`titre prolongation year and CCS agréments (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let ids: { centreId: string; siteId: string; titreId: string };
  let titre: Body;
  let personA: string;
  let managerLogin: { email: string; password: string };

  const lifecycle = (r: Report) =>
    r.blocking.filter((f) => f.code === 'TITRE_VALID' || f.code === 'AGREMENT_VALID');
  const check = (r: Report, code: string) => r.checks.find((c) => c.code === code)!;

  async function compliance(sessionId: string): Promise<Report> {
    const res = await manager.get(`/api/sessions/${sessionId}/compliance`);
    expect(res.status).toBe(200);
    return res.body as Report;
  }

  async function results(sessionId: string, candidate: Body, outcomes: Record<string, string>) {
    const res = await manager.patch(
      `/api/sessions/${sessionId}/candidates/${String(candidate.id)}`,
      {
        attendance: 'PRESENT',
        results: Object.entries(outcomes).map(([ccpCode, outcome]) => ({ ccpCode, outcome })),
        version: candidate.version,
      },
    );
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    titre = await aTitre(admin, {
      validUntil: '2026-12-31',
      ccps: [
        { code: 'CCP1', label: 'Accueillir et informer' },
        { code: 'CCP2', label: 'Accompagner les parcours' },
        { code: 'CCS1', label: 'Gérer un dispositif spécifique', kind: 'CCS' },
      ],
    });
    ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    managerLogin = await aUser(admin, 'manager', [ids.centreId]);
    manager = t.as(await t.login(managerLogin.email, managerLogin.password));
    // The titre's agrément ends with the titre.
    const agrement = await manager.post('/api/agrements', {
      ...ids,
      validUntil: '2026-12-31',
      maxCandidates: 12,
    });
    expect(agrement.status).toBe(201);
    expect(agrement.body.ccsCode).toBeNull();

    // Before the end: a titre session where A acquires CCP1 but not CCP2.
    const first = String(
      (await aSession(manager, ids, { startDate: '2026-10-05', endDate: '2026-10-09' })).id,
    );
    const a = await aCandidate(manager, first, { lastName: 'Lefèbvre', firstName: 'Anaïs' });
    personA = String(a.personId);
    await results(first, a, { CCP1: 'ACQUIRED', CCP2: 'NOT_ACQUIRED' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('allows a CCP session of the prolongation year for a partly successful person, with evidence', async () => {
    const session = await aSession(manager, ids, {
      nature: 'CCP',
      ccpCodes: ['CCP2'],
      startDate: '2027-05-10',
      endDate: '2027-05-11',
      ceresCreatedOn: '2026-12-15',
    });
    expect(session.ceresCreatedOn).toBe('2026-12-15');
    const id = String(session.id);
    const enrolled = await manager.post(`/api/sessions/${id}/candidates`, { personId: personA });
    expect(enrolled.status).toBe(201);

    const allowed = await compliance(id);
    expect(lifecycle(allowed)).toEqual([]);
    expect(check(allowed, 'TITRE_VALID').status).toBe('pass');
    expect(check(allowed, 'TITRE_VALID').evidence).toEqual([
      `Session du délai de prolongation du titre ${String(titre.code)} (version 2023) : fin de validité le 31/12/2026, prolongation jusqu'au 31/12/2027.`,
      'Session créée dans CERES le 15/12/2026, au plus tard à la fin de validité du titre le 31/12/2026.',
      'Anaïs LEFÈBVRE : en réussite partielle lors d’une session précédente (session TITRE du 05/10/2026 au 09/10/2026).',
    ]);
    expect(check(allowed, 'AGREMENT_VALID').evidence[0]).toBe(
      `Agrément valable jusqu'au 31/12/2026, fin de validité du titre ${String(titre.code)} : il couvre la session, qui se tient pendant le délai de prolongation du titre (jusqu'au 31/12/2027) et y est admise.`,
    );

    // A new person, with no earlier session and no training start: blocked, naming them.
    await aCandidate(manager, id, {
      lastName: 'Benali',
      firstName: 'Yanis',
      birthDate: '1995-07-08',
    });
    const blocked = await compliance(id);
    const titreFindings = blocked.blocking.filter((f) => f.code === 'TITRE_VALID');
    expect(titreFindings.map((f) => f.message)).toEqual([
      `Yanis BENALI ne peut pas être présenté(e) pendant le délai de prolongation du titre ${String(titre.code)} (fin de validité le 31/12/2026) : aucune session précédente de cette version du titre ne l’a vu(e) échouer ou réussir partiellement, et aucune date de début de formation n’est renseignée.`,
    ]);
    expect(blocked.blocking.filter((f) => f.code === 'AGREMENT_VALID')).toHaveLength(1);

    // A prolongation end set by hand before the session: blocked, with that end named.
    const shortened = await admin.patch(`/api/titres/${ids.titreId}`, {
      prolongationUntil: '2027-04-30',
    });
    expect(shortened.status).toBe(200);
    expect(shortened.body.prolongationUntil).toBe('2027-04-30');
    const closed = await compliance(id);
    expect(closed.blocking.filter((f) => f.code === 'TITRE_VALID').map((f) => f.message)).toEqual([
      `Le titre ${String(titre.code)} (version 2023) n'est valable que jusqu'au 31/12/2026 et son délai de prolongation a pris fin le 30/04/2027, avant le début de la session le 10/05/2027 : aucune session ne peut plus être organisée sur cette version du titre.`,
    ]);
    expect(closed.blocking.find((f) => f.code === 'AGREMENT_VALID')?.message).toContain(
      'le délai de prolongation du titre',
    );
    const restored = await admin.patch(`/api/titres/${ids.titreId}`, { prolongationUntil: null });
    expect(restored.body.prolongationUntil).toBeNull();
  });

  it('blocks a prolongation-year session created in CERES after the titre’s end, or not recorded', async () => {
    const late = String(
      (
        await aSession(manager, ids, {
          nature: 'CCP',
          ccpCodes: ['CCP2'],
          startDate: '2027-06-07',
          endDate: '2027-06-08',
          ceresCreatedOn: '2027-01-15',
        })
      ).id,
    );
    expect(
      (await manager.post(`/api/sessions/${late}/candidates`, { personId: personA })).status,
    ).toBe(201);
    const report = await compliance(late);
    expect(report.blocking.filter((f) => f.code === 'TITRE_VALID').map((f) => f.message)).toEqual([
      `La session commence le 07/06/2027, pendant le délai de prolongation du titre ${String(titre.code)} : elle a été créée dans CERES le 15/01/2027, après la fin de validité du titre le 31/12/2026 ; une session du délai de prolongation doit être créée dans CERES au plus tard ce jour-là.`,
    ]);

    // Cleared (null): the date is missing, and said so.
    const current = (await manager.get(`/api/sessions/${late}`)).body as Body;
    const cleared = await manager.patch(`/api/sessions/${late}`, {
      ceresCreatedOn: null,
      version: current.version,
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.ceresCreatedOn).toBeNull();
    const missing = await compliance(late);
    expect(missing.blocking.find((f) => f.code === 'TITRE_VALID')?.message).toContain(
      'la date de création de la session dans CERES n’est pas renseignée',
    );

    // Corrected to a date before the end: allowed.
    const fixed = await manager.patch(`/api/sessions/${late}`, {
      ceresCreatedOn: '2026-12-30',
      version: cleared.body.version,
    });
    expect(fixed.status).toBe(200);
    expect(lifecycle(await compliance(late))).toEqual([]);
  });

  it('blocks a CCS session with only the titre’s agrément, then passes with the CCS’s own', async () => {
    const ccs = String(
      (
        await aSession(manager, ids, {
          nature: 'CCS',
          ccpCodes: ['CCS1'],
          startDate: '2026-11-16',
          endDate: '2026-11-17',
        })
      ).id,
    );
    const before = await compliance(ccs);
    expect(
      before.blocking.filter((f) => f.code === 'AGREMENT_VALID').map((f) => f.message),
    ).toEqual([
      `Aucun agrément n'est enregistré pour le CCS CCS1 du titre ${String(titre.code)} au centre et au site de la session : une session CCS nécessite l'agrément de chacun de ses CCS, celui du titre ne suffit pas.`,
    ]);

    // A code that is not a CCS of the titre is refused on its field.
    const wrong = await manager.post('/api/agrements', {
      ...ids,
      ccsCode: 'CCP1',
      validUntil: '2026-12-31',
      maxCandidates: 6,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields as Fields).toEqual([
      {
        field: 'ccsCode',
        message: `Le champ « ccsCode » (CCP1) n’est pas un CCS du titre ${String(titre.code)} : CCS1.`,
      },
    ]);

    const own = await manager.post('/api/agrements', {
      ...ids,
      ccsCode: 'CCS1',
      validUntil: '2026-12-31',
      maxCandidates: 6,
    });
    expect(own.status).toBe(201);
    expect(own.body.ccsCode).toBe('CCS1');
    const after = await compliance(ccs);
    const agrement = check(after, 'AGREMENT_VALID');
    expect(agrement.status).toBe('pass');
    expect(agrement.evidence[0]).toBe(
      "Agrément du CCS CCS1 valable jusqu'au 31/12/2026, au-delà de la fin de la session le 17/11/2026.",
    );
  });

  it('validates the new dates on their fields', async () => {
    const titreRefused = await admin.post('/api/titres', {
      code: 'TPX',
      label: 'Titre d’essai',
      version: '2024',
      validUntil: '2028-12-31',
      prolongationUntil: '2028-12-31',
      ccps: [{ code: 'CCP1', label: 'Un CCP' }],
    });
    expect(titreRefused.status).toBe(400);
    expect((titreRefused.body.fields as Fields).map((f) => f.field)).toEqual(['prolongationUntil']);
    expect(titreRefused.body.message).toContain(
      'doit être postérieur à la fin de validité du titre',
    );
    const badPatch = await admin.patch(`/api/titres/${ids.titreId}`, { validUntil: '2028-02-30' });
    expect(badPatch.status).toBe(400);
    expect((badPatch.body.fields as Fields).map((f) => f.field)).toEqual(['validUntil']);

    const future = await manager.post('/api/sessions', {
      ...ids,
      nature: 'TITRE',
      startDate: '2027-09-06',
      endDate: '2027-09-10',
      ceresCreatedOn: '2027-03-02',
    });
    expect(future.status).toBe(400);
    expect(future.body.fields as Fields).toEqual([
      {
        field: 'ceresCreatedOn',
        message:
          'Le champ « ceresCreatedOn » (02/03/2027) ne peut pas être postérieur à aujourd’hui (01/03/2027).',
      },
    ]);
    const afterStart = await manager.post('/api/sessions', {
      ...ids,
      nature: 'TITRE',
      startDate: '2026-09-07',
      endDate: '2026-09-11',
      ceresCreatedOn: '2026-09-08',
    });
    expect(afterStart.status).toBe(400);
    expect((afterStart.body.fields as Fields)[0].message).toContain(
      'postérieur au début de la session',
    );
    // Tomorrow becomes today (a new day, a new login): the same date is accepted.
    t.clock.set('2027-03-02T09:00:00Z');
    const nextDay = t.as(await t.login(managerLogin.email, managerLogin.password));
    const accepted = await nextDay.post('/api/sessions', {
      ...ids,
      nature: 'TITRE',
      startDate: '2027-09-06',
      endDate: '2027-09-10',
      ceresCreatedOn: '2027-03-02',
    });
    expect(accepted.status).toBe(201);
    t.clock.set('2027-03-01T09:00:00Z');
  });

  it('enters and shows the dates and the CCS through the dashboard', async () => {
    const web = await webLogin(t.http, managerLogin.email, managerLogin.password);

    // Titre: the prolongation end, refused on or before the end of validity, then recorded.
    const edit = await web.get(`/titres/${ids.titreId}/edit`);
    expect(edit.status).toBe(200);
    expect(htmlText(edit.text)).toContain('Fin du délai de prolongation');
    const refused = await web.post(`/titres/${ids.titreId}/edit`, {
      validUntil: '2026-12-31',
      prolongationUntil: '2026-12-01',
    });
    expect(refused.status).toBe(400);
    expect(htmlText(refused.text)).toContain(
      'Le champ « Fin du délai de prolongation » (01/12/2026) doit être postérieur à la fin de validité du titre',
    );
    const saved = await web.post(`/titres/${ids.titreId}/edit`, {
      validUntil: '2026-12-31',
      prolongationUntil: '2027-11-30',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/titres?ok=titre-updated');
    const list = htmlText((await web.get(String(saved.headers.location))).text);
    expect(list).toContain('30/11/2027');
    expect(list).toContain('Les dates du titre ont été enregistrées.');
    expect(
      (await admin.patch(`/api/titres/${ids.titreId}`, { prolongationUntil: null })).status,
    ).toBe(200);

    // Agrément: the CCS, refused when not a CCS of the titre, shown as the agrément's scope.
    const wrongCcs = await web.post('/agrements', {
      centreId: ids.centreId,
      siteId: ids.siteId,
      titreId: ids.titreId,
      ccsCode: 'CCS7',
      validUntil: '2026-12-31',
      maxCandidates: '4',
    });
    expect(wrongCcs.status).toBe(400);
    expect(htmlText(wrongCcs.text)).toContain(
      `(CCS7) n’est pas un CCS du titre ${String(titre.code)} : CCS1.`,
    );
    const agrements = htmlText((await web.get('/agrements')).text);
    expect(agrements).toContain('<td data-label="Portée">CCS CCS1</td>');
    expect(agrements).toContain('<td data-label="Portée">Titre</td>');

    // Session: the CERES creation date, refused in the future, then shown in the page header.
    const future = await web.post('/sessions/new', {
      centreId: ids.centreId,
      siteId: ids.siteId,
      titreId: ids.titreId,
      nature: 'CCP',
      ccpCodes: 'CCP2',
      startDate: '2027-04-12',
      endDate: '2027-04-13',
      ceresCreatedOn: '2027-03-05',
    });
    expect(future.status).toBe(400);
    expect(htmlText(future.text)).toContain(
      'Le champ « Créée dans CERES le » (05/03/2027) ne peut pas être postérieur à aujourd’hui (01/03/2027).',
    );
    const created = await web.post('/sessions/new', {
      centreId: ids.centreId,
      siteId: ids.siteId,
      titreId: ids.titreId,
      nature: 'CCP',
      ccpCodes: 'CCP2',
      startDate: '2027-04-12',
      endDate: '2027-04-13',
      ceresCreatedOn: '2026-12-20',
    });
    expect(created.status).toBe(303);
    const page = htmlText((await web.get(String(created.headers.location))).text);
    expect(page).toContain('<dt>Créée dans CERES le</dt><dd>20/12/2026</dd>');
    expect(page).toContain(
      '<dt>Validité du titre</dt><dd>jusqu’au 31/12/2026, délai de prolongation jusqu’au 31/12/2027</dd>',
    );
  });
});

/**
 * Issue 15 on the dashboard: the titre form's CQC fields (titre and CCP, every error at once, in
 * French), a session's « CQC » page (drivers' form, checks naming the driver and the field, fee,
 * CSV, registration day, certificates) and the certificates page (filter, card ordered), scoped to
 * the caller's centres.
 */
import { jest } from '@jest/globals';
import { aCandidate, aCentre, aSession, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

jest.setTimeout(120_000);

interface TitreBody {
  id: string;
  code: string;
  cqc: unknown;
  ccps: { code: string; cqc: unknown }[];
}

describe(`CQC dashboard pages (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let adminWeb: WebClient;
  let web: WebClient;
  let otherWeb: WebClient;
  let titre: TitreBody;
  let sessionId: string;
  const ids: Record<string, string> = {};
  const code = `CTRMW${Date.now().toString(36)}`.slice(0, 30);

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates a titre giving the CQC from the form, every error at once', async () => {
    const fields = {
      code,
      version: '2023',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      validUntil: '2029-12-31',
      'cqc.gives': '1',
      ccpCode: ['CCP1', 'CCP2'],
      ccpLabel: ['Préparer et réaliser des transports', 'Réaliser en sécurité des opérations'],
      ccpKind: ['CCP', 'CCP'],
      ccpCqcQualification: ['', ''],
      ccpCqcTrainingType: ['MODULE_FCO', ''],
      ccpCqcEducationNationale: ['non', 'non'],
    };
    const refused = await adminWeb.post('/titres', fields);
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain(
      'Le champ « Qualification (CQC) » est obligatoire quand la formation donne la CQC.',
    );
    expect(text).toContain(
      'Le champ « Type de formation (CQC) » est obligatoire quand la formation donne la CQC.',
    );
    expect(text).toContain('Choisissez la qualification (CQC) du CCP n°\u00a01');
    const created = await adminWeb.post('/titres', {
      ...fields,
      'cqc.qualification': 'MARCHANDISES',
      'cqc.trainingType': 'FORMATION_LONGUE',
      ccpCqcQualification: ['', 'MARCHANDISES'],
      ccpCqcTrainingType: ['', 'MODULE_FCO'],
    });
    expect(created.status).toBe(303);
    const list = (await admin.get('/api/titres')).body as TitreBody[];
    titre = list.find((x) => x.code === code)!;
    expect(titre.cqc).toEqual({
      qualification: 'MARCHANDISES',
      trainingType: 'FORMATION_LONGUE',
      educationNationale: false,
    });
    expect(titre.ccps.map((c) => [c.code, c.cqc])).toEqual([
      ['CCP1', null],
      [
        'CCP2',
        { qualification: 'MARCHANDISES', trainingType: 'MODULE_FCO', educationNationale: false },
      ],
    ]);
    const page = htmlText((await adminWeb.get('/titres')).text);
    expect(page).toContain('Donne la CQC : Formation longue, marchandises');
  });

  it('edits the CQC of the titre and of its CCP on the edit form', async () => {
    const edit = await adminWeb.get(`/titres/${titre.id}/edit`);
    expect(edit.status).toBe(200);
    expect(htmlText(edit.text)).toContain('CCP qui donnent la CQC (formation de type FIMO)');
    const refused = await adminWeb.post(`/titres/${titre.id}/edit`, {
      validUntil: '2029-12-31',
      'cqc.qualification': 'VOYAGEURS',
      ccpCqcQualification: ['', 'MARCHANDISES'],
      ccpCqcTrainingType: ['', ''],
      ccpCqcEducationNationale: ['non', 'oui'],
    });
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain(
      'Cochez « Le titre donne la carte de qualification de conducteur (CQC) »',
    );
    expect(text).toContain(
      'Le champ « Type de formation (CQC) (CCP n°\u00a02) » est obligatoire quand la formation donne la CQC.',
    );
    const saved = await adminWeb.post(`/titres/${titre.id}/edit`, {
      validUntil: '2029-12-31',
      'cqc.gives': '1',
      'cqc.qualification': 'MARCHANDISES',
      'cqc.trainingType': 'FORMATION_LONGUE',
      ccpCqcQualification: ['', 'MARCHANDISES'],
      ccpCqcTrainingType: ['', 'MODULE_FCO'],
      ccpCqcEducationNationale: ['non', 'oui'],
    });
    expect(saved.status).toBe(303);
    const stored = (await admin.get(`/api/titres/${titre.id}`)).body as TitreBody;
    expect(stored.ccps[1].cqc).toEqual({
      qualification: 'MARCHANDISES',
      trainingType: 'MODULE_FCO',
      educationNationale: true,
    });
  });

  it('shows the session’s CQC page: drivers’ form, checks, fee, CSV, registration, certificates', async () => {
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    const centreId = String(a.centre.id);
    expect(
      (
        await admin.post('/api/agrements', {
          centreId,
          siteId: String(a.site.id),
          titreId: titre.id,
          validFrom: '2026-01-01',
          validUntil: '2029-06-30',
          maxCandidates: 12,
          technicalPlatform: 'Aire de manœuvre et porteur',
        })
      ).status,
    ).toBe(201);
    const manager = await aUser(admin, 'manager', [centreId]);
    const otherManager = await aUser(admin, 'manager', [String(b.centre.id)]);
    let m = t.as(await t.login(manager.email, manager.password));
    sessionId = String(
      (await aSession(m, { centreId, siteId: String(a.site.id), titreId: titre.id })).id,
    );
    const versions: Record<string, number> = {};
    for (const [key, lastName, firstName] of [
      ['alice', 'Martin', 'Alice'],
      ['bruno', 'Durand', 'Bruno'],
    ]) {
      const c = await aCandidate(m, sessionId, { lastName, firstName, birthDate: '1990-05-02' });
      ids[key] = String(c.id);
      versions[key] = Number(c.version);
    }
    t.clock.set('2027-06-21T09:00:00Z'); // tokens expire: log in again
    m = t.as(await t.login(manager.email, manager.password));
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    for (const key of Object.keys(ids)) {
      const res = await m.patch(`/api/sessions/${sessionId}/candidates/${ids[key]}`, {
        version: versions[key],
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
        ],
      });
      expect(res.status).toBe(200);
    }
    web = await webLogin(t.http, manager.email, manager.password);
    otherWeb = await webLogin(t.http, otherManager.email, otherManager.password);

    const page = await web.get(`/sessions/${sessionId}/cqc`);
    expect(page.status).toBe(200);
    let text = htmlText(page.text);
    expect(text).toContain(`href="/sessions/${sessionId}/cqc" aria-current="page">CQC</a>`);
    expect(text).toContain('MARTIN Alice');
    expect(text).toContain('Formats acceptés : le NEPH à 12 chiffres');
    expect(text).toContain('Le numéro de permis de conduire d’Alice MARTIN est obligatoire');
    expect((await otherWeb.get(`/sessions/${sessionId}/cqc`)).status).toBe(404);
    // The dashboard's session page shows the tab too.
    expect(htmlText((await web.get(`/sessions/${sessionId}`)).text)).toContain(
      `href="/sessions/${sessionId}/cqc">CQC</a>`,
    );

    // « Créez votre compte Hub Pro Transport »: the sheet to print, the e-mail to send.
    expect(text).toContain(`href="/api/sessions/${sessionId}/cqc/hub-account.pdf"`);
    expect(text).toContain('Pas encore invité(e) à créer son compte Hub Pro Transport');
    expect((await otherWeb.post(`/sessions/${sessionId}/cqc/hub-account-emails`, {})).status).toBe(
      404,
    );
    const sent = await web.post(`/sessions/${sessionId}/cqc/hub-account-emails`, {});
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(
      `/sessions/${sessionId}/cqc?ok=cqc-hub-account-sent#cqc-hub-account`,
    );
    const after = htmlText((await web.get(String(sent.headers.location))).text);
    expect(after).toContain(
      'Le message « Créez votre compte Hub Pro Transport » part aux conducteurs',
    );
    expect(after).toContain(
      'Invité(e) par e-mail le 21/06/2027 à créer son compte Hub Pro Transport',
    );
    expect(after).not.toContain('Pas encore invité(e)');

    const bad = await web.post(`/sessions/${sessionId}/cqc/drivers/${ids.alice}`, {
      licenceNumber: 'ab-12',
      orderNumber: 'FAC\u200b-1',
    });
    expect(bad.status).toBe(400);
    text = htmlText(bad.text);
    expect(text).toContain('Le numéro de permis de conduire');
    expect(text).toContain('Formats acceptés');
    expect(text).toMatch(/Le champ « Numéro de commande »/);
    for (const [key, licenceNumber, orderNumber] of [
      ['alice', '2106 9210 6990', 'FAC-2027-0142'],
      ['bruno', '210692106991', ''],
    ]) {
      const ok = await web.post(`/sessions/${sessionId}/cqc/drivers/${ids[key]}`, {
        licenceNumber,
        orderNumber,
        reference: '',
      });
      expect(ok.status).toBe(303);
    }
    text = htmlText((await web.get(`/sessions/${sessionId}/cqc`)).text);
    expect(text).toContain('Le numéro de commande de Bruno DURAND est obligatoire');
    expect(text).toContain('2 × 25,34\u00a0€ HT = 50,68\u00a0€ HT');
    expect(text).toContain('source :');
    const early = await web.post(`/sessions/${sessionId}/cqc/registration`, {
      registeredOn: '2027-06-21',
    });
    expect(early.status).toBe(409);
    expect(htmlText(early.text)).toContain('1 erreur');
    expect(
      (
        await web.post(`/sessions/${sessionId}/cqc/drivers/${ids.bruno}`, {
          licenceNumber: '210692106991',
          orderNumber: 'FAC-2027-0143',
        })
      ).status,
    ).toBe(303);
    const csv = await web.get(`/sessions/${sessionId}/cqc/registration.csv?training=TITRE`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain(';FAC-2027-0142;Alice;Martin;02/05/1990;210692106990');
    const future = await web.post(`/sessions/${sessionId}/cqc/registration`, {
      registeredOn: '2027-06-22',
    });
    expect(future.status).toBe(400);
    expect(htmlText(future.text)).toContain('« Date de l’enregistrement sur le Hub »');
    expect(
      (await web.post(`/sessions/${sessionId}/cqc/registration`, { registeredOn: '2027-06-21' }))
        .status,
    ).toBe(303);
    text = htmlText((await web.get(`/sessions/${sessionId}/cqc`)).text);
    expect(text).toContain('Conducteurs enregistrés sur Hub Pro Transport le 21/06/2027');
    expect(text).toContain('Certificat provisoire valable jusqu’au <strong>21/10/2027</strong>');
    expect(text).toContain('Carte non commandée');
  });

  it('lists the certificates, filters them, records the card order', async () => {
    const page = await web.get('/cqc/certificates');
    expect(page.status).toBe(200);
    let text = htmlText(page.text);
    expect(text).toContain('href="/cqc/certificates" aria-current="page">Certificats CQC</a>');
    expect(text).toContain('DURAND Bruno');
    expect(text).toContain('122 jours');
    expect(htmlText((await otherWeb.get('/cqc/certificates')).text)).toContain(
      'Aucun certificat provisoire n’est suivi pour vos centres.',
    );
    const badFilter = await web.get('/cqc/certificates?expiringBefore=2027-13-01');
    expect(badFilter.status).toBe(400);
    expect(htmlText(badFilter.text)).toContain('« Expirant avant le »');
    expect(htmlText((await web.get('/cqc/certificates?expiringBefore=2027-10-21')).text)).toContain(
      'Aucun certificat n’expire avant le 21/10/2027.',
    );
    const certificates = (await admin.get('/api/cqc/certificates')).body as {
      id: string;
      candidateId: string;
    }[];
    const bruno = certificates.find((c) => c.candidateId === ids.bruno)!;
    const early = await web.post(`/cqc/certificates/${bruno.id}`, { cardOrderedOn: '2027-06-20' });
    expect(early.status).toBe(400);
    expect(htmlText(early.text)).toContain('« Carte commandée le »');
    expect(
      (await otherWeb.post(`/cqc/certificates/${bruno.id}`, { cardOrderedOn: '2027-06-21' }))
        .status,
    ).toBe(404);
    const ok = await web.post(`/cqc/certificates/${bruno.id}`, { cardOrderedOn: '2027-06-21' });
    expect(ok.status).toBe(303);
    text = htmlText((await web.get('/cqc/certificates')).text);
    expect(text).toContain('Commandée le 21/06/2027');
    expect(text).toContain('saisie par le centre');
    const audit = await admin.get(`/api/sessions/${sessionId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('cqc_certificate');
  });
});

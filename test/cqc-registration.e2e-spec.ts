/**
 * Issue 15, Hub Pro Transport registration, first slice: a CTRMP-like titre gives the CQC, a
 * session with results, drivers recorded (field errors), the batch's errors naming the drivers,
 * fixed, the CSV export, the registration recorded, the certificates tracked; other centres see
 * nothing.
 */
import { jest } from '@jest/globals';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

interface FieldErrorBody {
  message: string;
  fields?: { field: string; message: string }[];
}

interface Registration {
  rows: { candidateId: string; lastName: string; licenceNumber: string; ageAtEnd: number }[];
  errors: { candidateId: string | null; field: string; message: string }[];
  exportable: boolean;
  fee: { trainees: number; unitCents: number; totalCents: number; label: string };
  registration: { registeredOn: string } | null;
}

interface Certificate {
  id: string;
  candidateId: string;
  lastName: string;
  firstName: string;
  session: { id: string; titreCode: string };
  registeredOn: string;
  validUntil: string;
  cardOrderedOn: string | null;
  reminderStep: string | null;
  reminderMessage: string | null;
}

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(90_000);

describe(`CQC registration on Hub Pro Transport (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let m: Client;
  let viewer: Client;
  let other: Client;
  let titreId: string;
  let sessionId: string;
  let otherSessionCandidate: string;
  const users = {} as Record<'manager' | 'viewer' | 'other', { email: string; password: string }>;
  const ids: Record<string, string> = {};
  /** Moves the clock and logs in again (tokens expire). */
  const at = async (instant: string): Promise<void> => {
    t.clock.set(instant);
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    m = t.as(await t.login(users.manager.email, users.manager.password));
    viewer = t.as(await t.login(users.viewer.email, users.viewer.password));
    other = t.as(await t.login(users.other.email, users.other.password));
  };
  const versions: Record<string, number> = {};

  const registration = async (): Promise<Registration> => {
    const res = await m.get(`/api/sessions/${sessionId}/cqc/registration`);
    expect(res.status).toBe(200);
    return res.body as Registration;
  };
  const driver = (candidate: string, body: Body, client = m) =>
    client.put(`/api/sessions/${sessionId}/cqc/drivers/${candidate}`, body);

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    const centreId = String(a.centre.id);
    const titre = await aTitre(admin, {
      code: `CTRMP${Date.now().toString(36)}`.slice(0, 30),
      label: 'Conducteur du transport routier de marchandises sur porteur',
      ccps: [
        { code: 'CCP1', label: 'Préparer, réaliser et optimiser des transports de marchandises' },
        { code: 'CCP2', label: 'Réaliser en sécurité des opérations de transport' },
      ],
    });
    titreId = String(titre.id);
    const agrement = await admin.post('/api/agrements', {
      centreId,
      siteId: String(a.site.id),
      titreId,
      validFrom: '2026-01-01',
      validUntil: '2029-06-30',
      maxCandidates: 12,
      technicalPlatform: 'Aire de manœuvre et porteur',
    });
    expect(agrement.status).toBe(201);
    const manager = await aUser(admin, 'manager', [centreId]);
    const readOnly = await aUser(admin, 'viewer', [centreId]);
    const otherManager = await aUser(admin, 'manager', [String(b.centre.id)]);
    users.manager = manager;
    users.viewer = readOnly;
    users.other = otherManager;
    m = t.as(await t.login(manager.email, manager.password));
    sessionId = String((await aSession(m, { centreId, siteId: String(a.site.id), titreId })).id);
    const people: [string, string, string, string][] = [
      ['alice', 'Martin', 'Alice', '1990-05-02'],
      // A typo: born in 2001, entered 2010 (17 at the end of the session).
      ['eloise', 'Petit', 'Éloïse', '2010-03-08'],
      ['bruno', 'Durand', 'Bruno', '1985-11-20'],
      ['zoe', 'Bernard', 'Zoé', '1992-01-15'],
    ];
    for (const [key, lastName, firstName, birthDate] of people) {
      const c = await aCandidate(m, sessionId, { lastName, firstName, birthDate });
      ids[key] = String(c.id);
      versions[key] = Number(c.version);
    }
    const elsewhere = await aSession(m, { centreId, siteId: String(a.site.id), titreId });
    otherSessionCandidate = String((await aCandidate(m, String(elsewhere.id))).id);
    // After the session: results. Zoé fails CCP2 and is not registered.
    await at('2027-06-21T09:00:00Z');
    for (const key of Object.keys(ids)) {
      const res = await m.patch(`/api/sessions/${sessionId}/candidates/${ids[key]}`, {
        version: versions[key],
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: key === 'zoe' ? 'NOT_ACQUIRED' : 'ACQUIRED' },
        ],
      });
      expect(res.status).toBe(200);
      versions[key] = Number((res.body as Body).version);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('refuses the registration of a titre that does not give the CQC, in French', async () => {
    const res = await m.get(`/api/sessions/${sessionId}/cqc/registration`);
    expect(res.status).toBe(409);
    expect((res.body as FieldErrorBody).message).toContain('carte de qualification de conducteur');
  });

  it('marks the titre as giving the CQC, with French field errors', async () => {
    const bad = await admin.patch(`/api/titres/${titreId}`, {
      cqc: { qualification: 'CAMIONS', trainingType: 'FORMATION_LONGUE' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as FieldErrorBody).fields?.map((f) => f.field).sort()).toEqual([
      'cqc.educationNationale',
      'cqc.qualification',
    ]);
    const res = await admin.patch(`/api/titres/${titreId}`, {
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
    });
    expect(res.status).toBe(200);
    expect((res.body as Body).cqc).toEqual({
      qualification: 'MARCHANDISES',
      trainingType: 'FORMATION_LONGUE',
      educationNationale: false,
    });
    // A change of another field keeps it.
    const kept = await admin.patch(`/api/titres/${titreId}`, { validUntil: '2030-12-31' });
    expect((kept.body as Body).cqc).toEqual((res.body as Body).cqc);
  });

  it('records the drivers: a bad licence number is refused with its field, spaces removed', async () => {
    const bad = await driver(ids.alice, { licenceNumber: 'ab-12', orderNumber: 12 });
    expect(bad.status).toBe(400);
    expect((bad.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual(['orderNumber']);
    const badLicence = await driver(ids.alice, { licenceNumber: 'ab-12', orderNumber: 'X' });
    expect(badLicence.status).toBe(400);
    const fields = (badLicence.body as FieldErrorBody).fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(['licenceNumber']);
    expect(fields[0].message).toContain('Formats acceptés');

    const ok = await driver(ids.alice, {
      licenceNumber: '2106 9210 6990',
      orderNumber: 'FAC-2027-0142',
      reference: 'CTRMP-06',
    });
    expect(ok.status).toBe(200);
    expect((ok.body as Body).licenceNumber).toBe('210692106990');
    expect(
      (await driver(ids.eloise, { licenceNumber: '7E9R8T7ZE9E8A9', orderNumber: 'FAC-2027-0143' }))
        .status,
    ).toBe(200);
    expect((await driver(ids.bruno, { licenceNumber: '210692106991' })).status).toBe(200);
  });

  it('answers 404 for a candidate of another session and for another centre', async () => {
    expect((await driver(otherSessionCandidate, { licenceNumber: '210692106992' })).status).toBe(
      404,
    );
    expect((await driver(ids.alice, { licenceNumber: '210692106992' }, other)).status).toBe(404);
    expect((await driver(ids.alice, { licenceNumber: '210692106992' }, viewer)).status).toBe(403);
    expect((await other.get(`/api/sessions/${sessionId}/cqc/registration`)).status).toBe(404);
    expect((await other.get(`/api/sessions/${sessionId}/cqc/registration.csv`)).status).toBe(404);
  });

  it('checks the batch: the minor and the missing order number are named, nothing exported', async () => {
    const batch = await registration();
    expect(batch.rows.map((r) => r.lastName)).toEqual(['Durand', 'Martin', 'Petit']);
    expect(batch.exportable).toBe(false);
    expect(batch.errors).toHaveLength(2);
    const [orderNumber, minor] = [
      batch.errors.find((e) => e.candidateId === ids.bruno),
      batch.errors.find((e) => e.candidateId === ids.eloise),
    ];
    expect(orderNumber?.field).toBe('orderNumber');
    expect(orderNumber?.message).toContain('Bruno DURAND');
    expect(minor?.field).toBe('birthDate');
    expect(minor?.message).toContain('Éloïse PETIT');
    expect(minor?.message).toContain('17 ans');
    expect(batch.fee).toMatchObject({ trainees: 3, unitCents: 2534, totalCents: 7602 });

    const csv = await m.get(`/api/sessions/${sessionId}/cqc/registration.csv`);
    expect(csv.status).toBe(409);
    expect((csv.body as FieldErrorBody).message).toContain('2 erreurs');
    const post = await m.post(`/api/sessions/${sessionId}/cqc/registration`, {
      registeredOn: '2027-06-21',
    });
    expect(post.status).toBe(409);
  });

  it('exports the fixed batch as the Hub’s CSV', async () => {
    const fixed = await m.patch(`/api/sessions/${sessionId}/candidates/${ids.eloise}`, {
      version: versions.eloise,
      birthDate: '2001-03-08',
    });
    expect(fixed.status).toBe(200);
    expect(
      (await driver(ids.bruno, { licenceNumber: '210692106991', orderNumber: 'FAC-2027-0144' }))
        .status,
    ).toBe(200);
    const batch = await registration();
    expect(batch.errors).toEqual([]);
    expect(batch.exportable).toBe(true);

    const csv = await viewer
      .get(`/api/sessions/${sessionId}/cqc/registration.csv`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('enregistrement-cqc-2027-06-18.csv');
    const lines = (csv.body as string).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Réf;N° de commande;Prénom;Nom;Date de naissance;N° de permis de conduire',
    );
    expect(lines).toContain('CTRMP-06;FAC-2027-0142;Alice;Martin;02/05/1990;210692106990');
  });

  it('records the registration once, on a day between the session end and today', async () => {
    const post = (registeredOn: string) =>
      m.post(`/api/sessions/${sessionId}/cqc/registration`, { registeredOn });
    const future = await post('2027-06-22');
    expect(future.status).toBe(400);
    expect((future.body as FieldErrorBody).fields?.[0].field).toBe('registeredOn');
    expect((await post('2027-06-17')).status).toBe(400);
    expect(
      (
        await viewer.post(`/api/sessions/${sessionId}/cqc/registration`, {
          registeredOn: '2027-06-21',
        })
      ).status,
    ).toBe(403);
    // Three at once: one is recorded, the others answer 409 in French.
    const answers = await Promise.all([1, 2, 3].map(() => post('2027-06-21')));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409)) {
      expect((refused.body as FieldErrorBody).message).toMatch(/déjà enregistrés|enregistrés sur/);
    }
    const res = answers.find((a) => a.status === 201)!;
    expect((res.body as Registration).registration?.registeredOn).toBe('2027-06-21');
    expect((await post('2027-06-21')).status).toBe(409);
    // The drivers' data are frozen once registered.
    expect((await driver(ids.bruno, { licenceNumber: '210692106999' })).status).toBe(409);
    const audit = await m.get(`/api/sessions/${sessionId}/audit`);
    expect(JSON.stringify(audit.body)).toContain('cqc_registration');
  });

  it('lists the certificates of the centre, 4 months, with the reminder step and the card order', async () => {
    const list = async (client: Client, query = ''): Promise<Certificate[]> => {
      const res = await client.get(`/api/cqc/certificates${query}`);
      expect(res.status).toBe(200);
      return res.body as Certificate[];
    };
    const all = await list(m, '?expiringBefore=2027-10-22');
    expect(all.map((c) => [c.lastName, c.validUntil, c.registeredOn])).toEqual([
      ['Durand', '2027-10-21', '2027-06-21'],
      ['Martin', '2027-10-21', '2027-06-21'],
      ['Petit', '2027-10-21', '2027-06-21'],
    ]);
    expect(all[0].session.id).toBe(sessionId);
    expect(all[0].session.titreCode).toMatch(/^CTRMP/);
    expect(all[0].reminderStep).toBeNull();
    expect(await list(m, '?expiringBefore=2027-10-21')).toEqual([]);
    expect(await list(other)).toEqual([]);
    expect((await m.get('/api/cqc/certificates?expiringBefore=2027-13-01')).status).toBe(400);

    const martin = all[1];
    expect(
      (await other.patch(`/api/cqc/certificates/${martin.id}`, { cardOrderedOn: '2027-06-21' }))
        .status,
    ).toBe(404);
    expect(
      (await viewer.patch(`/api/cqc/certificates/${martin.id}`, { cardOrderedOn: '2027-06-21' }))
        .status,
    ).toBe(403);
    const early = await m.patch(`/api/cqc/certificates/${martin.id}`, {
      cardOrderedOn: '2027-06-20',
    });
    expect(early.status).toBe(400);
    expect((early.body as FieldErrorBody).fields?.[0].field).toBe('cardOrderedOn');
    const ordered = await m.patch(`/api/cqc/certificates/${martin.id}`, {
      cardOrderedOn: '2027-06-21',
    });
    expect(ordered.status).toBe(200);
    expect((ordered.body as Certificate).cardOrderedOn).toBe('2027-06-21');

    await at('2027-10-15T09:00:00Z');
    const soon = await list(m);
    expect(soon.map((c) => [c.lastName, c.reminderStep])).toEqual([
      ['Durand', 'D7'],
      ['Martin', null],
      ['Petit', 'D7'],
    ]);
    expect(soon[0].reminderMessage).toContain('de Bruno DURAND expire le 21/10/2027, dans 6 jours');
  });
});

/**
 * A CCP giving the CQC on its own (FIMO-type): the candidates who acquired it here without
 * obtaining the titre are registered for that CCP's training (its type for the fee, its
 * Éducation nationale flag for minors), apart from the titre's drivers.
 */
describe(`CQC registration of a CCP giving the CQC (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let m: Client;
  let titreId: string;
  let sessionId: string;
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};
  const FIMO = {
    qualification: 'MARCHANDISES',
    trainingType: 'MODULE_FCO',
    educationNationale: false,
  };

  interface MixedRegistration extends Registration {
    rows: (Registration['rows'][number] & { trainingKey: string })[];
    trainings: { key: string; label: string; kindLabel: string; drivers: number }[];
    fee: Registration['fee'] & { unitCents: number | null };
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const centreId = String(a.centre.id);
    const bad = await admin.post('/api/titres', {
      code: 'CTRMPX',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      version: '2023',
      validUntil: '2029-12-31',
      ccps: [{ code: 'CCP1', label: 'Préparer', cqc: { ...FIMO, trainingType: 'LONGUE' } }],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual([
      'ccps[0].cqc.trainingType',
    ]);
    const titre = await aTitre(admin, {
      code: `CTRMP${Date.now().toString(36)}`.slice(0, 30),
      label: 'Conducteur du transport routier de marchandises sur porteur',
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
      ccps: [
        { code: 'CCP1', label: 'Préparer, réaliser et optimiser des transports de marchandises' },
        { code: 'CCP2', label: 'Réaliser en sécurité des opérations de transport' },
      ],
    });
    titreId = String(titre.id);
    expect(
      (
        await admin.post('/api/agrements', {
          centreId,
          siteId: String(a.site.id),
          titreId,
          validFrom: '2026-01-01',
          validUntil: '2029-06-30',
          maxCandidates: 12,
          technicalPlatform: 'Aire de manœuvre et porteur',
        })
      ).status,
    ).toBe(201);
    const manager = await aUser(admin, 'manager', [centreId]);
    m = t.as(await t.login(manager.email, manager.password));
    sessionId = String((await aSession(m, { centreId, siteId: String(a.site.id), titreId })).id);
    const people: [string, string, string, string][] = [
      ['alice', 'Martin', 'Alice', '1990-05-02'],
      ['hugo', 'Leroy', 'Hugo', '2010-04-01'],
      ['zoe', 'Bernard', 'Zoé', '1992-01-15'],
    ];
    for (const [key, lastName, firstName, birthDate] of people) {
      const c = await aCandidate(m, sessionId, { lastName, firstName, birthDate });
      ids[key] = String(c.id);
      versions[key] = Number(c.version);
    }
    t.clock.set('2027-06-21T09:00:00Z');
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    m = t.as(await t.login(manager.email, manager.password));
    // Alice obtains the titre; Hugo only CCP2; Zoé only CCP1.
    const outcomes: Record<string, [string, string]> = {
      alice: ['ACQUIRED', 'ACQUIRED'],
      hugo: ['NOT_ACQUIRED', 'ACQUIRED'],
      zoe: ['ACQUIRED', 'NOT_ACQUIRED'],
    };
    for (const key of Object.keys(ids)) {
      const res = await m.patch(`/api/sessions/${sessionId}/candidates/${ids[key]}`, {
        version: versions[key],
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: outcomes[key][0] },
          { ccpCode: 'CCP2', outcome: outcomes[key][1] },
        ],
      });
      expect(res.status).toBe(200);
    }
    for (const [key, licenceNumber, orderNumber] of [
      ['alice', '210692106990', 'FAC-1'],
      ['hugo', '210692106991', 'FAC-2'],
      ['zoe', '210692106992', 'FAC-3'],
    ]) {
      const res = await m.put(`/api/sessions/${sessionId}/cqc/drivers/${ids[key]}`, {
        licenceNumber,
        orderNumber,
      });
      expect(res.status).toBe(200);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('marks CCP2 as giving the CQC on the titre’s edit, refusing an unknown code', async () => {
    const bad = await admin.patch(`/api/titres/${titreId}`, {
      ccps: [{ code: 'CCP9', cqc: FIMO }],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body as FieldErrorBody).fields ?? [];
    expect(fields.map((f) => f.field)).toEqual(['ccps[0].code']);
    expect(fields[0].message).toContain('CCP9');
    const res = await admin.patch(`/api/titres/${titreId}`, {
      ccps: [{ code: 'CCP2', cqc: FIMO }],
    });
    expect(res.status).toBe(200);
    const ccps = (res.body as { ccps: { code: string; cqc: unknown }[] }).ccps;
    expect(ccps.map((c) => [c.code, c.cqc])).toEqual([
      ['CCP1', null],
      ['CCP2', FIMO],
    ]);
  });

  it('registers the titre’s driver and the CCP’s driver apart; the CCP’s minor is named', async () => {
    const res = await m.get(`/api/sessions/${sessionId}/cqc/registration`);
    expect(res.status).toBe(200);
    const batch = res.body as MixedRegistration;
    expect(batch.rows.map((r) => [r.lastName, r.trainingKey])).toEqual([
      ['Martin', 'TITRE'],
      ['Leroy', 'CCP2'],
    ]);
    expect(batch.trainings.map((tr) => [tr.key, tr.kindLabel, tr.drivers])).toEqual([
      ['TITRE', 'Formation longue, marchandises', 1],
      ['CCP2', 'Module de FCO, marchandises', 1],
    ]);
    expect(batch.fee).toMatchObject({ trainees: 2, unitCents: null, totalCents: 3041 });
    expect(batch.errors.map((e) => [e.candidateId, e.field])).toEqual([[ids.hugo, 'birthDate']]);
    expect(batch.errors[0].message).toContain('Hugo LEROY');
    expect(batch.errors[0].message).toContain('Éducation nationale');
  });

  it('admits the minor once the CCP is an Éducation nationale training, exports each training', async () => {
    const res = await admin.patch(`/api/titres/${titreId}`, {
      ccps: [{ code: 'CCP2', cqc: { ...FIMO, educationNationale: true } }],
    });
    expect(res.status).toBe(200);
    const batch = (await m.get(`/api/sessions/${sessionId}/cqc/registration`))
      .body as MixedRegistration;
    expect(batch.errors).toEqual([]);
    const text = (path: string) =>
      m
        .get(path)
        .buffer(true)
        .parse((r, done) => {
          let body = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (body += chunk));
          r.on('end', () => done(null, body));
        });
    const ambiguous = await m.get(`/api/sessions/${sessionId}/cqc/registration.csv`);
    expect(ambiguous.status).toBe(400);
    expect((ambiguous.body as FieldErrorBody).fields?.[0].field).toBe('training');
    const unknown = await m.get(`/api/sessions/${sessionId}/cqc/registration.csv?training=CCP1`);
    expect(unknown.status).toBe(400);
    const ccp = await text(`/api/sessions/${sessionId}/cqc/registration.csv?training=CCP2`);
    expect(ccp.status).toBe(200);
    expect(ccp.headers['content-disposition']).toContain('enregistrement-cqc-2027-06-18-CCP2.csv');
    const lines = (ccp.body as string)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines.slice(1)).toEqual([';FAC-2;Hugo;Leroy;01/04/2010;210692106991']);
    const titre = await text(`/api/sessions/${sessionId}/cqc/registration.csv?training=TITRE`);
    expect(titre.body as string).toContain(';FAC-1;Alice;Martin;02/05/1990;210692106990');

    const post = await m.post(`/api/sessions/${sessionId}/cqc/registration`, {
      registeredOn: '2027-06-21',
    });
    expect(post.status).toBe(201);
    const certificates = (await m.get('/api/cqc/certificates')).body as Certificate[];
    expect(certificates.map((c) => [c.lastName, c.validUntil]).sort()).toEqual([
      ['Leroy', '2027-10-21'],
      ['Martin', '2027-10-21'],
    ]);
  });
});

import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

describe('Jalon API (foundation)', () => {
  let t: TestApp;
  let admin: Client;
  let centreA: Body;
  let siteA: Body;
  let titre: Body;
  let manager: Client;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    ({ centre: centreA, site: siteA } = await aCentre(admin));
    titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [String(centreA.id)]);
    managerId = m.id;
    manager = t.as(await t.login(m.email, m.password));
  });

  afterAll(async () => {
    await t.close();
  });

  const ids = () => ({
    centreId: String(centreA.id),
    siteId: String(siteA.id),
    titreId: String(titre.id),
  });

  it('serves health and the OpenAPI description', async () => {
    const health = await request(t.http).get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    const docs = await request(t.http).get('/api/docs/openapi.json');
    expect(docs.status).toBe(200);
    const paths = Object.keys((docs.body as { paths: object }).paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/sessions', '/api/sessions/{id}/audit', '/api/auth/token']),
    );
  });

  it('creates a centre, titre, agrément and session, and reads them back', async () => {
    const agrement = await admin.post('/api/agrements', {
      ...ids(),
      validUntil: '2028-06-30',
      maxCandidates: 12,
      technicalPlatform: 'Salle informatique 12 postes',
    });
    expect(agrement.status).toBe(201);
    const session = await aSession(manager, ids(), { nature: 'CCP', ccpCodes: ['CCP1', 'CCP2'] });
    expect(session).toMatchObject({
      status: 'PLANNED',
      nature: 'CCP',
      ccpCodes: ['CCP1', 'CCP2'],
      managerId,
      startDate: '2027-06-14',
    });
    const read = await manager.get(`/api/sessions/${String(session.id)}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: session.id,
      location: 'Salle Molière, 12 rue de la Paix, Vénissieux',
      dateHistory: [],
    });
    const centres = await manager.get('/api/centres');
    expect((centres.body as Body[]).map((c) => c.name)).toEqual(['Centre Éléonore Dupré']);
    const titres = await manager.get('/api/titres');
    expect((titres.body as Body[]).find((x) => x.id === titre.id)).toMatchObject({
      ccps: [{ code: 'CCP1' }, { code: 'CCP2' }, { code: 'CCP3' }],
    });
    const agrements = await manager.get('/api/agrements');
    expect(agrements.body).toEqual([
      expect.objectContaining({ maxCandidates: 12, validUntil: '2028-06-30' }),
    ]);
    const me = await manager.get('/api/auth/me');
    expect(me.body).toMatchObject({ role: 'manager', centreIds: [centreA.id] });
    const users = await admin.get('/api/users');
    expect((users.body as Body[]).map((u) => u.email)).toContain(ADMIN.email);
  });

  describe('refused inputs', () => {
    it('refuses a date that does not exist, naming the field in French', async () => {
      const res = await manager.post('/api/sessions', {
        ...ids(),
        nature: 'TITRE',
        startDate: '2027-02-30',
        endDate: '2027-03-02',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain(
        '« startDate » doit être une date existante au format AAAA-MM-JJ',
      );
    });

    it('refuses an end date before the start date', async () => {
      const res = await manager.post('/api/sessions', {
        ...ids(),
        nature: 'TITRE',
        startDate: '2027-06-14',
        endDate: '2027-06-13',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(
        '« endDate » ne doit pas être antérieur au champ « startDate »',
      );
    });

    it('refuses unknown fields, bad enums, missing and too long values', async () => {
      const res = await manager.post('/api/sessions', {
        ...ids(),
        nature: 'BREVET',
        startDate: '2027-06-14',
        endDate: '2027-06-18',
        location: 'x'.repeat(301),
        hacker: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain("Le champ « hacker » n'est pas autorisé.");
      expect(res.body.message).toContain(
        "« nature » doit valoir l'une des valeurs suivantes : TITRE, CCP, CCS",
      );
      expect(res.body.message).toContain('« location » ne doit pas dépasser 300 caractères');
      const missing = await admin.post('/api/centres', { name: '   ' });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toBe('Le champ « name » est obligatoire.');
    });

    it('trims strings', async () => {
      const res = await admin.post(`/api/centres/${String(centreA.id)}/sites`, {
        name: '  Site de Bron  ',
      });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('Site de Bron');
    });

    it('refuses a CCP session without CCPs and unknown CCP codes', async () => {
      const none = await manager.post('/api/sessions', {
        ...ids(),
        nature: 'CCP',
        startDate: '2027-06-14',
        endDate: '2027-06-18',
      });
      expect(none.status).toBe(400);
      expect(none.body.message).toContain('« ccpCodes » est obligatoire');
      const unknown = await manager.post('/api/sessions', {
        ...ids(),
        nature: 'CCP',
        ccpCodes: ['CCP9'],
        startDate: '2027-06-14',
        endDate: '2027-06-18',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('CCP9');
    });

    it('answers malformed JSON, oversized bodies, wrong-type and unknown ids with a 4xx', async () => {
      const malformed = await request(t.http)
        .post('/api/centres')
        .set('Authorization', `Bearer ${await t.login(ADMIN.email, ADMIN.password)}`)
        .set('Content-Type', 'application/json')
        .send('{"name": "Centre",');
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toBe('Le corps de la requête n’est pas un JSON valide.');
      const big = await admin.post('/api/centres', { name: 'x', address: 'y'.repeat(1_100_000) });
      expect(big.status).toBe(413);
      expect(big.body.message).toContain('1 Mo');
      const wrongType = await manager.get('/api/sessions/42');
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.message).toBe(
        'Le paramètre « id » doit être un identifiant valide (UUID).',
      );
      const unknown = await manager.get('/api/sessions/7d3f3c8e-0d1c-4b6f-9a51-1f0f4b7a2c11');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, message: 'Session introuvable.' });
      const route = await manager.get('/api/nothing-here');
      expect(route.status).toBe(404);
      expect(route.body.message).toContain('Route introuvable');
    });
  });

  describe('access', () => {
    it('hides another centre’s data: 404 and absent from lists', async () => {
      const sessionA = await aSession(manager, ids());
      const { centre: centreB } = await aCentre(admin, { name: 'Centre de Brest' });
      const b = await aUser(admin, 'manager', [String(centreB.id)]);
      const managerB = t.as(await t.login(b.email, b.password));
      expect((await managerB.get(`/api/sessions/${String(sessionA.id)}`)).status).toBe(404);
      expect(
        (
          await managerB.patch(`/api/sessions/${String(sessionA.id)}`, {
            location: 'Brest',
            version: sessionA.version,
          })
        ).status,
      ).toBe(404);
      expect((await managerB.get(`/api/sessions/${String(sessionA.id)}/audit`)).status).toBe(404);
      expect((await managerB.get(`/api/centres/${String(centreA.id)}`)).status).toBe(404);
      const list = await managerB.get('/api/sessions');
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
      const filtered = await managerB.get(`/api/sessions?centreId=${String(centreA.id)}`);
      expect(filtered.body).toEqual([]);
      expect((await managerB.get('/api/centres')).body).toEqual([
        expect.objectContaining({ name: 'Centre de Brest' }),
      ]);
      const create = await managerB.post('/api/sessions', {
        ...ids(),
        nature: 'TITRE',
        startDate: '2027-06-14',
        endDate: '2027-06-18',
      });
      expect(create.status).toBe(404);
      expect((await managerB.get('/api/users')).status).toBe(403);
    });

    it('lets a viewer read but not write', async () => {
      const session = await aSession(manager, ids());
      const v = await aUser(admin, 'viewer', [String(centreA.id)]);
      const viewer = t.as(await t.login(v.email, v.password));
      expect((await viewer.get(`/api/sessions/${String(session.id)}`)).status).toBe(200);
      const write = await viewer.patch(`/api/sessions/${String(session.id)}`, {
        location: 'Ailleurs',
      });
      expect(write.status).toBe(403);
      expect(write.body.message).toContain('lecture seule');
      expect(
        (
          await viewer.post('/api/sessions', {
            ...ids(),
            nature: 'TITRE',
            startDate: '2027-06-14',
            endDate: '2027-06-18',
          })
        ).status,
      ).toBe(403);
    });

    it('refuses missing, unknown, revoked and expired tokens', async () => {
      expect((await request(t.http).get('/api/sessions')).status).toBe(401);
      expect((await t.as('jln_nope').get('/api/sessions')).status).toBe(401);
      const token = await t.login(ADMIN.email, ADMIN.password);
      expect((await t.as(token).get('/api/auth/me')).status).toBe(200);
      t.clock.advance(13 * 3_600_000);
      const expired = await t.as(token).get('/api/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body.message).toContain('expiré');
      const fresh = await t.login(ADMIN.email, ADMIN.password);
      expect((await t.as(fresh).post('/api/auth/logout')).status).toBe(204);
      expect((await t.as(fresh).get('/api/auth/me')).status).toBe(401);
      admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const m = await aUser(admin, 'manager', [String(centreA.id)]);
      manager = t.as(await t.login(m.email, m.password));
    });

    it('rate-limits failed logins', async () => {
      const email = 'personne@jalon.test';
      for (let i = 0; i < 5; i++) {
        const res = await request(t.http)
          .post('/api/auth/token')
          .send({ email, password: 'mauvais-mot-de-passe' });
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('E-mail ou mot de passe incorrect.');
      }
      const blocked = await request(t.http)
        .post('/api/auth/token')
        .send({ email, password: 'mauvais-mot-de-passe' });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toContain('Trop de tentatives');
    });
  });

  describe('sessions and the audit log', () => {
    it('records who changed what, postpones with history, cancels with a reason, and refuses stale writes', async () => {
      const session = await aSession(manager, ids());
      const id = String(session.id);
      const v1 = Number(session.version);
      const moved = await manager.patch(`/api/sessions/${id}`, {
        startDate: '2027-09-13',
        endDate: '2027-09-17',
        reason: 'Plateau technique indisponible',
        version: v1,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ status: 'POSTPONED', startDate: '2027-09-13' });
      expect(moved.body.dateHistory).toEqual([
        expect.objectContaining({
          previousStartDate: '2027-06-14',
          previousEndDate: '2027-06-18',
          newStartDate: '2027-09-13',
          reason: 'Plateau technique indisponible',
        }),
      ]);
      const stale = await manager.patch(`/api/sessions/${id}`, {
        location: 'Salle B',
        version: v1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toContain('modifié');
      expect((await manager.get(`/api/sessions/${id}`)).body.location).toBe(
        'Salle Molière, 12 rue de la Paix, Vénissieux',
      );
      const candidate = await aCandidate(manager, id);
      const cancelled = await manager.post(`/api/sessions/${id}/cancel`, {
        reason: 'Effectif insuffisant',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'Effectif insuffisant',
      });
      const audit = await manager.get(`/api/sessions/${id}/audit`);
      expect(audit.status).toBe(200);
      const entries = audit.body as Body[];
      expect(entries[0]).toMatchObject({ entity: 'session', action: 'create' });
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            action: 'postpone',
            field: 'startDate',
            before: '2027-06-14',
            after: '2027-09-13',
          }),
          expect.objectContaining({
            action: 'postpone',
            field: 'status',
            before: 'PLANNED',
            after: 'POSTPONED',
          }),
          expect.objectContaining({
            entity: 'candidate',
            entityId: candidate.id,
            action: 'create',
          }),
          expect.objectContaining({
            action: 'cancel',
            field: 'cancelReason',
            after: 'Effectif insuffisant',
          }),
        ]),
      );
      for (const e of entries) expect(typeof e.actorEmail).toBe('string');
      expect((await manager.delete(`/api/sessions/${id}/audit`)).status).toBe(404);
      expect((await manager.patch(`/api/sessions/${id}/audit`, {})).status).toBe(404);
    });
  });
});

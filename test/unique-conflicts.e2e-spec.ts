import { jest } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { QueryFailedError, Repository } from 'typeorm';
import { Database } from '../src/database/database.js';
import { ConstraintErrors } from '../src/database/constraint-errors.js';
import { SessionIncident } from '../src/incidents/session-incident.entity.js';
import { SessionStaff } from '../src/jury/session-staff.entity.js';
import { Titre } from '../src/titres/titre.entity.js';
import { User } from '../src/users/user.entity.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin } from './support/web-form-client.js';

type Body = Record<string, unknown>;
interface Answer {
  status: number;
  body: Body;
}

jest.setTimeout(60_000);

const TIMES = 10;

/** The same request ten times at once. */
function tenAtOnce(send: () => Promise<{ status: number; body: unknown }>): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: TIMES }, async () => {
      const res = await send();
      return { status: res.status, body: res.body as Body };
    }),
  );
}

/** Every refusal is a 409 in the API's error shape, with a French message naming the fields. */
function expectConflicts(answers: Answer[], fields: string[]): void {
  for (const answer of answers.filter((a) => a.status === 409)) {
    expect(answer.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: expect.any(String) as unknown,
      // The field travels as data too (issue 12): the first field of the key carries the message.
      fields: [{ field: fields[0], message: answer.body.message }],
    });
    for (const field of fields) expect(answer.body.message).toContain(`« ${field} »`);
  }
}

/** Exactly one creation, nine 409 naming the fields. */
function expectOneCreated(answers: Answer[], fields: string[]): void {
  expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(TIMES - 1).fill(409)]);
  expectConflicts(answers, fields);
}

describe(`unique values under concurrency (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let centreId: string;
  let siteId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    siteId = String(site.id);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('creates one account for ten identical creations; the others answer 409 naming « email »', async () => {
    const body = {
      email: 'Concurrent@Jalon.test',
      password: 'un-mot-de-passe-solide',
      role: 'manager',
      centreIds: [centreId],
    };
    const answers = await tenAtOnce(() => admin.post('/api/users', body));
    expectOneCreated(answers, ['email']);
    const users = (await admin.get('/api/users')).body as { email: string }[];
    expect(users.filter((u) => u.email === 'concurrent@jalon.test')).toHaveLength(1);
  });

  it('creates one titre for ten identical creations; the others answer 409 naming « code » and « version »', async () => {
    const body = {
      code: 'CONC',
      label: 'Titre créé dix fois à la fois',
      version: '2026',
      validUntil: '2030-12-31',
      ccps: [{ code: 'CCP1', label: 'Premier bloc' }],
    };
    const answers = await tenAtOnce(() => admin.post('/api/titres', body));
    expectOneCreated(answers, ['code', 'version']);
    const titres = (await admin.get('/api/titres')).body as { code: string }[];
    expect(titres.filter((x) => x.code === 'CONC')).toHaveLength(1);
  });

  describe('a session', () => {
    let sessionPath: string;
    let memberId: string;
    let candidateId: string;

    beforeAll(async () => {
      const titre = await aTitre(admin);
      const session = await aSession(admin, { centreId, siteId, titreId: String(titre.id) });
      sessionPath = `/api/sessions/${String(session.id)}`;
      const member = await admin.post('/api/jury-members', {
        centreId,
        lastName: 'Lambert',
        firstName: 'Jean',
        email: 'jean.lambert@example.fr',
        habilitations: [{ titreId: titre.id, validUntil: '2029-12-31' }],
      });
      expect(member.status).toBe(201);
      memberId = String((member.body as Body).id);
      candidateId = String((await aCandidate(admin, String(session.id))).id);
    });

    it('assigns a jury member once for ten identical assignments; the others answer 409 naming « juryMemberId »', async () => {
      const answers = await tenAtOnce(() =>
        admin.post(`${sessionPath}/jury`, { juryMemberId: memberId, role: 'JURY' }),
      );
      expectOneCreated(answers, ['juryMemberId']);
      expect((await admin.get(`${sessionPath}/jury`)).body).toHaveLength(1);
    });

    it('records one link declaration for ten identical ones, never a 500', async () => {
      const answers = await tenAtOnce(() =>
        admin.post(`${sessionPath}/link-declarations`, {
          juryMemberId: memberId,
          candidateId,
          hasLink: false,
        }),
      );
      // A declaration replaces the previous one for the pair: a request that sees the first
      // one committed updates it (201); one that raced its insertion is refused (409).
      expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
      expect(answers.some((a) => a.status === 201)).toBe(true);
      expectConflicts(answers, ['juryMemberId', 'candidateId']);
      expect((await admin.get(`${sessionPath}/link-declarations`)).body).toHaveLength(1);
    });
  });

  it('gives one calendar feed for ten rotations at once, never a 500', async () => {
    const user = await aUser(admin, 'viewer', [centreId]);
    const viewer = t.as(await t.login(user.email, user.password));
    const answers = await tenAtOnce(() => viewer.post('/api/me/calendar-feed'));
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    expect(answers.some((a) => a.status === 201)).toBe(true);
    expectConflicts(answers, ['userId']);
    expect((await viewer.get('/api/me/calendar-feed')).body).toMatchObject({ active: true });
  });

  it('stores one reminder policy for ten first settings at once, never a 500', async () => {
    const { centre } = await aCentre(admin, { name: 'Centre des rappels' });
    const answers = await tenAtOnce(() =>
      admin.put(`/api/centres/${String(centre.id)}/reminder-policy`, {
        offsets: [10, 3],
        overdueEveryDays: 2,
      }),
    );
    expect(answers.filter((a) => a.status !== 200 && a.status !== 409)).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    expectConflicts(answers, ['centreId']);
  });

  describe('past the services’ own checks (as when two requests pass them together)', () => {
    it('answers 409 naming « email » when the database refuses a second account', async () => {
      const body = {
        email: 'course@jalon.test',
        password: 'un-mot-de-passe-solide',
        role: 'admin',
      };
      expect((await admin.post('/api/users', body)).status).toBe(201);
      jest.spyOn(Repository.prototype, 'exists').mockResolvedValue(false);
      const again = await admin.post('/api/users', body);
      const message = 'Un compte existe déjà pour cette adresse e-mail (champ « email »).';
      expect(again.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message,
        fields: [{ field: 'email', message }],
      });
    });

    it('answers 409 naming « code » and « version » when the database refuses a second titre', async () => {
      const body = {
        code: 'COURSE',
        label: 'Titre en course',
        version: '2026',
        validUntil: '2030-12-31',
        ccps: [{ code: 'CCP1', label: 'Premier bloc' }],
      };
      expect((await admin.post('/api/titres', body)).status).toBe(201);
      jest.spyOn(Repository.prototype, 'exists').mockResolvedValue(false);
      const again = await admin.post('/api/titres', body);
      const message = 'Ce titre existe déjà dans cette version (champs « code » et « version »).';
      expect(again.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message,
        fields: [{ field: 'code', message }],
      });
      expect(
        ((await admin.get('/api/titres')).body as { code: string }[]).filter(
          (x) => x.code === 'COURSE',
        ),
      ).toHaveLength(1);
    });

    it('shows the dashboard’s form a 409 page naming the field, not a 500', async () => {
      const web = await webLogin(t.http, ADMIN.email, ADMIN.password);
      const form = {
        email: 'formulaire@jalon.test',
        role: 'admin',
        password: 'un-mot-de-passe-solide',
      };
      expect((await web.post('/users', form)).status).toBe(303);
      const checked = await web.post('/users', form);
      expect(checked.status).toBe(409);
      expect(htmlText(checked.text)).toContain(
        "Un compte existe déjà pour l'adresse formulaire@jalon.test (champ « Adresse e-mail »).",
      );
      jest.spyOn(Repository.prototype, 'exists').mockResolvedValue(false);
      const raced = await web.post('/users', form);
      expect(raced.status).toBe(409);
      expect(htmlText(raced.text)).toContain(
        'Un compte existe déjà pour cette adresse e-mail (champ « email »).',
      );
    });

    it('maps the driver’s refusal of a duplicate row through the entity metadata', async () => {
      const db = t.app.get(Database);
      const constraints = t.app.get(ConstraintErrors);
      const [user] = await db.read((m) => m.getRepository(User).find({ take: 1 }));
      const refusal = await db
        .transaction((m) => m.getRepository(User).insert({ ...user, id: undefined }))
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(QueryFailedError);
      const mapped = constraints.toHttpException(refusal);
      expect(mapped).toBeInstanceOf(HttpException);
      expect(mapped?.getStatus()).toBe(409);
      expect(mapped?.message).toBe(
        'Un compte existe déjà pour cette adresse e-mail (champ « email »).',
      );
      const [titre] = await db.read((m) => m.getRepository(Titre).find({ take: 1 }));
      const titreRefusal = await db
        .transaction((m) => m.getRepository(Titre).insert({ ...titre, id: undefined }))
        .catch((error: unknown) => error);
      expect(constraints.toHttpException(titreRefusal)?.message).toBe(
        'Ce titre existe déjà dans cette version (champs « code » et « version »).',
      );
      const [staff] = await db.read((m) => m.getRepository(SessionStaff).find({ take: 1 }));
      const staffRefusal = await db
        .transaction((m) => m.getRepository(SessionStaff).insert({ ...staff, id: undefined }))
        .catch((error: unknown) => error);
      expect(constraints.toHttpException(staffRefusal)?.message).toContain('« juryMemberId »');
    });

    it('maps a row that points to a deleted one to 404 naming the field', async () => {
      const db = t.app.get(Database);
      const constraints = t.app.get(ConstraintErrors);
      const titre = await aTitre(admin);
      const session = await aSession(admin, { centreId, siteId, titreId: String(titre.id) });
      const refusal = await db
        .transaction((m) =>
          m.getRepository(SessionIncident).insert({
            sessionId: String(session.id),
            candidateId: '00000000-0000-4000-8000-000000000000',
            kind: 'INCIDENT',
            occurredOn: '2027-06-14',
            description: 'Candidat supprimé entre-temps',
            measures: '',
            createdAt: new Date().toISOString(),
            createdBy: '00000000-0000-4000-8000-000000000001',
            createdByEmail: ADMIN.email,
          }),
        )
        .catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(QueryFailedError);
      const mapped = constraints.toHttpException(refusal);
      expect(mapped?.getStatus()).toBe(404);
      if (testDbKind() === 'postgres') expect(mapped?.message).toContain('« candidateId »');
    });
  });
});

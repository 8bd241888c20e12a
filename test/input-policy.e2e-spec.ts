/**
 * Issue 12, the validation policy of DTOs, route parameters and query strings: text policy (NFC,
 * control / NUL / lone surrogate / bidi / zero-width refused), one message per field, dates within
 * 1900-01-01…2100-12-31, `null` in PATCH bodies, canonical (lower-case) UUIDs and required
 * versions. Run on SQLite and PostgreSQL (JALON_TEST_DB=postgres).
 */
import { jest } from '@jest/globals';
import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;
interface FieldMessage {
  field: string;
  message: string;
}

jest.setTimeout(60_000);

const RANGE = 'comprise entre le 01/01/1900 et le 31/12/2100';

/** The answer is a 400 whose `fields` are exactly these (field → message or pattern). */
function expectFields(
  res: request.Response,
  expected: Record<string, string | RegExp>,
  status = 400,
): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  const fields = (res.body as { fields?: FieldMessage[] }).fields ?? [];
  expect(fields.map((f) => f.field).sort()).toEqual(Object.keys(expected).sort());
  for (const f of fields) {
    const want = expected[f.field];
    if (typeof want === 'string') expect(f.message).toBe(want);
    else expect(f.message).toMatch(want);
  }
}

describe('input policy (issue 12)', () => {
  let t: TestApp;
  let admin: Client;
  let web: WebClient;
  let centreId: string;
  let siteId: string;
  let titreId: string;
  let session: Body;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    siteId = String(site.id);
    titreId = String((await aTitre(admin)).id);
    session = await aSession(admin, { centreId, siteId, titreId });
    sessionId = String(session.id);
    web = await webLogin(t.http, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('text', () => {
    it('refuses a NUL in any text field with a French message naming it (not a 500 on PostgreSQL)', async () => {
      expectFields(await admin.post('/api/centres', { name: 'Centre\u0000X' }), {
        name: 'Le champ « name » contient un caractère de contrôle (U+0000) en position 7 : retirez-le.',
      });
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/candidates`, {
          lastName: 'A\u0000',
          firstName: 'B',
        }),
        {
          lastName: /^Le champ « lastName » contient un caractère de contrôle \(U\+0000\)/,
        },
      );
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/incidents`, {
          kind: 'INCIDENT',
          occurredOn: '2027-06-14',
          description: 'Panne\u0000',
        }),
        { description: /caractère de contrôle \(U\+0000\)/ },
      );
      const before = (await admin.get(`/api/sessions/${sessionId}`)).body as Body;
      expectFields(
        await admin.patch(`/api/sessions/${sessionId}`, {
          location: 'Salle\u0000',
          version: before.version,
        }),
        { location: /caractère de contrôle \(U\+0000\)/ },
      );
      expect(((await admin.get(`/api/sessions/${sessionId}`)).body as Body).location).toBe(
        before.location,
      );
    });

    it('refuses a lone UTF-16 surrogate in an e-mail, login included', async () => {
      const login = await request(t.http)
        .post('/api/auth/token')
        .send({ email: 'a\ud800@jalon.test', password: 'x' });
      expectFields(login, {
        email: /^Le champ « email » contient un caractère Unicode incomplet \(U\+D800\)/,
      });
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/candidates`, {
          lastName: 'Martin',
          firstName: 'Léa',
          email: 'lea\udc00@example.fr',
        }),
        { email: /caractère Unicode incomplet \(U\+DC00\)/ },
      );
      expectFields(
        await admin.post('/api/users', {
          email: 'x@jalon.test',
          password: 'un mot de passe\ud83d',
          role: 'viewer',
        }),
        { password: /caractère Unicode incomplet \(U\+D83D\)/ },
      );
    });

    it('refuses bidi and zero-width characters, and stores text in NFC', async () => {
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/candidates`, {
          lastName: 'Du\u200bpont',
          firstName: 'A\u202eB',
        }),
        {
          lastName:
            'Le champ « lastName » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
          firstName:
            'Le champ « firstName » contient un caractère invisible qui inverse le sens d’écriture (U+202E) en position 2 : retirez-le.',
        },
      );
      const candidate = await aCandidate(admin, sessionId, {
        lastName: 'Ame\u0301lie',
        firstName: ' Zoe\u0308 ',
        email: null,
      });
      expect(candidate.lastName).toBe('Amélie');
      expect(candidate.firstName).toBe('Zoë');
    });

    it('allows line breaks in multi-line fields only', async () => {
      const candidate = await aCandidate(admin, sessionId, {
        lastName: 'Lefèvre',
        address: '3 place Bellecour\r\n69002 Lyon',
        accommodationDetails: 'Tiers temps\nSalle au rez-de-chaussée',
      });
      expect(candidate.address).toBe('3 place Bellecour\r\n69002 Lyon');
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/candidates`, {
          lastName: 'Le\nfèvre',
          firstName: 'Anne',
        }),
        { lastName: /^Le champ « lastName » contient un saut de ligne ou une tabulation/ },
      );
    });

    it('applies the same policy to the dashboard forms, every field at once', async () => {
      const res = await web.post(`/sessions/${sessionId}/candidates/new`, {
        lastName: 'Du\u200bpont',
        firstName: 'Anne\u0000',
        birthDate: '1899-12-31',
        address: '3 place Bellecour\r\n69002 Lyon',
      });
      expect(res.status).toBe(400);
      const text = htmlText(res.text);
      expect(text).toContain(
        'contient un caractère invisible (sans chasse) (U+200B) en position 3',
      );
      expect(text).toContain('contient un caractère de contrôle (U+0000) en position 5');
      expect(text).toContain(RANGE);
      expect(text).not.toContain('« Adresse postale » contient');
    });

    it('gives one message per field, all fields at once, type first', async () => {
      expectFields(
        await admin.post(`/api/sessions/${sessionId}/candidates`, {
          lastName: 12,
          firstName: ['x'],
          email: 'pas-une-adresse',
          birthDate: 19900412,
        }),
        {
          lastName: 'Le champ « lastName » doit être un texte.',
          firstName: 'Le champ « firstName » doit être un texte.',
          email: 'Le champ « email » doit être une adresse e-mail valide.',
          birthDate: `Le champ « birthDate » doit être une date existante au format AAAA-MM-JJ, ${RANGE}.`,
        },
      );
      expectFields(await admin.post('/api/centres', { name: 'x'.repeat(201) }), {
        name: 'Le champ « name » ne doit pas dépasser 200 caractères.',
      });
      expectFields(await admin.post('/api/centres', {}), {
        name: 'Le champ « name » est obligatoire.',
      });
    });
  });

  describe('dates', () => {
    it.each(['9995-01-01', '0001-01-01', '9994-12-31', '1899-12-31', '2101-01-01'])(
      'refuses a session on %s with the range',
      async (date) => {
        expectFields(
          await admin.post('/api/sessions', {
            centreId,
            siteId,
            titreId,
            nature: 'TITRE',
            startDate: date,
            endDate: date,
          }),
          {
            startDate: `Le champ « startDate » doit être une date existante au format AAAA-MM-JJ, ${RANGE}.`,
            endDate: `Le champ « endDate » doit être une date existante au format AAAA-MM-JJ, ${RANGE}.`,
          },
        );
      },
    );

    it('refuses far dates in query strings too', async () => {
      expectFields(await admin.get('/api/sessions?from=9999-01-01'), {
        from: `Le champ « from » doit être une date existante au format AAAA-MM-JJ, ${RANGE}.`,
      });
    });

    it('serves a session ending on 2100-12-31 everywhere', async () => {
      const last = await aSession(
        admin,
        { centreId, siteId, titreId },
        { startDate: '2100-12-27', endDate: '2100-12-31' },
      );
      const id = String(last.id);
      await aCandidate(admin, id);
      expect((await admin.get(`/api/sessions/${id}`)).status).toBe(200);
      expect((await admin.get(`/api/sessions/${id}/tasks`)).status).toBe(200);
      expect((await admin.get(`/api/sessions/${id}/calendar.ics`)).status).toBe(200);
      expect((await admin.get(`/api/sessions/${id}/documents`)).status).toBe(200);
      expect((await admin.get(`/api/sessions/${id}/compliance`)).status).toBe(200);
      expect((await web.get(`/sessions/${id}`)).status).toBe(200);
      expect((await web.get(`/sessions/${id}/documents`)).status).toBe(200);
      expect((await web.get('/calendar?month=2100-12')).status).toBe(200);
      expect((await web.get('/calendar?month=2101-01')).status).toBe(200);
      const feed = await admin.post('/api/me/calendar-feed');
      const path = new URL(String((feed.body as Body).url)).pathname;
      t.clock.set('2100-12-01T09:00:00Z');
      try {
        expect((await request(t.http).get(path)).status).toBe(200);
      } finally {
        t.clock.set('2027-03-01T09:00:00Z');
      }
    });

    it('serves a session starting on 1900-01-01 (deadlines computed before 1900)', async () => {
      const first = await aSession(
        admin,
        { centreId, siteId, titreId },
        { startDate: '1900-01-01', endDate: '1900-01-05' },
      );
      const id = String(first.id);
      const tasks = (await admin.get(`/api/sessions/${id}/tasks`)).body as Body[];
      expect(tasks.some((task) => String(task.dueDate) < '1900-01-01')).toBe(true);
      expect((await admin.get(`/api/sessions/${id}/calendar.ics`)).status).toBe(200);
      expect((await admin.get(`/api/sessions/${id}/compliance`)).status).toBe(200);
      expect((await web.get(`/sessions/${id}`)).status).toBe(200);
      expect((await web.get('/calendar?month=1900-01')).status).toBe(200);
    });

    it('shows the current month with a French message for a month out of range', async () => {
      for (const month of ['9999-12', '0001-01', '1899-12', '2101-02']) {
        const res = await web.get(`/calendar?month=${month}`);
        expect(res.status).toBe(200);
        expect(htmlText(res.text)).toContain(
          'Le paramètre « Mois » doit être un mois existant au format AAAA-MM, compris entre 1900-01 et 2100-12 : le mois en cours est affiché.',
        );
        expect(htmlText(res.text)).toContain('mars 2027');
      }
    });
  });

  describe('null in PATCH bodies', () => {
    it.each(['siteId', 'location', 'startTime', 'ccpCodes', 'nature', 'startDate', 'status'])(
      'refuses null for the session’s %s',
      async (field) => {
        const before = (await admin.get(`/api/sessions/${sessionId}`)).body as Body;
        expectFields(
          await admin.patch(`/api/sessions/${sessionId}`, {
            [field]: null,
            version: before.version,
          }),
          { [field]: `Le champ « ${field} » ne peut pas être vide (null).` },
        );
      },
    );

    it('never answers 500 for null in the reminder policy (PUT)', async () => {
      const res = await admin.put(`/api/centres/${centreId}/reminder-policy`, {
        offsets: [7, 1],
        overdueEveryDays: 7,
        enabled: null,
      });
      expect(res.status).toBeLessThan(500);
      expectFields(
        await admin.put(`/api/centres/${centreId}/reminder-policy`, {
          offsets: null,
          overdueEveryDays: null,
        }),
        {
          offsets: 'Le champ « offsets » est obligatoire.',
          overdueEveryDays: 'Le champ « overdueEveryDays » est obligatoire.',
        },
      );
    });

    it('clears the deputy manager with null (a nullable column)', async () => {
      const before = (await admin.get(`/api/sessions/${sessionId}`)).body as Body;
      const res = await admin.patch(`/api/sessions/${sessionId}`, {
        deputyManagerId: null,
        version: before.version,
      });
      expect(res.status).toBe(200);
      expect((res.body as Body).deputyManagerId).toBeNull();
    });

    it('refuses null for a candidate’s, a task’s and a jury member’s non-nullable fields', async () => {
      const candidate = await aCandidate(admin, sessionId, { lastName: 'Nul' });
      for (const field of ['lastName', 'address', 'pathway', 'results', 'otherDocuments']) {
        expectFields(
          await admin.patch(`/api/sessions/${sessionId}/candidates/${String(candidate.id)}`, {
            [field]: null,
            version: candidate.version,
          }),
          { [field]: `Le champ « ${field} » ne peut pas être vide (null).` },
        );
      }
      const cleared = await admin.patch(
        `/api/sessions/${sessionId}/candidates/${String(candidate.id)}`,
        { phone: null, birthDate: null, version: candidate.version },
      );
      expect(cleared.status).toBe(200);
      expect((cleared.body as Body).birthDate).toBeNull();

      const tasks = (await admin.get(`/api/sessions/${sessionId}/tasks`)).body as Body[];
      const task = tasks[0];
      for (const field of ['observations', 'reason', 'doneAt']) {
        expectFields(
          await admin.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
            status: 'todo',
            [field]: null,
            version: task.version,
          }),
          { [field]: `Le champ « ${field} » ne peut pas être vide (null).` },
        );
      }

      const member = await admin.post('/api/jury-members', {
        centreId,
        lastName: 'Durand',
        firstName: 'Claire',
        email: 'claire.durand@example.fr',
      });
      expect(member.status).toBe(201);
      for (const field of ['lastName', 'email', 'employer', 'professionalised']) {
        expectFields(
          await admin.patch(`/api/jury-members/${String((member.body as Body).id)}`, {
            [field]: null,
          }),
          { [field]: `Le champ « ${field} » ne peut pas être vide (null).` },
        );
      }
    });

    it('never answers 500 for null in an optional field of a creation', async () => {
      const candidate = await aCandidate(admin, sessionId, { lastName: 'Lien' });
      const member = (
        await admin.post('/api/jury-members', {
          centreId,
          lastName: 'Roux',
          firstName: 'Paul',
          email: 'paul.roux@example.fr',
          phone: null,
          employer: null,
          professionalised: null,
          habilitations: null,
        })
      ).body as Body;
      const bodies: [string, Body][] = [
        ['/api/centres', { name: 'C', siret: null, address: null, postalCode: null, city: null }],
        [
          `/api/centres/${centreId}/sites`,
          { name: 'S', address: null, postalCode: null, city: null },
        ],
        [
          '/api/sessions',
          {
            centreId,
            siteId,
            titreId,
            nature: 'TITRE',
            startDate: '2027-09-01',
            endDate: '2027-09-02',
            ccpCodes: null,
            startTime: null,
            location: null,
            managerId: null,
            deputyManagerId: null,
          },
        ],
        [
          `/api/sessions/${sessionId}/candidates`,
          {
            lastName: 'Null',
            firstName: 'Test',
            birthDate: null,
            email: null,
            phone: null,
            address: null,
            pathway: null,
            vaeValidUntil: null,
            accommodationRequested: null,
            accommodationDetails: null,
          },
        ],
        [
          `/api/sessions/${sessionId}/incidents`,
          {
            kind: 'INCIDENT',
            occurredOn: '2027-06-14',
            description: 'Panne',
            measures: null,
            candidateId: null,
          },
        ],
        [
          `/api/sessions/${sessionId}/link-declarations`,
          {
            juryMemberId: member.id,
            candidateId: candidate.id,
            hasLink: false,
            details: null,
            declaredOn: null,
          },
        ],
        [
          '/api/users',
          {
            email: 'n@jalon.test',
            password: 'un-mot-de-passe-solide',
            role: 'viewer',
            centreIds: null,
            firstName: null,
            lastName: null,
          },
        ],
      ];
      bodies.push(
        [
          '/api/agrements',
          {
            centreId,
            siteId,
            titreId,
            validUntil: '2029-12-31',
            maxCandidates: 12,
            technicalPlatform: null,
            reference: null,
          },
        ],
        [
          '/api/titres',
          {
            code: 'NUL1',
            label: 'Titre',
            version: '2024',
            validUntil: '2029-12-31',
            ccps: [{ code: 'CCP1', label: 'Un', kind: null }],
          },
        ],
        [
          `/api/jury-members/${String(member.id)}/habilitations`,
          { titreId, validUntil: '2029-12-31', ccpCodes: null },
        ],
      );
      for (const [path, body] of bodies) {
        const res = await admin.post(path, body);
        expect({
          path,
          status: res.status < 500 ? 'not 5xx' : res.status,
          body: res.body as unknown,
        }).toMatchObject({
          status: 'not 5xx',
        });
      }
    });
  });

  describe('UUIDs', () => {
    it('treats an uppercase id like its lower-case form', async () => {
      const upper = sessionId.toUpperCase();
      const res = await admin.get(`/api/sessions/${upper}`);
      expect(res.status).toBe(200);
      expect((res.body as Body).id).toBe(sessionId);
      expect((await admin.get(`/api/sessions/${upper}/tasks`)).status).toBe(200);
      expect((await web.get(`/sessions/${upper}`)).status).toBe(200);
      const candidate = await aCandidate(admin, upper, { lastName: 'Majuscule' });
      expect(candidate.sessionId).toBe(sessionId);
    });

    it('stores UUIDs of bodies and query strings in lower case', async () => {
      const created = await aSession(admin, {
        centreId: centreId.toUpperCase(),
        siteId: siteId.toUpperCase(),
        titreId: titreId.toUpperCase(),
      });
      expect(created.centreId).toBe(centreId);
      expect(created.siteId).toBe(siteId);
      expect(created.titreId).toBe(titreId);
      const listed = (await admin.get(`/api/sessions?siteId=${siteId.toUpperCase()}`))
        .body as Body[];
      expect(listed.map((s) => s.id)).toContain(created.id);
    });
  });

  describe('versions', () => {
    it('refuses an edit without its version', async () => {
      const missing = { version: 'Le champ « version » est obligatoire.' };
      expectFields(
        await admin.patch(`/api/sessions/${sessionId}`, { location: 'Salle 2' }),
        missing,
      );
      const candidate = await aCandidate(admin, sessionId, { lastName: 'Version' });
      expectFields(
        await admin.patch(`/api/sessions/${sessionId}/candidates/${String(candidate.id)}`, {
          phone: '0600000000',
        }),
        missing,
      );
      expectFields(
        await admin.patch(`/api/sessions/${sessionId}/candidates/${String(candidate.id)}`, {
          phone: '0600000000',
          version: null,
        }),
        missing,
      );
      const task = ((await admin.get(`/api/sessions/${sessionId}/tasks`)).body as Body[])[0];
      expectFields(
        await admin.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
          status: 'done',
        }),
        missing,
      );
    });
  });

  describe('query strings and route parameters', () => {
    it('refuses a query string value the text policy refuses, naming the parameter', async () => {
      const res = await web.get('/sessions?centre=%00');
      expect(res.status).toBe(400);
      expect(htmlText(res.text)).toContain(
        'Le paramètre « centre » contient un caractère de contrôle (U+0000) en position 1 : retirez-le.',
      );
      expectFields(await admin.get('/api/sessions?status=%E2%80%AEPLANNED'), {
        status:
          /^Le paramètre « status » contient un caractère invisible qui inverse le sens d’écriture/,
      });
      const feed = await request(t.http).get('/calendar/feed/%00abc.ics');
      expect(feed.status).toBe(400);
      // The route's own Content-Type (text/calendar) stays on its errors: read the JSON text.
      expect((JSON.parse(feed.text) as Body).message).toBe(
        'Le paramètre « file » contient un caractère de contrôle (U+0000) en position 1 : retirez-le.',
      );
    });
  });
});

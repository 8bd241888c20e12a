import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { jest } from '@jest/globals';
import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

jest.setTimeout(60_000);

const DEPTH_MESSAGE = 'Le corps de la requête est trop imbriqué (profondeur maximale : 32).';
const API_415 =
  'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).';

/** `[[[…]]]` nested `depth` times. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** The API's error shape with a French message. */
function expectApiError(res: request.Response | RawResponse, status: number, message?: string) {
  const body = 'body' in res ? (res.body as Body) : JSON.parse(res.text);
  expect({ status: res.status, body }).toEqual({
    status,
    body: expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: message ?? expect.any(String),
    }),
  });
  if (message === undefined) expect(body.message).toMatch(/[éèàùêç’«]/);
}

interface RawResponse {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

describe('request bodies: size, depth, keys, content types and encodings', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let token: string;
  let web: WebClient;
  let server: Server;
  let session: Body;
  let candidate: Body;
  let managerEmail: string;
  let managerPassword: string;

  /** A JSON request whose body is sent as written. */
  function jsonAs(bearer: string, method: 'post' | 'patch', path: string): request.Test {
    const agent = request(t.http);
    return (method === 'post' ? agent.post(path) : agent.patch(path))
      .set('Authorization', `Bearer ${bearer}`)
      .set('Content-Type', 'application/json');
  }

  /** A request with exactly these headers and bytes (supertest adds a Content-Type of its own). */
  function raw(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: Buffer | string,
  ): Promise<RawResponse> {
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    token = await t.login(ADMIN.email, ADMIN.password);
    admin = t.as(token);
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [String(centre.id)]);
    manager = t.as(await t.login(m.email, m.password));
    session = await aSession(manager, {
      centreId: String(centre.id),
      siteId: String(site.id),
      titreId: String(titre.id),
    });
    candidate = await aCandidate(manager, String(session.id));
    [managerEmail, managerPassword] = [m.email, m.password];
    web = await webLogin(t.http, m.email, m.password);
    server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await t.close();
  });

  describe('JSON depth and size, bounded before parsing', () => {
    it('refuses 4 KB of nested arrays on the unauthenticated login with 400, not 500', async () => {
      const res = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json')
        .send(nestedArrays(2048));
      expectApiError(res, 400, DEPTH_MESSAGE);
    });

    it('refuses nested objects and arrays inside a field on an authenticated route', async () => {
      const deepObject = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
      const res = await jsonAs(token, 'post', '/api/titres').send(
        `{"code":"TP-1","name":"x","ccps":${deepObject}}`,
      );
      expectApiError(res, 400, DEPTH_MESSAGE);
      const sessionPatch = await jsonAs(token, 'patch', `/api/sessions/${String(session.id)}`).send(
        `{"location":${nestedArrays(33)}}`,
      );
      expectApiError(sessionPatch, 400, DEPTH_MESSAGE);
    });

    it('counts depth outside strings only: brackets in a string or escaped quotes are text', async () => {
      const res = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: `a\\"[{${'['.repeat(5000)}@x.fr`, password: '"]]]' }));
      expect(res.status).not.toBe(500);
      expect((res.body as Body).message).not.toBe(DEPTH_MESSAGE);
      // 32 levels are allowed: the validation answers about the field, not the depth.
      const atLimit = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json')
        .send(`{"email":${nestedArrays(31)},"password":"x"}`);
      expect(atLimit.status).toBe(400);
      expect((atLimit.body as Body).message).not.toBe(DEPTH_MESSAGE);
    });

    it('refuses a body over 1 MB with 413 in French', async () => {
      const res = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1024 * 1024) }));
      expectApiError(
        res,
        413,
        'Le corps de la requête dépasse la taille maximale autorisée (1 Mo).',
      );
    });

    it('answers 400 in French for malformed JSON and a top-level scalar', async () => {
      const bad = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json')
        .send('{"email":');
      expectApiError(bad, 400, 'Le corps de la requête n’est pas un JSON valide.');
    });
  });

  describe('prototype keys', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'refuses « %s » anywhere in a JSON body, naming it',
      async (key) => {
        const top = await request(t.http)
          .post('/api/auth/token')
          .set('Content-Type', 'application/json')
          .send(`{"email":"a@b.fr","password":"x","${key}":{"isAdmin":true}}`);
        expectApiError(top, 400, `Le champ « ${key} » n’est pas autorisé.`);
        expect((top.body as Body).fields).toEqual([
          { field: key, message: `Le champ « ${key} » n’est pas autorisé.` },
        ]);
        const nested = await jsonAs(token, 'post', '/api/titres').send(
          `{"code":"TP-2","name":"x","ccps":[{"code":"C1","${key}":{"x":1}}]}`,
        );
        const message = `Le champ « ccps[0].${key} » n’est pas autorisé.`;
        expectApiError(nested, 400, message);
        expect((nested.body as Body).fields).toEqual([{ field: `ccps[0].${key}`, message }]);
      },
    );

    it('refuses them in a query string and in a form body', async () => {
      const query = await manager.get('/api/sessions?__proto__[x]=1');
      expectApiError(query, 400, 'Le champ « __proto__[x] » n’est pas autorisé.');
      const plain = await manager.get('/api/sessions?constructor=1');
      expectApiError(plain, 400, 'Le champ « constructor » n’est pas autorisé.');
      const page = await web.get('/sessions?prototype=1');
      expect(page.status).toBe(400);
      expect(htmlText(page.text)).toContain('Le champ « prototype » n’est pas autorisé.');
      const form = await request(t.http)
        .post('/login')
        .type('form')
        .send('email=a%40b.fr&password=x&__proto__=1');
      expect(form.status).toBe(400);
      expect(htmlText(form.text)).toContain('Le champ « __proto__ » n’est pas autorisé.');
    });
  });

  describe('paths', () => {
    it('answers 400 in French for a path parameter that is not valid percent-encoding', async () => {
      for (const path of ['/api/centres/%ZZ', '/api/sessions/%C0%80', '/calendar/feed/%.ics']) {
        const res = await manager.get(path);
        expectApiError(res, 400);
        expect((res.body as Body).message).toMatch(
          /^L’adresse demandée contient un paramètre mal encodé \(« .+ »\) : vérifiez le lien\.$/,
        );
      }
    });
  });

  describe('content types of the API', () => {
    it('answers 415 for JSON sent as text/plain, a form or multipart (login included)', async () => {
      const json = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });
      const textPlain = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'text/plain')
        .send(json);
      expectApiError(textPlain, 415, API_415);
      const form = await request(t.http)
        .post('/api/auth/token')
        .type('form')
        .send({ email: ADMIN.email, password: ADMIN.password });
      expectApiError(form, 415, API_415);
      const multipart = await request(t.http)
        .post('/api/auth/token')
        .field('email', ADMIN.email)
        .field('password', ADMIN.password);
      expectApiError(multipart, 415, API_415);
      const missing = await raw('POST', '/api/auth/token', {}, json);
      expectApiError(missing, 415, API_415);
    });

    it('refuses a PATCH with a non-JSON Content-Type instead of answering 200 unchanged', async () => {
      const path = `/api/sessions/${String(session.id)}`;
      const res = await raw(
        'PATCH',
        path,
        { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
        JSON.stringify({ location: 'Salle B' }),
      );
      expectApiError(res, 415, API_415);
      const put = await raw(
        'PUT',
        '/api/reminder-policy',
        { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        'enabled=true',
      );
      expectApiError(put, 415, API_415);
      const candidatePatch = await raw(
        'PATCH',
        `/api/sessions/${String(session.id)}/candidates/${String(candidate.id)}`,
        { Authorization: `Bearer ${token}` },
        '{"phone":"0600000000"}',
      );
      expectApiError(candidatePatch, 415, API_415);
      const read = await admin.get(path);
      expect((read.body as Body).location).toBe(session.location);
    });

    it('keeps the routes without a body working with an empty body and any Content-Type', async () => {
      const otherToken = await t.login(ADMIN.email, ADMIN.password);
      const feed = await raw('POST', '/api/me/calendar-feed', {
        Authorization: `Bearer ${token}`,
      });
      expect(feed.status).toBe(201);
      const feedTyped = await raw(
        'POST',
        '/api/me/calendar-feed',
        { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain', 'Content-Length': '0' },
        '',
      );
      expect(feedTyped.status).toBe(201);
      const cancel = await raw('POST', `/api/sessions/${String(session.id)}/cancel`, {
        Authorization: `Bearer ${token}`,
      });
      expectApiError(cancel, 400);
      expect(JSON.parse(cancel.text).fields).toEqual([
        expect.objectContaining({ field: 'reason' }),
      ]);
      const logout = await raw(
        'POST',
        '/api/auth/logout',
        { Authorization: `Bearer ${otherToken}`, 'Content-Type': 'text/plain' },
        '',
      );
      expect(logout.status).toBe(204);
    });

    it('accepts a JSON media type with parameters and a +json suffix', async () => {
      const res = await request(t.http)
        .post('/api/auth/token')
        .set('Content-Type', 'application/json; charset=UTF-8')
        .send(JSON.stringify({ email: ADMIN.email, password: ADMIN.password }));
      expect(res.status).toBe(200);
    });
  });

  describe('encodings and charsets', () => {
    const json = JSON.stringify({ email: ADMIN.email, password: ADMIN.password });

    it('reads a gzip body and refuses a bogus one with 400 in French', async () => {
      const good = await raw(
        'POST',
        '/api/auth/token',
        { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        gzipSync(json),
      );
      expect(good.status).toBe(200);
      const bad = await raw(
        'POST',
        '/api/auth/token',
        { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        json,
      );
      expectApiError(
        bad,
        400,
        'Le corps de la requête ne peut pas être décompressé (Content-Encoding : gzip).',
      );
      expect(bad.text).not.toMatch(/incorrect header|zlib/i);
      // Not declared JSON: the type is judged first, whatever the bytes.
      const untyped = await raw('POST', '/api/auth/token', { 'Content-Encoding': 'gzip' }, json);
      expect(untyped.status).toBe(415);
    });

    it('refuses an unknown Content-Encoding with 415 in French', async () => {
      const res = await raw(
        'POST',
        '/api/auth/token',
        { 'Content-Type': 'application/json', 'Content-Encoding': 'x-bogus' },
        json,
      );
      expectApiError(
        res,
        415,
        'Encodage du contenu « x-bogus » non pris en charge : envoyez le corps sans compression, ou en gzip, deflate ou br.',
      );
    });

    it('refuses a charset other than UTF-8 with 415, and invalid UTF-8 with 400', async () => {
      const utf16 = await raw(
        'POST',
        '/api/auth/token',
        { 'Content-Type': 'application/json; charset=utf-16' },
        Buffer.from(json, 'utf16le'),
      );
      expectApiError(
        utf16,
        415,
        'Jeu de caractères « utf-16 » non pris en charge : envoyez le corps en UTF-8.',
      );
      const invalid = await raw(
        'POST',
        '/api/auth/token',
        { 'Content-Type': 'application/json' },
        Buffer.concat([Buffer.from('{"email":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      );
      expectApiError(invalid, 400, 'Le corps de la requête n’est pas un texte UTF-8 valide.');
    });
  });

  describe('dashboard posts that are not URL-encoded', () => {
    const fakeId = '00000000-0000-4000-8000-000000000001';
    const routes = (): string[] => {
      const s = `/sessions/${String(session.id)}`;
      return [
        '/login',
        `${s}/tasks/${fakeId}`,
        '/calendar/feed/rotate',
        '/calendar/feed/revoke',
        '/users',
        '/centres',
        '/centres/sites',
        `${s}/candidates/import/confirm`,
        '/titres',
        `${s}/jury`,
        `${s}/jury/${fakeId}/remove`,
        `${s}/jury/declarations/${fakeId}`,
        `${s}/candidates/new`,
        `${s}/candidates/${String(candidate.id)}`,
        `${s}/candidates/${String(candidate.id)}/delete`,
        '/jury/new',
        `/jury/${fakeId}`,
        `/jury/${fakeId}/habilitations`,
        `${s}/incidents`,
        `${s}/incidents/${fakeId}/delete`,
        '/sessions/new',
        `${s}/edit`,
        `${s}/postpone`,
        `${s}/cancel`,
        '/agrements',
      ];
    };

    const UNSUPPORTED =
      'Type de contenu non pris en charge : ce formulaire s’envoie encodé (application/x-www-form-urlencoded).';

    it('answers 415 with the French error page for multipart, text/plain and JSON', async () => {
      const csrf = await web.csrf();
      const failures: string[] = [];
      for (const path of [...routes(), '/logout']) {
        const posts = [
          request(t.http)
            .post(path)
            .set('Cookie', web.cookie)
            .field('_csrf', csrf)
            .field('name', 'x'),
          request(t.http)
            .post(path)
            .set('Cookie', web.cookie)
            .set('X-CSRF-Token', csrf)
            .set('Content-Type', 'text/plain')
            .send('name=x'),
          request(t.http)
            .post(path)
            .set('Cookie', web.cookie)
            .set('X-CSRF-Token', csrf)
            .send({ _csrf: csrf, name: 'x' }),
        ];
        for (const res of await Promise.all(posts)) {
          const text = htmlText(res.text);
          if (
            res.status !== 415 ||
            !text.includes(UNSUPPORTED) ||
            !/text\/html/.test(String(res.headers['content-type']))
          ) {
            failures.push(`${path}: ${res.status} ${text.slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers htmx with the message in the alert zone', async () => {
      const res = await request(t.http)
        .post(`/sessions/${String(session.id)}/tasks/${fakeId}`)
        .set('Cookie', web.cookie)
        .set('HX-Request', 'true')
        .set('X-CSRF-Token', await web.csrf())
        .set('Content-Type', 'text/plain')
        .send('done=1');
      expect(res.status).toBe(415);
      expect(res.headers['hx-retarget']).toBe('#global-alert');
      expect(htmlText(res.text)).toContain(UNSUPPORTED);
    });

    it('gives an empty post (htmx, no Content-Type) an empty form: 403 without token, never 500', async () => {
      const csrf = await web.csrf();
      const failures: string[] = [];
      for (const path of routes()) {
        const withoutToken = await raw('POST', path, { Cookie: web.cookie });
        const withToken = await raw('POST', path, {
          Cookie: web.cookie,
          'X-CSRF-Token': csrf,
          'HX-Request': 'true',
        });
        const expectedWithout = path === '/login' ? [400, 403] : [403];
        if (!expectedWithout.includes(withoutToken.status)) {
          failures.push(`${path} without token: ${withoutToken.status}`);
        }
        if (withToken.status >= 500) failures.push(`${path} with token: ${withToken.status}`);
      }
      expect(failures).toEqual([]);
      // Logging out with an empty htmx post (own session: it ends the one it is sent with).
      const [email, password] = [managerEmail, managerPassword];
      const other = await webLogin(t.http, email, password);
      expect((await raw('POST', '/logout', { Cookie: other.cookie })).status).toBe(403);
      const out = await raw('POST', '/logout', {
        Cookie: other.cookie,
        'X-CSRF-Token': await other.csrf(),
      });
      expect(out.status).toBe(303);
    });

    it('still takes the CSV upload as multipart', async () => {
      const csrf = await web.csrf();
      const res = await request(t.http)
        .post(`/sessions/${String(session.id)}/candidates/import?_csrf=${encodeURIComponent(csrf)}`)
        .set('Cookie', web.cookie)
        .attach('file', Buffer.from('nom;prénom\r\nDurand;Zoé\r\n'), 'candidats.csv');
      expect(res.status).toBe(200);
      expect(htmlText(res.text)).toContain('Zoé');
    });

    it('lets the set-up page take JSON (scripts) as well as its form', async () => {
      const json = await request(t.http)
        .post('/setup')
        .send({
          token: 'x'.repeat(43),
          email: 'chef@centre.fr',
          password: 'un-mot-de-passe-solide',
        });
      const form = await request(t.http)
        .post('/setup')
        .type('form')
        .send({
          token: 'x'.repeat(43),
          email: 'chef@centre.fr',
          password: 'un-mot-de-passe-solide',
        });
      for (const res of [json, form]) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(415);
      }
      const textPlain = await request(t.http)
        .post('/setup')
        .set('Content-Type', 'text/plain')
        .send('token=x');
      expect(textPlain.status).toBe(415);
    });

    it('refuses a bogus Content-Encoding on a form with a French page', async () => {
      const res = await raw(
        'POST',
        '/login',
        { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'gzip' },
        'email=a&password=b',
      );
      expect(res.status).toBe(400);
      expect(htmlText(res.text)).toContain(
        'Le corps de la requête ne peut pas être décompressé (Content-Encoding : gzip).',
      );
    });

    it('refuses a form field that is not UTF-8 with 400 naming the field', async () => {
      const res = await raw(
        'POST',
        '/login',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'email=L%9Cvenbruck&password=b',
      );
      expect(res.status).toBe(400);
      expect(htmlText(res.text)).toContain('Le champ « email » n’est pas un texte UTF-8 valide.');
    });
  });
});

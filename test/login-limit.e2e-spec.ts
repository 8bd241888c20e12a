import { jest } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { Database } from '../src/database/database.js';
import { sqlRows, num } from '../src/database/sql-rows.js';
import { aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type TestApp } from './support/test-app.js';
import { csrfOf, htmlText } from './support/web-form-client.js';

// Argon2 checks on a loaded 2-core machine: each parallel burst can take a while.
jest.setTimeout(180_000);

const WRONG = 'mauvais-mot-de-passe';
const QUARTER_HOUR = 15 * 60_000;

function cookiePairs(res: request.Response): string[] {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((c) => c.split(';')[0]);
}

function apiLogin(http: App, email: string, password: string, from?: string): request.Test {
  const req = request(http).post('/api/auth/token');
  if (from) req.set('X-Forwarded-For', from);
  return req.send({ email, password });
}

interface LoginForm {
  cookie: string;
  csrf: string;
}

/** A fresh login page (its CSRF cookie and token), as a browser would load it. */
async function loginForm(http: App, from?: string): Promise<LoginForm> {
  const req = request(http).get('/login');
  if (from) req.set('X-Forwarded-For', from);
  const page = await req;
  return { cookie: cookiePairs(page).join('; '), csrf: csrfOf(page.text) };
}

function webLoginWith(
  http: App,
  form: LoginForm,
  email: string,
  password: string,
  from?: string,
): request.Test {
  const req = request(http).post('/login').set('Cookie', form.cookie);
  if (from) req.set('X-Forwarded-For', from);
  return req.type('form').send({ _csrf: form.csrf, email, password });
}

function statuses(responses: request.Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

async function throttleRows(t: TestApp): Promise<{ total: number; expired: number }> {
  const [row] = await t.app.get(Database).read((m) =>
    sqlRows<{ total: unknown; expired: unknown }>(
      m,
      `SELECT COUNT(*) AS "total",
              SUM(CASE WHEN "expiresAt" <= :now THEN 1 ELSE 0 END) AS "expired"
         FROM "login_throttle"`,
      { now: t.clock.nowIso() },
    ),
  );
  return { total: num(row.total), expired: num(row.expired) };
}

describe('login limit, no trusted proxy (default)', () => {
  let t: TestApp;
  let user: { email: string; password: string };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    user = await aUser(admin, 'admin', []);
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    // Each test starts after the previous one's windows have closed.
    t.clock.advance(QUARTER_HOUR + 60_000);
  });

  it('API: 30 wrong passwords at once check five of them; then the right one is refused (429)', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => apiLogin(t.http, user.email, WRONG)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(refused.body).toMatchObject({ statusCode: 429 });
    expect(refused.body.message).toMatch(
      /^Trop de tentatives de connexion échouées : réessayez dans \d+ minutes?\.$/,
    );
    const right = await apiLogin(t.http, user.email, user.password);
    expect(right.status).toBe(429);
    // The window closes 15 minutes after its first failure.
    t.clock.advance(QUARTER_HOUR);
    expect((await apiLogin(t.http, user.email, user.password)).status).toBe(200);
  });

  it('dashboard: 30 wrong passwords at once check five of them; then the right one is refused', async () => {
    const forms = await Promise.all(Array.from({ length: 31 }, () => loginForm(t.http)));
    const responses = await Promise.all(
      forms.slice(0, 30).map((form) => webLoginWith(t.http, form, user.email, WRONG)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    const refused = responses.find((r) => r.status === 429)!;
    expect(htmlText(refused.text)).toContain('Trop de tentatives de connexion échouées');
    const right = await webLoginWith(t.http, forms[30], user.email, user.password);
    expect(right.status).toBe(429);
    expect(cookiePairs(right).some((c) => c.startsWith('jalon_session='))).toBe(false);
  });

  it('API and dashboard share the count', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await apiLogin(t.http, user.email, WRONG)).status).toBe(401);
    }
    for (let i = 0; i < 2; i++) {
      const form = await loginForm(t.http);
      expect((await webLoginWith(t.http, form, user.email, WRONG)).status).toBe(401);
    }
    const form = await loginForm(t.http);
    expect((await webLoginWith(t.http, form, user.email, user.password)).status).toBe(429);
  });

  it('a success clears the failures of its e-mail and address', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await apiLogin(t.http, user.email, WRONG)).status).toBe(401);
    }
    expect((await apiLogin(t.http, user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await apiLogin(t.http, user.email, WRONG)).status).toBe(401);
    }
    expect((await apiLogin(t.http, user.email, WRONG)).status).toBe(429);
  });

  it('ignores X-Forwarded-For: a spoofed header does not give a new address', async () => {
    // This user has logged in from here before the attack.
    expect((await apiLogin(t.http, user.email, user.password)).status).toBe(200);
    // 25 unknown e-mails at once, each claiming another address: 20 failures from this address.
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        apiLogin(t.http, `inconnu-${i}@jalon.test`, WRONG, `203.0.113.${i + 1}`),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: 20, 429: 5 });
    expect((await apiLogin(t.http, 'autre@jalon.test', WRONG, '198.51.100.21')).status).toBe(429);
    // An account that never logged in from this address is refused too…
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const fresh = await aUser(admin, 'admin', []);
    expect((await apiLogin(t.http, fresh.email, fresh.password)).status).toBe(429);
    // …but someone who already did (the user above, and the administrator) still logs in.
    expect((await apiLogin(t.http, user.email, user.password)).status).toBe(200);
  });

  it('purges closed windows, so the table stays small', async () => {
    for (let i = 0; i < 3; i++) await apiLogin(t.http, `purge-${i}@jalon.test`, WRONG);
    const before = await throttleRows(t);
    expect(before.total).toBeGreaterThan(0);
    t.clock.advance(QUARTER_HOUR + 60_000);
    expect((await throttleRows(t)).expired).toBeGreaterThan(0);
    await apiLogin(t.http, 'purge-x@jalon.test', WRONG);
    expect((await throttleRows(t)).expired).toBe(0);
  });
});

describe('login limit behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    t.clock.advance(QUARTER_HOUR + 60_000);
  });

  it('the administrator logs in from another address while an attacker is locked out', async () => {
    const attacker = '203.0.113.66';
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => apiLogin(t.http, ADMIN.email, WRONG, attacker)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    expect((await apiLogin(t.http, ADMIN.email, ADMIN.password, attacker)).status).toBe(429);
    // A first login from a new address: the attacker's lock is not the administrator's.
    expect((await apiLogin(t.http, ADMIN.email, ADMIN.password, '198.51.100.7')).status).toBe(200);
    const form = await loginForm(t.http, '198.51.100.8');
    expect(
      (await webLoginWith(t.http, form, ADMIN.email, ADMIN.password, '198.51.100.8')).status,
    ).toBe(303);
  });

  it('many addresses together: at most 20 failures per account; the usual address still works', async () => {
    const usual = '198.51.100.9';
    expect((await apiLogin(t.http, ADMIN.email, ADMIN.password, usual)).status).toBe(200);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        apiLogin(t.http, ADMIN.email, WRONG, `203.0.113.${100 + (i % 8)}`),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: 20, 429: 20 });
    // A new address is refused while the account is under attack…
    expect((await apiLogin(t.http, ADMIN.email, ADMIN.password, '192.0.2.50')).status).toBe(429);
    // …an address the administrator logged in from is not.
    expect((await apiLogin(t.http, ADMIN.email, ADMIN.password, usual)).status).toBe(200);
  });

  it('each client address has its own per-address limit', async () => {
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        apiLogin(t.http, `x-${i}@jalon.test`, WRONG, '203.0.113.200'),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: 20, 429: 4 });
    expect((await apiLogin(t.http, 'x-0@jalon.test', WRONG, '203.0.113.201')).status).toBe(401);
  });

  it('groups IPv6 clients by /64', async () => {
    for (let i = 0; i < 5; i++) {
      const from = `2001:db8:1:2::${(i + 1).toString(16)}`;
      expect((await apiLogin(t.http, 'v6@jalon.test', WRONG, from)).status).toBe(401);
    }
    expect((await apiLogin(t.http, 'v6@jalon.test', WRONG, '2001:db8:1:2:ffff::1')).status).toBe(
      429,
    );
    expect((await apiLogin(t.http, 'v6@jalon.test', WRONG, '2001:db8:1:3::1')).status).toBe(401);
  });

  it('uses a Secure __Host- cookie when the trusted proxy says HTTPS', async () => {
    const page = await request(t.http).get('/login').set('X-Forwarded-Proto', 'https');
    const csrfCookie = cookiePairs(page).find((c) => c.startsWith('__Host-jalon_login_csrf='));
    expect(csrfCookie).toBeDefined();
    const res = await request(t.http)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', csrfCookie!)
      .type('form')
      .send({ _csrf: csrfOf(page.text), email: ADMIN.email, password: ADMIN.password });
    expect(res.status).toBe(303);
    const header = res.headers['set-cookie'] as unknown as string[];
    const cookie = header.find((c) => c.startsWith('__Host-jalon_session='))!;
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
  });
});

(testDbKind() === 'postgres' ? describe : describe.skip)(
  'two application instances on one PostgreSQL database',
  () => {
    it('share the limit: 30 wrong passwords spread over both check five', async () => {
      const a = await startTestApp();
      const b = await startTestApp({ databaseUrl: a.databaseUrl });
      try {
        const responses = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            apiLogin(i % 2 === 0 ? a.http : b.http, ADMIN.email, WRONG),
          ),
        );
        expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
        expect((await apiLogin(b.http, ADMIN.email, ADMIN.password)).status).toBe(429);
      } finally {
        await b.app.close();
        await a.close();
      }
    });
  },
);

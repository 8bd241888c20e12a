/**
 * Accounts (issue 16): changing one's password, the « Mot de passe oublié » link by e-mail (sent
 * through the outbox to a real SMTP server on loopback, read back with mailparser), and the
 * administrators' switch that disables an account.
 */
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { TokenService } from '../src/auth/token.service.js';
import { RESET_REQUEST_ANSWER } from '../src/auth/password-reset-rules.js';
import { Database } from '../src/database/database.js';
import { sqlRows } from '../src/database/sql-rows.js';
import { OutboxSender } from '../src/mail/outbox-sender.js';
import { aCentre, aUser } from './support/factories.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { csrfOf, htmlText, webLogin } from './support/web-form-client.js';

const APP_URL = 'http://jalon.example.fr';
const NEW_PASSWORD = 'une-phrase-toute-neuve';

function cookiesOf(res: request.Response): string {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((c) => c.split(';')[0]).join('; ');
}

describe(`accounts (${testDbKind()})`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let adminId: string;
  let centreId: string;

  const admin = async (): Promise<Client> =>
    t.as((await t.app.get(TokenService).issue(adminId)).token);

  const newUser = async (role: 'manager' | 'viewer' | 'admin' = 'manager') =>
    aUser(await admin(), role, role === 'admin' ? [] : [centreId]);

  /** Sends the outbox and returns the reset links the messages to `email` carry, in order. */
  const linksSentTo = async (email: string, from: number): Promise<string[]> => {
    expect((await t.app.get(OutboxSender).deliver()).failed).toEqual([]);
    const links: string[] = [];
    for (const mail of smtp.messages.slice(from)) {
      if (!mail.to.includes(email)) continue;
      const parsed = await simpleParser(mail.raw);
      expect(parsed.subject).toBe('Jalon : choisissez un nouveau mot de passe');
      const match = /http:\/\/jalon\.example\.fr\/password\/reset\?token=([\w-]+)/.exec(
        parsed.text ?? '',
      );
      expect(match).not.toBeNull();
      // The HTML part carries the same link.
      expect(htmlText(String(parsed.html))).toContain(match![0]);
      expect(parsed.text).toContain('expire une heure après la demande');
      links.push(match![0].slice(APP_URL.length));
    }
    return links;
  };

  /** Asks for a reset link as a browser does: the page, its CSRF cookie, then the form. */
  const forgot = async (email: string): Promise<request.Response> => {
    const page = await request(t.http).get('/password/forgot');
    expect(page.status).toBe(200);
    return request(t.http)
      .post('/password/forgot')
      .set('Cookie', cookiesOf(page))
      .type('form')
      .send({ _csrf: csrfOf(page.text), email });
  };

  /** Opens a reset link, then posts the new password with it (twice the same). */
  const reset = async (
    link: string,
    password: string,
    confirmation = password,
  ): Promise<request.Response> => {
    const page = await request(t.http).get(link);
    const token = new URL(link, APP_URL).searchParams.get('token') ?? '';
    // A used or expired link shows no form: post with a fresh CSRF cookie of the request page.
    const source = page.status === 200 ? page : await request(t.http).get('/password/forgot');
    return request(t.http)
      .post('/password/reset')
      .set('Cookie', cookiesOf(source))
      .type('form')
      .send({
        _csrf: csrfOf(source.text),
        token,
        newPassword: password,
        newPasswordConfirmation: confirmation,
      });
  };

  const canLogIn = async (email: string, password: string): Promise<number> =>
    (await request(t.http).post('/api/auth/token').send({ email, password })).status;

  const auditActions = (userId: string): Promise<string[]> =>
    t.app
      .get(Database)
      .read((m) =>
        sqlRows<{ action: string }>(
          m,
          `SELECT "action" FROM "audit_entry" WHERE "entity" = 'user' AND "entityId" = :id ORDER BY "seq"`,
          { id: userId },
        ),
      )
      .then((rows) => rows.map((r) => r.action));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: { SMTP_URL: smtp.url, APP_URL, MAIL_FROM: 'Jalon <jalon@example.fr>' },
    });
    const token = await t.login(ADMIN.email, ADMIN.password);
    adminId = String((await t.as(token).get('/api/auth/me')).body.id);
    centreId = String((await aCentre(t.as(token))).centre.id);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  // Each test in a new window of the request limiter (per address: every test posts from here).
  beforeEach(() => t.clock.advance(16 * 60_000));

  it('lets a user change their password: the current one is required, other sessions end', async () => {
    const user = await newUser('viewer');
    const web = await webLogin(t.http, user.email, user.password);
    const otherSession = await t.login(user.email, user.password);

    const page = await web.get('/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Mon compte</h1>');
    expect(page.text).toContain('href="/account"');
    expect(htmlText(page.text)).toContain(user.email);

    const wrong = await web.post('/account/password', {
      currentPassword: 'pas-le-bon-mot-de-passe',
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(htmlText(wrong.text)).toContain('Le mot de passe actuel est incorrect.');

    // Every problem at once, each next to its field, in French.
    const bad = await web.post('/account/password', {
      currentPassword: user.password,
      newPassword: 'court',
      newPasswordConfirmation: 'autre',
    });
    expect(bad.status).toBe(400);
    const text = htmlText(bad.text);
    expect(text).toContain(
      'Le champ « Nouveau mot de passe » doit comporter au moins 12 caractères.',
    );
    expect(text).toContain('Les deux saisies du nouveau mot de passe ne sont pas identiques.');
    expect(text).toMatch(/id="f-newPassword-error"/);
    expect(await canLogIn(user.email, user.password)).toBe(200);

    const done = await web.post('/account/password', {
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account?ok=password-changed');
    // This session stays; the other ones (a browser elsewhere, an API token) end.
    const after = await web.get('/account?ok=password-changed');
    expect(after.status).toBe(200);
    expect(htmlText(after.text)).toContain('Votre mot de passe a été changé');
    expect((await t.as(otherSession).get('/api/auth/me')).status).toBe(401);
    expect(await canLogIn(user.email, user.password)).toBe(401);
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(200);
    expect(await auditActions(user.id)).toEqual(['password-change']);
  });

  it('changes a password through the API too, with field errors in French', async () => {
    const user = await newUser();
    const client = t.as(await t.login(user.email, user.password));
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'pas-le-bon-mot-de-passe',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toEqual([
      { field: 'currentPassword', message: 'Le mot de passe actuel est incorrect.' },
    ]);
    const same = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: user.password,
    });
    expect(same.status).toBe(400);
    expect(same.body.fields[0].field).toBe('newPassword');
    const ok = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(200);
  });

  it('sends a single-use reset link by e-mail; the answer is the same for an unknown address', async () => {
    const user = await newUser();
    const before = await t.login(user.email, user.password);
    const login = await request(t.http).get('/login');
    expect(login.text).toContain('<a href="/password/forgot">Mot de passe oublié ?</a>');

    const from = smtp.messages.length;
    const known = await forgot(user.email);
    const unknown = await forgot('personne@inconnu.example.fr');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(htmlText(known.text)).toContain(RESET_REQUEST_ANSWER);
    expect(unknown.text).toBe(known.text);

    const [link, ...others] = await linksSentTo(user.email, from);
    expect(others).toEqual([]);
    expect(smtp.messages.slice(from).map((m) => m.to)).toEqual([[user.email]]);

    const page = await request(t.http).get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Choisir un nouveau mot de passe');

    // The new password follows the policy of every password.
    const short = await reset(link, 'court');
    expect(short.status).toBe(400);
    expect(htmlText(short.text)).toContain(
      'Le champ « Nouveau mot de passe » doit comporter au moins 12 caractères.',
    );
    const done = await reset(link, NEW_PASSWORD);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/login?ok=password-reset-done');
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(200);
    expect(await canLogIn(user.email, user.password)).toBe(401);
    // Sessions opened before the reset end.
    expect((await t.as(before).get('/api/auth/me')).status).toBe(401);

    // A second use: a French error page, the password unchanged.
    const again = await request(t.http).get(link);
    expect(again.status).toBe(410);
    expect(htmlText(again.text)).toContain('Ce lien de réinitialisation a déjà servi');
    const reused = await reset(link, 'encore-un-autre-mot-de-passe');
    expect(reused.status).toBe(410);
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(200);

    expect(
      (await request(t.http).get('/password/reset?token=inventé-de-toutes-pièces')).status,
    ).toBe(404);
    expect(await auditActions(user.id)).toEqual(['reset-request', 'password-reset']);
    // Only the hash of the secret is stored.
    const secret = new URL(link, APP_URL).searchParams.get('token')!;
    const stored = await t.app
      .get(Database)
      .read((m) =>
        sqlRows<{ tokenHash: string }>(
          m,
          `SELECT "tokenHash" FROM "password_reset_token" WHERE "userId" = :id`,
          { id: user.id },
        ),
      );
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(secret);
  });

  it('refuses an expired link', async () => {
    const user = await newUser();
    const from = smtp.messages.length;
    expect((await forgot(user.email)).status).toBe(200);
    const [link] = await linksSentTo(user.email, from);
    t.clock.advance(59 * 60_000);
    expect((await request(t.http).get(link)).status).toBe(200);
    t.clock.advance(60_000);
    const expired = await request(t.http).get(link);
    expect(expired.status).toBe(410);
    expect(htmlText(expired.text)).toContain('Ce lien de réinitialisation a expiré');
    expect((await reset(link, NEW_PASSWORD)).status).toBe(410);
    expect(await canLogIn(user.email, user.password)).toBe(200);
  });

  it('takes parallel requests; the first link used spends the others; the limit answers alike for any address', async () => {
    const user = await newUser();
    const from = smtp.messages.length;
    const answers = await Promise.all([forgot(user.email), forgot(user.email), forgot(user.email)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const links = await linksSentTo(user.email, from);
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);

    // A fourth request of the window is refused, for this address as for an unknown one.
    const limited = await forgot(user.email);
    expect(limited.status).toBe(429);
    expect(htmlText(limited.text)).toContain('Trop de demandes de réinitialisation');
    for (let i = 0; i < 3; i++)
      expect((await forgot('absent@inconnu.example.fr')).status).toBe(200);
    expect((await forgot('absent@inconnu.example.fr')).status).toBe(429);

    expect((await reset(links[1], NEW_PASSWORD)).status).toBe(303);
    for (const older of [links[0], links[2]]) {
      const refused = await request(t.http).get(older);
      expect(refused.status).toBe(410);
    }
    expect(await canLogIn(user.email, NEW_PASSWORD)).toBe(200);
  });

  it('lets exactly one of two parallel uses of the same link succeed', async () => {
    const user = await newUser();
    const from = smtp.messages.length;
    expect((await forgot(user.email)).status).toBe(200);
    const [link] = await linksSentTo(user.email, from);
    const results = await Promise.all([
      reset(link, 'premier-mot-de-passe'),
      reset(link, 'second-mot-de-passe'),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([303, 410]);
    const winner = results[0].status === 303 ? 'premier-mot-de-passe' : 'second-mot-de-passe';
    const loser =
      winner === 'premier-mot-de-passe' ? 'second-mot-de-passe' : 'premier-mot-de-passe';
    expect(await canLogIn(user.email, winner)).toBe(200);
    expect(await canLogIn(user.email, loser)).toBe(401);
    expect((await auditActions(user.id)).filter((a) => a === 'password-reset')).toHaveLength(1);
  });

  it('lets an administrator disable a user: no login, sessions and tokens end; and re-enable them', async () => {
    const user = await newUser();
    const web = await webLogin(t.http, user.email, user.password);
    const token = await t.login(user.email, user.password);
    const adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);

    const list = await adminWeb.get('/users');
    expect(list.text).toContain(`action="/users/${user.id}/active"`);
    // No button on one's own row.
    expect(list.text).not.toContain(`action="/users/${adminId}/active"`);

    const disabled = await adminWeb.post(`/users/${user.id}/active`, { active: '0' });
    expect(disabled.status).toBe(303);
    expect(disabled.headers.location).toBe('/users?ok=user-disabled');
    expect(htmlText((await adminWeb.get('/users')).text)).toMatch(
      /<td data-label="Actif">Non<\/td>/,
    );

    expect((await t.as(token).get('/api/auth/me')).status).toBe(401);
    const page = await web.get('/sessions');
    expect(page.status).not.toBe(200);
    // The login says what it says of a wrong password, nothing more.
    const refused = await request(t.http)
      .post('/api/auth/token')
      .send({ email: user.email, password: user.password });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('E-mail ou mot de passe incorrect.');
    // No reset link for a disabled account (the same answer, no e-mail).
    const from = smtp.messages.length;
    expect((await forgot(user.email)).status).toBe(200);
    expect(await linksSentTo(user.email, from)).toEqual([]);

    const enabled = await adminWeb.post(`/users/${user.id}/active`, { active: '1' });
    expect(enabled.status).toBe(303);
    expect(enabled.headers.location).toBe('/users?ok=user-enabled');
    expect(await canLogIn(user.email, user.password)).toBe(200);
    expect(await auditActions(user.id)).toEqual(['disable', 'enable']);

    // Bad input: a French page, nothing changed.
    const bad = await adminWeb.post(`/users/${user.id}/active`, { active: 'peut-être' });
    expect(bad.status).toBe(400);
    expect(htmlText(bad.text)).toContain('Le champ « Actif » doit valoir 0');
    expect((await adminWeb.post('/users/pas-un-uuid/active', { active: '0' })).status).toBe(400);
  });

  it('never lets an administrator disable themselves nor the last active administrator', async () => {
    const adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
    const self = await adminWeb.post(`/users/${adminId}/active`, { active: '0' });
    expect(self.status).toBe(409);
    expect(htmlText(self.text)).toContain('Vous ne pouvez pas désactiver votre propre compte.');
    const viaApi = await (await admin()).post(`/api/users/${adminId}/disable`);
    expect(viaApi.status).toBe(409);

    // Two administrators disabling each other at once: one of them stays active.
    const second = await newUser('admin');
    const secondClient = t.as(await t.login(second.email, second.password));
    const [a, b] = await Promise.all([
      (await admin()).post(`/api/users/${second.id}/disable`),
      secondClient.post(`/api/users/${adminId}/disable`),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).not.toBe(200);
    const active = await t.app
      .get(Database)
      .read((m) =>
        sqlRows<{ id: string }>(
          m,
          `SELECT "id" FROM "app_user" WHERE "role" = 'admin' AND "active" = true`,
        ),
      );
    expect(active).toHaveLength(1);
    // Put things back for the other tests.
    if (a.status !== 200) {
      const survivor = t.as(await t.login(second.email, second.password));
      expect((await survivor.post(`/api/users/${adminId}/enable`)).status).toBe(200);
    }
    // Managers cannot use the switch.
    const manager = await newUser();
    const managerClient = t.as(await t.login(manager.email, manager.password));
    expect((await managerClient.post(`/api/users/${second.id}/disable`)).status).toBe(403);
  });

  it('answers hostile posts of the public forms with a French 4xx, never a 500', async () => {
    const page = await request(t.http).get('/password/forgot');
    const cookie = cookiesOf(page);
    const csrf = csrfOf(page.text);
    // Without the page's CSRF token.
    const noCsrf = await request(t.http)
      .post('/password/reset')
      .type('form')
      .send({ token: 'x'.repeat(43), newPassword: NEW_PASSWORD });
    expect(noCsrf.status).toBe(403);
    expect(htmlText(noCsrf.text)).toContain('Le formulaire a expiré');
    const forgotNoCsrf = await request(t.http)
      .post('/password/forgot')
      .type('form')
      .send({ email: 'a@b.fr' });
    expect(forgotNoCsrf.status).toBe(403);
    // Repeated fields, an oversized or missing token, a bad e-mail, a JSON body.
    const cases: [string, string][] = [
      [
        '/password/reset',
        `_csrf=${csrf}&token=a&token=b&newPassword=${NEW_PASSWORD}&newPasswordConfirmation=${NEW_PASSWORD}`,
      ],
      [
        '/password/reset',
        `_csrf=${csrf}&token=${'y'.repeat(500)}&newPassword=${NEW_PASSWORD}&newPasswordConfirmation=${NEW_PASSWORD}`,
      ],
      ['/password/reset', `_csrf=${csrf}&newPassword=${NEW_PASSWORD}`],
      ['/password/forgot', `_csrf=${csrf}&email=pas-une-adresse`],
      ['/password/forgot', `_csrf=${csrf}&email=%00%01`],
    ];
    for (const [path, body] of cases) {
      const res = await request(t.http)
        .post(path)
        .set('Cookie', cookie)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(htmlText(res.text)).toMatch(/Le champ|invalide|a expiré|identiques/);
    }
    const json = await request(t.http)
      .post('/password/reset')
      .set('Cookie', cookie)
      .send({ _csrf: csrf, token: ['a'], newPassword: { x: 1 } });
    expect(json.status).toBeGreaterThanOrEqual(400);
    expect(json.status).toBeLessThan(500);
  });

  it('sends the link at once where the process runs the scheduler', async () => {
    const live = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: { SMTP_URL: smtp.url, APP_URL, JALON_SCHEDULER: 'on' },
    });
    try {
      const from = smtp.messages.length;
      const email = 'admin@jalon.test';
      const page = await request(live.http).get('/password/forgot');
      const res = await request(live.http)
        .post('/password/forgot')
        .set('Cookie', cookiesOf(page))
        .type('form')
        .send({ _csrf: csrfOf(page.text), email });
      expect(res.status).toBe(200);
      // No one calls the sender here: the request started it in the background.
      await smtp.waitFor(from + 1);
      expect(smtp.messages.slice(from).map((m) => m.to)).toEqual([[email]]);
    } finally {
      await live.close();
    }
  });
});

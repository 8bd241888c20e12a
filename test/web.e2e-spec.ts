import request from 'supertest';
import { sqlRows } from '../src/database/sql-rows.js';
import { Database } from '../src/database/database.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { countQueries } from './support/query-counter.js';
import { csrfOf, htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

interface Task {
  id: string;
  code: string;
  status: string;
  version: number;
  doneAt: string | null;
  observations: string;
  reason: string;
  dueDate: string;
  workingDayFallback: string | null;
  applicable: boolean;
  conditional: boolean;
  provenByData: boolean;
}

function setCookies(res: request.Response): string[] {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  return Array.isArray(header) ? header : header ? [header] : [];
}

describe('web dashboard', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let managerWeb: WebClient;
  let managerEmail: string;
  let managerPassword: string;
  let sessionId: string;
  let otherSessionId: string;
  let titreCode: string;
  let tasks: Task[];
  let sessionIds: { centreId: string; siteId: string; titreId: string };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: other, site: otherSite } = await aCentre(admin, {
      name: 'Centre Saint-Exupéry',
    });
    const titre = await aTitre(admin);
    titreCode = String(titre.code);
    const user = await aUser(admin, 'manager', [String(centre.id)]);
    managerEmail = user.email;
    managerPassword = user.password;
    manager = t.as(await t.login(user.email, user.password));
    managerWeb = await webLogin(t.http, user.email, user.password);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    sessionIds = ids;
    const session = await aSession(manager, ids, { managerId: user.id });
    sessionId = String(session.id);
    await aCandidate(manager, sessionId);
    await aCandidate(manager, sessionId, {
      lastName: 'Lefèvre',
      firstName: 'Zoé',
      pathway: 'VAE',
      vaeValidUntil: '2028-01-31',
    });
    const otherSession = await aSession(admin, {
      centreId: String(other.id),
      siteId: String(otherSite.id),
      titreId: String(titre.id),
    });
    otherSessionId = String(otherSession.id);
    tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
  });

  afterAll(async () => {
    await t.close();
  });

  const task = (code: string): Task => {
    const found = tasks.find((x) => x.code === code);
    if (!found) throw new Error(`no task ${code}`);
    return found;
  };

  const freshTask = async (id: string): Promise<Task> => {
    const list = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    return list.find((x) => x.id === id)!;
  };

  describe('login and session cookie', () => {
    it('sends visitors to the login page, and back where they were going', async () => {
      const root = await request(t.http).get('/');
      expect(root.status).toBe(303);
      expect(root.headers.location).toBe('/login');
      const page = await request(t.http).get(`/sessions/${sessionId}`);
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe(
        `/login?next=${encodeURIComponent(`/sessions/${sessionId}`)}`,
      );
      const home = await request(t.http).get('/').set('Cookie', managerWeb.cookie);
      expect(home.headers.location).toBe('/echeances');
    });

    it('serves the login form with a CSRF token and security headers', async () => {
      const res = await request(t.http).get('/login');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<label for="email">Adresse e-mail</label>');
      expect(csrfOf(res.text)).toMatch(/^[0-9a-f]{48}$/);
      const cookie = setCookies(res).find((c) => c.startsWith('jalon_login_csrf='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    });

    it('refuses a login without the form’s CSRF token', async () => {
      const res = await request(t.http)
        .post('/login')
        .type('form')
        .send({ email: ADMIN.email, password: ADMIN.password });
      expect(res.status).toBe(403);
      expect(htmlText(res.text)).toContain('Le formulaire a expiré');
      expect(setCookies(res).some((c) => c.startsWith('jalon_session='))).toBe(false);
    });

    it('sets an httpOnly SameSite=Lax cookie, a new session id at each login', async () => {
      const login = async (cookieHeader?: string) => {
        const page = await request(t.http).get('/login');
        const csrfCookie = setCookies(page)[0].split(';')[0];
        const res = await request(t.http)
          .post('/login')
          .set('Cookie', [csrfCookie, cookieHeader].filter(Boolean).join('; '))
          .type('form')
          .send({ _csrf: csrfOf(page.text), email: ADMIN.email, password: ADMIN.password });
        expect(res.status).toBe(303);
        const cookie = setCookies(res).find((c) => c.startsWith('jalon_session='))!;
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Lax/);
        expect(cookie).toMatch(/Path=\//);
        expect(cookie).not.toMatch(/Secure/);
        return cookie.split(';')[0];
      };
      const first = await login();
      const second = await login(first);
      expect(second).not.toBe(first);
      // The previous session is revoked at the new login.
      const old = await request(t.http).get('/sessions').set('Cookie', first);
      expect(old.status).toBe(303);
      const current = await request(t.http).get('/sessions').set('Cookie', second);
      expect(current.status).toBe(200);
    });

    it('ignores X-Forwarded-Proto when no proxy is trusted (TRUST_PROXY unset)', async () => {
      // Behind a proxy declared in TRUST_PROXY, the header does give the Secure __Host- cookies:
      // see login-limit.e2e-spec.ts.
      const page = await request(t.http).get('/login').set('X-Forwarded-Proto', 'https');
      const cookies = setCookies(page);
      expect(cookies.some((c) => c.startsWith('jalon_login_csrf='))).toBe(true);
      expect(cookies.some((c) => c.startsWith('__Host-'))).toBe(false);
    });

    it('shows a French message for a wrong password', async () => {
      const page = await request(t.http).get('/login');
      const res = await request(t.http)
        .post('/login')
        .set('Cookie', setCookies(page)[0].split(';')[0])
        .type('form')
        .send({
          _csrf: csrfOf(page.text),
          email: managerEmail,
          password: 'pas-le-bon-mot-de-passe',
        });
      expect(res.status).toBe(401);
      expect(htmlText(res.text)).toContain('E-mail ou mot de passe incorrect.');
    });

    it('logs out with the CSRF token and revokes the session', async () => {
      const user = await webLogin(t.http, ADMIN.email, ADMIN.password);
      const refused = await request(t.http).post('/logout').set('Cookie', user.cookie);
      expect(refused.status).toBe(403);
      const res = await user.post('/logout', {});
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/login?ok=logout');
      expect(setCookies(res)[0]).toMatch(/^jalon_session=;.*Max-Age=0/);
      const after = await user.get('/sessions');
      expect(after.status).toBe(303);
    });
  });

  describe('home page', () => {
    it('lists the sessions of my centres only, with progress and deadlines', async () => {
      const res = await managerWeb.get('/sessions');
      expect(res.status).toBe(200);
      const text = htmlText(res.text);
      expect(text).toContain(`href="/sessions/${sessionId}"`);
      expect(text).not.toContain(otherSessionId);
      expect(text).toContain(titreCode);
      expect(text).toContain('Site de Vénissieux');
      expect(text).toContain('du 14/06/2027 au 18/06/2027');
      expect(text).toContain('Mes sessions');
      expect(text).toContain('En retard d’abord');
      expect(text).toMatch(/Sessions 1 à 1 sur 1\./);
      expect(res.text).toContain('aria-sort="ascending"');
    });

    it('shows every centre to an administrator, filters and sorts with query parameters', async () => {
      const adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
      const all = await adminWeb.get('/sessions');
      expect(all.text).toContain(sessionId);
      expect(all.text).toContain(otherSessionId);
      const cancelled = await adminWeb.get('/sessions?status=CANCELLED');
      expect(cancelled.text).toContain('Aucune session ne correspond.');
      const late = await adminWeb.get('/sessions?view=late');
      expect(late.status).toBe(200);
      expect(late.text).toMatch(/aria-sort="descending"><a[^>]*>En retard/);
      const sorted = await adminWeb.get('/sessions?sort=progress&dir=desc');
      expect(sorted.status).toBe(200);
      const bad = await adminWeb.get('/sessions?from=2027-13-45&centre=nimporte');
      expect(bad.status).toBe(200);
      expect(htmlText(bad.text)).toContain('Le filtre « Du » doit être une date');
      expect(htmlText(bad.text)).toContain('Le filtre « Centre » est invalide');
      const mine = await managerWeb.get('/sessions?view=mine');
      expect(mine.text).toContain(sessionId);
      const period = await managerWeb.get('/sessions?from=2027-07-01');
      expect(period.text).not.toContain(sessionId);
    });

    it('counts overdue tasks in red', async () => {
      // The annual programme was due on 31 January: overdue on 1 March.
      const res = await managerWeb.get('/sessions');
      expect(res.text).toMatch(
        /<span class="overdue-count">[1-9]\d*<span class="visually-hidden"> tâche\(s\) en retard/,
      );
    });
  });

  describe('session page', () => {
    it('shows the guide’s header fields, the compliance findings and the checklist by phase', async () => {
      const res = await managerWeb.get(`/sessions/${sessionId}`);
      expect(res.status).toBe(200);
      const text = htmlText(res.text);
      for (const label of ['Centre', 'Site', 'Titre', 'Sigle', 'Millésime', 'Nature', 'CCP']) {
        expect(text).toContain(`<dt>${label}</dt>`);
      }
      expect(text).toContain('<dt>Candidats en formation</dt><dd>1</dd>');
      expect(text).toContain('<dt>Candidats VAE</dt><dd>1</dd>');
      expect(text).toContain('Centre Éléonore Dupré');
      expect(text).toContain('point(s) bloquant(s)');
      expect(text).toContain(`href="/sessions/${sessionId}/jury">Gérer le jury</a>`);
      expect(text).toContain(`id="task-${task('PLAN_INFORM_UD_SESSION').id}"`);
      expect(text).toMatch(/<h3 id="phase-PLAN-title">/);
      // Each task saves through its own form, which htmx boosts to swap the row in place.
      expect(res.text).toContain('hx-boost:inherited=');
      expect(res.text).toContain(`<form method="post" action="/sessions/${sessionId}/tasks/`);
    });

    it('leaves /sessions/new to the session form (registered before /sessions/:id)', async () => {
      const res = await managerWeb.get('/sessions/new');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<form');
    });

    it('answers 404 for a session of another centre, and 400 for a malformed id', async () => {
      const res = await managerWeb.get(`/sessions/${otherSessionId}`);
      expect(res.status).toBe(404);
      expect(htmlText(res.text)).toContain('Session introuvable.');
      const tick = await managerWeb.post(
        `/sessions/${otherSessionId}/tasks/${task('PLAN_INFORM_UD_SESSION').id}`,
        {
          done: '1',
          version: '1',
        },
      );
      expect(tick.status).toBe(404);
      const malformed = await managerWeb.get('/sessions/pas-un-uuid/audit');
      expect(malformed.status).toBe(400);
    });

    it('ticks a task in place with htmx and returns the row', async () => {
      const target = task('PLAN_CHECK_AGREMENT_LETTER');
      const res = await request(t.http)
        .post(`/sessions/${sessionId}/tasks/${target.id}`)
        .set('Cookie', managerWeb.cookie)
        .set('HX-Request', 'true')
        .set('X-CSRF-Token', await managerWeb.csrf())
        .type('form')
        .send({
          done: '1',
          doneAt: '2027-02-26',
          observations: 'Courrier reçu',
          reason: 'Courrier d’agrément en main',
          version: String(target.version),
        });
      expect(res.status).toBe(200);
      expect(res.text.trim()).toMatch(
        new RegExp(`^<li id="task-${target.id}" class="task task-done">`),
      );
      expect(res.text).not.toContain('<html');
      expect(res.text).toMatch(/name="done" value="1" checked/);
      expect(htmlText(res.text)).toContain('Enregistré.');
      const saved = await freshTask(target.id);
      expect(saved).toMatchObject({
        status: 'done',
        doneAt: '2027-02-26',
        observations: 'Courrier reçu',
      });
    });

    it('shows a clear message in place for a stale edit, without overwriting', async () => {
      const target = task('PLAN_INFORM_UD_SESSION');
      const current = await freshTask(target.id);
      // Someone else saves first.
      await manager.patch(`/api/sessions/${sessionId}/tasks/${target.id}`, {
        status: 'todo',
        observations: 'Appel à l’UD prévu lundi',
        version: current.version,
      });
      const res = await request(t.http)
        .post(`/sessions/${sessionId}/tasks/${target.id}`)
        .set('Cookie', managerWeb.cookie)
        .set('HX-Request', 'true')
        .set('X-CSRF-Token', await managerWeb.csrf())
        .type('form')
        .send({ observations: 'Ma version', version: String(current.version) });
      expect(res.status).toBe(409);
      const text = htmlText(res.text);
      expect(text).toContain('Cette tâche a été modifiée entre-temps par quelqu’un d’autre');
      expect(text).toContain('Appel à l’UD prévu lundi');
      expect(text).toContain('role="alert"');
      const after = await freshTask(target.id);
      expect(after.observations).toBe('Appel à l’UD prévu lundi');
    });

    it('works without JavaScript: a form POST then a redirect', async () => {
      const target = task('PLAN_ANNUAL_PROGRAMME');
      const current = await freshTask(target.id);
      const res = await managerWeb.post(`/sessions/${sessionId}/tasks/${target.id}`, {
        notApplicable: '1',
        reason: 'Session programmée par le siège',
        version: String(current.version),
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/sessions/${sessionId}?ok=task-saved#task-${target.id}`);
      expect(await freshTask(target.id)).toMatchObject({
        status: 'not_applicable',
        reason: 'Session programmée par le siège',
      });
      const page = await managerWeb.get(`/sessions/${sessionId}?ok=task-saved`);
      expect(htmlText(page.text)).toContain('La tâche a été enregistrée.');
    });

    it('refuses « sans objet » without a reason, naming the field in French', async () => {
      const target = task('PACK_CONVENE_CANDIDATES');
      const current = await freshTask(target.id);
      const res = await managerWeb.post(`/sessions/${sessionId}/tasks/${target.id}`, {
        notApplicable: '1',
        reason: '',
        observations: 'à voir',
        version: String(current.version),
      });
      expect(res.status).toBe(400);
      const text = htmlText(res.text);
      expect(text).toContain('« Motif » est obligatoire');
      expect(text).toContain('>à voir</textarea>');
      expect((await freshTask(target.id)).status).toBe('todo');
    });

    it('refuses a write without the CSRF token', async () => {
      const target = task('PACK_CONVENE_CANDIDATES');
      const res = await request(t.http)
        .post(`/sessions/${sessionId}/tasks/${target.id}`)
        .set('Cookie', managerWeb.cookie)
        .type('form')
        .send({ done: '1', version: '1' });
      expect(res.status).toBe(403);
      expect(htmlText(res.text)).toContain('Jeton de sécurité (CSRF) manquant ou invalide');
    });

    it('shows each change to a task at the next display, whatever made it, and overdue days as time passes', async () => {
      const rowOf = (html: string, id: string): string => {
        const start = html.indexOf(`<li id="task-${id}"`);
        expect(start).toBeGreaterThanOrEqual(0);
        return html.slice(start, html.indexOf('\n</li>', start));
      };
      const list = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as (Task & {
        dueDate: string;
        applicable: boolean;
        applicability: string;
      })[];
      const target = list.find(
        (x) =>
          x.status === 'todo' &&
          x.applicable &&
          x.applicability !== 'INCIDENT' &&
          x.dueDate > '2027-03-01',
      )!;
      // Displayed twice: rows kept from one display to the next are reused.
      await managerWeb.get(`/sessions/${sessionId}`);
      const before = rowOf((await managerWeb.get(`/sessions/${sessionId}`)).text, target.id);
      expect(before).not.toContain('Relance faite par téléphone');
      expect(before).not.toContain('En retard de');

      // A change the application did not make itself (same version number) still shows.
      await t.app.get(Database).transaction((m) =>
        sqlRows(m, `UPDATE "session_task" SET "observations" = :observations WHERE "id" = :id`, {
          observations: 'Relance faite par téléphone <urgent>',
          id: target.id,
        }),
      );
      const edited = rowOf((await managerWeb.get(`/sessions/${sessionId}`)).text, target.id);
      expect(edited).toContain('Relance faite par téléphone &lt;urgent&gt;</textarea>');

      // Three days after its deadline, the same row is overdue.
      const [year, month, day] = target.dueDate.split('-').map(Number);
      t.clock.set(new Date(Date.UTC(year, month - 1, day + 3, 9)));
      try {
        // (A new login: the morning's session has expired by then.)
        const lateWeb = await webLogin(t.http, managerEmail, managerPassword);
        const late = rowOf((await lateWeb.get(`/sessions/${sessionId}`)).text, target.id);
        expect(late).toContain('class="task task-overdue"');
        expect(htmlText(late)).toContain('En retard de 3 jours');
      } finally {
        t.clock.set('2027-03-01T09:00:00Z');
      }
      const back = rowOf((await managerWeb.get(`/sessions/${sessionId}`)).text, target.id);
      expect(back).not.toContain('En retard de');
      // Each caller's own CSRF token is in the rows' forms.
      const other = await webLogin(t.http, managerEmail, managerPassword);
      const theirs = rowOf((await other.get(`/sessions/${sessionId}`)).text, target.id);
      expect(theirs).toContain(`name="_csrf" value="${await other.csrf()}"`);
      expect(back).toContain(`name="_csrf" value="${await managerWeb.csrf()}"`);
    });

    it('shows a read-only checklist to viewers', async () => {
      const centreId = ((await manager.get(`/api/sessions/${sessionId}`)).body as Body).centreId;
      const viewer = await aUser(admin, 'viewer', [String(centreId)]);
      const viewerWeb = await webLogin(t.http, viewer.email, viewer.password);
      const res = await viewerWeb.get(`/sessions/${sessionId}`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(`action="/sessions/${sessionId}/tasks/`);
      const target = task('PACK_CONVENE_CANDIDATES');
      const tick = await viewerWeb.post(`/sessions/${sessionId}/tasks/${target.id}`, {
        done: '1',
        version: '1',
      });
      expect(tick.status).toBe(403);
    });

    it('lists the documents to download and the audit log', async () => {
      const docs = await managerWeb.get(`/sessions/${sessionId}/documents`);
      expect(docs.status).toBe(200);
      for (const file of [
        'convocations.pdf',
        'pv.pdf',
        'emargement.pdf',
        'checklist.pdf',
        'documents.zip',
      ]) {
        expect(docs.text).toContain(`/api/sessions/${sessionId}/documents/${file}`);
      }
      expect(docs.text).toMatch(
        new RegExp(`/api/sessions/${sessionId}/candidates/[0-9a-f-]{36}/convocation.pdf`),
      );
      const audit = await managerWeb.get(`/sessions/${sessionId}/audit`);
      expect(audit.status).toBe(200);
      const text = htmlText(audit.text);
      expect(text).toContain('Mise à jour de la tâche');
      expect(text).toContain('Courrier reçu');
      expect(text).toContain(managerEmail);
    });
  });
  describe('calendar page', () => {
    it('shows every open deadline of my sessions in a month view', async () => {
      const res = await managerWeb.get('/calendar?month=2027-03');
      expect(res.status).toBe(200);
      const text = htmlText(res.text);
      expect(text).toContain('mars 2027');
      // The UD must be told by Sunday 14/03 (start − 3 months): shown on Friday 12/03.
      expect(text).toMatch(
        new RegExp(
          `aria-label="Vendredi 12/03/2027">12</span>\\s*<ul>\\s*<li><a href="/sessions/${sessionId}#task-`,
        ),
      );
      expect(text).not.toContain(otherSessionId);
      expect(text).toContain('href="/calendar?month=2027-02"');
      const bad = await managerWeb.get('/calendar?month=2027-13');
      expect(htmlText(bad.text)).toContain(
        'Le paramètre « Mois » doit être un mois existant au format AAAA-MM, compris entre 1900-01 et 2100-12',
      );
    });

    it('shows a task due on a non-working day on the working day before, and the tasks proven by the data', async () => {
      // With a valid agrément, the agrément checks pass: their tasks are proven by the data.
      const agrement = await admin.post('/api/agrements', {
        ...sessionIds,
        validUntil: '2029-12-31',
        maxCandidates: 12,
      });
      expect(agrement.status).toBe(201);
      const res = await managerWeb.get('/calendar?month=2027-03');
      expect(res.status).toBe(200);
      const html = res.text;
      const cell = (label: string) =>
        new RegExp(`aria-label="${label}">\\d+</span>([\\s\\S]*?)</td>`).exec(html)?.[1] ?? '';
      // The UD information and the tasks due with it on Sunday 14/03/2027 (start − 3 months) sit
      // on Friday 12/03, the real due date named beside them and in their tooltip.
      const ud = task('PLAN_INFORM_UD_SESSION');
      expect(ud).toMatchObject({ dueDate: '2027-03-14', workingDayFallback: '2027-03-12' });
      const both = 'échéance le dimanche 14/03/2027, à faire le vendredi 12/03/2027';
      expect(cell('Vendredi 12/03/2027')).toMatch(
        new RegExp(
          `^\\s*<ul>\\s*<li><a href="/sessions/${sessionId}#task-[\\w-]+" title="[^"]* ; ${both}">[^<]*</a>[^]*?<span class="calendar-note">\\(${both}\\)</span></li>`,
        ),
      );
      expect(cell('Dimanche 14/03/2027')).not.toContain('#task-');
      const current = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
      const inGrid = (x: Task) => {
        const day = x.workingDayFallback ?? x.dueDate;
        return day >= '2027-03-01' && day <= '2027-04-04';
      };
      const open = current.filter(
        (x) => x.status === 'todo' && x.applicable && !x.conditional && inGrid(x),
      );
      const proven = open.filter((x) => x.provenByData);
      expect(proven.map((x) => x.code)).toContain('PLAN_CHECK_AGREMENT_CERES');
      const ceres = proven.find((x) => x.code === 'PLAN_CHECK_AGREMENT_CERES')!;
      for (const x of proven.filter((p) => p === ceres || html.includes(`#task-${p.id}"`))) {
        // Never styled late nor counted as to do.
        expect(html).toMatch(
          new RegExp(
            `<li class="proven"><a href="/sessions/${sessionId}#task-${x.id}" title="[^"]*vérifiée par les données">[^<]*</a>[^]*?\\(vérifiée par les données\\)`,
          ),
        );
      }
      const counted =
        /(\d+) échéance\(s\) à venir ou en retard[^.]*\. (\d+) autre\(s\) tâche\(s\) vérifiée\(s\) par les données : ni en retard, ni à faire\./.exec(
          htmlText(html),
        );
      expect(Number(counted?.[1])).toBe(open.length - proven.length);
      expect(Number(counted?.[2])).toBe(proven.length);
      // Seen from 20/03/2027, the tasks of Friday 12/03 are late but a proven one never is.
      t.clock.set('2027-03-20T09:00:00Z');
      try {
        const web = await webLogin(t.http, managerEmail, managerPassword);
        const later = (await web.get('/calendar?month=2027-03')).text;
        const friday = new RegExp(
          `aria-label="Vendredi 12/03/2027">\\d+</span>([\\s\\S]*?)</td>`,
        ).exec(later)?.[1];
        expect(friday).toMatch(
          new RegExp(
            `<li class="late"><a href="/sessions/${sessionId}#task-[\\w-]+" [^>]*>[^<]*</a>[^]*?<span class="visually-hidden"> \\(en retard\\)</span>`,
          ),
        );
        expect(friday).toContain(
          `<li class="proven"><a href="/sessions/${sessionId}#task-${ceres.id}"`,
        );
      } finally {
        t.clock.set('2027-03-01T09:00:00Z');
      }
    });

    it('creates, shows once, rotates and revokes my iCalendar feed URL', async () => {
      const page = await managerWeb.get('/calendar');
      expect(htmlText(page.text)).toContain('Vous n’avez pas de flux actif.');
      const created = await managerWeb.post('/calendar/feed/rotate', {});
      // Post, redirect, get: the new link is carried once by a short-lived cookie.
      expect(created.status).toBe(303);
      expect(created.headers.location).toBe('/calendar?ok=feed-created#feed-title');
      const once = (created.headers['set-cookie'] as unknown as string[])
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('jalon_feed_once='));
      expect(once).toBeDefined();
      const shown = await request(t.http)
        .get('/calendar?ok=feed-created')
        .set('Cookie', `${managerWeb.cookie}; ${once!}`);
      expect(String(shown.headers['set-cookie'])).toContain('jalon_feed_once=;');
      const url = /id="feed-url" class="feed-url" type="text" readonly value="([^"]+)"/.exec(
        shown.text,
      )?.[1];
      expect(url).toMatch(/\/calendar\/feed\/[\w-]+\.ics$/);
      const path = new URL(url!).pathname;
      const feed = await request(t.http).get(path);
      expect(feed.status).toBe(200);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      // A refresh neither shows the link again nor creates another one.
      const again = await managerWeb.get('/calendar?ok=feed-created');
      expect(again.text).not.toContain(path);
      expect(htmlText(again.text)).toContain('Vous avez un lien de flux actif, créé le');
      expect(htmlText(again.text)).toContain('Renouveler le lien');
      expect((await request(t.http).get(path)).status).toBe(200);
      const rotated = await managerWeb.post('/calendar/feed/rotate', {});
      expect(rotated.status).toBe(303);
      expect(rotated.text).not.toContain(path);
      expect((await request(t.http).get(path)).status).toBe(404);
      const revoked = await managerWeb.post('/calendar/feed/revoke', {});
      expect(revoked.status).toBe(303);
      expect(revoked.headers.location).toBe('/calendar?ok=feed-revoked#feed-title');
      const after = await managerWeb.get('/calendar?ok=feed-revoked');
      expect(htmlText(after.text)).toContain('Le lien de votre flux iCalendar a été révoqué');
      expect(htmlText(after.text)).toContain('Vous n’avez pas de flux actif.');
    });
  });

  describe('login rate limit', () => {
    it('limits failed logins like the API does, with a French message', async () => {
      const email = `inconnu-${Date.now()}@jalon.test`;
      let last: request.Response | null = null;
      for (let i = 0; i < 6; i++) {
        const page = await request(t.http).get('/login');
        last = await request(t.http)
          .post('/login')
          .set('Cookie', setCookies(page)[0].split(';')[0])
          .type('form')
          .send({ _csrf: csrfOf(page.text), email, password: 'mauvais-mot-de-passe' });
      }
      expect(last?.status).toBe(429);
      expect(htmlText(last!.text)).toMatch(/tentatives/i);
    });
  });

  describe('a fixed number of SQL queries whatever the number of rows', () => {
    it('home, session and calendar pages: 2 sessions or 30, 2 candidates or 30', async () => {
      const { centre, site } = await aCentre(admin, { name: 'Centre des Quarante' });
      const titre = await aTitre(admin);
      const ids = {
        centreId: String(centre.id),
        siteId: String(site.id),
        titreId: String(titre.id),
      };
      const user = await aUser(admin, 'manager', [String(centre.id)]);
      const client = t.as(await t.login(user.email, user.password));
      const web = await webLogin(t.http, user.email, user.password);
      const counter = countQueries(t.app);
      const measure = async (sessionPage: string) => {
        const counts: number[] = [];
        for (const path of [
          '/sessions',
          '/sessions?view=late',
          sessionPage,
          '/calendar?month=2027-05',
        ]) {
          const { count } = await counter.during(async () => {
            const res = await web.get(path);
            expect(res.status).toBe(200);
          });
          counts.push(count);
        }
        return counts;
      };
      try {
        const first = String((await aSession(client, ids, { managerId: user.id })).id);
        await aSession(client, ids, { startDate: '2027-06-21', endDate: '2027-06-25' });
        for (let i = 0; i < 2; i++) await aCandidate(client, first, { lastName: `Martin${i}` });
        const few = await measure(`/sessions/${first}`);
        for (let i = 2; i < 30; i++) {
          await aSession(client, ids, { startDate: '2027-06-28', endDate: '2027-07-02' });
          await aCandidate(client, first, {
            lastName: `Martin${i}`,
            pathway: i % 2 ? 'VAE' : 'FORMATION',
            vaeValidUntil: i % 2 ? '2028-01-31' : undefined,
          });
        }
        const many = await measure(`/sessions/${first}`);
        expect((await web.get('/sessions')).text).toMatch(/Sessions 1 à 30 sur 30\./);
        expect(many.slice(0, 3)).toEqual(few.slice(0, 3));
        expect(few.every((n) => n > 0 && n < 40)).toBe(true);
        // The calendar adds one compliance report per session with a task some check supports
        // (to show the tasks « vérifiées par les données »), at most MAX_PROVEN_SESSIONS of them:
        // the same few queries for each of the 28 more sessions, nothing per task or candidate.
        const perSession = (many[3] - few[3]) / 28;
        expect(Number.isInteger(perSession)).toBe(true);
        expect(perSession).toBeLessThanOrEqual(12);
      } finally {
        counter.restore();
      }
    });
  });
});

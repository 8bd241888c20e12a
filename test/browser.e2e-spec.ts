import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
  type TestBrowser,
} from './support/browser.js';
import {
  ADMIN,
  startTestApp,
  type Client,
  type TestApp,
  describeOnce,
} from './support/test-app.js';

interface Task {
  id: string;
  code: string;
  status: string;
  version: number;
  observations: string;
}

jest.setTimeout(120_000);

// What the browser sees (markup, accessibility, in-page behaviour) does not depend on the
// database: run in the SQLite pass only; the same routes and writes are tested on both databases
// through HTTP (web, web-forms, candidate-import-text, resits).

describeOnce('dashboard in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let manager: Client;
  let email: string;
  let password: string;
  let sessionId: string;
  let tasks: Task[];
  let page: Page;
  let consoleErrors: string[];

  const checked = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)}).checked`,
    ) as Promise<boolean>;
  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;
  const task = (code: string) => tasks.find((x) => x.code === code)!;
  const expectAccessible = async (name: string) => {
    const violations = await axeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    await screenshot(page, name);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const user = await aUser(admin, 'manager', [String(centre.id)]);
    email = user.email;
    password = user.password;
    manager = t.as(await t.login(email, password));
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    sessionId = String((await aSession(manager, ids, { managerId: user.id })).id);
    await aSession(manager, ids, { startDate: '2027-04-12', endDate: '2027-04-14' });
    await aCandidate(manager, sessionId);
    await aCandidate(manager, sessionId, {
      lastName: 'Lefèvre',
      firstName: 'Zoé',
      pathway: 'VAE',
      vaeValidUntil: '2028-01-31',
    });
    tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  afterAll(async () => {
    await tb?.close();
    await t?.close();
  });

  it('logs in from the login page (accessible)', async () => {
    await page.goto(`${base}/sessions`);
    expect(page.url()).toBe(`${base}/login?next=%2Fsessions`);
    await expectAccessible('01-connexion');
    await page.type('#email', email);
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(page.url()).toBe(`${base}/sessions`);
  });

  it('finds the session on the home page (accessible)', async () => {
    expect(await text('#sessions-count')).toContain('sur 2');
    await expectAccessible('02-sessions');
    await Promise.all([page.waitForNavigation(), page.click(`a[href="/sessions/${sessionId}"]`)]);
    expect(page.url()).toBe(`${base}/sessions/${sessionId}`);
    await expectAccessible('03-session');
  });

  it('ticks a task with the keyboard, saved in place without reloading, still ticked after a reload', async () => {
    const target = task('PLAN_ECF_ASSESSMENTS');
    const box = `#done-${target.id}`;
    expect(await checked(box)).toBe(false);
    await page.evaluate('window.__notReloaded = true');
    await page.focus(box);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/tasks/${target.id}`) && r.request().method() === 'POST',
    );
    await page.keyboard.press('Space');
    expect((await saved).status()).toBe(200);
    await page.waitForSelector(`#task-${target.id} .alert-ok`);
    expect(await text(`#task-${target.id} .alert-ok`)).toBe('Enregistré.');
    expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
    expect(await page.evaluate('document.activeElement.id')).toBe(`done-${target.id}`);
    await page.reload();
    expect(await checked(box)).toBe(true);
    const stored = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    expect(stored.find((x) => x.id === target.id)?.status).toBe('done');
  });

  it('shows a stale edit in place instead of overwriting', async () => {
    const target = task('PLAN_ECF_RECORD');
    const res = await manager.patch(`/api/sessions/${sessionId}/tasks/${target.id}`, {
      status: 'todo',
      observations: 'Modifié par un collègue',
      version: target.version,
    });
    expect(res.status).toBe(200);
    const box = `#done-${target.id}`;
    await page.click(box);
    await page.waitForSelector(`#task-${target.id} .alert-error`);
    expect(await text(`#task-${target.id} .alert-error`)).toContain(
      'Cette tâche a été modifiée entre-temps par quelqu’un d’autre',
    );
    expect(await checked(box)).toBe(false);
    await screenshot(page, '04-modification-concurrente');
    const stored = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    expect(stored.find((x) => x.id === target.id)).toMatchObject({
      status: 'todo',
      observations: 'Modifié par un collègue',
    });
  });

  it('shows the documents, audit and calendar pages (accessible)', async () => {
    await page.goto(`${base}/sessions/${sessionId}/documents`);
    await expectAccessible('05-documents');
    // Download a candidate's convocation with the page's own session cookie.
    const download = (await page.evaluate(`(async () => {
      const link = [...document.querySelectorAll('a[download]')]
        .find((a) => a.textContent.startsWith('Convocation de') && a.textContent.toLowerCase().includes('lefèvre'));
      const res = await fetch(link.href);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        disposition: res.headers.get('content-disposition'),
        magic: String.fromCharCode(...bytes.slice(0, 5)),
      };
    })()`)) as { status: number; type: string; disposition: string; magic: string };
    expect(download).toMatchObject({ status: 200, type: 'application/pdf', magic: '%PDF-' });
    expect(download.disposition).toMatch(/convocation_/);
    await page.goto(`${base}/sessions/${sessionId}/audit`);
    expect(await text('ol.journal')).toContain('Mise à jour de la tâche');
    await expectAccessible('06-journal');
    await page.goto(`${base}/calendar?month=2027-03`);
    expect(await text('#month-title')).toBe('mars 2027');
    await expectAccessible('07-calendrier');
  });

  it('is usable on a tablet', async () => {
    await page.setViewport({ width: 768, height: 1024 });
    await page.goto(`${base}/sessions/${sessionId}`);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth',
    );
    if (overflow) {
      console.log(
        await page.evaluate(
          `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).slice(0, 15).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('\\n')`,
        ),
      );
    }
    expect(overflow).toBe(false);
    await screenshot(page, '08-session-tablette');
    await page.setViewport({ width: 1280, height: 900 });
  });

  it('logged no script error or CSP violation', () => {
    // The refused save (409) answered in place is expected; nothing else may fail.
    const expected =
      'Failed to load resource: the server responded with a status of 409 (Conflict)';
    expect(consoleErrors.filter((e) => e !== expected)).toEqual([]);
  });
});

import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
  type TestBrowser,
} from './support/browser.js';
import { ADMIN, describeOnce, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

type Body = Record<string, unknown>;

// The markup does not depend on the database: SQLite pass only; the wording, filters and PDF
// are tested on both databases through HTTP in journal.e2e-spec.ts.

describeOnce('the session journal in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];
  let sessionId: string;
  let taskLabel: string;

  const expectAccessible = async (name: string) => {
    const violations = await axeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    await screenshot(page, name);
  };
  const visible = (selector: string) =>
    page.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      return el !== null && el.getClientRects().length > 0;
    })()`) as Promise<boolean>;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-12T09:05:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const centreId = String(centre.id);
    const titre = await aTitre(admin);
    const password = 'un-mot-de-passe-solide';
    const created = await admin.post('/api/users', {
      email: 'claire.dubois@centre.test',
      password,
      role: 'manager',
      centreIds: [centreId],
      firstName: 'Claire',
      lastName: 'Dubois',
    });
    expect(created.status).toBe(201);
    const manager = t.as(await t.login('claire.dubois@centre.test', password));
    sessionId = String(
      (await aSession(manager, { centreId, siteId: String(site.id), titreId: String(titre.id) }))
        .id,
    );
    const candidate = await aCandidate(manager, sessionId, {
      lastName: 'Martin',
      firstName: 'Anaïs',
    });
    await manager.patch(`/api/sessions/${sessionId}/candidates/${String(candidate.id)}`, {
      version: candidate.version,
      convocationDate: '2027-03-10',
      convocationMode: 'HAND_DELIVERED',
    });
    const tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Body[];
    const task = tasks.find((x) => x.code === 'PLAN_ANNUAL_PROGRAMME') as Body;
    taskLabel = String(task.label);
    const ticked = await manager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
      version: task.version,
      status: 'done',
      reason: 'Programme transmis par courriel',
    });
    expect(ticked.status).toBe(200);
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    consoleErrors = collectConsoleErrors(page);
    await page.goto(`${base}/login`);
    await page.type('#email', 'claire.dubois@centre.test');
    await page.type('#password', password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  });

  afterAll(async () => {
    await tb?.close();
    await t?.close();
  });

  it('reads in French, passes axe at 1366 px and 768 px, and filters without JavaScript', async () => {
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${base}/sessions/${sessionId}/audit`);
    const journal = (await page.evaluate(
      `(document.querySelector('ol.journal')?.innerText ?? '').replace(/\\u00a0/g, ' ')`,
    )) as string;
    expect(journal).toContain(`Mise à jour de la tâche « ${taskLabel} »`);
    expect(journal).toContain('« à faire » → « fait le 12/03/2027 »');
    expect(journal).toContain('Modification du candidat Anaïs Martin');
    expect(journal).toContain('Mode de convocation');
    expect(journal).toContain('Le 12/03/2027 à 10:05, Claire Dubois');
    expect(journal).not.toMatch(/[{}]|@|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await expectAccessible('journal-1366');

    await page.select('#journal-kind', 'candidate');
    await Promise.all([page.waitForNavigation(), page.click('.journal-filters button')]);
    expect(page.url()).toContain('kind=candidate');
    const filtered = (await page.evaluate(
      `(document.querySelector('ol.journal')?.innerText ?? '').replace(/\\u00a0/g, ' ')`,
    )) as string;
    expect(filtered).toContain('Anaïs Martin');
    expect(filtered).not.toContain(taskLabel);
    const pdfHref = (await page.evaluate(
      `document.querySelector('a.journal-pdf')?.getAttribute('href') ?? ''`,
    )) as string;
    expect(pdfHref).toBe(`/sessions/${sessionId}/audit/journal.pdf?kind=candidate`);

    await page.setViewport({ width: 768, height: 1024 });
    await page.goto(`${base}/sessions/${sessionId}/audit`);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await expectAccessible('journal-768');
    expect(consoleErrors).toEqual([]);
  });

  it('prints without navigation or filters', async () => {
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${base}/sessions/${sessionId}/audit`);
    expect(await visible('.main-nav')).toBe(true);
    expect(await visible('.journal-filters')).toBe(true);
    await page.emulateMediaType('print');
    for (const selector of [
      '.breadcrumbs',
      '.site-header',
      '.main-nav',
      '.tabs',
      '.journal-filters',
      '.journal-pdf',
    ]) {
      expect({ selector, visible: await visible(selector) }).toEqual({ selector, visible: false });
    }
    expect(await visible('ol.journal')).toBe(true);
    await screenshot(page, 'journal-print');
    await page.emulateMediaType('screen');
  });
});

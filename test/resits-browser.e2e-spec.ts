import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
  type TestBrowser,
} from './support/browser.js';
import { ADMIN, startTestApp, type TestApp, describeOnce } from './support/test-app.js';

jest.setTimeout(120_000);

// What the browser sees (markup, accessibility, in-page behaviour) does not depend on the
// database: run in the SQLite pass only; the same routes and writes are tested on both databases
// through HTTP (web, web-forms, candidate-import-text, resits).

describeOnce('the « Rattrapages » page in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];
  let centreId: string;

  const expectAccessible = async (name: string) => {
    const violations = await axeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    await screenshot(page, name);
  };
  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    const titre = await aTitre(admin);
    const user = await aUser(admin, 'manager', [centreId]);
    const manager = t.as(await t.login(user.email, user.password));
    const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
    const held = String((await aSession(manager, ids)).id);
    await aSession(manager, ids, {
      nature: 'CCP',
      ccpCodes: ['CCP2'],
      startDate: '2027-11-08',
      endDate: '2027-11-09',
    });
    for (const [lastName, results] of [
      ['Bernard', ['ACQUIRED', 'NOT_ACQUIRED', 'ACQUIRED']],
      ['Lefèvre', ['ACQUIRED', 'ACQUIRED', 'NOT_ACQUIRED']],
    ] as const) {
      const c = await manager.post(`/api/sessions/${held}/candidates`, {
        lastName,
        firstName: 'Zoé',
      });
      await manager.patch(`/api/sessions/${held}/candidates/${String(c.body.id)}`, {
        version: c.body.version,
        results: results.map((outcome, i) => ({ ccpCode: `CCP${i + 1}`, outcome })),
      });
    }
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    consoleErrors = collectConsoleErrors(page);
    await page.goto(`${base}/login`);
    await page.type('#email', user.email);
    await page.type('#password', user.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  });

  afterAll(async () => {
    await tb?.close();
    await t?.close();
  });

  it('lists the re-sits with one enrolment form, or a link to create a session, accessibly', async () => {
    await Promise.all([page.waitForNavigation(), page.click('a[href="/resits"]')]);
    expect(page.url()).toBe(`${base}/centres/${centreId}/resits`);
    expect(await text('h1')).toContain('Rattrapages');
    // Lefèvre misses CCP3: no CCP3 session, a link to create one; Bernard can be enrolled.
    expect(await text('#resits tbody')).toContain('Aucune session CCP du centre ne couvre ces CCP');
    await expectAccessible('resits-list');
    await Promise.all([page.waitForNavigation(), page.click('#resits form button[type="submit"]')]);
    expect(await text('.flash')).toContain('La personne a été inscrite à la session CCP');
    expect(await text('#resits tbody')).toContain('Session prévue');
    await expectAccessible('resits-list-enrolled');
    expect(consoleErrors).toEqual([]);
  });
});

import { jest } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  SCREENSHOT_DIR,
  serve,
  type TestBrowser,
} from './support/browser.js';
import {
  ADMIN,
  describeOnce,
  startTestApp,
  type Client,
  type TestApp,
} from './support/test-app.js';

jest.setTimeout(120_000);

interface Task {
  id: string;
  status: string;
  dueDate: string;
  workingDayFallback: string | null;
  applicable: boolean;
  applicability: string;
  provenByData: boolean;
  verifiedByData: unknown;
}

// What the browser sees does not depend on the database: SQLite pass only; the same routes are
// tested on both databases through HTTP (deadlines.e2e-spec.ts).

describeOnce('« Mes échéances » in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let manager: Client;
  let consoleErrors: string[];
  let sessionId: string;
  let tasks: Task[];

  const expectAccessible = async (name: string) => {
    const violations = await axeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  };
  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;
  /** Screenshots at the two widths every page is checked at, and no horizontal scroll. */
  const shoot = async (name: string, focus?: string) => {
    for (const width of [1366, 768]) {
      await page.setViewport({ width, height: 900 });
      if (focus) await page.$eval(focus, (el) => el.scrollIntoView({ block: 'center' }));
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
      await screenshot(page, `${name}-${width}`);
      // The first screen too, as a manager sees it on arriving (the full page is long).
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${width}-screen.png`) });
    }
    await page.setViewport({ width: 1366, height: 900 });
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const user = await aUser(admin, 'manager', [String(centre.id)]);
    manager = t.as(await t.login(user.email, user.password));
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    sessionId = String(
      (await aSession(manager, ids, { startDate: '2027-03-22', endDate: '2027-03-26' })).id,
    );
    tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
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

  it('lands a manager on « Mes échéances » after logging in (accessible)', async () => {
    expect(page.url()).toBe(`${base}/echeances`);
    expect(await text('h1')).toBe('Mes échéances');
    expect(await text('.main-nav [aria-current="page"]')).toBe('Mes échéances');
    expect(await text('#overdue-title')).toContain('En retard');
    expect(await text('#upcoming-title')).toContain('Les 30 prochains jours');
    await expectAccessible('deadlines');
    await shoot('deadlines');
    // The centre's annual programme 2027 (due Sunday 31/01, so by Friday 29/01) is late too.
    expect(await text('.due-overdue .due-obligation')).toContain(
      'Communiquer le programme annuel des sessions 2027',
    );
    expect(await text('.due-overdue .due-obligation a')).toBe('Enregistrer la communication');
    await shoot('deadlines-obligation', '.due-obligation');
  });

  it('ticks an overdue task in place: no reload, the row says « fait », the counts follow', async () => {
    const target = tasks.find(
      (x) =>
        x.status === 'todo' &&
        x.applicable &&
        x.applicability !== 'INCIDENT' &&
        x.verifiedByData === null &&
        (x.workingDayFallback ?? x.dueDate) < '2027-03-01',
    )!;
    const row = `#task-${target.id}`;
    expect(await page.$eval(row, (el) => el.closest('.due-overdue') !== null)).toBe(true);
    const overdueBefore = Number(await text('#overdue-count'));
    const upcomingBefore = Number(await text('#upcoming-count'));
    expect(overdueBefore).toBeGreaterThan(0);
    expect(await text('#deadlines-summary')).toContain(
      `${overdueBefore} échéance(s) en retard, ${upcomingBefore} dans`,
    );
    await page.evaluate('window.__notReloaded = true');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith(`/tasks/${target.id}`) && r.request().method() === 'POST',
    );
    await page.click(`#done-${target.id}`);
    expect((await saved).status()).toBe(200);
    await page.waitForSelector(`${row}.task-done .alert-ok`);
    expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
    expect(await text(`${row} .task-meta`)).toMatch(/Fait le 01\/03\/2027/);
    expect(await text(`${row} .alert-ok`)).toBe('Enregistré.');
    // The headings' counts and the summary line follow in place (out-of-band swaps).
    await page.waitForFunction(
      (n: number) => document.querySelector('#overdue-count')?.textContent === String(n),
      {},
      overdueBefore - 1,
    );
    expect(Number(await text('#upcoming-count'))).toBe(upcomingBefore);
    expect(await text('#deadlines-summary')).toContain(
      `${overdueBefore - 1} échéance(s) en retard, ${upcomingBefore} dans`,
    );
    expect(await page.$$('#overdue-count')).toHaveLength(1);
    expect(await page.$$('#deadlines-summary')).toHaveLength(1);
    const stored = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    expect(stored.find((x) => x.id === target.id)?.status).toBe('done');
    await expectAccessible('deadlines-ticked');
    await shoot('deadlines-ticked', row);
    // Reloaded, it has left the list.
    await page.reload();
    expect(await page.$(row)).toBeNull();
    expect(consoleErrors).toEqual([]);
  });

  it('opens the calendar’s « et N autres » (accessible), and shows what is late', async () => {
    await Promise.all([page.waitForNavigation(), page.click('.main-nav a[href="/calendar"]')]);
    expect(await text('#overdue-title')).toContain('En retard');
    await expectAccessible('calendar-overdue');
    await shoot('calendar-overdue');
    const summary = 'td .calendar-more summary';
    const more = await page.$(summary);
    expect(more).not.toBeNull();
    const hidden = (await page.$eval(
      'td .calendar-more details ul li a',
      (a) => !(a as unknown as { checkVisibility(): boolean }).checkVisibility(),
    )) as boolean;
    expect(hidden).toBe(true);
    await page.click(summary);
    const shown = (await page.$eval('td .calendar-more details ul li a', (a) =>
      (a as unknown as { checkVisibility(): boolean }).checkVisibility(),
    )) as boolean;
    expect(shown).toBe(true);
    await expectAccessible('calendar-more');
    await shoot('calendar-more', 'td .calendar-more details[open]');
    // February, seen on 01/03/2027: its tasks still to do are marked late in their day.
    await page.goto(`${base}/calendar?month=2027-02`);
    expect(await text('.calendar li.late .calendar-late-mark')).toBe('en retard');
    await expectAccessible('calendar-late-days');
    await shoot('calendar-late-days', '.calendar li.late');
    expect(consoleErrors).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import {
  aCandidate,
  aCentre,
  aSession,
  aTitre,
  aUser,
  programmesSent,
} from './support/factories.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  SCREENSHOT_DIR,
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

jest.setTimeout(180_000);

interface Task {
  id: string;
  code: string;
  status: string;
  doneAt: string | null;
  overdue: boolean;
  applicable: boolean;
  observations: string;
  verifiedByData: object | null;
  version: number;
}

// What the browser sees does not depend on the database: SQLite pass only; the same routes are
// tested on both databases through HTTP in bulk-actions.e2e-spec.ts.
describeOnce(
  'checklist filters, counters and bulk actions in a real browser (Debian chromium)',
  () => {
    let t: TestApp;
    let manager: Client;
    let tb: TestBrowser;
    let base: string;
    let page: Page;
    let consoleErrors: string[];
    let sessionId: string;

    const text = (selector: string) =>
      page.evaluate(
        `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
      ) as Promise<string>;

    /** axe at 1366 px and 768 px (zero serious or critical), with a screenshot at each width. */
    const expectAccessible = async (name: string, within = 'document.documentElement') => {
      for (const width of [1366, 768]) {
        await page.setViewport({ width, height: 900 });
        const violations = await axeViolations(page);
        expect({ page: name, width, violations }).toEqual({ page: name, width, violations: [] });
        const overflow = (await page.evaluate(
          `${within}.getBoundingClientRect().right - window.innerWidth`,
        )) as number;
        expect({ page: name, width, overflow: overflow > 0 }).toEqual({
          page: name,
          width,
          overflow: false,
        });
        await screenshot(page, `bulk-${name}-${width}`);
      }
      await page.setViewport({ width: 1366, height: 900 });
    };

    /** A screenshot of one part of the page at 1366 px and 768 px (the full pages are long). */
    async function partShots(selector: string, name: string): Promise<void> {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const width of [1366, 768]) {
        await page.setViewport({ width, height: 900 });
        const part = await page.$(selector);
        if (!part) throw new Error(`no ${selector}`);
        await part.screenshot({ path: join(SCREENSHOT_DIR, `bulk-part-${name}-${width}.png`) });
      }
      await page.setViewport({ width: 1366, height: 900 });
    }

    async function tasks(): Promise<Task[]> {
      return (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    }

    const rowCount = () =>
      page.evaluate(
        'document.querySelectorAll("#checklist-tasks li.task").length',
      ) as Promise<number>;

    beforeAll(async () => {
      t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      const titre = await aTitre(admin);
      const centreId = String(centre.id);
      await programmesSent(admin, centreId, [2027]);
      const user = await aUser(admin, 'manager', [centreId]);
      manager = t.as(await t.login(user.email, user.password));
      const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
      sessionId = String(
        (await aSession(manager, ids, { startDate: '2027-03-22', endDate: '2027-03-26' })).id,
      );
      for (const [lastName, firstName] of [
        ['Durand', 'Anne'],
        ['Petit', 'Bruno'],
        ['Lefèvre', 'Chloé'],
      ]) {
        await aCandidate(manager, sessionId, {
          lastName,
          firstName,
          email: `${firstName.toLowerCase()}@example.fr`,
        });
      }
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

    it('filters the checklist in place, and by link without JavaScript', async () => {
      await page.goto(`${base}/sessions/${sessionId}`);
      const all = await tasks();
      expect(await rowCount()).toBe(all.length);
      await expectAccessible('checklist');
      await page.evaluate('window.__notReloaded = true');
      await page.click('a[data-filter="en-retard"]');
      await page.waitForSelector('a[data-filter="en-retard"][aria-current="true"]');
      const late = all.filter((x) => x.overdue);
      expect(late.length).toBeGreaterThan(0);
      expect(await rowCount()).toBe(late.length);
      expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
      await expectAccessible('checklist-late');
      await page.click('a[data-filter="reglementaires"]');
      await page.waitForSelector('a[data-filter="reglementaires"][aria-current="true"]');
      expect(await rowCount()).toBeLessThan(all.length);
      await page.click('a[data-filter="toutes"]');
      await page.waitForSelector('a[data-filter="toutes"][aria-current="true"]');
      expect(await rowCount()).toBe(all.length);
      expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
    });

    it('updates the counters in place after a tick, without reloading', async () => {
      await page.goto(`${base}/sessions/${sessionId}`);
      await page.evaluate('window.__notReloaded = true');
      const before = await text('[data-counter="overall"]');
      const target = (await tasks()).find((x) => x.code === 'PLAN_ECF_RECORD') as Task;
      await page.click(`#done-${target.id}`);
      await page.waitForSelector(`#task-${target.id} .alert-ok`);
      await page.waitForFunction(
        `document.querySelector('[data-counter="overall"]').textContent !== ${JSON.stringify(before)}`,
      );
      const after = await text('[data-counter="overall"]');
      const done = (s: string) => Number(/\((\d+)\//.exec(s)?.[1]);
      expect(done(after)).toBe(done(before) + 1);
      expect(await page.evaluate('window.__notReloaded === true')).toBe(true);
    });

    it('ticks several tasks with one « fait le » date', async () => {
      await page.goto(`${base}/sessions/${sessionId}`);
      // Two tasks to do with no compliance check of their own (a failing check needs a reason).
      const chosen = (await tasks())
        .filter(
          (x) =>
            x.status === 'todo' &&
            x.applicable &&
            x.verifiedByData === null &&
            !['PLAN_ECF_RECORD', 'PLAN_ANNUAL_PROGRAMME'].includes(x.code),
        )
        .slice(0, 2);
      expect(chosen).toHaveLength(2);
      // Nothing selected: a French message, nothing saved.
      await Promise.all([page.waitForNavigation(), page.click('#bulk-tick button[type="submit"]')]);
      expect(await text('#bulk-tick-errors')).toContain('Aucune tâche n’est sélectionnée');
      for (const c of chosen) await page.click(`input[name="taskIds"][value="${c.id}"]`);
      expect(await text('#bulk-tick-count')).toBe('2 tâches sélectionnées');
      await page.evaluate(`document.querySelector('#bulk-done-at').value = '2027-02-27'`);
      await partShots('#bulk-tick', 'checklist-bulk-form');
      await partShots(`#task-${chosen[0].id}`, 'checklist-selected-row');
      await Promise.all([page.waitForNavigation(), page.click('#bulk-tick button[type="submit"]')]);
      const flash = await text('.flash');
      if (flash === '') throw new Error(await text('#bulk-tick-errors'));
      expect(flash).toContain('Les tâches sélectionnées ont été cochées');
      const stored = await tasks();
      for (const c of chosen) {
        expect(stored.find((x) => x.id === c.id)).toMatchObject({
          status: 'done',
          doneAt: '2027-02-27',
        });
      }
    });

    it('keeps the loser’s typed note beside the winner’s on an edit conflict', async () => {
      await page.goto(`${base}/sessions/${sessionId}`);
      const target = (await tasks()).find((x) => x.code === 'PLAN_ANNUAL_PROGRAMME') as Task;
      const res = await manager.patch(`/api/sessions/${sessionId}/tasks/${target.id}`, {
        status: target.status,
        observations: 'Note de ma collègue',
        version: target.version,
      });
      expect(res.status).toBe(200);
      await page.click(`#task-${target.id} summary`);
      await page.type(`#task-${target.id} textarea[name="observations"]`, 'Ma note à moi');
      await page.click(`#task-${target.id} details button[type="submit"]`);
      await page.waitForSelector(`#task-${target.id} .task-conflict`);
      expect(await text(`#task-${target.id} .alert-error`)).toContain(
        'fusionnez-les puis enregistrez',
      );
      expect(await text(`#task-${target.id} .task-conflict`)).toContain('Note de ma collègue');
      expect(
        await page.evaluate(
          `document.querySelector('#task-${target.id} textarea[name="observations"]').value`,
        ),
      ).toBe('Ma note à moi');
      await expectAccessible('task-conflict');
      await partShots(`#task-${target.id}`, 'conflict');
      // Merged and saved again: the form now carries the current version.
      await page.evaluate(
        `document.querySelector('#task-${target.id} textarea[name="observations"]').value = 'Note de ma collègue. Ma note à moi'`,
      );
      await page.click(`#task-${target.id} details button[type="submit"]`);
      await page.waitForSelector(`#task-${target.id} .alert-ok`);
      expect((await tasks()).find((x) => x.id === target.id)?.observations).toBe(
        'Note de ma collègue. Ma note à moi',
      );
    });

    it('convokes the selected candidates and records everyone’s attendance', async () => {
      await page.goto(`${base}/sessions/${sessionId}/candidates`);
      // The candidates table is fitted to 768 px elsewhere: here, the bulk forms must fit.
      await expectAccessible('candidates', 'document.querySelector(".bulk-actions")');
      await page.click('[data-check-all="candidateIds"]');
      await page.evaluate(`document.querySelector('#bulk-convocation-date').value = '2027-02-15'`);
      await page.select('#bulk-convocation-mode', 'HAND_DELIVERED');
      await Promise.all([
        page.waitForNavigation(),
        page.click('#convocation-groupee button[type="submit"]'),
      ]);
      expect(await text('.flash')).toContain('La convocation a été enregistrée');
      await page.click('#all-present');
      const values = (await page.evaluate(
        `[...document.querySelectorAll('select[data-attendance]')].map((s) => s.value)`,
      )) as string[];
      expect(values).toEqual(['PRESENT', 'PRESENT', 'PRESENT']);
      const petit = (await page.evaluate(
        `[...document.querySelectorAll('select[data-attendance]')][2].id`,
      )) as string;
      await page.select(`#${petit}`, 'ABSENT');
      await Promise.all([page.waitForNavigation(), page.click('#presence button[type="submit"]')]);
      expect(await text('.flash')).toContain('La présence a été enregistrée');
      const list = (await manager.get(`/api/sessions/${sessionId}/candidates`)).body as {
        lastName: string;
        attendance: string;
        convocationDate: string;
      }[];
      expect(list.map((c) => [c.lastName, c.attendance, c.convocationDate]).sort()).toEqual([
        ['Durand', 'PRESENT', '2027-02-15'],
        ['Lefèvre', 'PRESENT', '2027-02-15'],
        ['Petit', 'ABSENT', '2027-02-15'],
      ]);
      await expectAccessible('candidates-saved', 'document.querySelector(".bulk-actions")');
      await partShots('.bulk-actions', 'candidates');
      // The refusals the tests provoke (nothing selected: 400; the conflict: 409) and nothing else.
      expect(consoleErrors.filter((e) => !/status of (400|409) /.test(e))).toEqual([]);
      expect(consoleErrors.length).toBeLessThanOrEqual(2);
    });
  },
);

/**
 * Tables that fit, in a real browser (Debian chromium): every dashboard page a manager and an
 * admin reach by following links (the nav, the session tabs, the person page, the reference
 * pages…) is visited at 1366 px and 768 px, on the demo centre's data. At both widths the page
 * does not scroll horizontally (nor does any table inside it), and at 768 px every row's links and
 * buttons lie inside the viewport; axe-core finds no serious or critical violation; a screenshot
 * of each page and width goes to test-output/screenshots/tables-*.
 */
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { DemoLoader } from '../src/demo/demo-loader.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
  type TestBrowser,
} from './support/browser.js';
import { ADMIN, describeOnce, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(900_000);

const WIDTHS = [1366, 768] as const;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Links that are not dashboard pages: the API, downloads, assets, logging out. */
const NOT_A_PAGE =
  /^\/(api|assets|logout)\b|\.(csv|pdf|ics|zip|png|svg)$|\/(download|export|feed)\b/;

interface Measure {
  scrollWidth: number;
  innerWidth: number;
  /** Elements reaching past the right edge of the viewport, described for the failure message. */
  culprits: string[];
  /** Tables scrolling inside their wrapper. */
  scrollingTables: string[];
  /** Row links and buttons outside the viewport or invisible. */
  hiddenActions: string[];
  rows: number;
}

// A string: the tests compile without the DOM's types.
const MEASURE = `(() => {
  const width = document.documentElement.clientWidth;
  const describe = (e) => {
    const r = e.getBoundingClientRect();
    return e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
      (e.closest('[id]') ? '@' + e.closest('[id]').id : '') + ' ' + Math.round(r.left) + '→' + Math.round(r.right) +
      ' « ' + (e.textContent || '').trim().slice(0, 30) + ' »';
  };
  const culprits = [...document.querySelectorAll('body *')]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && !e.closest('.visually-hidden');
    })
    .slice(0, 5)
    .map(describe);
  const scrollingTables = [...document.querySelectorAll('.table-wrap, table')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map(describe);
  const rows = [...document.querySelectorAll('main tbody tr')];
  const hiddenActions = rows
    .flatMap((row) => [...row.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')])
    .filter((e) => !e.closest('.visually-hidden') && !e.closest('details:not([open]) > :not(summary)'))
    .filter((e) => {
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      const visible = r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      return !visible || r.left < -1 || r.right > width + 1;
    })
    .slice(0, 5)
    .map(describe);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    culprits,
    scrollingTables,
    hiddenActions,
    rows: rows.length,
  };
})()`;

describeOnce(
  'tables that fit: every dashboard page at 1366 px and 768 px (Debian chromium)',
  () => {
    let t: TestApp;
    let tb: TestBrowser;
    let base: string;
    let page: Page;
    let consoleErrors: string[];
    let demoPassword: string;
    /** Page shapes (ids replaced by :id) already checked, per role: each kind of page once each. */
    let checked = new Set<string>();
    const report: string[] = [];
    /** What does not fit, in French, every page and width at once. */
    const problems: string[] = [];

    const shapeOf = (path: string) => path.replace(UUID, ':id');

    const login = async (email: string, password: string) => {
      const client = await page.target().createCDPSession();
      await client.send('Network.clearBrowserCookies');
      await client.detach();
      await page.setViewport({ width: 1366, height: 900 });
      await page.goto(`${base}/login`);
      await page.type('#email', email);
      await page.type('#password', password);
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    };

    /** Same-origin page links of the current page, without query string or fragment. */
    const linksOfPage = async (): Promise<string[]> => {
      const hrefs = (await page.evaluate(
        `[...document.querySelectorAll('a[href]')].map((a) => a.href)`,
      )) as string[];
      const paths: string[] = [];
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== base) continue;
        if (NOT_A_PAGE.test(url.pathname) || url.pathname === '/login') continue;
        paths.push(url.pathname);
      }
      return paths;
    };

    /** Checks one page at both widths; returns false when it is not an HTML page. */
    const checkPage = async (who: string, path: string): Promise<boolean> => {
      await page.setViewport({ width: 1366, height: 900 });
      const response = await page.goto(`${base}${path}`);
      const type = response?.headers()['content-type'] ?? '';
      if (!type.includes('text/html')) return false;
      if (response?.status() !== 200) {
        problems.push(`${path} : statut ${response?.status() ?? 'inconnu'}`);
        return false;
      }
      const name = `tables-${who}-${shapeOf(path).replace(/^\//, '').replace(/[/:]+/g, '-') || 'home'}`;
      for (const width of WIDTHS) {
        await page.setViewport({ width, height: 900 });
        await screenshot(page, `${name}-${width}`);
        const m = (await page.evaluate(MEASURE)) as Measure;
        const at = `${path} à ${width} px`;
        if (m.scrollWidth > m.innerWidth || m.culprits.length > 0) {
          problems.push(
            `${at} : défilement horizontal (${m.scrollWidth} > ${m.innerWidth}) ${m.culprits.join(' ; ')}`,
          );
        }
        if (m.scrollingTables.length > 0) {
          problems.push(`${at} : tableau défilant ${m.scrollingTables.join(' ; ')}`);
        }
        if (m.hiddenActions.length > 0) {
          problems.push(`${at} : actions hors de l’écran ${m.hiddenActions.join(' ; ')}`);
        }
        for (const v of await axeViolations(page)) {
          problems.push(`${at} : axe ${v.impact ?? ''} ${v.id} ${v.nodes.join(' ')}`);
        }
        if (width === WIDTHS[0]) report.push(`${who} ${shapeOf(path)} (${m.rows} lignes)`);
      }
      return true;
    };

    /** Breadth-first over the links from `start`, each page shape once. */
    const crawl = async (who: string, starts: string[]) => {
      const queue = [...starts];
      const seen = new Set<string>(queue);
      while (queue.length > 0) {
        const path = queue.shift()!;
        const shape = shapeOf(path);
        if (checked.has(shape)) continue;
        checked.add(shape);
        if (!(await checkPage(who, path))) continue;
        for (const link of await linksOfPage()) {
          if (seen.has(link) || checked.has(shapeOf(link))) continue;
          seen.add(link);
          queue.push(link);
        }
      }
    };

    beforeAll(async () => {
      t = await startTestApp({ now: '2027-03-10T08:00:00Z' });
      const summary = await t.app.get(DemoLoader).load();
      demoPassword = /Mot de passe : (\S+)/.exec(summary)![1]!;
      base = await serve(t.app);
      tb = await launchBrowser();
      page = await tb.browser.newPage();
      consoleErrors = collectConsoleErrors(page);
    });

    afterAll(async () => {
      await tb?.close();
      await t?.close();
    });

    it('fits every page a manager reaches, the running session’s tabs first', async () => {
      await login('rs.demo@jalon.localhost', demoPassword);
      const manager = t.as(await t.login('rs.demo@jalon.localhost', demoPassword));
      const sessions = (await manager.get('/api/sessions')).body as {
        id: string;
        startDate: string;
      }[];
      const running = sessions.find((s) => s.startDate === '2027-03-09')!;
      // Rows for the pages the demo leaves empty: a provider's convention, incidents.
      const session = (await manager.get(`/api/sessions/${running.id}`)).body as {
        centreId: string;
        titreId: string;
      };
      const providers = `/api/centres/${session.centreId}/providers`;
      const provider = (await manager.post(providers, { name: 'Forma Plus Rhône-Alpes Auvergne' }))
        .body as { id: string };
      const convention = (
        await manager.post(`${providers}/${provider.id}/conventions`, {
          signedOn: '2024-11-04',
          effectiveFrom: '2025-01-01',
          sentToPrefectOn: '2024-11-20',
          titreIds: [session.titreId],
          forecastCurrentYear: 4,
          forecastNextYear: 12,
        })
      ).body as { id: string };
      expect(
        (
          await manager.post(`${providers}/${provider.id}/conventions/${convention.id}/avenants`, {
            year: 2027,
            forecastCount: 14,
          })
        ).status,
      ).toBe(201);
      const candidates = (await manager.get(`/api/sessions/${running.id}/candidates`)).body as {
        id: string;
      }[];
      for (const body of [
        {
          kind: 'FRAUD',
          candidateId: candidates[0]!.id,
          occurredOn: '2027-03-09',
          description: 'Antisèche trouvée dans la trousse lors de l’épreuve de mise en situation.',
          measures: 'Document retiré, rapport rédigé, candidat autorisé à finir l’épreuve.',
        },
        { kind: 'INCIDENT', occurredOn: '2027-03-09', description: 'Alarme incendie à 11 h.' },
      ]) {
        expect((await manager.post(`/api/sessions/${running.id}/incidents`, body)).status).toBe(
          201,
        );
      }
      await crawl('rs', [
        '/sessions',
        `/sessions/${running.id}`,
        `/sessions/${running.id}/candidates`,
      ]);
      for (const shape of [
        '/sessions',
        '/sessions/:id',
        '/sessions/:id/candidates',
        '/sessions/:id/candidates/:id',
        '/sessions/:id/jury',
        '/sessions/:id/incidents',
        '/centres/:id/providers',
        '/sessions/:id/documents',
        '/sessions/:id/audit',
        '/people/:id',
        '/jury',
        '/jury/:id',
        '/agrements',
        '/calendar',
        '/resits',
      ]) {
        expect({ shape, checked: checked.has(shape) }).toEqual({ shape, checked: true });
      }
      expect(problems).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    it('fits every page an admin reaches too, the users page besides', async () => {
      problems.length = 0;
      checked = new Set<string>();
      await login(ADMIN.email, ADMIN.password);
      await crawl('admin', ['/sessions', '/users', '/centres', '/titres']);
      for (const shape of [
        '/users',
        '/centres',
        '/titres',
        '/centres/:id/providers',
        '/sessions/:id/candidates',
        '/jury',
        '/agrements',
      ]) {
        expect({ shape, checked: checked.has(shape) }).toEqual({ shape, checked: true });
      }
      expect(problems).toEqual([]);
      expect(consoleErrors).toEqual([]);
      // The pages checked, for the run's log.
      process.stdout.write(`Pages vérifiées (${report.length}) :\n${report.join('\n')}\n`);
    });
  },
);

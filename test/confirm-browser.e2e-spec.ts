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
import { ADMIN, startTestApp, type TestApp, describeOnce } from './support/test-app.js';

jest.setTimeout(180_000);

// What the browser sees does not depend on the database: SQLite pass only; the same routes are
// tested on both databases through HTTP (small-things).

describeOnce(
  'deletion confirmations, 404 page and glossary in a real browser (Debian chromium)',
  () => {
    let t: TestApp;
    let tb: TestBrowser;
    let base: string;
    let page: Page;
    let consoleErrors: string[];
    let sessionId: string;
    let candidateId: string;
    let incidentId: string;

    /** axe at zero serious/critical, and a screenshot at 1366 px and at 768 px. */
    const expectAccessible = async (name: string) => {
      for (const width of [1366, 768]) {
        await page.setViewport({ width, height: 900 });
        const violations = await axeViolations(page);
        expect({ page: name, width, violations }).toEqual({ page: name, width, violations: [] });
        const overflow = (await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        )) as number;
        expect({ page: name, width, overflow }).toEqual({ page: name, width, overflow: 0 });
        await screenshot(page, `${name}-${width}`);
      }
    };
    const text = (selector: string) =>
      page.evaluate(
        `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
      ) as Promise<string>;

    beforeAll(async () => {
      t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      const centreId = String(centre.id);
      const titre = await aTitre(admin);
      const user = await aUser(admin, 'manager', [centreId]);
      const manager = t.as(await t.login(user.email, user.password));
      const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
      sessionId = String(
        (await aSession(manager, ids, { startDate: '2027-02-22', endDate: '2027-02-26' })).id,
      );
      const candidate = await aCandidate(manager, sessionId, {
        lastName: 'Dupont',
        firstName: 'Anaïs',
      });
      candidateId = String(candidate.id);
      await manager.patch(`/api/sessions/${sessionId}/candidates/${candidateId}`, {
        version: candidate.version,
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP3', outcome: 'NOT_ACQUIRED' },
        ],
      });
      const incident = await manager.post(`/api/sessions/${sessionId}/incidents`, {
        kind: 'FRAUD',
        candidateId,
        occurredOn: '2027-02-23',
        description: 'Téléphone consulté pendant l’épreuve',
      });
      incidentId = String(incident.body.id);
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

    it('shows what a candidate’s deletion removes; cancel keeps the candidate, confirm removes them', async () => {
      await page.goto(`${base}/sessions/${sessionId}/candidates/${candidateId}`);
      const toConfirm = `a[href="/sessions/${sessionId}/candidates/${candidateId}/supprimer"]`;
      await Promise.all([page.waitForNavigation(), page.click(toConfirm)]);
      expect(await text('#confirm-title')).toBe('Supprimer Anaïs DUPONT de la session ?');
      expect(await text('.confirm-consequence')).toContain(
        'ses résultats (CCP1 : acquis, CCP2 : acquis, CCP3 : non acquis)',
      );
      expect(await text('.confirm-consequence')).toContain('son émargement (présent)');
      await expectAccessible('confirm-candidate');
      // « Annuler » goes back to the candidate, who is still there.
      await page.setViewport({ width: 1366, height: 900 });
      await Promise.all([page.waitForNavigation(), page.click('.confirm-actions a')]);
      expect(page.url()).toBe(`${base}/sessions/${sessionId}/candidates/${candidateId}`);
      await page.goto(`${base}/sessions/${sessionId}/candidates`);
      expect(await text('table')).toContain('DUPONT Anaïs');
      // Confirming deletes.
      await page.goto(`${base}/sessions/${sessionId}/candidates/${candidateId}/supprimer`);
      await Promise.all([page.waitForNavigation(), page.click('.confirm-actions button')]);
      expect(page.url()).toBe(`${base}/sessions/${sessionId}/candidates?ok=candidate-deleted`);
      expect(await text('main')).not.toContain('DUPONT Anaïs');
      expect(consoleErrors).toEqual([]);
    });

    it('asks the same way before deleting a fraud report', async () => {
      await page.goto(`${base}/sessions/${sessionId}/incidents`);
      await Promise.all([
        page.waitForNavigation(),
        page.click(`a[href="/sessions/${sessionId}/incidents/${incidentId}/supprimer"]`),
      ]);
      // The candidate was deleted above: the report names nobody any more.
      expect(await text('#confirm-title')).toBe(
        'Supprimer le signalement de fraude du 23/02/2027 ?',
      );
      await expectAccessible('confirm-incident');
      await page.setViewport({ width: 1366, height: 900 });
      await Promise.all([page.waitForNavigation(), page.click('.confirm-actions a')]);
      expect(await text('tbody')).toContain('Téléphone consulté');
      await page.goto(`${base}/sessions/${sessionId}/incidents/${incidentId}/supprimer`);
      await Promise.all([page.waitForNavigation(), page.click('.confirm-actions button')]);
      expect(await text('.flash')).toContain('supprimé');
      expect(await text('main')).toContain('Aucun incident n’a été signalé');
    });

    it('shows the calendar link once: a refresh neither shows it again nor creates another', async () => {
      await page.setViewport({ width: 1366, height: 900 });
      await page.goto(`${base}/calendar`);
      await Promise.all([
        page.waitForNavigation(),
        page.click('form[action="/calendar/feed/rotate"] button'),
      ]);
      expect(page.url()).toBe(`${base}/calendar?ok=feed-created#feed-title`);
      const url = (await page.evaluate(
        `document.querySelector('#feed-url')?.value ?? ''`,
      )) as string;
      expect(url).toMatch(/\/calendar\/feed\/[\w-]+\.ics$/);
      await expectAccessible('calendar-link-once');
      await page.reload();
      expect(await page.$('#feed-url')).toBeNull();
      expect(await text('#feed-title + p + p')).toContain('Vous avez un lien de flux actif');
      expect(await text('form[action="/calendar/feed/rotate"] button')).toBe('Renouveler le lien');
      // The link shown once still works: the refresh created no other one.
      const feed = (await page.evaluate(
        `fetch(${JSON.stringify(new URL(url).pathname)}).then((r) => r.status)`,
      )) as number;
      expect(feed).toBe(200);
    });

    it('shows a French 404 page and the glossary, reachable from the footer', async () => {
      const res = await page.goto(`${base}/sessions-perdues/quelque-part`);
      expect(res?.status()).toBe(404);
      expect(await text('h1')).toBe('Page introuvable');
      await expectAccessible('not-found');
      await page.setViewport({ width: 1366, height: 900 });
      await Promise.all([page.waitForNavigation(), page.click('footer a[href="/glossaire"]')]);
      expect(await text('h1')).toBe('Glossaire');
      expect(await text('#ceres dd')).toContain(
        'CERES'.length > 0 ? 'Application du ministère' : '',
      );
      await expectAccessible('glossary');
      expect(consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
    });
  },
);

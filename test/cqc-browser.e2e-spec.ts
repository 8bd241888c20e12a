/**
 * The CQC pages in a real browser (Debian chromium): a driver's bad licence number answered in
 * French naming the field, the registration recorded, the certificates page listing the driver,
 * axe-core without serious or critical violation, no horizontal overflow at 1366 and 768 px.
 */
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

// What the browser sees does not depend on the database: SQLite pass only (the same routes are
// tested on both databases through HTTP in cqc-web.e2e-spec.ts).

const WIDTHS = [1366, 768] as const;

describeOnce('CQC pages in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];
  let sessionId: string;
  const ids: Record<string, string> = {};

  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;
  const submit = async (selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };
  /**
   * axe-core, then no horizontal overflow of the page (a wide table scrolls inside its focusable
   * `.table-wrap`) and a screenshot at each width.
   */
  const check = async (name: string) => {
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      const violations = await axeViolations(page);
      expect({ page: name, width, violations }).toEqual({ page: name, width, violations: [] });
      const overflow = (await page.evaluate(
        `[document.documentElement.scrollWidth, window.innerWidth, [...document.querySelectorAll('body *')].filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => e.tagName + '.' + e.className).join(' ')]`,
      )) as [number, number, string];
      expect({ page: name, width, scrollWidth: overflow[0], culprits: overflow[2] }).toEqual({
        page: name,
        width,
        scrollWidth: overflow[1],
        culprits: '',
      });
      await screenshot(page, `cqc-${name}-${width}`);
    }
    await page.setViewport({ width: 1366, height: 900 });
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const centreId = String(centre.id);
    const titre = await aTitre(admin, {
      code: 'CTRMP',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
      ccps: [
        { code: 'CCP1', label: 'Préparer, réaliser et optimiser des transports de marchandises' },
        { code: 'CCP2', label: 'Réaliser en sécurité des opérations de transport' },
      ],
    });
    const titreId = String(titre.id);
    expect(
      (
        await admin.post('/api/agrements', {
          centreId,
          siteId: String(site.id),
          titreId,
          validFrom: '2026-01-01',
          validUntil: '2029-06-30',
          maxCandidates: 12,
          technicalPlatform: 'Aire de manœuvre et porteur',
        })
      ).status,
    ).toBe(201);
    const user = await aUser(admin, 'manager', [centreId]);
    let m = t.as(await t.login(user.email, user.password));
    sessionId = String((await aSession(m, { centreId, siteId: String(site.id), titreId })).id);
    const versions: Record<string, number> = {};
    for (const [key, lastName, firstName] of [
      ['camille', 'Dupont', 'Camille'],
      ['eloise', 'Martin', 'Éloïse'],
    ]) {
      const c = await aCandidate(m, sessionId, { lastName, firstName, birthDate: '1991-02-03' });
      ids[key] = String(c.id);
      versions[key] = Number(c.version);
    }
    t.clock.set('2027-06-21T09:00:00Z');
    m = t.as(await t.login(user.email, user.password));
    for (const key of Object.keys(ids)) {
      const res = await m.patch(`/api/sessions/${sessionId}/candidates/${ids[key]}`, {
        version: versions[key],
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
        ],
      });
      expect(res.status).toBe(200);
    }
    expect(
      (
        await m.put(`/api/sessions/${sessionId}/cqc/drivers/${ids.eloise}`, {
          licenceNumber: '7E9R8T7ZE9E8A9',
          orderNumber: 'FAC-2027-0143',
        })
      ).status,
    ).toBe(200);
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    consoleErrors = collectConsoleErrors(page);
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${base}/login`);
    await page.type('#email', user.email);
    await page.type('#password', user.password);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  });

  afterAll(async () => {
    await tb?.close();
    await t?.close();
  });

  it('refuses a bad licence number in French, naming the field, then saves the driver', async () => {
    await page.goto(`${base}/sessions/${sessionId}/cqc`);
    expect(await text('nav[aria-label="Pages de la session"] [aria-current="page"]')).toBe('CQC');
    const form = `#conducteur-${ids.camille} form`;
    await page.type(`${form} input[name="licenceNumber"]`, 'ab-12');
    await page.type(`${form} input[name="orderNumber"]`, 'FAC-2027-0142');
    await submit(`${form} button[type="submit"]`);
    const error = await text(`${form} .field-error`);
    expect(error).toContain('Le numéro de permis de conduire');
    expect(error).toContain('Formats acceptés');
    expect(
      await page.evaluate(
        `document.querySelector(${JSON.stringify(`${form} input[name="licenceNumber"]`)}).getAttribute('aria-invalid')`,
      ),
    ).toBe('true');
    await check('conducteur-erreur');
    const input = `${form} input[name="licenceNumber"]`;
    await page.click(input, { count: 3 });
    await page.type(input, '2106 9210 6990');
    await submit(`${form} button[type="submit"]`);
    expect(await text('.flash')).toContain('Les données du conducteur');
    expect(await text('#cqc-check + .alert')).toContain('Aucune erreur');
    await check('session-controles');
  });

  it('records the registration, then lists the certificates', async () => {
    await page.goto(`${base}/sessions/${sessionId}/cqc`);
    await submit('form[action$="/cqc/registration"] button[type="submit"]');
    expect(await text('.flash')).toContain('certificat provisoire valable 4 mois');
    expect(await text(`#conducteur-${ids.camille}`)).toContain('21/10/2027');
    await check('session-enregistree');
    await Promise.all([page.waitForNavigation(), page.click('a[href="/cqc/certificates"]')]);
    const table = await text('table');
    expect(table).toContain('DUPONT Camille');
    expect(table).toContain('MARTIN Éloïse');
    expect(table).toContain('122 jours');
    await check('certificats');
    await page.type('#q-expiringBefore', '');
    await page.goto(`${base}/cqc/certificates?expiringBefore=2027-10-21`);
    expect(await text('main')).toContain('Aucun certificat n’expire avant le 21/10/2027.');
  });

  it('logged no script error or CSP violation', () => {
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});

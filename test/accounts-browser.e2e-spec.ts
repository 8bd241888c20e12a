import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { SetupService } from '../src/auth/setup.service.js';
import {
  axeViolations,
  collectConsoleErrors,
  launchBrowser,
  screenshot,
  serve,
  type TestBrowser,
} from './support/browser.js';
import { describeOnce, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

// What the browser sees does not depend on the database: SQLite pass only; the routes are tested
// on both databases through HTTP (accounts, setup).

const EMAIL = 'direction@centre.example.fr';
const PASSWORD = 'mot-de-passe-du-premier-admin';
const NEW_PASSWORD = 'une-toute-nouvelle-phrase';

describeOnce('set-up and « Mon compte » in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];

  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;

  /** Axe at zero serious or critical violations, and screenshots at 1366 px and 768 px. */
  const check = async (name: string) => {
    for (const width of [1366, 768]) {
      await page.setViewport({ width, height: 900 });
      const violations = await axeViolations(page);
      expect({ page: name, width, violations }).toEqual({ page: name, width, violations: [] });
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      expect({ page: name, width, overflow }).toEqual({ page: name, width, overflow: 0 });
      await screenshot(page, `${name}-${width}`);
    }
  };

  /** The page's look comes from the layout's stylesheet: no inline style, none blocked. */
  const styledByTheLayout = async () => {
    expect(await page.evaluate('document.querySelectorAll("style, [style]").length')).toBe(0);
    expect(
      await page.evaluate(
        '!!document.querySelector(\'link[rel="stylesheet"][href="/assets/app.css"]\')',
      ),
    ).toBe(true);
    // app.css applied: the header band and the button are styled, not the browser's defaults.
    expect(
      await page.evaluate(
        'getComputedStyle(document.querySelector(".site-header")).backgroundColor',
      ),
    ).not.toBe('rgba(0, 0, 0, 0)');
  };

  beforeAll(async () => {
    t = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: { JALON_ADMIN_EMAIL: '', JALON_ADMIN_PASSWORD: '' },
    });
    base = await serve(t.app);
    tb = await launchBrowser();
    page = await tb.browser.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  afterAll(async () => {
    await tb?.close();
    await t?.close();
  });

  it('styles the one-time set-up page under the CSP and ends with a link to log in', async () => {
    const url = new URL(t.app.get(SetupService).lastSetupUrl!);
    await page.goto(`${base}/setup${url.search}`);
    expect(await text('h1')).toBe('Mise en service de Jalon');
    await styledByTheLayout();
    await check('setup-form');
    await page.type('#email', EMAIL);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await text('[role="status"]')).toContain(`Le compte administrateur ${EMAIL} a été créé`);
    await styledByTheLayout();
    await check('setup-done');
    await Promise.all([page.waitForNavigation(), page.click('main a[href="/login"]')]);
    expect(page.url()).toBe(`${base}/login`);
    expect(consoleErrors).toEqual([]);
  });

  it('offers « Mot de passe oublié ? » on the login page', async () => {
    await page.goto(`${base}/login`);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/password/forgot"]')]);
    expect(await text('h1')).toBe('Mot de passe oublié');
    await check('password-forgot');
    await page.type('input[name="email"]', 'personne@inconnu.example.fr');
    await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
    expect(await text('[role="status"]')).toContain(
      'Si un compte actif correspond à cette adresse',
    );
    await check('password-forgot-sent');
    expect(consoleErrors).toEqual([]);
  });

  it('changes the password on « Mon compte », reached from the header', async () => {
    await page.goto(`${base}/login`);
    await page.type('#email', EMAIL);
    await page.type('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
    await Promise.all([page.waitForNavigation(), page.click('.user-box a[href="/account"]')]);
    expect(await text('h1')).toBe('Mon compte');
    await check('account');

    await page.type('input[name="currentPassword"]', 'pas-le-bon-mot-de-passe');
    await page.type('input[name="newPassword"]', NEW_PASSWORD);
    await page.type('input[name="newPasswordConfirmation"]', NEW_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
    expect(await text('.alert-error')).toContain('Le mot de passe actuel est incorrect.');
    // The message is next to its field too.
    expect(await text('.field.has-error .field-error')).toBe(
      'Le mot de passe actuel est incorrect.',
    );
    await check('account-errors');
    // The refused form comes back as a 400 page, which the browser logs: that one only.
    expect(consoleErrors.splice(0)).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);

    await page.type('input[name="currentPassword"]', PASSWORD);
    await page.type('input[name="newPassword"]', NEW_PASSWORD);
    await page.type('input[name="newPasswordConfirmation"]', NEW_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
    expect(await text('.flash')).toContain('Votre mot de passe a été changé');
    await check('account-changed');
    expect(consoleErrors).toEqual([]);
  });

  it('lets the administrator disable and re-enable an account from the users list', async () => {
    const admin = t.as(await t.login(EMAIL, NEW_PASSWORD));
    const created = await admin.post('/api/users', {
      email: 'gestion@centre.example.fr',
      password: 'un-mot-de-passe-solide',
      role: 'admin',
    });
    expect(created.status).toBe(201);
    await page.goto(`${base}/users`);
    await check('users-active');
    const form = `form[action="/users/${String(created.body.id)}/active"] button`;
    expect(await text(form)).toContain('Désactiver');
    await Promise.all([page.waitForNavigation(), page.click(form)]);
    expect(await text('.flash')).toContain('Le compte a été désactivé');
    expect(await text(form)).toContain('Réactiver');
    await check('users-disabled');
    // At 768 px (the last width checked) the table fits: the button is not scrolled away.
    expect(
      await page.evaluate(
        '(() => { const w = document.querySelector(".table-wrap"); return w.scrollWidth - w.clientWidth; })()',
      ),
    ).toBe(0);
    await Promise.all([page.waitForNavigation(), page.click(form)]);
    expect(await text('.flash')).toContain('Le compte a été réactivé');
    expect(consoleErrors).toEqual([]);
  });
});

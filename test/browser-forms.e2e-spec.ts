import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import {
  ADMIN,
  startTestApp,
  type Client,
  type TestApp,
  describeOnce,
} from './support/test-app.js';

jest.setTimeout(120_000);

// What the browser sees (markup, accessibility, in-page behaviour) does not depend on the
// database: run in the SQLite pass only; the same routes and writes are tested on both databases
// through HTTP (web, web-forms, candidate-import-text, resits).

describeOnce('dashboard forms in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let manager: Client;
  let sessionId: string;
  let page: Page;
  let consoleErrors: string[];
  let dir: string;

  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;
  const exists = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)}) !== null`,
    ) as Promise<boolean>;
  const candidates = async () =>
    ((await manager.get(`/api/sessions/${sessionId}/candidates`)).body as { lastName: string }[])
      .map((c) => c.lastName)
      .sort();
  const expectAccessible = async (name: string) => {
    const violations = await axeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
    await screenshot(page, name);
  };
  const uploadCsv = async (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content, 'utf8');
    const input = await page.$('#import-file');
    if (!input) throw new Error('no file input');
    await input.uploadFile(path);
    await Promise.all([page.waitForNavigation(), page.click('#import-form button[type="submit"]')]);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const user = await aUser(admin, 'manager', [String(centre.id)]);
    manager = t.as(await t.login(user.email, user.password));
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    sessionId = String((await aSession(manager, ids)).id);
    dir = mkdtempSync(join(tmpdir(), 'jalon-csv-'));
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
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports nothing from a CSV file with a bad row, and shows the row, the column and the message', async () => {
    await page.goto(`${base}/sessions/${sessionId}/candidates/import`);
    await expectAccessible('forms-import');
    await uploadCsv(
      'candidats-erreur.csv',
      '\uFEFFnom;prénom;date_naissance;email;parcours;fin_recevabilite_vae\r\n' +
        'Martin;Léa;12/05/1990;lea.martin@example.fr;FORMATION;\r\n' +
        'Petit;;31/02/1991;pas-un-email;VAE;\r\n',
    );
    const errors = await text('#import-errors');
    expect(errors).toContain('1 ligne(s) sur 2 contiennent des erreurs : rien n’a été importé.');
    expect(errors).toContain('Ligne 3, colonne « prénom » : Le champ « prénom » est obligatoire.');
    expect(errors).toContain('Ligne 3, colonne « date_naissance »');
    expect(errors).toContain('Ligne 3, colonne « email »');
    expect(await exists('#confirm-import')).toBe(false);
    expect(await exists('tr.row-error')).toBe(true);
    expect(await candidates()).toEqual([]);
    await expectAccessible('forms-import-errors');
  });

  it('reports a character the documents cannot print, shown by its code point, at 1366 and 768 px', async () => {
    await page.goto(`${base}/sessions/${sessionId}/candidates/import`);
    await uploadCsv(
      'candidats-invisibles.csv',
      'nom;prénom;adresse\r\n' +
        'Lœvenbruck;Zoë;"12 rue d’Alsace\r\n67000 Strasbourg"\r\n' +
        'Mar\u200btin;Léa;\r\n',
    );
    const errors = await text('#import-errors');
    expect(errors).toContain(
      'Ligne 4, colonne « nom » : Le champ « nom » contient un caractère invisible (sans chasse) (U+200B) en position 4 : retirez-le.',
    );
    expect(await text('main table')).toContain('Mar⟦U+200B⟧tin');
    expect(await text('main table')).toContain('Lœvenbruck');
    expect(await exists('#confirm-import')).toBe(false);
    await expectAccessible('forms-import-unprintable');
    await page.setViewport({ width: 768, height: 1024 });
    try {
      await screenshot(page, 'forms-import-unprintable-768');
    } finally {
      await page.setViewport({ width: 1366, height: 900 });
    }
    expect(await candidates()).toEqual([]);
  });

  it('imports every row of a corrected file after the preview', async () => {
    await page.goto(`${base}/sessions/${sessionId}/candidates/import`);
    await uploadCsv(
      'candidats.csv',
      'nom;prénom;date_naissance;email;parcours;fin_recevabilite_vae\r\n' +
        'Martin;Léa;12/05/1990;lea.martin@example.fr;FORMATION;\r\n' +
        'Petit;Anne;28/02/1991;anne.petit@example.fr;VAE;31/12/2027\r\n',
    );
    expect(await text('.alert-ok')).toContain('Les 2 lignes sont valides.');
    expect(await candidates()).toEqual([]);
    await screenshot(page, 'forms-import-preview');
    await Promise.all([page.waitForNavigation(), page.click('#confirm-import')]);
    expect(page.url()).toBe(`${base}/sessions/${sessionId}/candidates?ok=candidates-imported`);
    expect(await text('.flash')).toContain('Les candidats du fichier ont été importés.');
    expect(await text('main table')).toContain('PETIT Anne');
    expect(await candidates()).toEqual(['Martin', 'Petit']);
    await expectAccessible('forms-candidates');
  });

  it('shows the session form errors next to the fields, accessibly', async () => {
    await page.goto(`${base}/sessions/new`);
    await expectAccessible('forms-session-new');
    await page.type('#f-location', 'Salle Molière');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type="submit"]')]);
    expect(await text('#f-centreId-error')).toBe('Le champ « Centre » est obligatoire.');
    expect(await page.evaluate(`document.querySelector('#f-location').value`)).toBe(
      'Salle Molière',
    );
    await expectAccessible('forms-session-new-errors');
    // Refused forms answer 400 on purpose; anything else (CSP, scripts) would be a bug.
    expect(consoleErrors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });
  it('keeps the other form pages free of serious accessibility violations', async () => {
    const centreId = String(
      ((await manager.get(`/api/sessions/${sessionId}`)).body as { centreId: string }).centreId,
    );
    const member = (
      await manager.post('/api/jury-members', {
        centreId,
        lastName: 'Durand',
        firstName: 'Claire',
        email: 'claire.durand@example.fr',
      })
    ).body as { id: string };
    await manager.post(`/api/sessions/${sessionId}/jury`, {
      juryMemberId: member.id,
      role: 'JURY',
    });
    const [candidate] = (await manager.get(`/api/sessions/${sessionId}/candidates`)).body as {
      id: string;
      personId: string;
    }[];
    const titreOf = (await manager.get(`/api/sessions/${sessionId}`)).body as { titreId: string };
    const centreOf = (await manager.get(`/api/sessions/${sessionId}`)).body as {
      centreId: string;
    };
    const session = (await manager.get(`/api/sessions/${sessionId}`)).body as {
      siteId: string;
    };
    const agrement = await manager.post('/api/agrements', {
      centreId: centreOf.centreId,
      siteId: session.siteId,
      titreId: titreOf.titreId,
      validFrom: '2024-10-01',
      validUntil: '2029-06-30',
      maxCandidates: 12,
    });
    expect(agrement.status).toBe(201);
    const pages: [string, string][] = [
      [`/sessions/${sessionId}/candidates/${candidate.id}`, 'forms-candidate-edit'],
      [`/sessions/${sessionId}/candidates/new`, 'forms-candidate-new'],
      [`/sessions/${sessionId}/jury`, 'forms-session-jury'],
      [`/sessions/${sessionId}/edit`, 'forms-session-edit'],
      [`/sessions/${sessionId}/postpone`, 'forms-session-postpone'],
      [`/sessions/${sessionId}/incidents`, 'forms-incidents'],
      ['/jury', 'forms-jury'],
      [`/jury/${member.id}`, 'forms-jury-member'],
      ['/agrements', 'forms-agrements'],
      [`/agrements/${String(agrement.body.id)}/edit`, 'forms-agrement-edit'],
      ['/titres', 'forms-titres'],
      [`/titres/${String(titreOf.titreId)}/edit`, 'forms-titre-dates'],
      ['/centres', 'forms-centres'],
      [`/centres/${centreOf.centreId}/obligations?year=2027`, 'forms-obligations'],
      [`/people/${candidate.personId}`, 'person-page'],
    ];
    for (const [path, name] of pages) {
      const response = await page.goto(`${base}${path}`);
      expect({ path, status: response?.status() }).toEqual({ path, status: 200 });
      await expectAccessible(name);
    }
  });
  it('keeps the person page accessible with its record, its forms and their errors', async () => {
    const session = (await manager.get(`/api/sessions/${sessionId}`)).body as {
      centreId: string;
      siteId: string;
      titreId: string;
    };
    const later = String(
      (
        await aSession(
          manager,
          { centreId: session.centreId, siteId: session.siteId, titreId: session.titreId },
          { nature: 'CCP', ccpCodes: ['CCP2'], startDate: '2027-11-08', endDate: '2027-11-09' },
        )
      ).id,
    );
    const [candidate] = (await manager.get(`/api/sessions/${sessionId}/candidates`)).body as {
      id: string;
      personId: string;
      version: number;
    }[];
    const patched = await manager.patch(`/api/sessions/${sessionId}/candidates/${candidate.id}`, {
      version: candidate.version,
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        { ccpCode: 'CCP3', outcome: 'NOT_ACQUIRED' },
      ],
    });
    expect(patched.status).toBe(200);
    await page.goto(`${base}/people/${candidate.personId}`);
    expect(await text('main')).toContain('Réussite partielle');
    expect(await text('main')).toContain('CCP manquants : CCP2, CCP3');
    await expectAccessible('person-page-record');

    await page.evaluate(`document.querySelector('#p-lastName').value = ''`);
    await page.evaluate(`document.querySelector('#p-birthDate').value = '2031-05-05'`);
    await Promise.all([
      page.waitForNavigation(),
      page.click('#identity-form button[type="submit"]'),
    ]);
    expect(await text('#p-lastName-error')).toBe('Le champ « Nom » est obligatoire.');
    expect(await text('#p-birthDate-error')).toContain('ne doit pas être postérieur');
    expect(await page.evaluate(`document.querySelector('#p-birthDate').value`)).toBe('2031-05-05');
    await expectAccessible('person-page-errors');

    await page.goto(`${base}/people/${candidate.personId}`);
    await page.select('#e-sessionId', later);
    await page.select('#e-pathway', 'SUITE_PARCOURS');
    await Promise.all([page.waitForNavigation(), page.click('#enrol-form button[type="submit"]')]);
    expect(page.url()).toBe(`${base}/people/${candidate.personId}?ok=person-enrolled`);
    expect(await text('.flash')).toContain('La personne a été inscrite à la session.');
    expect(await text('#enrolments')).toContain('Suite de parcours');
    await expectAccessible('person-page-enrolled');
  });

  it('keeps the training providers page accessible, with a convention, an avenant and form errors', async () => {
    const session = (await manager.get(`/api/sessions/${sessionId}`)).body as {
      centreId: string;
      titreId: string;
    };
    const providers = `/api/centres/${session.centreId}/providers`;
    const provider = (await manager.post(providers, { name: 'Forma Plus' })).body as { id: string };
    const convention = (
      await manager.post(`${providers}/${provider.id}/conventions`, {
        signedOn: '2024-11-04',
        effectiveFrom: '2025-01-01',
        sentToPrefectOn: '2024-11-20',
        titreIds: [session.titreId],
        forecastCurrentYear: 0,
        forecastNextYear: 12,
      })
    ).body as { id: string };
    await manager.post(`${providers}/${provider.id}/conventions/${convention.id}/avenants`, {
      year: 2027,
      forecastCount: 14,
      sentToPrefectOn: '2027-01-04',
    });
    const response = await page.goto(`${base}/centres/${session.centreId}/providers`);
    expect(response?.status()).toBe(200);
    expect(await text('main')).toContain(
      'Avenant 2028 à transmettre au préfet au plus tard le 31/12/2027.',
    );
    expect(await text('main')).toContain('après le 31 décembre');
    await expectAccessible('providers');
    await page.type('#p-siret', '123');
    await Promise.all([
      page.waitForNavigation(),
      page.click('form[method="post"][action$="/providers"] button[type="submit"]'),
    ]);
    expect(await text('#p-name-error')).toContain('Nom de l’organisme');
    expect(await exists('#p-siret-error')).toBe(true);
    await expectAccessible('providers-errors');
  });
});

/**
 * The CQC campaign pages in a real browser (Debian chromium): the campaign and class pages pass
 * axe-core without serious or critical violation and do not overflow horizontally at 1366 and
 * 768 px; adding pupils with one bad line shows that line's error; a fiche is voided and replaced.
 */
import { jest } from '@jest/globals';
import type { Page } from 'puppeteer-core';
import { aCentre, aUser } from './support/factories.js';
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
// tested on both databases through HTTP in cqc-campaign-web.e2e-spec.ts).

const WIDTHS = [1366, 768] as const;

describeOnce('CQC campaign pages in a real browser (Debian chromium)', () => {
  let t: TestApp;
  let tb: TestBrowser;
  let base: string;
  let page: Page;
  let consoleErrors: string[];
  let campaignId: string;
  let classId: string;
  let capSessionId: string;

  const text = (selector: string) =>
    page.evaluate(
      `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
    ) as Promise<string>;
  const submit = async (selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };
  /** axe-core, no horizontal overflow of the page (tables included) and a screenshot per width. */
  const check = async (name: string) => {
    for (const width of WIDTHS) {
      await page.setViewport({ width, height: 900 });
      await screenshot(page, `cqc-campaign-${name}-${width}`);
      const violations = await axeViolations(page);
      expect({ page: name, width, violations }).toEqual({ page: name, width, violations: [] });
      const overflow = (await page.evaluate(
        `[document.documentElement.scrollWidth, window.innerWidth, [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => e.tagName + '.' + e.className + '@' + (e.closest('[id]')?.id ?? '') + ':' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right)).join(' ')]`,
      )) as [number, number, string];
      expect({ page: name, width, scrollWidth: overflow[0], culprits: overflow[2] }).toEqual({
        page: name,
        width,
        scrollWidth: overflow[1],
        culprits: '',
      });
    }
    await page.setViewport({ width: 1366, height: 900 });
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-10T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre } = await aCentre(admin, { name: 'Délégation Occitanie' });
    const centreId = String(centre.id);
    const user = await aUser(admin, 'manager', [centreId]);
    const m = t.as(await t.login(user.email, user.password));
    const ok = (res: { status: number; body: unknown }, status: number) => {
      if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Record<string, unknown>;
    };
    campaignId = String(
      ok(
        await m.post('/api/cqc/campaigns', {
          centreId,
          schoolYear: 2026,
          springHolidaysStart: '2027-04-17',
          springHolidaysEnd: '2027-05-02',
        }),
        201,
      ).id,
    );
    const url = (path: string) => `/api/cqc/campaigns/${campaignId}${path}`;
    const schoolId = String(
      ok(
        await m.post(url('/schools'), {
          name: 'Lycée professionnel Jean Moulin',
          city: 'Béziers',
          contactName: 'Martine Roux',
          contactRole: 'Chef des travaux',
          email: 'ddfpt@lycee-jean-moulin.example.fr',
          phone: '04 67 00 00 00',
          conventionReference: 'CONV-2026-12',
          conventionDate: '2026-09-15',
        }),
        201,
      ).id,
    );
    classId = String(
      ok(
        await m.post(url('/classes'), {
          schoolId,
          name: 'Terminale Bac Pro CTRM',
          diploma: 'BAC_PRO',
        }),
        201,
      ).id,
    );
    const pupils = [
      ['ABADIE', 'Léa', '2008-01-12', true],
      ['BRUN', 'Hugo', '2008-02-01', true],
      ['CASTELNAU-DE-MONTMIRAIL', 'Marie-Éléonore', '2008-04-30', null],
      ['COSTE', 'Inès', '2009-10-03', null],
      ['DURAND', 'Noé', '2009-12-20', null],
      ['ESTÈVE', 'Jules', '2009-05-25', null],
    ].map(([lastName, firstName, birthDate, licenceHeld]) => ({
      lastName,
      firstName,
      birthDate,
      licenceHeld,
    }));
    ok(await m.post(url('/pupils'), { classId, pupils }), 201);
    const sessions = ok(await m.post(url('/fiche-sessions'), { classId }), 201) as unknown as {
      id: string;
      kind: string;
    }[];
    capSessionId = sessions.find((s) => s.kind === 'CAP_CLM')!.id;
    ok(await m.post(url(`/fiche-sessions/${capSessionId}/fiches`), {}), 201);
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

  it('shows the campaigns list and the campaign page', async () => {
    await page.goto(`${base}/sessions`);
    await submit('a[href="/cqc/campaigns"]');
    expect(await text('h1')).toBe('Campagnes CQC par équivalence');
    await check('liste');
    await submit(`a[href="/cqc/campaigns/${campaignId}"]`);
    expect(await text('ol.timeline')).toContain('30/05/2027');
    await check('campagne');
  });

  it('names the bad line when adding pupils, then adds them', async () => {
    await page.goto(`${base}/cqc/campaigns/${campaignId}/classes/${classId}`);
    // The add form's <details>, not a pupil's « Modifier » in the table.
    await page.click('#eleves > details summary');
    await page.type('#pupils-lines', 'FABRE;Lucas;14/06/2009\nGARCIA;Emma;31/02/2009\n');
    await submit('form[action$="/pupils"] button[type="submit"]');
    expect(await text('#pupils-lines-error')).toContain(
      'Ligne 2 : la date de naissance « 31/02/2009 » n’est pas une date au format JJ/MM/AAAA.',
    );
    expect(await text('#pupils-lines-error')).not.toContain('Ligne 1');
    expect(
      await page.evaluate(`document.querySelector('#pupils-lines').getAttribute('aria-invalid')`),
    ).toBe('true');
    await check('eleves-erreur');
    await page.click('#pupils-lines', { count: 3 });
    await page.evaluate(`document.querySelector('#pupils-lines').value = ''`);
    await page.type('#pupils-lines', 'FABRE;Lucas;14/06/2009\nGARCIA;Emma;28/02/2009');
    await submit('form[action$="/pupils"] button[type="submit"]');
    expect(await text('.flash')).toContain('Les élèves ont été ajoutés');
    expect(await text('#eleves table')).toContain('GARCIA Emma');
    // Added after the sessions were created: placed from the class page.
    expect(await text('#placer')).toContain('FABRE Lucas');
    const form = '#placer form:first-of-type';
    const bac = (await page.evaluate(
      `[...document.querySelectorAll('#placer form option')].find((o) => o.textContent.startsWith('Session Bac Pro')).value`,
    )) as string;
    await page.select(`${form} select[name="ficheSessionId"]`, bac);
    await submit(`${form} button[type="submit"]`);
    expect(await text('.flash')).toContain('L’élève a été placé');
    expect(await text('#placer')).not.toContain('FABRE Lucas');
  });

  it('voids a fiche and replaces it with a new number', async () => {
    await page.goto(`${base}/cqc/campaigns/${campaignId}/classes/${classId}`);
    const row = `#fiche-${capSessionId}-2`;
    await page.click(`${row} summary`);
    await page.type(`${row} input[name="reason"]`, 'Photo d’identité manquante');
    await page.select(`${row} select[name="followUp"]`, 'REPLACE');
    await submit(`${row} button[type="submit"]`);
    expect(await text('.flash')).toContain('La fiche a été annulée');
    expect(await text(row)).toContain('Annulée');
    expect(await text(row)).toContain('Photo d’identité manquante');
    const session = await text(`#session-${capSessionId}`);
    expect(session).toContain('remplace le n° 2');
    await check('classe');
  });

  it('edits a pupil beside their row, then deletes an unplaced pupil after the confirmation', async () => {
    await page.goto(`${base}/cqc/campaigns/${campaignId}/classes/${classId}`);
    const rowOf = async (name: string) =>
      `#${
        (await page.evaluate(
          `[...document.querySelectorAll('#eleves tbody tr:not(.row-actions)')].find((r) => r.querySelector('th').textContent.startsWith(${JSON.stringify(name)})).id`,
        )) as string
      }`;
    const pupilRow = await rowOf('CASTELNAU-DE-MONTMIRAIL');
    const row = `${pupilRow}-actions`;
    await page.click(`${row} details:not(.danger-zone) summary`);
    await page.select(`${row} select[name="licenceHeld"]`, 'oui');
    await page.type(`${row} input[name="licenceNumber"]`, '12-34');
    await submit(`${row} form[action$="/edit"] button[type="submit"]`);
    expect(await text(`${row} [role="alert"]`)).toContain(
      'CASTELNAU-DE-MONTMIRAIL Marie-Éléonore : Le numéro de permis de conduire (« 12-34 ») contient le caractère « - »',
    );
    // The refused form stays open beside its pupil, with what was typed.
    expect(
      await page.evaluate(`document.querySelector('${row} input[name="licenceNumber"]').value`),
    ).toBe('12-34');
    await check('eleve-erreur');
    await page.click(`${row} input[name="licenceNumber"]`, { count: 3 });
    await page.evaluate(`document.querySelector('${row} input[name="licenceNumber"]').value = ''`);
    await page.type(`${row} input[name="licenceNumber"]`, '7E9R8T7ZE9E8A9');
    await page.select(`${row} select[name="capClmObtained"]`, 'oui');
    await submit(`${row} form[action$="/edit"] button[type="submit"]`);
    expect(await text('.flash')).toContain('L’élève a été modifié');
    expect(await text(pupilRow)).toContain('n° 7E9R8T7ZE9E8A9');
    expect(await text(pupilRow)).toContain('CAP CLM obtenu');
    const garcia = `${await rowOf('GARCIA')}-actions`;
    await page.click(`${garcia} details.danger-zone summary`);
    expect(await text(`${garcia} details.danger-zone`)).toContain(
      'Je confirme la suppression de l’élève GARCIA Emma',
    );
    await check('eleve-suppression');
    await page.click(`${garcia} input[name="confirm"]`);
    await submit(`${garcia} details.danger-zone button[type="submit"]`);
    expect(await text('.flash')).toContain('L’élève a été supprimé');
    expect(await text('#eleves table')).not.toContain('GARCIA Emma');
  });

  it('lists the pupils turning 18', async () => {
    await page.goto(`${base}/cqc/campaigns/${campaignId}/majority`);
    expect(await text('table')).toContain('03/10/2027');
    await check('majorite');
  });

  it('logged no script error or CSP violation', () => {
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});

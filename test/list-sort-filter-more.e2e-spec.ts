/**
 * The same list mechanism (src/web/lists) on the re-sits, training providers, CQC certificates
 * and CQC campaigns lists: header links with `aria-sort` (sort links with `aria-current` on the
 * providers' cards), a filter on every word, a bad parameter refused with a French 400 page, and
 * the certificates' own `expiringBefore` filter kept alongside.
 */
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

function rowNames(html: string): string[] {
  return [...html.matchAll(/<th scope="row"[^>]*>(?:<a [^>]*>)?([^<]*)/g)].map((m) =>
    htmlText(m[1]!).trim(),
  );
}

function cellTexts(html: string, label: string): string[] {
  return [...html.matchAll(new RegExp(`<td data-label="${label}"[^>]*>([^<]*)`, 'g'))].map((m) =>
    htmlText(m[1]!).trim(),
  );
}

function ariaSortOf(html: string, label: string): string | null {
  const match = new RegExp(
    `<th scope="col" aria-sort="(\\w+)"[^>]*><a href="[^"]*" class="sort-link">${label}<`,
  ).exec(html);
  return match ? match[1]! : null;
}

function providerNames(html: string): string[] {
  return [...html.matchAll(/<h2 id="provider-\d+">([^<]*)<\/h2>/g)].map((m) =>
    htmlText(m[1]!).trim(),
  );
}

function expectFrench400(path: string, res: { status: number; text: string }): void {
  expect({ path, status: res.status }).toEqual({ path, status: 400 });
  const text = htmlText(res.text);
  expect(text).toContain('Le tri demandé est inconnu : triez par « ');
  expect(text).toContain('Le sens du tri doit être « asc » (croissant) ou « desc » (décroissant).');
  expect(text).toContain('Le filtre ne doit pas dépasser 100 caractères.');
}

describe('more sortable and filterable lists', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let web: WebClient;
  let centreId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin, { name: 'Centre Étoile' });
    centreId = String(centre.id);
    const titre = await aTitre(admin);
    const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
    const user = await aUser(admin, 'manager', [centreId]);
    manager = t.as(await t.login(user.email, user.password));
    web = await webLogin(t.http, user.email, user.password);

    // Two re-sits: a partly successful session each, the earlier one with the sooner deadline.
    for (const [startDate, lastName, firstName] of [
      ['2027-01-11', 'Zidane', 'Ana'],
      ['2027-02-08', 'Élan', 'Bruno'],
    ] as const) {
      const past = String((await aSession(manager, ids, { startDate, endDate: startDate })).id);
      const c = await aCandidate(manager, past, { lastName, firstName });
      const patched = await manager.patch(`/api/sessions/${past}/candidates/${String(c.id)}`, {
        version: c.version,
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: lastName === 'Zidane' ? 'CCP2' : 'CCP3', outcome: 'NOT_ACQUIRED' },
          { ccpCode: lastName === 'Zidane' ? 'CCP3' : 'CCP2', outcome: 'ACQUIRED' },
        ],
      });
      expect(patched.status).toBe(200);
    }

    // Two training providers, one with a convention.
    for (const [name, contact] of [
      ['Zénith Formation', 'Chloé Martin'],
      ['Atelier Forma', 'Éric Petit'],
    ] as const) {
      const res = await manager.post(`/api/centres/${centreId}/providers`, { name, contact });
      expect(res.status).toBe(201);
      if (name === 'Zénith Formation') {
        const convention = await manager.post(
          `/api/centres/${centreId}/providers/${String(res.body.id)}/conventions`,
          {
            signedOn: '2026-11-04',
            effectiveFrom: '2027-01-01',
            sentToPrefectOn: '2026-11-10',
            titreIds: [ids.titreId],
            forecastCurrentYear: 10,
            forecastNextYear: 12,
          },
        );
        expect(convention.status).toBe(201);
      }
    }

    // Two CQC provisional certificates, registered on different days.
    const cqcTitre = await admin.post('/api/titres', {
      code: 'CTRMPLIST',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      version: '2023',
      validUntil: '2029-12-31',
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
      ccps: [{ code: 'CCP1', label: 'Réaliser en sécurité des opérations de transport' }],
    });
    expect(cqcTitre.status).toBe(201);
    const cqcIds = { ...ids, titreId: String(cqcTitre.body.id) };
    const agrement = await admin.post('/api/agrements', {
      centreId,
      siteId: ids.siteId,
      titreId: cqcIds.titreId,
      validFrom: '2026-01-01',
      validUntil: '2029-06-30',
      maxCandidates: 12,
      technicalPlatform: 'Aire de manœuvre et porteur',
    });
    expect(agrement.status).toBe(201);
    for (const [startDate, registeredOn, lastName, firstName] of [
      ['2027-02-01', '2027-02-03', 'Zèbre', 'Léa'],
      ['2027-02-08', '2027-02-10', 'Aubert', 'Hugo'],
    ] as const) {
      const cqcSession = String(
        (await aSession(manager, cqcIds, { startDate, endDate: startDate })).id,
      );
      const driver = await aCandidate(manager, cqcSession, { lastName, firstName });
      const patched = await manager.patch(
        `/api/sessions/${cqcSession}/candidates/${String(driver.id)}`,
        {
          version: driver.version,
          attendance: 'PRESENT',
          results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
        },
      );
      expect(patched.status).toBe(200);
      const put = await manager.put(
        `/api/sessions/${cqcSession}/cqc/drivers/${String(driver.id)}`,
        { licenceNumber: '210692106990', orderNumber: `FAC-${lastName}` },
      );
      expect(put.status).toBe(200);
      const registration = await manager.post(`/api/sessions/${cqcSession}/cqc/registration`, {
        registeredOn,
      });
      expect(registration.status).toBe(201);
    }

    // Two CQC campaigns, different school years.
    for (const [schoolYear, label, start, end] of [
      [2026, 'Campagne Alpha', '2027-04-17', '2027-05-02'],
      [2027, 'Campagne Zoulou', '2028-04-15', '2028-04-30'],
    ] as const) {
      const res = await manager.post('/api/cqc/campaigns', {
        centreId,
        schoolYear,
        label,
        springHolidaysStart: start,
        springHolidaysEnd: end,
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('sorts and filters the re-sits, the soonest deadline first by default', async () => {
    const base = `/centres/${centreId}/resits`;
    const page = await web.get(base);
    expect(page.status).toBe(200);
    expect(rowNames(page.text)).toEqual(['Zidane Ana', 'Élan Bruno']);
    expect(ariaSortOf(page.text, 'Échéance')).toBe('ascending');
    expect(ariaSortOf(page.text, 'Personne')).toBe('none');
    const byName = await web.get(`${base}?sort=name`);
    expect(rowNames(byName.text)).toEqual(['Élan Bruno', 'Zidane Ana']);
    expect(ariaSortOf(byName.text, 'Personne')).toBe('ascending');
    const byDays = await web.get(`${base}?sort=daysLeft&dir=desc`);
    expect(rowNames(byDays.text)).toEqual(['Élan Bruno', 'Zidane Ana']);
    expect(ariaSortOf(byDays.text, 'Jours restants')).toBe('descending');
    const filtered = await web.get(`${base}?q=${encodeURIComponent('ccp2 ZIDANE')}`);
    expect(rowNames(filtered.text)).toEqual(['Zidane Ana']);
    expect(htmlText(filtered.text)).toContain('1 sur 2 affichés pour « ccp2 ZIDANE »');
    const none = await web.get(`${base}?q=personne`);
    expect(htmlText(none.text)).toContain('Aucun rattrapage ne correspond au filtre.');
    expectFrench400(base, await web.get(`${base}?sort=password&dir=up&q=${'x'.repeat(101)}`));
  });

  it('sorts and filters the training providers’ cards', async () => {
    const base = `/centres/${centreId}/providers`;
    const page = await web.get(base);
    expect(page.status).toBe(200);
    expect(providerNames(page.text)).toEqual(['Atelier Forma', 'Zénith Formation']);
    expect(page.text).toMatch(/aria-current="true">Nom \(ordre croissant\)/);
    const desc = await web.get(`${base}?sort=name&dir=desc`);
    expect(providerNames(desc.text)).toEqual(['Zénith Formation', 'Atelier Forma']);
    expect(desc.text).toMatch(/aria-current="true">Nom \(ordre décroissant\)/);
    const byConventions = await web.get(`${base}?sort=conventions&dir=desc`);
    expect(providerNames(byConventions.text)).toEqual(['Zénith Formation', 'Atelier Forma']);
    const filtered = await web.get(`${base}?q=eric`);
    expect(providerNames(filtered.text)).toEqual(['Atelier Forma']);
    // The creation forms below stay on the page, whatever the filter.
    expect(filtered.text).toContain(`action="/centres/${centreId}/providers/conventions"`);
    const none = await web.get(`${base}?q=inconnu`);
    expect(htmlText(none.text)).toContain('Aucun organisme de formation ne correspond au filtre.');
    expectFrench400(base, await web.get(`${base}?sort=siren&dir=0&q=${'x'.repeat(101)}`));
  });

  it('sorts and filters the CQC certificates, keeping the expiry filter', async () => {
    const page = await web.get('/cqc/certificates');
    expect(page.status).toBe(200);
    expect(rowNames(page.text)).toEqual(['ZÈBRE Léa', 'AUBERT Hugo']);
    expect(ariaSortOf(page.text, 'Fin de validité')).toBe('ascending');
    const byName = await web.get('/cqc/certificates?sort=name');
    expect(rowNames(byName.text)).toEqual(['AUBERT Hugo', 'ZÈBRE Léa']);
    expect(ariaSortOf(byName.text, 'Conducteur')).toBe('ascending');
    expect(ariaSortOf(byName.text, 'Fin de validité')).toBe('none');
    const filtered = await web.get(`/cqc/certificates?q=${encodeURIComponent('zebre')}`);
    expect(rowNames(filtered.text)).toEqual(['ZÈBRE Léa']);
    // Both filters at once; the header links and the expiry form keep the other one.
    const both = await web.get(
      '/cqc/certificates?expiringBefore=2027-12-31&q=a&sort=name&dir=desc',
    );
    expect(both.status).toBe(200);
    expect(rowNames(both.text)).toEqual(['ZÈBRE Léa', 'AUBERT Hugo']);
    expect(htmlText(both.text)).toContain('href="/cqc/certificates?q=a&expiringBefore=2027-12-31"');
    expect(both.text).toContain('<input type="hidden" name="q" value="a">');
    // …and the text filter's form keeps the expiry date.
    expect(both.text).toContain('<input type="hidden" name="expiringBefore" value="2027-12-31">');
    const early = await web.get('/cqc/certificates?expiringBefore=2027-01-01&sort=name');
    expect(rowNames(early.text)).toEqual([]);
    // The existing expiry parameter is still validated on its own.
    expect((await web.get('/cqc/certificates?expiringBefore=demain')).status).toBe(400);
    expectFrench400(
      '/cqc/certificates',
      await web.get(`/cqc/certificates?sort=card2&dir=haut&q=${'x'.repeat(101)}`),
    );
  });

  it('sorts and filters the CQC campaigns, the latest school year first', async () => {
    const page = await web.get('/cqc/campaigns');
    expect(page.status).toBe(200);
    expect(rowNames(page.text)).toEqual(['Campagne Zoulou', 'Campagne Alpha']);
    expect(ariaSortOf(page.text, 'Année scolaire')).toBe('descending');
    const byLabel = await web.get('/cqc/campaigns?sort=label');
    expect(rowNames(byLabel.text)).toEqual(['Campagne Alpha', 'Campagne Zoulou']);
    expect(ariaSortOf(byLabel.text, 'Campagne')).toBe('ascending');
    expect(cellTexts(byLabel.text, 'Année scolaire')).toEqual(['2026-2027', '2027-2028']);
    const filtered = await web.get('/cqc/campaigns?q=2027-2028');
    expect(rowNames(filtered.text)).toEqual(['Campagne Zoulou']);
    const none = await web.get('/cqc/campaigns?q=omega');
    expect(htmlText(none.text)).toContain('Aucune campagne ne correspond au filtre.');
    expectFrench400(
      '/cqc/campaigns',
      await web.get(`/cqc/campaigns?sort=id&dir=asc2&q=${'x'.repeat(101)}`),
    );
  });
});

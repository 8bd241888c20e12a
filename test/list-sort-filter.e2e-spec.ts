/**
 * The dashboard's lists sorted and filtered through their query string, without JavaScript:
 * jury members, a session's candidates, users and agréments. Header links carry `aria-sort`, the
 * filter keeps the rows matching every word (accents and case ignored), and a bad parameter is a
 * 400 page in French — never a 500. Each list stays scoped to the caller's centres.
 */
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

/** The row headers (`<th scope="row">`) or the given cells' texts, in page order. */
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

describe('sortable and filterable lists', () => {
  let t: TestApp;
  let admin: Client;
  let adminWeb: WebClient;
  let managerWeb: WebClient;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin, { name: 'Centre Étoile' });
    const { centre: other, site: otherSite } = await aCentre(admin, { name: 'Centre Autre' });
    const titre = await aTitre(admin);
    const centreId = String(centre.id);
    const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
    const user = await aUser(admin, 'manager', [centreId]);
    const manager = t.as(await t.login(user.email, user.password));
    managerWeb = await webLogin(t.http, user.email, user.password);
    adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
    const session = await aSession(manager, ids);
    sessionId = String(session.id);
    for (const [lastName, firstName, birthDate] of [
      ['Zola', 'Émile', '1980-01-01'],
      ['Élan', 'Bruno', '1995-06-30'],
      ['Durand', 'Anaïs', '1970-12-31'],
    ] as const) {
      await aCandidate(manager, sessionId, { lastName, firstName, birthDate, email: null });
    }
    for (const [lastName, firstName, professionalised] of [
      ['Moreau', 'François', true],
      ['Ândré', 'Lucie', false],
      ['Bernard', 'Élodie', true],
    ] as const) {
      const res = await manager.post('/api/jury-members', {
        centreId,
        lastName,
        firstName,
        professionalised,
        email: `${firstName.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}@jury.test`,
      });
      expect(res.status).toBe(201);
    }
    // Another centre's juror: never listed for the manager.
    const foreign = await admin.post('/api/jury-members', {
      centreId: String(other.id),
      lastName: 'Étranger',
      firstName: 'Paul',
      email: 'paul@jury.test',
    });
    expect(foreign.status).toBe(201);
    for (const [siteId, cId, validUntil, reference] of [
      [String(site.id), centreId, '2028-06-30', 'AGR-B'],
      [String(site.id), centreId, '2029-01-31', 'AGR-A'],
      [String(otherSite.id), String(other.id), '2030-01-31', 'AGR-AUTRE'],
    ] as const) {
      const res = await admin.post('/api/agrements', {
        centreId: cId,
        siteId,
        titreId: String(titre.id),
        validUntil,
        maxCandidates: reference === 'AGR-B' ? 20 : 8,
        reference,
      });
      expect(res.status).toBe(201);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('sorts and filters the jury members of my centres', async () => {
    const page = await managerWeb.get('/jury');
    expect(page.status).toBe(200);
    expect(rowNames(page.text)).toEqual(['ÂNDRÉ Lucie', 'BERNARD Élodie', 'MOREAU François']);
    expect(ariaSortOf(page.text, 'Nom')).toBe('ascending');
    expect(ariaSortOf(page.text, 'Centre')).toBe('none');
    expect(htmlText(page.text)).toContain('href="/jury?sort=name&dir=desc"');
    const desc = await managerWeb.get('/jury?sort=name&dir=desc');
    expect(rowNames(desc.text)).toEqual(['MOREAU François', 'BERNARD Élodie', 'ÂNDRÉ Lucie']);
    expect(ariaSortOf(desc.text, 'Nom')).toBe('descending');
    const byActivity = await managerWeb.get('/jury?sort=professionalised&dir=asc');
    expect(rowNames(byActivity.text)[0]).toBe('ÂNDRÉ Lucie');
    const filtered = await managerWeb.get('/jury?q=elodie');
    expect(rowNames(filtered.text)).toEqual(['BERNARD Élodie']);
    expect(htmlText(filtered.text)).toContain('1 sur 3 affichés pour « elodie »');
    expect(filtered.text).toContain('value="elodie"');
    const none = await managerWeb.get('/jury?q=etranger');
    expect(rowNames(none.text)).toEqual([]);
    expect(htmlText(none.text)).toContain('Aucun membre du jury ne correspond au filtre.');
  });

  it('sorts and filters a session’s candidates', async () => {
    const base = `/sessions/${sessionId}/candidates`;
    const page = await managerWeb.get(base);
    expect(rowNames(page.text)).toEqual(['DURAND Anaïs', 'ÉLAN Bruno', 'ZOLA Émile']);
    const byBirth = await managerWeb.get(`${base}?sort=birthDate&dir=desc`);
    expect(cellTexts(byBirth.text, 'Naissance')).toEqual([
      '30/06/1995',
      '01/01/1980',
      '31/12/1970',
    ]);
    expect(ariaSortOf(byBirth.text, 'Naissance')).toBe('descending');
    const filtered = await managerWeb.get(`${base}?q=${encodeURIComponent('ÉMILE zola')}`);
    expect(rowNames(filtered.text)).toEqual(['ZOLA Émile']);
    // The filter form keeps the chosen order.
    const both = await managerWeb.get(`${base}?q=a&sort=name&dir=desc`);
    expect(both.text).toContain('name="sort" value="name"');
    expect(both.text).toContain('name="dir" value="desc"');
  });

  it('sorts and filters the users (admin)', async () => {
    const page = await adminWeb.get('/users?sort=role&dir=asc');
    expect(page.status).toBe(200);
    const roles = cellTexts(page.text, 'Rôle');
    expect(roles).toEqual([...roles].sort((a, b) => a.localeCompare(b, 'fr')));
    const filtered = await adminWeb.get(`/users?q=${encodeURIComponent(ADMIN.email)}`);
    expect(rowNames(filtered.text)).toEqual([ADMIN.email]);
    expect((await managerWeb.get('/users')).status).toBe(403);
  });

  it('sorts and filters the agréments of my centres, the longest-lasting first by default', async () => {
    const page = await managerWeb.get('/agrements');
    expect(cellTexts(page.text, 'Référence')).toEqual(['AGR-A', 'AGR-B']);
    expect(ariaSortOf(page.text, 'Valable jusqu’au')).toBe('descending');
    const byCapacity = await managerWeb.get('/agrements?sort=maxCandidates');
    expect(cellTexts(byCapacity.text, 'Référence')).toEqual(['AGR-A', 'AGR-B']);
    const byCapacityDesc = await managerWeb.get('/agrements?sort=maxCandidates&dir=desc');
    expect(cellTexts(byCapacityDesc.text, 'Référence')).toEqual(['AGR-B', 'AGR-A']);
    const filtered = await managerWeb.get('/agrements?q=agr-b');
    expect(cellTexts(filtered.text, 'Référence')).toEqual(['AGR-B']);
    const all = await adminWeb.get('/agrements?q=agr');
    expect(cellTexts(all.text, 'Référence')).toEqual(['AGR-AUTRE', 'AGR-A', 'AGR-B']);
  });

  it('sorts and filters the titres, the same mechanism', async () => {
    await aTitre(admin, { code: 'ZZSA', label: 'Secrétaire assistant', version: '2022' });
    const page = await managerWeb.get('/titres?sort=code&dir=desc');
    expect(page.status).toBe(200);
    expect(rowNames(page.text)[0]).toBe('ZZSA');
    expect(ariaSortOf(page.text, 'Sigle')).toBe('descending');
    const filtered = await managerWeb.get(`/titres?q=${encodeURIComponent('secretaire')}`);
    // The list's table only (the creation form below has a table of CCP rows).
    const listTable = filtered.text.slice(0, filtered.text.indexOf('</table>'));
    expect(rowNames(listTable)).toEqual(['ZZSA']);
    expect((await managerWeb.get('/titres?sort=ccps')).status).toBe(400);
  });

  it('refuses bad parameters with a French 400 page, all messages at once, never a 500', async () => {
    const pages = ['/jury', `/sessions/${sessionId}/candidates`, '/agrements'];
    for (const path of pages) {
      const res = await managerWeb.get(`${path}?sort=password&dir=sideways&q=${'x'.repeat(101)}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      const text = htmlText(res.text);
      expect(text).toContain('Le tri demandé est inconnu : triez par « ');
      expect(text).toContain(
        'Le sens du tri doit être « asc » (croissant) ou « desc » (décroissant).',
      );
      expect(text).toContain('Le filtre ne doit pas dépasser 100 caractères.');
    }
    for (const query of ['sort=name&sort=email', 'q=a&q=b', 'q=%00', 'dir=ASC']) {
      const res = await managerWeb.get(`/jury?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
    }
    expect((await adminWeb.get('/users?sort=passwordHash')).status).toBe(400);
  });
});

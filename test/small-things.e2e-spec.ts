import { jest } from '@jest/globals';
import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

/** The session heading every tab shows: breadcrumbs, <h1> and the titre's line. */
function headingOf(html: string): string {
  const match = /<nav class="breadcrumbs"[^]*?<h1>[^]*?<\/h1>\s*<p class="muted">[^<]*<\/p>/.exec(
    html,
  );
  if (!match) throw new Error('no session heading in the page');
  return htmlText(match[0]);
}

describe('small things of the dashboard (issue 16)', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let web: WebClient;
  let viewerWeb: WebClient;
  let centreId: string;
  let siteId: string;
  let titre: Body;
  let future: Body;
  let past: Body;
  let otherSessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    siteId = String(site.id);
    titre = await aTitre(admin);
    const ids = { centreId, siteId, titreId: String(titre.id) };
    const user = await aUser(admin, 'manager', [centreId]);
    const viewer = await aUser(admin, 'viewer', [centreId]);
    manager = t.as(await t.login(user.email, user.password));
    future = await aSession(manager, ids);
    past = await aSession(manager, ids, { startDate: '2027-02-22', endDate: '2027-02-26' });
    const other = await aCentre(admin, { name: 'Centre Voisin' });
    otherSessionId = String(
      (
        await aSession(admin, {
          centreId: String(other.centre.id),
          siteId: String(other.site.id),
          titreId: String(titre.id),
        })
      ).id,
    );
    web = await webLogin(t.http, user.email, user.password);
    viewerWeb = await webLogin(t.http, viewer.email, viewer.password);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('safe deletion', () => {
    it('asks before deleting a candidate, says what goes, keeps it on cancel, deletes on confirm', async () => {
      const pastId = String(past.id);
      const candidate = await aCandidate(manager, pastId, {
        lastName: 'Dupont',
        firstName: 'Anaïs',
      });
      const cid = String(candidate.id);
      const patched = await manager.patch(`/api/sessions/${pastId}/candidates/${cid}`, {
        version: candidate.version,
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
          { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
        ],
      });
      expect(patched.status).toBe(200);
      const edit = await web.get(`/sessions/${pastId}/candidates/${cid}`);
      expect(edit.text).toContain(`/sessions/${pastId}/candidates/${cid}/supprimer`);
      // No form of the edit page deletes: only the confirmation page does.
      expect(edit.text).not.toContain(`action="/sessions/${pastId}/candidates/${cid}/delete"`);
      const confirm = await web.get(`/sessions/${pastId}/candidates/${cid}/supprimer`);
      expect(confirm.status).toBe(200);
      const text = htmlText(confirm.text);
      expect(text).toContain('Supprimer Anaïs DUPONT de la session ?');
      expect(text).toContain(
        'Son inscription à la session, ses résultats (CCP1 : acquis, CCP2 : non acquis, CCP3 : acquis), son émargement (présent)',
      );
      expect(text).toContain('Sa fiche de personne reste');
      expect(confirm.text).toContain(`action="/sessions/${pastId}/candidates/${cid}/delete"`);
      expect(confirm.text).toContain('<input type="hidden" name="confirm" value="1">');
      expect(confirm.text).toContain(`href="/sessions/${pastId}/candidates/${cid}">Annuler</a>`);
      // A post without the confirmation deletes nothing.
      const unconfirmed = await web.post(`/sessions/${pastId}/candidates/${cid}/delete`, {});
      expect(unconfirmed.status).toBe(400);
      expect(htmlText(unconfirmed.text)).toContain('rien n’a été supprimé');
      expect((await manager.get(`/api/sessions/${pastId}/candidates/${cid}`)).status).toBe(200);
      // Read-only accounts and other centres do not reach the page.
      expect((await viewerWeb.get(`/sessions/${pastId}/candidates/${cid}/supprimer`)).status).toBe(
        403,
      );
      expect(
        (await web.get(`/sessions/${otherSessionId}/candidates/${cid}/supprimer`)).status,
      ).toBe(404);
      const deleted = await web.post(`/sessions/${pastId}/candidates/${cid}/delete`, {
        confirm: '1',
      });
      expect(deleted.status).toBe(303);
      expect(deleted.headers.location).toBe(`/sessions/${pastId}/candidates?ok=candidate-deleted`);
      expect((await manager.get(`/api/sessions/${pastId}/candidates/${cid}`)).status).toBe(404);
      expect((await web.get(`/sessions/${pastId}/candidates/${cid}/supprimer`)).status).toBe(404);
    });

    it('asks before withdrawing a jury member and before deleting a fraud report', async () => {
      const futureId = String(future.id);
      const member = await manager.post('/api/jury-members', {
        centreId,
        lastName: 'Martin',
        firstName: 'Jean',
        email: 'jean.martin@example.fr',
      });
      expect(member.status).toBe(201);
      const assigned = await manager.post(`/api/sessions/${futureId}/jury`, {
        juryMemberId: String(member.body.id),
        role: 'SURVEILLANT',
      });
      expect(assigned.status).toBe(201);
      const aid = String(assigned.body.id);
      const jury = await web.get(`/sessions/${futureId}/jury`);
      expect(jury.text).toContain(`href="/sessions/${futureId}/jury/${aid}/supprimer"`);
      expect(jury.text).not.toContain(`action="/sessions/${futureId}/jury/${aid}/remove"`);
      const confirm = htmlText((await web.get(`/sessions/${futureId}/jury/${aid}/supprimer`)).text);
      expect(confirm).toContain('Retirer Jean MARTIN du jury de la session ?');
      expect(confirm).toContain('Son affectation comme surveillant sera supprimée.');
      expect(confirm).toContain('Sa fiche de membre du jury et ses habilitations restent.');
      expect((await web.post(`/sessions/${futureId}/jury/${aid}/remove`, {})).status).toBe(400);
      expect(((await manager.get(`/api/sessions/${futureId}/jury`)).body as Body[]).length).toBe(1);
      const removed = await web.post(`/sessions/${futureId}/jury/${aid}/remove`, { confirm: '1' });
      expect(removed.headers.location).toBe(`/sessions/${futureId}/jury?ok=staff-removed`);
      expect(((await manager.get(`/api/sessions/${futureId}/jury`)).body as Body[]).length).toBe(0);

      const pastId = String(past.id);
      const suspect = await aCandidate(manager, pastId, { lastName: 'Colin', firstName: 'Maël' });
      const fraud = await manager.post(`/api/sessions/${pastId}/incidents`, {
        kind: 'FRAUD',
        candidateId: String(suspect.id),
        occurredOn: '2027-02-23',
        description: 'Téléphone consulté pendant l’épreuve',
      });
      expect(fraud.status).toBe(201);
      const iid = String(fraud.body.id);
      const list = await web.get(`/sessions/${pastId}/incidents`);
      expect(list.text).toContain(`href="/sessions/${pastId}/incidents/${iid}/supprimer"`);
      const page = htmlText((await web.get(`/sessions/${pastId}/incidents/${iid}/supprimer`)).text);
      expect(page).toContain(
        'Supprimer le signalement de fraude du 23/02/2027 concernant COLIN Maël ?',
      );
      expect(page).toContain('il ne figurera plus au procès-verbal ni au rapport de fraude');
      expect((await web.post(`/sessions/${pastId}/incidents/${iid}/delete`, {})).status).toBe(400);
      expect(((await manager.get(`/api/sessions/${pastId}/incidents`)).body as Body[]).length).toBe(
        1,
      );
      const gone = await web.post(`/sessions/${pastId}/incidents/${iid}/delete`, { confirm: '1' });
      expect(gone.status).toBe(303);
      expect(((await manager.get(`/api/sessions/${pastId}/incidents`)).body as Body[]).length).toBe(
        0,
      );
    });
  });

  describe('unknown addresses', () => {
    it('shows a browser a French 404 page under the layout, and the API its JSON 404', async () => {
      const page = await request(t.http)
        .get('/nulle-part/ici')
        .set('Cookie', web.cookie)
        .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
      expect(page.status).toBe(404);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<html lang="fr">');
      expect(htmlText(page.text)).toContain('Page introuvable');
      expect(htmlText(page.text)).toContain('L’adresse demandée ne correspond à aucune page');
      // Signed in: the layout's navigation is there.
      expect(page.text).toContain('aria-label="Navigation principale"');
      const anonymous = await request(t.http).get('/nulle-part').set('Accept', 'text/html');
      expect(anonymous.status).toBe(404);
      expect(htmlText(anonymous.text)).toContain('Page introuvable');
      expect(anonymous.text).not.toContain('Navigation principale');
      const api = await request(t.http)
        .get('/api/nulle-part')
        .set('Cookie', web.cookie)
        .set('Accept', 'text/html');
      expect(api.status).toBe(404);
      expect(api.headers['content-type']).toMatch(/application\/json/);
      expect(api.body.message).toContain('Route introuvable');
      const json = await request(t.http).get('/nulle-part');
      expect(json.status).toBe(404);
      expect(json.headers['content-type']).toMatch(/application\/json/);
    });
  });

  describe('calendar link', () => {
    it('creates the link by POST, shows it once, and a refresh creates no other', async () => {
      const created = await web.post('/calendar/feed/rotate', {});
      expect(created.status).toBe(303);
      const feed = (await manager.get('/api/me/calendar-feed')).body as { createdAt: string };
      const once = String(created.headers['set-cookie']).match(/jalon_feed_once=[^;]+/)?.[0];
      expect(once).toBeDefined();
      const shown = await request(t.http).get('/calendar').set('Cookie', `${web.cookie}; ${once!}`);
      expect(shown.text).toMatch(
        /id="feed-url" class="feed-url" type="text" readonly value="[^"]+\.ics"/,
      );
      for (let i = 0; i < 2; i++) {
        const refreshed = await web.get('/calendar?ok=feed-created');
        expect(refreshed.text).not.toContain('id="feed-url"');
        expect(htmlText(refreshed.text)).toContain('Vous avez un lien de flux actif');
        expect(htmlText(refreshed.text)).toContain('Renouveler le lien');
        expect(htmlText(refreshed.text)).toContain('Révoquer');
      }
      expect(((await manager.get('/api/me/calendar-feed')).body as typeof feed).createdAt).toBe(
        feed.createdAt,
      );
      // Another user's cookie shows nothing: the secret must be the caller's current feed.
      const other = await request(t.http)
        .get('/calendar')
        .set('Cookie', `${viewerWeb.cookie}; ${once!}`);
      expect(other.text).not.toContain('id="feed-url"');
    });
  });

  describe('CSV exports', () => {
    it('exports the sessions list with its filters, the candidates and the annual planning', async () => {
      const sessions = await web.get('/sessions?status=PLANNED');
      const href = /<a href="([^"]+)" download>Exporter en CSV/.exec(sessions.text)?.[1];
      expect(href).toBeDefined();
      expect(htmlText(href!)).toBe('/exports/sessions.csv?status=PLANNED');
      const csv = await web.get(htmlText(href!));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="sessions-2027-03-01.csv"',
      );
      expect(csv.text.startsWith('\uFEFF')).toBe(true);
      const lines = csv.text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^Sigle;Titre;Nature;Centre;Site;Début;Fin;/);
      expect(lines.length).toBe(3);
      expect(lines.some((l) => l.includes(';14/06/2027;18/06/2027;'))).toBe(true);
      expect(csv.text).not.toContain('Centre Voisin');
      const cancelled = await web.get('/exports/sessions.csv?status=CANCELLED');
      expect(cancelled.text.slice(1).trimEnd().split('\r\n')).toHaveLength(1);

      const pastId = String(past.id);
      await aCandidate(manager, pastId, { lastName: '=cmd', firstName: 'Zoé' });
      const list = await web.get(`/sessions/${pastId}/candidates`);
      expect(list.text).toContain(`href="/exports/sessions/${pastId}/candidates.csv" download`);
      const candidates = await web.get(`/exports/sessions/${pastId}/candidates.csv`);
      expect(candidates.status).toBe(200);
      expect(candidates.text.slice(1).split('\r\n')[0]).toBe(
        'Nom;Prénom;Date de naissance;Parcours;Date de convocation;Mode de convocation;Présence;Résultats',
      );
      expect(candidates.text).toContain("'=CMD;Zoé;12/04/1990;");
      expect((await web.get(`/exports/sessions/${otherSessionId}/candidates.csv`)).status).toBe(
        404,
      );

      const obligations = await web.get(`/centres/${centreId}/obligations?year=2027`);
      expect(obligations.text).toContain(
        `href="/exports/centres/${centreId}/planning.csv?year=2027"`,
      );
      const planning = await web.get(`/exports/centres/${centreId}/planning.csv?year=2027`);
      expect(planning.status).toBe(200);
      expect(planning.headers['content-disposition']).toBe(
        'attachment; filename="planning-2027.csv"',
      );
      expect(planning.text.startsWith('\uFEFF')).toBe(true);
      expect(planning.text).toContain('Sigle;Titre;Millésime;Nature;CCP;Site;Début;Fin;');
      expect(planning.text).toContain('22/02/2027');
      const badYear = await web.get(`/exports/centres/${centreId}/planning.csv?year=deux`);
      expect(badYear.status).toBe(400);
      expect(htmlText(badYear.text)).toContain(
        'Le champ « year » doit être une année de 2000 à 2100.',
      );
    });
  });

  describe('glossary', () => {
    it('is linked from every page and defines each sigle with an anchor', async () => {
      const sessions = await web.get('/sessions');
      expect(sessions.text).toContain('<a href="/glossaire">Glossaire</a>');
      const page = await web.get('/glossaire');
      expect(page.status).toBe(200);
      for (const id of [
        'ceres',
        'dte',
        'ud',
        'ecf',
        'dp',
        'ccp',
        'ccs',
        'pv',
        'tp',
        'rncp',
        'dreets',
        'cqc',
        'fimo',
        'fco',
        'vae',
      ]) {
        expect(page.text).toContain(`id="${id}"`);
      }
      expect(htmlText(page.text)).toContain(
        '<dfn><abbr title="dossier technique d’évaluation">DTE</abbr></dfn>',
      );
      expect(page.text).toContain('aria-label="Navigation principale"');
      const anonymous = await request(t.http).get('/glossaire');
      expect(anonymous.status).toBe(200);
      expect(anonymous.text).toContain('id="ceres"');
      expect((await request(t.http).get('/login')).text).toContain('href="/glossaire"');
    });
  });

  describe('one read path for the session heading', () => {
    it('shows the same heading on every tab and in the API’s GET of the session', async () => {
      const id = String(future.id);
      const tabs = ['', '/candidates', '/jury', '/incidents', '/documents', '/audit', '/edit'];
      const headings = new Set<string>();
      for (const tab of tabs) {
        const page = await web.get(`/sessions/${id}${tab}`);
        expect(page.status).toBe(200);
        headings.add(headingOf(page.text));
      }
      expect(headings.size).toBe(1);
      const [heading] = [...headings];
      const api = (await manager.get(`/api/sessions/${id}`)).body as {
        heading: { title: string; titreLabel: string; dates: string; status: string };
      };
      expect(api.heading).toEqual({
        title: expect.stringMatching(/^CDA/),
        titreLabel: 'Concepteur développeur d’applications (millésime 2023)',
        dates: 'du 14/06/2027 au 18/06/2027',
        status: 'Programmée',
      });
      expect(heading).toContain(
        `<h1>${api.heading.title} <span class="muted">— ${api.heading.dates}</span></h1>`,
      );
      expect(heading).toContain(`${api.heading.titreLabel} · ${api.heading.status}`);
    });
  });
});

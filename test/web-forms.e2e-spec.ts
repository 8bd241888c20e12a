import { jest } from '@jest/globals';
import request from 'supertest';
import { AuditService } from '../src/audit/audit.service.js';
import { TokenService } from '../src/auth/token.service.js';
import { CandidatesService } from '../src/candidates/candidates.service.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { csrfOf, htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

/** The page answered `status` and shows each message (HTML entities decoded). */
function expectPage(res: request.Response, status: number, ...messages: string[]): void {
  expect(res.status).toBe(status);
  const text = htmlText(res.text);
  for (const message of messages) expect(text).toContain(message);
}

/** The form was accepted: 303 to `location`. */
function expectRedirect(res: request.Response, location: string): void {
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(location);
}

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('dashboard forms', () => {
  let t: TestApp;
  let admin: Client;
  let web: WebClient;
  let viewerWeb: WebClient;
  let centreId: string;
  let siteId: string;
  let otherSessionId: string;
  let titre: Body;
  let session: Body;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    siteId = String(site.id);
    const other = await aCentre(admin, { name: 'Centre Voisin' });
    titre = await aTitre(admin);
    const manager = await aUser(admin, 'manager', [centreId]);
    managerId = manager.id;
    const viewer = await aUser(admin, 'viewer', [centreId]);
    const managerApi = t.as(await t.login(manager.email, manager.password));
    session = await aSession(managerApi, { centreId, siteId, titreId: String(titre.id) });
    const otherSession = await aSession(admin, {
      centreId: String(other.centre.id),
      siteId: String(other.site.id),
      titreId: String(titre.id),
    });
    otherSessionId = String(otherSession.id);
    web = await webLogin(t.http, manager.email, manager.password);
    viewerWeb = await webLogin(t.http, viewer.email, viewer.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const sessionPath = () => `/sessions/${String(session.id)}`;

  describe('sessions', () => {
    it('creates a session from the form and redirects to it with a message', async () => {
      const page = await web.get('/sessions/new');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<label for="f-centreId">Centre');
      expect(csrfOf(page.text)).toBe(await web.csrf());
      const res = await web.post('/sessions/new', {
        centreId,
        siteId,
        titreId: String(titre.id),
        nature: 'CCP',
        ccpCodes: 'CCP1, CCP2',
        startDate: '2027-09-13',
        endDate: '2027-09-15',
        startTime: '08:30',
        location: 'Salle Rabelais',
        managerId,
        deputyManagerId: '',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toMatch(/^\/sessions\/[0-9a-f-]{36}\?ok=session-created$/);
      const id = /\/sessions\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1];
      const created = await admin.get(`/api/sessions/${id}`);
      expect(created.body).toMatchObject({
        nature: 'CCP',
        ccpCodes: ['CCP1', 'CCP2'],
        startDate: '2027-09-13',
        startTime: '08:30',
        managerId,
      });
    });

    it('shows French errors next to the fields and keeps what was typed', async () => {
      const res = await web.post('/sessions/new', {
        centreId,
        siteId,
        titreId: String(titre.id),
        nature: 'TITRE',
        startDate: '2027-09-20',
        endDate: '2027-09-10',
        location: 'Salle Montaigne',
      });
      expectPage(
        res,
        400,
        'Le formulaire contient des erreurs',
        'Le champ « Date de fin » ne doit pas être antérieur au champ « Date de début ».',
      );
      expect(res.text).toMatch(/id="f-endDate-error"/);
      // The summary links each message to its field.
      expect(res.text).toMatch(/<li><a href="#f-endDate">Le champ « Date de fin »/);
      expect(res.text).toContain('value="Salle Montaigne"');
      const unknownCcp = await web.post('/sessions/new', {
        centreId,
        siteId,
        titreId: String(titre.id),
        nature: 'CCP',
        ccpCodes: 'CCP9',
        startDate: '2027-09-20',
        endDate: '2027-09-21',
      });
      expectPage(unknownCcp, 400, 'Le champ « CCP concernés » contient des codes inconnus');
    });

    it('edits, postpones and cancels a session', async () => {
      const created = await aSession(admin, { centreId, siteId, titreId: String(titre.id) });
      const id = String(created.id);
      const edit = await web.get(`/sessions/${id}/edit`);
      expect(edit.status).toBe(200);
      const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
      const saved = await web.post(`/sessions/${id}/edit`, {
        version,
        siteId,
        nature: 'TITRE',
        startTime: '08:00',
        location: 'Amphithéâtre B',
        managerId,
        deputyManagerId: '',
        status: 'PLANNED',
      });
      expectRedirect(saved, `/sessions/${id}?ok=session-updated`);
      const stale = await web.post(`/sessions/${id}/edit`, {
        version,
        siteId,
        nature: 'TITRE',
        location: 'Ailleurs',
        managerId,
        status: 'PLANNED',
      });
      expectPage(stale, 409, 'modifié(e) entre-temps');

      // The postponement form carries the version it was read at (an edit without it is refused).
      const postponeForm = await web.get(`/sessions/${id}/postpone`);
      const current = /name="version" value="(\d+)"/.exec(postponeForm.text)![1];
      const noReason = await web.post(`/sessions/${id}/postpone`, {
        startDate: '2027-07-05',
        endDate: '2027-07-09',
        reason: '',
        version: current,
      });
      expectPage(noReason, 400, 'Le champ « Motif du report » est obligatoire.');
      expect(noReason.text).toContain('value="2027-07-05"');
      // The form's hidden `version` is required: without it, the stale-write check cannot run.
      const withoutVersion = await web.post(`/sessions/${id}/postpone`, {
        startDate: '2027-07-05',
        endDate: '2027-07-09',
        reason: 'Salle indisponible',
      });
      expect(withoutVersion.status).toBe(400);
      const postponed = await web.post(`/sessions/${id}/postpone`, {
        startDate: '2027-07-05',
        endDate: '2027-07-09',
        reason: 'Salle indisponible',
        version: current,
      });
      expect(postponed.status).toBe(303);
      const after = await admin.get(`/api/sessions/${id}`);
      expect(after.body).toMatchObject({
        startDate: '2027-07-05',
        status: 'POSTPONED',
        location: 'Amphithéâtre B',
      });

      const emptyCancel = await web.post(`/sessions/${id}/cancel`, { reason: ' ' });
      expectPage(emptyCancel, 400, 'Le champ « Motif de l’annulation » est obligatoire.');
      const cancelled = await web.post(`/sessions/${id}/cancel`, { reason: 'Trop peu d’inscrits' });
      expectRedirect(cancelled, `/sessions/${id}?ok=session-cancelled`);
      expect((await admin.get(`/api/sessions/${id}`)).body.status).toBe('CANCELLED');
      const audit = await admin.get(`/api/sessions/${id}/audit`);
      const actions = (audit.body as { action: string }[]).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['update', 'postpone', 'cancel']));
    });

    it('refuses a form without its CSRF token', async () => {
      const res = await request(t.http)
        .post('/sessions/new')
        .set('Cookie', web.cookie)
        .type('form')
        .send({ centreId });
      expectPage(res, 403, 'Jeton de sécurité (CSRF) manquant ou invalide');
    });

    it("answers 404 for another centre's session and keeps viewers read-only", async () => {
      expect((await web.get(`/sessions/${otherSessionId}/edit`)).status).toBe(404);
      expect((await web.get(`/sessions/${otherSessionId}/candidates`)).status).toBe(404);
      const posted = await web.post(`/sessions/${otherSessionId}/cancel`, { reason: 'Intrusion' });
      expect(posted.status).toBe(404);
      expect((await admin.get(`/api/sessions/${otherSessionId}`)).body.status).toBe('PLANNED');
      expect((await viewerWeb.get('/sessions/new')).status).toBe(403);
      const viewerPost = await viewerWeb.post(`${sessionPath()}/cancel`, { reason: 'Non' });
      expectPage(viewerPost, 403, 'lecture seule');
    });
  });

  describe('candidates', () => {
    it('adds a candidate, refuses a VAE candidate without recevabilité, and edits the follow-up', async () => {
      const invalid = await web.post(`${sessionPath()}/candidates/new`, {
        lastName: 'Rousseau',
        firstName: 'Jérôme',
        pathway: 'VAE',
        email: 'pas-une-adresse',
      });
      expectPage(invalid, 400, 'Le champ « Adresse e-mail » doit être une adresse e-mail valide.');
      expect(invalid.text).toContain('value="Rousseau"');
      const vae = await web.post(`${sessionPath()}/candidates/new`, {
        lastName: 'Rousseau',
        firstName: 'Jérôme',
        pathway: 'VAE',
      });
      expectPage(
        vae,
        400,
        'Le champ « Fin de validité de la recevabilité » est obligatoire pour un candidat en parcours VAE',
      );
      const created = await web.post(`${sessionPath()}/candidates/new`, {
        lastName: 'Rousseau',
        firstName: 'Jérôme',
        birthDate: '1985-11-03',
        pathway: 'VAE',
        vaeValidUntil: '2027-12-31',
        accommodationRequested: '1',
        accommodationDetails: 'Tiers temps',
      });
      expectRedirect(created, `${sessionPath()}/candidates?ok=candidate-created`);
      const list = await web.get(`${sessionPath()}/candidates`);
      expect(list.status).toBe(200);
      expect(list.text).toContain('ROUSSEAU Jérôme');
      const [candidate] = (
        (await admin.get(`/api/sessions/${String(session.id)}/candidates`)).body as Body[]
      ).filter((c) => c.lastName === 'Rousseau');
      expect(candidate).toMatchObject({
        accommodationRequested: true,
        vaeValidUntil: '2027-12-31',
      });
      const cid = String(candidate.id);

      const editPage = await web.get(`${sessionPath()}/candidates/${cid}`);
      expect(editPage.status).toBe(200);
      expect(editPage.text).toContain('name="result_CCP1"');
      const base = {
        version: String(candidate.version),
        lastName: 'Rousseau',
        firstName: 'Jérôme',
        birthDate: '1985-11-03',
        address: '12 rue des Lilas, 69100 Villeurbanne',
        pathway: 'VAE',
        vaeValidUntil: '2027-12-31',
        accommodationRequested: '1',
        accommodationDetails: 'Tiers temps',
      };
      const future = await web.post(`${sessionPath()}/candidates/${cid}`, {
        ...base,
        convocationDate: '2027-04-01',
        convocationMode: 'REGISTERED_MAIL',
      });
      expectPage(
        future,
        400,
        'Le champ « Date de convocation » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
      );
      const saved = await web.post(`${sessionPath()}/candidates/${cid}`, {
        ...base,
        convocationDate: '2027-02-26',
        convocationMode: 'REGISTERED_MAIL',
        ecfSignedByTrainer: '1',
        dpSigned: '1',
        recevabiliteCollected: '1',
        attendance: 'PRESENT',
        result_CCP1: 'ACQUIRED',
        result_CCP2: 'NOT_ACQUIRED',
        result_CCP3: '',
      });
      expect(saved.status).toBe(303);
      const after = await admin.get(`/api/sessions/${String(session.id)}/candidates/${cid}`);
      expect(after.body).toMatchObject({
        address: '12 rue des Lilas, 69100 Villeurbanne',
        convocationDate: '2027-02-26',
        convocationMode: 'REGISTERED_MAIL',
        ecfSignedByTrainer: true,
        ecfSignedByCandidate: false,
        dpSigned: true,
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        ],
      });

      const viewerPage = await viewerWeb.get(`${sessionPath()}/candidates/${cid}`);
      expect(viewerPage.status).toBe(200);
      expect(viewerPage.text).toContain('Consultation seule');
      expect(viewerPage.text).toMatch(/<fieldset class="form-body" disabled>/);
      expect(viewerPage.text).not.toContain('/delete"');
      const viewerList = await viewerWeb.get(`${sessionPath()}/candidates`);
      expect(viewerList.text).not.toContain('/candidates/new');

      const unconfirmed = await web.post(`${sessionPath()}/candidates/${cid}/delete`, {});
      expect(unconfirmed.status).toBe(400);
      const deleted = await web.post(`${sessionPath()}/candidates/${cid}/delete`, { confirm: '1' });
      expectRedirect(deleted, `${sessionPath()}/candidates?ok=candidate-deleted`);
      expect(
        (await admin.get(`/api/sessions/${String(session.id)}/candidates/${cid}`)).status,
      ).toBe(404);
    });
  });

  describe('CSV import', () => {
    const header =
      'nom;prénom;date_naissance;email;téléphone;adresse;parcours;fin_recevabilite_vae;amenagement';
    const countCandidates = async (): Promise<number> =>
      ((await admin.get(`/api/sessions/${String(session.id)}/candidates`)).body as Body[]).length;

    const upload = (content: string | Buffer) =>
      web.csrf().then((token) =>
        request(t.http)
          .post(`${sessionPath()}/candidates/import?_csrf=${token}`)
          .set('Cookie', web.cookie)
          .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), {
            filename: 'candidats.csv',
            contentType: 'text/csv',
          }),
      );

    it('keeps multi-line fields byte for byte through three saves of the candidate form', async () => {
      const address = '12 rue des Lilas\nBâtiment B, 3e étage\n69100 Villeurbanne';
      const accommodationDetails = 'Tiers temps\nSalle au rez-de-chaussée';
      const otherDocuments = 'Attestation d’employeur\nCopie du permis';
      const created = await admin.post(`/api/sessions/${String(session.id)}/candidates`, {
        lastName: 'Multiligne',
        firstName: 'Inès',
        address,
      });
      expect(created.status).toBe(201);
      const cid = String((created.body as Body).id);
      const textarea = (html: string, name: string) =>
        new RegExp(`<textarea[^>]* name="${name}"[^>]*>([\\s\\S]*?)</textarea>`)
          .exec(html)![1]
          .replace(/&#x27;/g, "'")
          .replace(/&amp;/g, '&');
      let values = { address, accommodationDetails, otherDocuments };
      for (let save = 0; save < 3; save++) {
        const page = await web.get(`${sessionPath()}/candidates/${cid}`);
        expect(page.status).toBe(200);
        if (save > 0) {
          values = {
            address: textarea(page.text, 'address'),
            accommodationDetails: textarea(page.text, 'accommodationDetails'),
            otherDocuments: textarea(page.text, 'otherDocuments'),
          };
        }
        const version = /name="version" value="(\d+)"/.exec(page.text)![1];
        const saved = await web.post(`${sessionPath()}/candidates/${cid}`, {
          version,
          lastName: 'Multiligne',
          firstName: 'Inès',
          pathway: 'FORMATION',
          accommodationRequested: '1',
          ...values,
        });
        expect(saved.status).toBe(303);
      }
      const after = (await admin.get(`/api/sessions/${String(session.id)}/candidates/${cid}`))
        .body as Body;
      expect(after).toMatchObject({ address, accommodationDetails, otherDocuments });
    });

    it('documents the columns and offers an example file', async () => {
      const page = await web.get(`${sessionPath()}/candidates/import`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<code>fin_recevabilite_vae</code>');
      expect(page.text).toContain('enctype="multipart/form-data"');
      const example = await web.get(`${sessionPath()}/candidates/import/exemple.csv`);
      expect(example.status).toBe(200);
      expect(example.headers['content-type']).toContain('text/csv');
      expect(example.text.startsWith('\uFEFFnom;prénom;')).toBe(true);
    });

    it('previews a file with a bad row: errors per row and column, nothing imported', async () => {
      const before = await countCandidates();
      const csv = [
        header,
        'Martin;Léa;12/05/1990;lea.martin@example.fr;0612345678;"3 place Bellecour, 69002 Lyon";FORMATION;;non',
        'Petit;;31/02/1991;pas-un-email;;;VAE;;',
        'Durand;Hugo;;;;;;;oui',
      ].join('\r\n');
      const res = await upload(`\uFEFF${csv}`);
      expectPage(
        res,
        400,
        '1 ligne(s) sur 3 contiennent des erreurs : rien n’a été importé.',
        'Ligne 3, colonne « prénom » : Le champ « prénom » est obligatoire.',
        'Ligne 3, colonne « date_naissance » : La colonne « date_naissance » doit contenir une date existante',
        'Ligne 3, colonne « email » : Le champ « email » doit être une adresse e-mail valide.',
      );
      expect(res.text).not.toContain('id="confirm-import"');
      expect(await countCandidates()).toBe(before);
      // A file refused by a business rule (VAE without recevabilité) is refused too.
      const vae = await upload(`${header}\nPetit;Anne;;;;;VAE;;`);
      expect(htmlText(vae.text)).toContain(
        'Ligne 2, colonne « fin_recevabilite_vae » : Le champ « fin_recevabilite_vae » est obligatoire pour un candidat en parcours VAE',
      );
      // Unknown headers stop the whole file.
      const unknown = await upload('nom,prénom,âge\nMartin,Léa,30');
      expect(htmlText(unknown.text)).toContain('La colonne « âge » est inconnue');
      expect(await countCandidates()).toBe(before);
    });

    it('imports every row of a valid file in one go after the preview', async () => {
      const before = await countCandidates();
      const csv = [
        'Nom,Prenom,Date_Naissance,Email,Parcours,Fin_Recevabilite_VAE,Amenagement',
        'Martin,Léa,1990-05-12,lea.martin@example.fr,formation,,',
        'Bernard,Zoé,03/11/1985,,VAE,31/12/2027,Tiers temps',
      ].join('\n');
      const preview = await upload(csv);
      expectPage(preview, 200, 'Les 2 lignes sont valides.');
      expect(await countCandidates()).toBe(before);
      const hidden = /name="csv" value="([^"]*)"/.exec(preview.text)![1];
      const enrolled = /name="enrolled" value="(\d+)"/.exec(preview.text)![1];
      expect(enrolled).toBe(String(before));
      const confirm = { csv: htmlText(hidden), enrolled };
      const confirmed = await web.post(`${sessionPath()}/candidates/import/confirm`, confirm);
      expectRedirect(confirmed, `${sessionPath()}/candidates?ok=candidates-imported`);
      const all = (await admin.get(`/api/sessions/${String(session.id)}/candidates`))
        .body as Body[];
      expect(all).toHaveLength(before + 2);
      // A second click on « Importer » does not import the file twice.
      const twice = await web.post(`${sessionPath()}/candidates/import/confirm`, confirm);
      expectPage(
        twice,
        409,
        'La liste des candidats de la session a changé depuis l’aperçu : rien n’a été importé.',
      );
      expect(await countCandidates()).toBe(before + 2);
      expect(all.find((c) => c.lastName === 'Bernard')).toMatchObject({
        firstName: 'Zoé',
        birthDate: '1985-11-03',
        pathway: 'VAE',
        vaeValidUntil: '2027-12-31',
        accommodationRequested: true,
        accommodationDetails: 'Tiers temps',
      });
      const audit = (await admin.get(`/api/sessions/${String(session.id)}/audit`)).body as Body[];
      expect(
        audit.filter((e) => e.entity === 'candidate' && e.action === 'create').length,
      ).toBeGreaterThanOrEqual(2);
      // The same file again: importable, with a warning on each row already enrolled.
      const again = await upload(csv);
      expectPage(again, 200, 'Attention : 2 ligne(s) ressemblent à un candidat déjà inscrit');
    });

    it('adds no candidate at all when one insert of the import fails', async () => {
      const before = await countCandidates();
      const audit = t.app.get(AuditService);
      const record = audit.record.bind(audit);
      let calls = 0;
      const spy = jest.spyOn(audit, 'record').mockImplementation(async (m, caller, event) => {
        calls += 1;
        if (calls === 2) throw new Error('panne simulée');
        return record(m, caller, event);
      });
      try {
        const candidates = t.app.get(CandidatesService);
        const caller = (await t.app.get(TokenService).resolve(web.cookie.split('=')[1]))!.caller;
        await expect(
          candidates.createMany(caller, String(session.id), [
            { lastName: 'Premier', firstName: 'Ok' },
            { lastName: 'Second', firstName: 'Échec' },
          ]),
        ).rejects.toThrow('panne simulée');
      } finally {
        spy.mockRestore();
      }
      expect(await countCandidates()).toBe(before);
    });

    it('reads a pasted file, and a Windows-1252 file', async () => {
      const before = await countCandidates();
      const pasted = await request(t.http)
        .post(`${sessionPath()}/candidates/import?_csrf=${await web.csrf()}`)
        .set('Cookie', web.cookie)
        .field('csv', 'nom;prénom\nLefèvre;Anaïs');
      expectPage(pasted, 200, 'Les 1 lignes sont valides.');
      const latin1 = Buffer.from('nom;prénom\nGarçon;Noël\n', 'latin1');
      const res = await upload(latin1);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Garçon');
      // Excel's Windows-1252 export: œ (0x9C) and ’ (0x92) are not Latin-1 control characters.
      const excel = Buffer.concat([
        Buffer.from('nom;prénom\nL', 'latin1'),
        Buffer.from([0x9c]),
        Buffer.from('venbruck;Zo', 'latin1'),
        Buffer.from([0xeb, 0x20, 0x64, 0x92]),
        Buffer.from('Arc\n', 'latin1'),
      ]);
      const excelPreview = await upload(excel);
      expect(excelPreview.status).toBe(200);
      expect(excelPreview.text).toContain('Lœvenbruck');
      expect(excelPreview.text).toContain('Zoë d’Arc');
      expect(excelPreview.text).not.toMatch(/[\u0080-\u009f]/);
      expect(await countCandidates()).toBe(before);
    });

    it('refuses an import into a session of another centre and for a viewer', async () => {
      expect((await web.get(`/sessions/${otherSessionId}/candidates/import`)).status).toBe(404);
      const confirm = await web.post(`/sessions/${otherSessionId}/candidates/import/confirm`, {
        csv: 'nom;prénom\nIntrus;Eve',
      });
      expect(confirm.status).toBe(404);
      const viewer = await viewerWeb.post(`${sessionPath()}/candidates/import/confirm`, {
        csv: 'nom;prénom\nIntrus;Eve',
      });
      expect(viewer.status).toBe(403);
    });
  });
  describe('jury', () => {
    it('creates a jury member, refuses a bad e-mail, edits it and adds habilitations', async () => {
      const bad = await web.post('/jury/new', {
        centreId,
        lastName: 'Durand',
        firstName: 'Claire',
        email: 'claire-at-example',
      });
      expectPage(bad, 400, 'Le champ « Adresse e-mail » doit être une adresse e-mail valide.');
      expect(bad.text).toContain('value="Durand"');
      const created = await web.post('/jury/new', {
        centreId,
        lastName: 'Durand',
        firstName: 'Claire',
        email: 'claire.durand@example.fr',
        employer: 'Atelier Lumière',
        professionalised: '1',
      });
      expect(created.status).toBe(303);
      const memberId = /\/jury\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1];
      const edited = await web.post(`/jury/${memberId}`, {
        lastName: 'Durand',
        firstName: 'Claire',
        email: 'claire.durand@example.fr',
        phone: '06 00 00 00 01',
        employer: 'Atelier Lumière',
      });
      expect(edited.status).toBe(303);
      const unknownCcp = await web.post(`/jury/${memberId}/habilitations`, {
        titreId: String(titre.id),
        basis: 'METIER',
        validUntil: '2028-12-31',
        ccpCodes: 'CCP7',
      });
      expectPage(unknownCcp, 400, 'Le champ « Restreinte aux CCP » contient des codes inconnus');
      const noDate = await web.post(`/jury/${memberId}/habilitations`, {
        titreId: String(titre.id),
        validUntil: '',
      });
      expect(htmlText(noDate.text)).toContain(
        'Le champ « Fin de validité de l’habilitation » est obligatoire.',
      );
      const added = await web.post(`/jury/${memberId}/habilitations`, {
        titreId: String(titre.id),
        basis: 'FORMATEUR',
        validUntil: '2028-12-31',
        ccpCodes: 'CCP1, CCP2',
      });
      expect(added.status).toBe(303);
      const member = (await admin.get(`/api/jury-members/${memberId}`)).body as Body;
      expect(member).toMatchObject({
        phone: '06 00 00 00 01',
        professionalised: false,
        habilitations: [
          { validUntil: '2028-12-31', ccpCodes: ['CCP1', 'CCP2'], basis: 'FORMATEUR' },
        ],
      });
      const list = await web.get('/jury');
      expectPage(list, 200, 'jusqu’au 31/12/2028 (CCP1, CCP2)');
      const viewerPage = await viewerWeb.get(`/jury/${memberId}`);
      expect(viewerPage.status).toBe(200);
      expect(viewerPage.text).not.toContain(`action="/jury/${memberId}/habilitations"`);
    });

    it('assigns members to a session, records link declarations and removes an assignment', async () => {
      const juror = async (lastName: string) =>
        (
          await admin.post('/api/jury-members', {
            centreId,
            lastName,
            firstName: 'Jean',
            email: `${lastName.toLowerCase()}@example.fr`,
          })
        ).body as Body;
      const first = await juror('Lambert');
      const second = await juror('Moreau');
      const candidate = (
        await admin.post(`/api/sessions/${String(session.id)}/candidates`, {
          lastName: 'Faure',
          firstName: 'Inès',
        })
      ).body as Body;
      const page = await web.get(`${sessionPath()}/jury`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`value="${String(first.id)}"`);
      const missingRole = await web.post(`${sessionPath()}/jury`, {
        juryMemberId: String(first.id),
        role: '',
      });
      expectPage(missingRole, 400, 'Le champ « Rôle » est obligatoire.');
      expect(
        (await web.post(`${sessionPath()}/jury`, { juryMemberId: String(first.id), role: 'JURY' }))
          .status,
      ).toBe(303);
      expect(
        (
          await web.post(`${sessionPath()}/jury`, {
            juryMemberId: String(second.id),
            role: 'SURVEILLANT',
          })
        ).status,
      ).toBe(303);
      const twice = await web.post(`${sessionPath()}/jury`, {
        juryMemberId: String(first.id),
        role: 'JURY',
      });
      expectPage(
        twice,
        409,
        'Jean Lambert est déjà affecté(e) à cette session (champ « Membre du jury »).',
      );

      const linkWithoutDetails = await web.post(
        `${sessionPath()}/jury/declarations/${String(first.id)}`,
        { [`link_${String(candidate.id)}`]: 'link', [`details_${String(candidate.id)}`]: '' },
      );
      expectPage(
        linkWithoutDetails,
        400,
        'Inès Faure : le champ « Précisions » est obligatoire pour un lien déclaré.',
      );
      const declared = await web.post(`${sessionPath()}/jury/declarations/${String(first.id)}`, {
        [`link_${String(candidate.id)}`]: 'link',
        [`details_${String(candidate.id)}`]: 'Ancienne collègue',
        declaredOn: '2027-02-20',
      });
      expect(declared.status).toBe(303);
      const declarations = (
        await admin.get(`/api/sessions/${String(session.id)}/link-declarations`)
      ).body as Body[];
      expect(declarations).toEqual([
        expect.objectContaining({
          juryMemberId: String(first.id),
          candidateId: String(candidate.id),
          hasLink: true,
          details: 'Ancienne collègue',
          declaredOn: '2027-02-20',
        }),
      ]);
      const staff = (await admin.get(`/api/sessions/${String(session.id)}/jury`)).body as Body[];
      const surveillant = staff.find((s) => s.juryMemberId === String(second.id))!;
      const removed = await web.post(`${sessionPath()}/jury/${String(surveillant.id)}/remove`, {
        confirm: '1',
      });
      expectRedirect(removed, `${sessionPath()}/jury?ok=staff-removed`);
      expect(
        ((await admin.get(`/api/sessions/${String(session.id)}/jury`)).body as Body[]).length,
      ).toBe(1);
      const viewerPage = await viewerWeb.get(`${sessionPath()}/jury`);
      expect(viewerPage.status).toBe(200);
      expect(viewerPage.text).not.toContain('/remove"');
      expect((await web.get(`/sessions/${otherSessionId}/jury`)).status).toBe(404);
    });
  });

  describe('agréments, titres, centres and users', () => {
    it('records an agrément and refuses a site of another centre', async () => {
      const other = await aCentre(admin, { name: 'Centre Tiers' });
      const wrongSite = await web.post('/agrements', {
        centreId,
        siteId: String(other.site.id),
        titreId: String(titre.id),
        validUntil: '2029-06-30',
        maxCandidates: '12',
      });
      expect(wrongSite.status).toBe(404);
      const badCount = await web.post('/agrements', {
        centreId,
        siteId,
        titreId: String(titre.id),
        validUntil: '2029-06-30',
        maxCandidates: 'douze',
      });
      expectPage(
        badCount,
        400,
        'Le champ « Nombre maximal de candidats » doit être un nombre entier.',
      );
      expect(badCount.text).toContain('value="douze"');
      const ok = await web.post('/agrements', {
        centreId,
        siteId,
        titreId: String(titre.id),
        reference: 'DREETS-2026-114',
        validUntil: '2029-06-30',
        maxCandidates: '12',
        technicalPlatform: 'Salle informatique de 14 postes',
      });
      expect(ok.status).toBe(303);
      const page = await web.get('/agrements');
      expect(page.text).toContain('DREETS-2026-114');
      expect(page.text).toContain('30/06/2029');
      const readOnly = await viewerWeb.get('/agrements');
      expect(readOnly.text).toContain('DREETS-2026-114');
      expect(readOnly.text).not.toContain('method="post" action="/agrements"');
      expect((await viewerWeb.get('/titres')).text).not.toContain('method="post" action="/titres"');
      expect((await viewerWeb.get('/centres')).text).not.toContain('action="/centres/sites"');
    });

    it('creates a titre with its CCP rows and shows nested errors', async () => {
      const bad = await web.post('/titres', {
        code: 'TSSR',
        version: '2024',
        label: 'Technicien supérieur systèmes et réseaux',
        validUntil: '2030-12-31',
        ccpCode: ['CCP1', 'CCP 2', ''],
        ccpLabel: ['Assister les utilisateurs', 'Maintenir l’infrastructure', ''],
        ccpKind: ['CCP', 'CCP', 'CCP'],
      });
      expectPage(bad, 400, "Le champ « Code (CCP n°\u00a02) » n'a pas le format attendu.");
      expect(bad.text).toContain('value="CCP 2"');
      const ok = await web.post('/titres', {
        code: 'TSSR',
        version: '2024',
        label: 'Technicien supérieur systèmes et réseaux',
        validUntil: '2030-12-31',
        ccpCode: ['CCP1', 'CCP2', '', ''],
        ccpLabel: ['Assister les utilisateurs', 'Maintenir l’infrastructure', '', ''],
        ccpKind: ['CCP', 'CCS', 'CCP', 'CCP'],
      });
      expect(ok.status).toBe(303);
      const titres = (await admin.get('/api/titres')).body as Body[];
      expect(titres.find((x) => x.code === 'TSSR')).toMatchObject({
        version: '2024',
        ccps: [
          { code: 'CCP1', kind: 'CCP' },
          { code: 'CCP2', kind: 'CCS' },
        ],
      });
      expect((await viewerWeb.post('/titres', { code: 'X' })).status).toBe(403);
    });

    it('lets administrators create centres, managers add sites to their own centres only', async () => {
      const adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
      const badSiret = await adminWeb.post('/centres', { name: 'Centre Nord', siret: '123' });
      expectPage(badSiret, 400, "Le champ « SIRET » n'a pas le format attendu.");
      expect(
        (
          await adminWeb.post('/centres', {
            name: 'Centre Nord',
            postalCode: '59000',
            city: 'Lille',
          })
        ).status,
      ).toBe(303);
      expect((await web.post('/centres', { name: 'Centre Pirate' })).status).toBe(403);
      const site = await web.post('/centres/sites', {
        centreId,
        name: 'Site de Bron',
        postalCode: '69500',
        city: 'Bron',
      });
      expect(site.status).toBe(303);
      const other = await aCentre(admin, { name: 'Centre Étranger' });
      const foreign = await web.post('/centres/sites', {
        centreId: String(other.centre.id),
        name: 'Intrusion',
      });
      expect(foreign.status).toBe(404);
      const page = await web.get('/centres');
      expect(page.text).toContain('Site de Bron');
      expect(page.text).not.toContain('Centre Étranger');
      expect(page.text).not.toContain('action="/centres"');
    });

    it('lets administrators create accounts, with French errors', async () => {
      const adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
      expect((await web.get('/users')).status).toBe(403);
      const short = await adminWeb.post('/users', {
        email: 'nouveau@jalon.test',
        role: 'manager',
        centreIds: [centreId],
        password: 'court',
      });
      expectPage(short, 400, 'Le champ « Mot de passe » doit comporter au moins 12 caractères.');
      expect(short.text).toContain('value="nouveau@jalon.test"');
      const noCentre = await adminWeb.post('/users', {
        email: 'nouveau@jalon.test',
        role: 'viewer',
        password: 'un-mot-de-passe-long',
      });
      expect(htmlText(noCentre.text)).toContain(
        'Le champ « Centres » est obligatoire pour un gestionnaire ou un lecteur.',
      );
      const ok = await adminWeb.post('/users', {
        email: 'nouveau@jalon.test',
        firstName: 'Nina',
        lastName: 'Roux',
        role: 'manager',
        centreIds: [centreId],
        password: 'un-mot-de-passe-long',
      });
      expect(ok.status).toBe(303);
      const users = (await admin.get('/api/users')).body as Body[];
      expect(users.find((u) => u.email === 'nouveau@jalon.test')).toMatchObject({
        role: 'manager',
        centreIds: [centreId],
      });
      const created = await webLogin(t.http, 'nouveau@jalon.test', 'un-mot-de-passe-long');
      expect((await created.get('/sessions/new')).status).toBe(200);
    });
  });
  describe('incidents', () => {
    it('records an incident of a past session, refuses a date outside it, and deletes it', async () => {
      const past = await aSession(
        admin,
        { centreId, siteId, titreId: String(titre.id) },
        {
          startDate: '2027-02-22',
          endDate: '2027-02-26',
        },
      );
      const path = `/sessions/${String(past.id)}/incidents`;
      const candidate = (
        await admin.post(`/api/sessions/${String(past.id)}/candidates`, {
          lastName: 'Colin',
          firstName: 'Maël',
        })
      ).body as Body;
      const page = await web.get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<label for="f-description">Description des faits');
      const outside = await web.post(path, {
        kind: 'FRAUD',
        candidateId: String(candidate.id),
        occurredOn: '2027-02-28',
        description: 'Téléphone consulté pendant l’épreuve',
      });
      expectPage(
        outside,
        400,
        'Le champ « Date des faits » doit être compris entre le 22/02/2027 et le 26/02/2027',
      );
      expect(outside.text).toContain('Téléphone consulté pendant l’épreuve');
      const ok = await web.post(path, {
        kind: 'FRAUD',
        candidateId: String(candidate.id),
        occurredOn: '2027-02-23',
        description: 'Téléphone consulté pendant l’épreuve',
        measures: 'Copie annotée, rapport joint au PV',
      });
      expectRedirect(ok, `${path}?ok=incident-recorded`);
      const incidents = (await admin.get(`/api/sessions/${String(past.id)}/incidents`))
        .body as Body[];
      expect(incidents).toEqual([
        expect.objectContaining({ kind: 'FRAUD', candidateId: String(candidate.id) }),
      ]);
      const listed = await web.get(path);
      expect(htmlText(listed.text)).toContain('Fraude ou tentative de fraude');
      expect(listed.text).toContain('COLIN Maël');
      expect((await viewerWeb.get(path)).text).not.toContain('/delete"');
      const deleted = await web.post(`${path}/${String(incidents[0].id)}/delete`, {
        confirm: '1',
      });
      expect(deleted.status).toBe(303);
      expect(
        ((await admin.get(`/api/sessions/${String(past.id)}/incidents`)).body as Body[]).length,
      ).toBe(0);
      expect((await web.get(`/sessions/${otherSessionId}/incidents`)).status).toBe(404);
    });
  });
});

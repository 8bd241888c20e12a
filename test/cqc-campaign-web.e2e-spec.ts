/**
 * Issue 15 on the dashboard: the CQC-by-equivalence campaign pages (list and creation, a
 * campaign with its timeline, schools, classes and documents, a class with its pupils, split,
 * fiche sessions, voided fiche and hand-overs, the pupils turning 18), through the same service
 * as the API: bad forms answered 400 naming each field in French, another centre's manager gets
 * 404, a viewer reads the pages without any form.
 */
import { jest } from '@jest/globals';
import type request from 'supertest';
import { aCentre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { pdfText } from './support/pdf.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

jest.setTimeout(120_000);

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

interface FicheSessionBody {
  id: string;
  kind: string;
  label: string;
  pupils: { id: string; lastName: string }[];
  fiches: { number: number; pupilName: string | null; status: string; replacedBy: number | null }[];
}

interface PupilBody {
  id: string;
  lastName: string;
}

describe(`CQC campaign dashboard pages (${testDbKind()})`, () => {
  let t: TestApp;
  let api: Client;
  let web: WebClient;
  let viewerWeb: WebClient;
  let otherWeb: WebClient;
  const users = {} as Record<'manager' | 'viewer' | 'other', { email: string; password: string }>;
  let centreId: string;
  let campaignId: string;
  let schoolId: string;
  let classId: string;
  let sessions: FicheSessionBody[] = [];

  const page = (path = '') => `/cqc/campaigns/${campaignId}${path}`;
  const login = async () => {
    api = t.as(await t.login(users.manager.email, users.manager.password));
    web = await webLogin(t.http, users.manager.email, users.manager.password);
    viewerWeb = await webLogin(t.http, users.viewer.email, users.viewer.password);
    otherWeb = await webLogin(t.http, users.other.email, users.other.password);
  };
  const location = (res: { status: number; headers: Record<string, unknown>; text: string }) => {
    if (res.status !== 303) throw new Error(`${res.status} ${htmlText(res.text).slice(0, 2000)}`);
    return String(res.headers.location);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-10T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin, { name: 'Délégation Occitanie' });
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    users.manager = await aUser(admin, 'manager', [centreId]);
    users.viewer = await aUser(admin, 'viewer', [centreId]);
    users.other = await aUser(admin, 'manager', [String(b.centre.id)]);
    await login();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists the campaigns with the creation form; a bad form names each field in French', async () => {
    const list = await web.get('/cqc/campaigns');
    expect(list.status).toBe(200);
    const text = htmlText(list.text);
    expect(text).toContain('Campagnes CQC par équivalence');
    expect(text).toContain('href="/cqc/campaigns" aria-current="page">Campagnes CQC</a>');
    expect(text).toContain('Aucune campagne CQC par équivalence pour vos centres.');
    expect(text).toContain('Nouvelle campagne');
    const refused = await web.post('/cqc/campaigns', {
      centreId,
      schoolYear: 'deux mille',
      springHolidaysStart: '',
      springHolidaysEnd: '2027-07-15',
    });
    expect(refused.status).toBe(400);
    const errors = htmlText(refused.text);
    expect(errors).toContain('Le formulaire contient des erreurs : rien n’a été enregistré.');
    expect(errors).toMatch(/« Année de la rentrée »/);
    expect(errors).toMatch(/« Début des vacances de printemps » est obligatoire/);
    expect((await api.get('/api/cqc/campaigns')).body).toEqual([]);
    const holidays = await web.post('/cqc/campaigns', {
      centreId,
      schoolYear: '2026',
      springHolidaysStart: '2027-07-01',
      springHolidaysEnd: '2027-07-15',
    });
    expect(holidays.status).toBe(400);
    expect(htmlText(holidays.text)).toContain(
      'Début des vacances de printemps : le 01/07/2027 n’est pas au printemps de l’année scolaire 2026-2027',
    );
    const created = location(
      await web.post('/cqc/campaigns', {
        centreId,
        schoolYear: '2026',
        springHolidaysStart: '2027-04-17',
        springHolidaysEnd: '2027-05-02',
      }),
    );
    expect(created).toMatch(/^\/cqc\/campaigns\/[0-9a-f-]{36}\?ok=campaign-created$/);
    campaignId = created.split('/')[3].split('?')[0];
    const again = htmlText((await web.get('/cqc/campaigns')).text);
    expect(again).toContain('Campagne CQC par équivalence 2026-2027');
    expect(again).toContain('du 17/04/2027 au 02/05/2027');
  });

  it('shows the campaign’s timeline and adds, edits and deletes a school with a confirmation', async () => {
    const shown = await web.get(page());
    expect(shown.status).toBe(200);
    const text = htmlText(shown.text);
    expect(text).toContain('Calendrier');
    expect(text).toContain('au plus tard le <strong>16/04/2027</strong>');
    expect(text).toContain('au plus tard le <strong>30/05/2027</strong>');
    expect(text).toContain('Relancer les établissements');
    expect(text).toContain('Précisions et source');
    expect(text).toContain('Source : ');
    expect(text).toContain('0 établissement');
    const version = /name="version" value="(\d+)"/.exec(shown.text)![1];
    const badEdit = await web.post(page('/edit'), {
      version,
      label: '',
      springHolidaysStart: '2027-05-20',
      springHolidaysEnd: '2027-05-02',
    });
    expect(badEdit.status).toBe(400);
    expect(htmlText(badEdit.text)).toMatch(/« Libellé » est obligatoire/);
    expect(htmlText(badEdit.text)).toContain(
      'Début des vacances de printemps : le 20/05/2027 n’est pas au printemps',
    );
    location(
      await web.post(page('/edit'), {
        version,
        label: 'Campagne CQC 2026-2027 — Occitanie',
        springHolidaysStart: '2027-04-10',
        springHolidaysEnd: '2027-04-25',
      }),
    );
    const renamed = htmlText((await web.get(page())).text);
    expect(renamed).toContain('Campagne CQC 2026-2027 — Occitanie');
    expect(renamed).toContain('au plus tard le <strong>09/04/2027</strong>');
    const stale = await web.post(page('/edit'), {
      version,
      label: 'Ancienne version',
      springHolidaysStart: '2027-04-10',
      springHolidaysEnd: '2027-04-25',
    });
    expect(stale.status).toBe(409);
    const bad = await web.post(page('/schools'), { name: '', email: 'pas-une-adresse' });
    expect(bad.status).toBe(400);
    const errors = htmlText(bad.text);
    expect(errors).toMatch(/« Nom » est obligatoire/);
    expect(errors).toMatch(/« Adresse e-mail »/);
    expect((await api.get(`/api/cqc/campaigns/${campaignId}/schools`)).body).toEqual([]);
    const kept = location(
      await web.post(page('/schools'), {
        name: 'Lycée professionnel Jean Moulin',
        city: 'Béziers',
        contactName: 'Martine Roux',
        contactRole: 'Chef des travaux',
        email: 'ddfpt@lycee-jean-moulin.example.fr',
        conventionReference: 'CONV-2026-12',
        conventionDate: '2026-09-15',
      }),
    );
    schoolId = kept.split('#etablissement-')[1];
    const doomed = location(await web.post(page('/schools'), { name: 'Lycée fermé' }));
    const doomedId = doomed.split('#etablissement-')[1];
    const edited = await web.post(page(`/schools/${doomedId}/edit`), {
      name: 'Lycée fermé',
      conventionDate: '2026-02-30',
    });
    expect(edited.status).toBe(400);
    expect(htmlText(edited.text)).toMatch(/« Date de la convention »/);
    location(await web.post(page(`/schools/${doomedId}/edit`), { name: 'Lycée Victor Hugo' }));
    const withSchools = htmlText((await web.get(page())).text);
    expect(withSchools).toContain('Lycée Victor Hugo');
    expect(withSchools).toContain('Martine Roux, Chef des travaux');
    expect(withSchools).toContain(
      'Ses coordonnées et sa convention seront effacées de la campagne (il n’a aucune classe).',
    );
    expect(withSchools).toContain(
      `/api/cqc/campaigns/${campaignId}/documents/remise-cqc.pdf?schoolId=${schoolId}`,
    );
    const unconfirmed = await web.post(page(`/schools/${doomedId}/delete`), {});
    expect(unconfirmed.status).toBe(400);
    expect(htmlText(unconfirmed.text)).toContain('Cochez la case de confirmation pour supprimer');
    expect(location(await web.post(page(`/schools/${doomedId}/delete`), { confirm: '1' }))).toBe(
      `${page()}?ok=campaign-school-deleted`,
    );
    expect(htmlText((await web.get(page())).text)).not.toContain('Lycée Victor Hugo');
  });

  it('adds a class; the pupils’ form names each bad line and field at once, nothing saved', async () => {
    const bad = await web.post(page('/classes'), { schoolId, name: '', diploma: 'BTS' });
    expect(bad.status).toBe(400);
    expect(htmlText(bad.text)).toMatch(/« Nom » est obligatoire/);
    expect(htmlText(bad.text)).toMatch(/« Diplôme »/);
    const to = location(
      await web.post(page('/classes'), {
        schoolId,
        name: 'Terminale Bac Pro CTRM',
        diploma: 'BAC_PRO',
      }),
    );
    classId = to.split('/classes/')[1].split('?')[0];
    const empty = await web.get(page(`/classes/${classId}`));
    expect(empty.status).toBe(200);
    expect(htmlText(empty.text)).toContain('Aucun élève : saisissez la liste');
    const refused = await web.post(page(`/classes/${classId}/pupils`), {
      lines: [
        'ABADIE;Léa;12/01/2008;permis oui',
        'BRUN;Hugo',
        '',
        'COSTE;;31/02/2009',
        'DURAND;Inès;03/10/2009;peut-être',
        'ABADIE;Léa;12/01/2008',
      ].join('\n'),
    });
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain('Ligne 2 : 2 champs séparés par « ; » au lieu de 3');
    // Each problem once, in line order, under the field; the summary above the form says how many.
    expect(text.split('Ligne 2 : 2 champs').length).toBe(2);
    expect(text).toContain('Le champ « Élèves » a 3 erreurs à corriger, détaillées sous le champ.');
    expect(text).toContain(
      'Ligne 4 : la date de naissance « 31/02/2009 » n’est pas une date au format JJ/MM/AAAA.',
    );
    expect(text).toContain(
      'Ligne 5 : le permis « peut-être » doit être « permis oui » ou « permis non ».',
    );
    // What was typed comes back for correction.
    expect(text).toContain('DURAND;Inès;03/10/2009;peut-être');
    expect((await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body).toEqual([]);
    const rules = await web.post(page(`/classes/${classId}/pupils`), {
      lines: ['ABADIE;Léa;12/01/2008', '', 'COSTE;;01/02/2009', 'ABADIE;Léa;12/01/2008'].join('\n'),
    });
    expect(rules.status).toBe(400);
    const ruled = htmlText(rules.text);
    expect(ruled).toMatch(/Ligne 3 : .*« Prénom \(ligne 3\) »/);
    // The line numbers are the textarea's (the blank line 2 counts).
    expect((await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body).toEqual([]);
    expect(
      location(
        await web.post(page(`/classes/${classId}/pupils`), {
          lines: [
            'ABADIE;Léa;12/01/2008;permis oui',
            'BRUN;Hugo;01/02/2008;permis oui',
            'COSTE;Inès;03/10/2009',
            'DURAND;Noé;20/12/2009',
          ].join('\n'),
        }),
      ),
    ).toBe(`${page(`/classes/${classId}`)}?ok=campaign-pupils-created#eleves`);
    const ducplicate = await web.post(page(`/classes/${classId}/pupils`), {
      lines: 'BRUN;Hugo;01/02/2008',
    });
    expect(ducplicate.status).toBe(400);
    expect(htmlText(ducplicate.text)).toContain(
      'Ligne 1 (BRUN Hugo) : cet élève (même nom, prénom et date de naissance) est déjà dans la classe « Terminale Bac Pro CTRM ».',
    );
  });

  it('shows the proposed split, refuses an unjustified move, then creates the fiche sessions', async () => {
    const shown = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(shown).toContain('Répartition dans les sessions de fiches');
    expect(shown).toContain('Majeur à la mi-mai, titulaire du permis');
    expect(shown).toContain('Mineur à la mi-mai');
    const pupils = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[];
    const id = (name: string) => pupils.find((p) => p.lastName === name)!.id;
    const order = ['ABADIE', 'BRUN', 'COSTE', 'DURAND'];
    const refused = await web.post(page(`/classes/${classId}/fiche-sessions`), {
      pupilId: order.map(id),
      to: ['BAC_PRO', 'CAP_CLM', 'BAC_PRO', 'BAC_PRO'],
      reason: ['', '', '', ''],
    });
    expect(refused.status).toBe(422);
    expect(htmlText(refused.text)).toContain('ABADIE Léa');
    expect((await api.get(`/api/cqc/campaigns/${campaignId}/fiche-sessions`)).body).toEqual([]);
    location(
      await web.post(page(`/classes/${classId}/fiche-sessions`), {
        pupilId: order.map(id),
        to: ['CAP_CLM', 'CAP_CLM', 'BAC_PRO', 'CAP_CLM'],
        reason: ['', '', '', 'BAC_PRO_FAILURE'],
      }),
    );
    sessions = (await api.get(`/api/cqc/campaigns/${campaignId}/fiche-sessions`))
      .body as FicheSessionBody[];
    expect(sessions.map((s) => [s.kind, s.pupils.map((p) => p.lastName)])).toEqual([
      ['CAP_CLM', ['ABADIE', 'BRUN', 'DURAND']],
      ['BAC_PRO', ['COSTE']],
    ]);
    const after = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(after).toContain('N’obtiendra pas le Bac Pro');
    expect(after).toContain('Les sessions de fiches sont créées');
  });

  it('edits the numbered fiches, voids one with a new number, and shows the history', async () => {
    const cap = sessions[0];
    const issued = location(await web.post(page(`/fiche-sessions/${cap.id}/fiches`), {}));
    expect(issued).toBe(`${page(`/classes/${classId}`)}?ok=fiches-issued#session-${cap.id}`);
    const shown = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(shown).toContain('n° 3');
    expect(shown).toContain('3 numéros utilisés sur 32 (29 libres)');
    const bad = await web.post(page(`/fiche-sessions/${cap.id}/fiches/2/void`), {
      reason: '',
      on: '2027-13-01',
      followUp: 'PHOTOCOPIE',
    });
    expect(bad.status).toBe(400);
    const errors = htmlText(bad.text);
    expect(errors).toMatch(/« Motif » est obligatoire/);
    expect(errors).toMatch(/« Date »/);
    expect(errors).toMatch(/« Suite »/);
    expect(
      (await web.post(page(`/fiche-sessions/${cap.id}/fiches/33/void`), { reason: 'x' })).status,
    ).toBe(404);
    location(
      await web.post(page(`/fiche-sessions/${cap.id}/fiches/2/void`), {
        reason: 'Date de naissance erronée',
        on: '2027-03-10',
        followUp: 'REPLACE',
      }),
    );
    const after = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(after).toContain('annulée le 10/03/2027 : Date de naissance erronée');
    expect(after).toContain('remplacée par le n° 4');
    expect(after).toContain('remplace le n° 2');
    expect(after).toContain('Historique de la session');
    const twice = await web.post(page(`/fiche-sessions/${cap.id}/fiches/2/void`), {
      reason: 'Encore',
      followUp: 'RE_EDIT',
    });
    expect(twice.status).toBe(409);
    expect(htmlText(twice.text)).toContain('rien n’a été enregistré');
  });

  it('edits a pupil’s licence and CAP CLM, deletes an unplaced pupil, refuses deleting one with a fiche', async () => {
    const pupils = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[];
    const brun = pupils.find((p) => p.lastName === 'BRUN')!.id;
    const abadie = pupils.find((p) => p.lastName === 'ABADIE')!.id;
    const shown = await web.get(page(`/classes/${classId}`));
    expect(htmlText(shown.text)).toContain(
      'Modifier<span class="visually-hidden"> BRUN Hugo</span>',
    );
    const edit = page(`/classes/${classId}/pupils/${brun}/edit`);
    const bad = await web.post(edit, {
      lastName: '',
      firstName: 'Hugo',
      birthDate: '2008-02-01',
      licenceHeld: 'peut-être',
      licenceNumber: '12-AB.34',
      licenceDate: '2026-09-15',
      capClmObtained: 'oui',
    });
    expect(bad.status).toBe(400);
    const errors = htmlText(bad.text);
    expect(errors).toContain('Le formulaire contient des erreurs : rien n’a été enregistré.');
    expect(errors).toMatch(/« Nom » est obligatoire/);
    expect(errors).toMatch(/« Permis détenu »/);
    // The refused form comes back with what was typed, open beside its pupil.
    expect(errors).toContain('value="12-AB.34"');
    expect(errors).toMatch(
      /<details open>\s*<summary>Modifier<span class="visually-hidden"> BRUN Hugo/,
    );
    const licence = await web.post(edit, {
      lastName: 'BRUN',
      firstName: 'Hugo',
      birthDate: '2008-02-01',
      licenceHeld: 'oui',
      licenceNumber: '12-AB.34',
      licenceDate: '2026-09-15',
      capClmObtained: 'oui',
    });
    expect(licence.status).toBe(400);
    expect(htmlText(licence.text)).toMatch(
      /Numéro de permis.*BRUN Hugo : Le numéro de permis de conduire \(« 12-AB\.34 »\) contient le caractère « - »/s,
    );
    let stored = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as {
      id: string;
      licenceNumber: string | null;
      capClmObtained: boolean | null;
    }[];
    expect(stored.find((p) => p.id === brun)).toMatchObject({
      licenceNumber: null,
      capClmObtained: null,
    });
    expect(
      location(
        await web.post(edit, {
          lastName: 'BRUN',
          firstName: 'Hugo',
          birthDate: '2008-02-01',
          licenceHeld: 'oui',
          licenceNumber: '7E9R8T7ZE9E8A9',
          licenceDate: '2026-09-15',
          capClmObtained: 'oui',
        }),
      ),
    ).toBe(`${page(`/classes/${classId}`)}?ok=campaign-pupil-updated#eleve-${brun}`);
    stored = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as typeof stored;
    expect(stored.find((p) => p.id === brun)).toMatchObject({
      licenceNumber: '7E9R8T7ZE9E8A9',
      capClmObtained: true,
    });
    const after = htmlText(
      (await web.get(`${page(`/classes/${classId}`)}?ok=campaign-pupil-updated`)).text,
    );
    expect(after).toContain('L’élève a été modifié.');
    expect(after).toContain('n° 7E9R8T7ZE9E8A9 du 15/09/2026');
    expect(after).toContain('CAP CLM obtenu');

    // A pupil added late, never placed: deleted after the confirmation.
    location(await web.post(page(`/classes/${classId}/pupils`), { lines: 'EZAN;Lou;05/05/2009' }));
    const ezan = (
      (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[]
    ).find((p) => p.lastName === 'EZAN')!.id;
    const unconfirmed = await web.post(page(`/classes/${classId}/pupils/${ezan}/delete`), {});
    expect(unconfirmed.status).toBe(400);
    expect(htmlText(unconfirmed.text)).toContain(
      'Cochez la case de confirmation pour supprimer : rien n’a été supprimé.',
    );
    expect(htmlText(unconfirmed.text)).toContain('Supprimer l’élève EZAN Lou');
    expect(htmlText(unconfirmed.text)).toContain(
      'Son nom, sa date de naissance, son permis seront effacés de la classe.',
    );
    expect(
      location(await web.post(page(`/classes/${classId}/pupils/${ezan}/delete`), { confirm: '1' })),
    ).toBe(`${page(`/classes/${classId}`)}?ok=campaign-pupil-deleted#eleves`);
    const gone = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[];
    expect(gone.map((p) => p.lastName)).toEqual(['ABADIE', 'BRUN', 'COSTE', 'DURAND']);
    expect(
      (await web.post(page(`/classes/${classId}/pupils/${ezan}/delete`), { confirm: '1' })).status,
    ).toBe(404);

    // A pupil with a numbered fiche stays: the API's refusal shown in French beside the pupil.
    const kept = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(kept).toContain(
      'ABADIE Léa a une fiche navette numérotée : la suppression sera refusée (chaque numéro reste tracé).',
    );
    const refused = await web.post(page(`/classes/${classId}/pupils/${abadie}/delete`), {
      confirm: '1',
    });
    expect(refused.status).toBe(409);
    expect(htmlText(refused.text)).toContain(
      'ABADIE Léa a une fiche navette numérotée : l’élève ne peut plus être supprimé (chaque numéro reste tracé).',
    );
    expect(
      ((await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[]).length,
    ).toBe(4);

    // The attestation of success lists the laureate.
    const pdf = await api
      .get(`/api/cqc/campaigns/${campaignId}/documents/attestation-reussite.pdf`)
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    const attestation = (await pdfText(pdf.body as Buffer)).text;
    expect(attestation).toContain('BRUN');
    expect(attestation).not.toContain('ABADIE');
  });

  it('refuses a new number in French once the 32 are used, and re-edits the same fiche instead', async () => {
    const to = location(
      await web.post(page('/classes'), { schoolId, name: 'CAP CLM 2', diploma: 'CAP_CLM' }),
    );
    const full = to.split('/classes/')[1].split('?')[0];
    const lines = Array.from(
      { length: 32 },
      (_v, i) =>
        `ÉLÈVE${String(i + 1).padStart(2, '0')};Camille;0${(i % 9) + 1}/01/2008;permis oui`,
    );
    location(await web.post(page(`/classes/${full}/pupils`), { lines: lines.join('\n') }));
    location(await web.post(page(`/classes/${full}/fiche-sessions`), {}));
    const all = (await api.get(`/api/cqc/campaigns/${campaignId}/fiche-sessions`))
      .body as FicheSessionBody[];
    const session = all.find((s) => !sessions.some((known) => known.id === s.id))!;
    location(await web.post(page(`/fiche-sessions/${session.id}/fiches`), {}));
    const refused = await web.post(page(`/fiche-sessions/${session.id}/fiches/5/void`), {
      reason: 'Signature manquante',
      followUp: 'REPLACE',
    });
    expect(refused.status).toBe(409);
    const text = htmlText(refused.text);
    expect(text).toContain(
      `Plus aucun numéro libre dans la « ${session.label} » (32 fiches au plus par session, jamais photocopiées) : rééditez la fiche n° 5 depuis son PDF conservé.`,
    );
    expect(text).toContain('32 numéros utilisés sur 32 (0 libre)');
    location(
      await web.post(page(`/fiche-sessions/${session.id}/fiches/5/void`), {
        reason: 'Signature manquante',
        followUp: 'RE_EDIT',
      }),
    );
    const after = htmlText((await web.get(page(`/classes/${full}`))).text);
    expect(after).toMatch(/n° 5<\/th>\s*<td data-label="Élève">ÉLÈVE05 Camille<\/td>/);
    expect(after).toContain('2e édition');
  });

  it('records a card received, refuses a hand-over without signature, then the card error and its deadline', async () => {
    t.clock.set('2027-07-05T09:00:00Z');
    await login();
    const pupils = (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[];
    const abadie = pupils.find((p) => p.lastName === 'ABADIE')!.id;
    const bad = await web.post(page(`/classes/${classId}/hand-overs`), {
      pupilId: abadie,
      cardReceivedOn: '2027-07-20',
    });
    expect(bad.status).toBe(400);
    expect(htmlText(bad.text)).toContain('ne peut pas être postérieure à aujourd’hui');
    const to = location(
      await web.post(page(`/classes/${classId}/hand-overs`), {
        pupilId: abadie,
        cardReceivedOn: '2027-07-02',
      }),
    );
    const handoverId = to.split('#remise-')[1];
    const shown = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(shown).toContain('CQC reçue le 02/07/2027');
    expect(shown).toContain('retour au plus tard le 02/08/2027');
    const unsigned = await web.post(page(`/classes/${classId}/hand-overs/${handoverId}`), {
      cardReceivedOn: '2027-07-02',
      handedOverOn: '2027-07-04',
    });
    expect(unsigned.status).toBe(400);
    expect(htmlText(unsigned.text)).toContain('La CQC se remet contre signature');
    location(
      await web.post(page(`/classes/${classId}/hand-overs/${handoverId}`), {
        cardReceivedOn: '2027-07-02',
        handedOverOn: '2027-07-04',
        signedBy: 'Léa ABADIE',
        errorReportedOn: '2027-07-04',
        errorDescription: 'Prénom mal orthographié',
      }),
    );
    const after = htmlText((await web.get(page(`/classes/${classId}`))).text);
    expect(after).toContain('contre la signature de Léa ABADIE');
    expect(after).toContain(
      'Prénom mal orthographié — Carte erronée : la retourner avec le formulaire « défaut qualité » au plus tard le 02/08/2027 (cachet de la poste faisant foi).',
    );
  });

  it('lists the pupils turning 18 with their dates', async () => {
    const res = await web.get(page('/majority'));
    expect(res.status).toBe(200);
    const text = htmlText(res.text);
    expect(text).toContain('Élèves qui auront 18 ans');
    expect(text).toContain('03/10/2027');
    expect(text).toContain('COSTE Inès');
    expect(text).toContain('20/12/2027');
    expect(text).not.toContain('ABADIE Léa');
  });

  it('serves a campaign PDF to the dashboard’s cookie', async () => {
    const res = await web.get(
      `/api/cqc/campaigns/${campaignId}/documents/remise-cqc.pdf?schoolId=${schoolId}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
  });

  it('answers 404 to another centre’s manager, pages and forms alike', async () => {
    const sessionId = sessions[0].id;
    const pupilId = (
      (await api.get(`/api/cqc/campaigns/${campaignId}/pupils`)).body as PupilBody[]
    )[0].id;
    for (const path of [page(), page(`/classes/${classId}`), page('/majority')]) {
      expect({ path, status: (await otherWeb.get(path)).status }).toEqual({ path, status: 404 });
    }
    for (const [path, fields] of [
      [page('/schools'), { name: 'Lycée pirate' }],
      [page(`/schools/${schoolId}/edit`), { name: 'Lycée pirate' }],
      [page(`/schools/${schoolId}/delete`), { confirm: '1' }],
      [page('/classes'), { schoolId, name: 'Pirates', diploma: 'CAP_CLM' }],
      [page(`/classes/${classId}/pupils`), { lines: 'PIRATE;Jean;01/01/2008' }],
      [page(`/fiche-sessions/${sessionId}/fiches`), {}],
      [page(`/classes/${classId}/pupils/${pupilId}/edit`), { lastName: 'PIRATE' }],
      [page(`/classes/${classId}/pupils/${pupilId}/delete`), { confirm: '1' }],
      [page(`/fiche-sessions/${sessionId}/fiches/1/void`), { reason: 'x', followUp: 'REPLACE' }],
    ] as [string, Record<string, string>][]) {
      const res = await otherWeb.post(path, fields);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const list = htmlText((await otherWeb.get('/cqc/campaigns')).text);
    expect(list).not.toContain('Campagne CQC par équivalence 2026-2027');
  });

  it('shows a viewer the pages without any form, and refuses their posts', async () => {
    for (const path of ['/cqc/campaigns', page(), page(`/classes/${classId}`), page('/majority')]) {
      const res = await viewerWeb.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect({ path, forms: res.text.match(/<form method="post" action="\/cqc/g) }).toEqual({
        path,
        forms: null,
      });
    }
    const shown = htmlText((await viewerWeb.get(page(`/classes/${classId}`))).text);
    expect(shown).toContain('ABADIE Léa');
    expect(shown).not.toContain('Éditer les fiches');
    expect((await viewerWeb.post(page('/schools'), { name: 'Lycée' })).status).toBe(403);
  });
});

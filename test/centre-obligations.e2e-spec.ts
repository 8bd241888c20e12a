import { jest } from '@jest/globals';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Finding = { code: string; severity: string; message: string };

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe(`the centre's year: training providers and their conventions (${testDbKind()})`, () => {
  let t: TestApp;
  let manager: Client;
  let otherManager: Client;
  let viewer: Client;
  let web: WebClient;
  let centreId: string;
  let otherCentreId: string;
  let titreId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    otherCentreId = String(b.centre.id);
    titreId = String((await aTitre(admin)).id);
    const m = await aUser(admin, 'manager', [centreId]);
    const o = await aUser(admin, 'manager', [otherCentreId]);
    const v = await aUser(admin, 'viewer', [centreId]);
    manager = t.as(await t.login(m.email, m.password));
    otherManager = t.as(await t.login(o.email, o.password));
    viewer = t.as(await t.login(v.email, v.password));
    web = await webLogin(t.http, m.email, m.password);
    sessionId = String(
      (await aSession(manager, { centreId, siteId: String(a.site.id), titreId })).id,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const providers = (id = centreId) => `/api/centres/${id}/providers`;

  async function providerConventionFindings(): Promise<Finding[]> {
    const report = await manager.get(`/api/sessions/${sessionId}/compliance`);
    expect(report.status).toBe(200);
    return (report.body.blocking as Finding[]).filter((f) => f.code === 'PROVIDER_CONVENTION');
  }

  it('blocks a candidate trained by a provider without convention, then accepts the convention with its avenant', async () => {
    const created = await manager.post(providers(), {
      name: 'Forma Plus',
      siret: '82412345600017',
      address: '8 rue Mercière, 69002 Lyon',
      contact: 'Anaïs Roux, anais.roux@formaplus.fr',
    });
    expect(created.status).toBe(201);
    const providerId = String(created.body.id);

    const candidate = await aCandidate(manager, sessionId, { trainingProviderId: providerId });
    expect(candidate.trainingProviderId).toBe(providerId);
    expect(await providerConventionFindings()).toEqual([
      {
        code: 'PROVIDER_CONVENTION',
        severity: 'blocking',
        message:
          'Thị Hương NGUYỄN a été formé par Forma Plus sans convention en vigueur aux dates de la session : aucune convention n’est enregistrée avec cet organisme.',
        subject: { type: 'candidate', id: candidate.id },
      },
    ]);

    // Signed in 2024: the 2027 session needs the 2027 avenant, due before 1 January 2027.
    const convention = await manager.post(`${providers()}/${providerId}/conventions`, {
      signedOn: '2024-11-04',
      effectiveFrom: '2025-01-01',
      sentToPrefectOn: '2024-11-20',
      titreIds: [titreId],
      certifications: 'Titre complet, CCP1 à CCP3',
      registrationTerms: 'Inscription par l’organisme deux mois avant la session',
      forecastCurrentYear: 0,
      forecastNextYear: 12,
    });
    expect(convention.status).toBe(201);
    const conventionId = String(convention.body.id);
    expect((await providerConventionFindings()).map((f) => f.message)).toEqual([
      'Thị Hương NGUYỄN a été formé par Forma Plus sans convention en vigueur aux dates de la session : convention signée le 04/11/2024 : l’avenant 2027 n’est pas enregistré.',
    ]);

    const late = await manager.post(
      `${providers()}/${providerId}/conventions/${conventionId}/avenants`,
      { year: 2027, forecastCount: 14, sentToPrefectOn: '2027-01-04' },
    );
    expect(late.status).toBe(201);
    expect((await providerConventionFindings()).map((f) => f.message)).toEqual([
      'Thị Hương NGUYỄN a été formé par Forma Plus sans convention en vigueur aux dates de la session : convention signée le 04/11/2024 : l’avenant 2027 a été transmis au préfet le 04/01/2027, après le 31/12/2026.',
    ]);

    const fixed = await manager.patch(
      `${providers()}/${providerId}/conventions/${conventionId}/avenants/${String(late.body.id)}`,
      { sentToPrefectOn: '2026-12-18' },
    );
    expect(fixed.status).toBe(200);
    expect(await providerConventionFindings()).toEqual([]);

    const listed = await manager.get(providers());
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject([
      {
        name: 'Forma Plus',
        conventions: [
          { id: conventionId, avenants: [{ year: 2027, sentToPrefectOn: '2026-12-18' }] },
        ],
      },
    ]);

    // A provider with trained candidates is kept.
    const removal = await manager.delete(`${providers()}/${providerId}`);
    expect(removal.status).toBe(409);
    expect(removal.body.message).toBe(
      'L’organisme Forma Plus a formé 1 candidat inscrit : il ne peut pas être supprimé.',
    );
  });

  it('validates every field at once, in French, and refuses a second avenant for a year', async () => {
    const refused = await manager.post(providers(), { name: '', siret: '123' });
    expect(refused.status).toBe(400);
    const fields = (refused.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['name', 'siret']);

    const provider = await manager.post(providers(), { name: 'Atelier Cévennes' });
    const providerId = String(provider.body.id);
    const badDates = await manager.post(`${providers()}/${providerId}/conventions`, {
      signedOn: '2026-05-02',
      effectiveFrom: '2026-04-01',
      titreIds: [titreId],
      forecastCurrentYear: 3,
      forecastNextYear: 5,
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.fields).toEqual([
      {
        field: 'effectiveFrom',
        message:
          'Le champ « effectiveFrom » (entrée en vigueur) ne peut pas précéder la signature (« signedOn »).',
      },
    ]);
    const convention = await manager.post(`${providers()}/${providerId}/conventions`, {
      signedOn: '2024-03-02',
      effectiveFrom: '2024-04-01',
      sentToPrefectOn: '2024-03-10',
      titreIds: [titreId],
      forecastCurrentYear: 3,
      forecastNextYear: 5,
    });
    expect(convention.status).toBe(201);
    const avenants = `${providers()}/${providerId}/conventions/${String(convention.body.id)}/avenants`;
    expect((await manager.post(avenants, { year: 2026, forecastCount: 4 })).status).toBe(201);
    const twice = await manager.post(avenants, { year: 2026, forecastCount: 6 });
    expect(twice.status).toBe(409);
    expect(twice.body.fields).toEqual([
      {
        field: 'year',
        message: 'Cette convention a déjà un avenant pour cette année (champ « year »).',
      },
    ]);
  });

  it('keeps providers to their centre: reads scoped, writes for managers only', async () => {
    expect((await otherManager.get(providers())).status).toBe(404);
    expect((await otherManager.post(providers(), { name: 'Intrus' })).status).toBe(404);
    expect((await viewer.get(providers())).status).toBe(200);
    expect((await viewer.post(providers(), { name: 'Lecture seule' })).status).toBe(403);
    const foreign = await otherManager.post(providers(otherCentreId), { name: 'Ailleurs' });
    expect(foreign.status).toBe(201);
    const enrol = await manager.post(`/api/sessions/${sessionId}/candidates`, {
      lastName: 'Léger',
      firstName: 'Maëlle',
      trainingProviderId: String(foreign.body.id),
    });
    expect(enrol.status).toBe(400);
    expect(enrol.body.fields).toEqual([
      {
        field: 'trainingProviderId',
        message:
          'Le champ « trainingProviderId » ne désigne pas un organisme de formation du centre de la session.',
      },
    ]);
  });

  it('edits and deletes providers, conventions and avenants from the page, with a confirmation', async () => {
    const provider = await manager.post(providers(), { name: 'Atelier Rhône' });
    const providerId = String(provider.body.id);
    const conventions = `${providers()}/${providerId}/conventions`;
    const convention = await manager.post(conventions, {
      signedOn: '2026-10-05',
      effectiveFrom: '2027-01-01',
      titreIds: [titreId],
      forecastCurrentYear: 4,
      forecastNextYear: 6,
    });
    const conventionId = String(convention.body.id);
    const avenant = await manager.post(`${conventions}/${conventionId}/avenants`, {
      year: 2028,
      forecastCount: 7,
    });
    const avenantId = String(avenant.body.id);
    const page = `/centres/${centreId}/providers`;
    const item = `${page}/${providerId}`;
    const shown = htmlText((await web.get(page)).text);
    expect(shown).toContain('Supprimer l’organisme Atelier Rhône');
    expect(shown).toContain('L’organisme sera supprimé avec 1 convention et 1 avenant.');
    expect(shown).toContain('Supprimer la convention signée le 05/10/2026');
    expect(shown).toContain('Modifier l’avenant 2028');

    // Every error of an edit form at once, nothing saved.
    const refused = await web.post(`${item}/edit`, {
      name: '',
      siret: '123',
      address: '',
      contact: '',
    });
    expect(refused.status).toBe(400);
    const errors = htmlText(refused.text);
    expect(errors).toContain('Le champ « Nom de l’organisme »');
    expect(errors).toContain('Le champ « SIRET »');
    const renamed = await web.post(`${item}/edit`, {
      name: 'Atelier Rhône-Alpes',
      siret: '82412345600017',
      address: '2 quai Perrache, 69002 Lyon',
      contact: '',
    });
    expect(renamed.status).toBe(303);

    const badConvention = await web.post(`${item}/conventions/${conventionId}/edit`, {
      signedOn: '2026-10-05',
      effectiveFrom: '2026-09-01',
      sentToPrefectOn: '',
      titreIds: [titreId],
      certifications: '',
      registrationTerms: '',
      forecastCurrentYear: '4',
      forecastNextYear: '6',
    });
    expect(badConvention.status).toBe(400);
    expect(htmlText(badConvention.text)).toContain('ne peut pas précéder la signature');
    const coverage = await web.post(`${item}/conventions/${conventionId}/edit`, {
      signedOn: '2026-10-05',
      effectiveFrom: '2027-01-01',
      sentToPrefectOn: '2026-10-20',
      titreIds: [titreId],
      certifications: 'CCP 1 et CCP 2 ; CCS conduite de nuit',
      registrationTerms: 'Liste transmise un mois avant la session.',
      forecastCurrentYear: '5',
      forecastNextYear: '8',
    });
    expect(coverage.status).toBe(303);
    const moved = await web.post(`${item}/conventions/${conventionId}/avenants/${avenantId}/edit`, {
      year: '2028',
      forecastCount: '9',
      sentToPrefectOn: '2027-02-15',
    });
    expect(moved.status).toBe(303);
    const listed = (await manager.get(providers())).body as { id: string }[];
    expect(listed.find((p) => p.id === providerId)).toMatchObject({
      name: 'Atelier Rhône-Alpes',
      siret: '82412345600017',
      conventions: [
        {
          sentToPrefectOn: '2026-10-20',
          certifications: 'CCP 1 et CCP 2 ; CCS conduite de nuit',
          forecastCurrentYear: 5,
          forecastNextYear: 8,
          avenants: [{ year: 2028, forecastCount: 9, sentToPrefectOn: '2027-02-15' }],
        },
      ],
    });

    // A deletion asks for its confirmation box.
    const avenantPath = `${item}/conventions/${conventionId}/avenants/${avenantId}/delete`;
    const unconfirmed = await web.post(avenantPath, {});
    expect(unconfirmed.status).toBe(400);
    expect(htmlText(unconfirmed.text)).toContain('Cochez la case de confirmation pour supprimer');
    expect((await web.post(avenantPath, { confirm: '1' })).status).toBe(303);

    // A provider named by an enrolled candidate is kept: the page says why (409).
    await aCandidate(manager, sessionId, {
      lastName: 'Brun',
      firstName: 'Élodie',
      trainingProviderId: providerId,
    });
    expect(htmlText((await web.get(page)).text)).toContain(
      '1 candidat inscrit le désigne comme organisme de formation',
    );
    const kept = await web.post(`${item}/delete`, { confirm: '1' });
    expect(kept.status).toBe(409);
    expect(htmlText(kept.text)).toContain(
      'L’organisme Atelier Rhône-Alpes a formé 1 candidat inscrit : il ne peut pas être supprimé.',
    );
    const spare = await manager.post(providers(), { name: 'Organisme sans candidat' });
    const spareId = String(spare.body.id);
    expect((await web.post(`${page}/${spareId}/delete`, { confirm: '1' })).status).toBe(303);
    expect(
      (await web.post(`${item}/conventions/${conventionId}/delete`, { confirm: '1' })).status,
    ).toBe(303);
    const after = (await manager.get(providers())).body as { id: string; conventions: unknown[] }[];
    expect(after.find((p) => p.id === spareId)).toBeUndefined();
    expect(after.find((p) => p.id === providerId)?.conventions).toEqual([]);
  });

  it('picks the trainers and the training provider on the new-candidate form, checked as by the API', async () => {
    const juror = await manager.post('/api/jury-members', {
      centreId,
      lastName: 'Roux',
      firstName: 'Anaïs',
      email: 'anais.roux@jury.test',
      habilitations: [{ titreId, validUntil: '2030-12-31', ccpCodes: [] }],
    });
    expect(juror.status).toBe(201);
    const jurorId = String(juror.body.id);
    const provider = await manager.post(providers(), { name: 'Formations du Vercors' });
    const providerId = String(provider.body.id);
    const form = htmlText((await web.get(`/sessions/${sessionId}/candidates/new`)).text);
    expect(form).toContain('Formateur(s) du candidat');
    expect(form).toContain('ROUX Anaïs');
    expect(form).toContain('Formations du Vercors');

    const fields = {
      lastName: 'Perrin',
      firstName: 'Noé',
      pathway: 'FORMATION',
      trainingProviderId: providerId,
    };
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await web.post(`/sessions/${sessionId}/candidates/new`, {
      ...fields,
      trainerIds: [jurorId, unknown],
    });
    expect(refused.status).toBe(400);
    expect(htmlText(refused.text)).toContain(
      `Le champ « Formateur(s) du candidat » doit désigner des membres du jury du centre : ${unknown} n’en est pas.`,
    );
    const created = await web.post(`/sessions/${sessionId}/candidates/new`, {
      ...fields,
      trainerIds: [jurorId],
    });
    expect(created.status).toBe(303);
    const candidates = (await manager.get(`/api/sessions/${sessionId}/candidates`)).body as {
      lastName: string;
    }[];
    expect(candidates.find((c) => c.lastName === 'Perrin')).toMatchObject({
      trainerIds: [jurorId],
      trainingProviderId: providerId,
    });
  });
});

import { jest } from '@jest/globals';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;
type Fields = { field: string; message: string }[];

jest.setTimeout(60_000);

describe(`candidate pathways and VAE recevabilité (${testDbKind()})`, () => {
  let t: TestApp;
  let manager: Client;
  let web: WebClient;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [String(centre.id)]);
    manager = t.as(await t.login(m.email, m.password));
    web = await webLogin(t.http, m.email, m.password);
    sessionId = String(
      (
        await aSession(manager, {
          centreId: String(centre.id),
          siteId: String(site.id),
          titreId: String(titre.id),
        })
      ).id,
    );
  });

  afterAll(async () => {
    await t.close();
  });

  const enrol = (body: Body) => manager.post(`/api/sessions/${sessionId}/candidates`, body);
  const fieldsOf = (body: Body) => ((body.fields ?? []) as Fields).map((f) => f.field);

  it('computes the end of validity one year after the notification, and keeps an override with its reason', async () => {
    const created = await enrol({
      lastName: 'Roux',
      firstName: 'Paul',
      pathway: 'VAE',
      vaeNotifiedOn: '2026-09-15',
      vaeAllowedNatures: ['TITRE'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      vaeNotifiedOn: '2026-09-15',
      vaeAllowedNatures: ['TITRE'],
      vaeValidUntil: '2027-09-15',
      vaeOverrideReason: '',
    });
    const id = String(created.body.id);
    const path = `/api/sessions/${sessionId}/candidates/${id}`;

    // Another end of validity without a reason: refused, nothing changed.
    const noReason = await manager.patch(path, { vaeValidUntil: '2027-12-31', version: 1 });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason.body)).toEqual(['vaeOverrideReason']);

    const withReason = await manager.patch(path, {
      vaeValidUntil: '2027-12-31',
      vaeOverrideReason: 'Prorogation accordée par le certificateur',
      version: 1,
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body).toMatchObject({
      vaeValidUntil: '2027-12-31',
      vaeOverrideReason: 'Prorogation accordée par le certificateur',
    });

    // Leaving VAE drops the recevabilité.
    const left = await manager.patch(path, { pathway: 'FORMATION', version: 2 });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({
      pathway: 'FORMATION',
      vaeNotifiedOn: null,
      vaeAllowedNatures: [],
      vaeValidUntil: null,
      vaeOverrideReason: '',
    });
  });

  it('refuses every problem of a pathway at once, each under its field', async () => {
    const refused = await enrol({
      lastName: 'Lefèvre',
      firstName: 'Inès',
      pathway: 'SUITE_PARCOURS',
      trainingStartDate: '2027-04-01',
      vaeNotifiedOn: '2026-09-15',
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body).sort()).toEqual(['trainingStartDate', 'vaeNotifiedOn']);
    const vae = await enrol({
      lastName: 'Lefèvre',
      firstName: 'Inès',
      pathway: 'VAE',
      vaeNotifiedOn: '2026-09-15',
      vaeAllowedNatures: ['TITRE', 'VAE'],
    });
    expect(vae.status).toBe(400);
    expect(fieldsOf(vae.body)).toEqual(['vaeAllowedNatures']);
  });

  it('makes the livret de certification task apply once a candidate comes in suite de parcours', async () => {
    const applicable = async (code: string) => {
      const tasks = await manager.get(`/api/sessions/${sessionId}/tasks`);
      expect(tasks.status).toBe(200);
      return (tasks.body as Body[]).find((task) => task.code === code)?.applicable;
    };
    expect(await applicable('FILES_COLLECT_CERTIFICATION_RECORD')).toBe(false);
    expect(await applicable('PLAN_ECF_ASSESSMENTS')).toBe(true);
    const created = await enrol({
      lastName: 'Lefèvre',
      firstName: 'Inès',
      pathway: 'SUITE_PARCOURS',
      trainingStartDate: '2026-09-07',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      pathway: 'SUITE_PARCOURS',
      trainingStartDate: '2026-09-07',
    });
    expect(await applicable('FILES_COLLECT_CERTIFICATION_RECORD')).toBe(true);
  });

  it('records the recevabilité from the candidate form, every error at once and the values kept', async () => {
    const form = `/sessions/${sessionId}/candidates/new`;
    await web.get(form);
    const refused = await web.post(form, {
      lastName: 'Bernard',
      firstName: 'Zoé',
      pathway: 'VAE',
      vaeNotifiedOn: '2026-10-01',
      vaeValidUntil: '2027-12-31',
      trainingStartDate: '2027-05-01',
    });
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain('« Session autorisée par la recevabilité »');
    expect(text).toContain('« Motif de la fin de validité fixée à la main »');
    expect(text).toContain('« Début de la formation »');
    expect(refused.text).toContain('value="2026-10-01"');
    const accepted = await web.post(form, {
      lastName: 'Bernard',
      firstName: 'Zoé',
      pathway: 'VAE',
      vaeNotifiedOn: '2026-10-01',
      vaeAllowedNatures: ['TITRE'],
    });
    expect(accepted.status).toBe(303);
    const list = await manager.get(`/api/sessions/${sessionId}/candidates`);
    expect((list.body as Body[]).find((c) => c.lastName === 'Bernard')).toMatchObject({
      vaeValidUntil: '2027-10-01',
      vaeAllowedNatures: ['TITRE'],
    });
  });
});

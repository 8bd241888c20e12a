import { Centre } from '../src/centres/centre.entity.js';
import { Database } from '../src/database/database.js';
import { aCentre, aSession, aTitre } from './support/factories.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

describe('concurrent writes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('adds fifty candidates to one session in parallel, all of them, nothing lost', async () => {
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const session = await aSession(admin, {
      centreId: String(centre.id),
      siteId: String(site.id),
      titreId: String(titre.id),
    });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        admin.post(`/api/sessions/${String(session.id)}/candidates`, {
          lastName: `Candidat${i}`,
          firstName: 'Zoé',
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const list = await admin.get(`/api/sessions/${String(session.id)}/candidates`);
    expect(list.body).toHaveLength(50);
    const audit = await admin.get(`/api/sessions/${String(session.id)}/audit`);
    expect(
      (audit.body as { entity: string }[]).filter((e) => e.entity === 'candidate'),
    ).toHaveLength(50);
  });

  it('runs twenty transactions at once through the transaction runner', async () => {
    const db = t.app.get(Database);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (m) => {
          await m.getRepository(Centre).insert({
            name: `Parallèle ${i}`,
            siret: null,
            address: '',
            postalCode: '',
            city: '',
            createdAt: new Date().toISOString(),
          });
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const count = await db.read((m) => m.getRepository(Centre).count({ where: {} }));
    expect(count).toBeGreaterThanOrEqual(20);
  });

  it('rolls back a failed transaction without blocking the next ones', async () => {
    const db = t.app.get(Database);
    const failing = db.transaction(async (m) => {
      await m.getRepository(Centre).insert({
        name: 'Annulé',
        siret: null,
        address: '',
        postalCode: '',
        city: '',
        createdAt: new Date().toISOString(),
      });
      throw new Error('échec volontaire');
    });
    await expect(failing).rejects.toThrow('échec volontaire');
    await expect(db.transaction(async () => 'suivante')).resolves.toBe('suivante');
    expect(await db.read((m) => m.getRepository(Centre).count({ where: { name: 'Annulé' } }))).toBe(
      0,
    );
  });
});

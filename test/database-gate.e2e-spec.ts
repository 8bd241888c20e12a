import request from 'supertest';
import { Centre } from '../src/centres/centre.entity.js';
import { Database } from '../src/database/database.js';
import {
  ADMIN,
  scratchDatabaseUrl,
  startTestApp,
  testDbKind,
  type TestApp,
} from './support/test-app.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`the database gate (${testDbKind()})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps reads, logins and logouts out of another request’s failing transaction', async () => {
    const db = t.app.get(Database);
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const doomed = await t.login(ADMIN.email, ADMIN.password);

    // Another request's transaction: it writes a centre, waits, then fails and is rolled back.
    const written = deferred();
    const fail = deferred();
    const failing = db.transaction(async (m) => {
      await m.getRepository(Centre).insert({
        name: 'Centre fantôme',
        siret: null,
        address: '',
        postalCode: '',
        city: '',
        createdAt: new Date().toISOString(),
      });
      written.resolve();
      await fail.promise;
      throw new Error('échec volontaire');
    });
    await written.promise;

    // Meanwhile: a read, a login (a write) and a logout (a write) from other requests.
    const read = admin.get('/api/centres');
    const login = request(t.http)
      .post('/api/auth/token')
      .send({ email: ADMIN.email, password: ADMIN.password });
    const logout = request(t.http)
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${doomed}`);
    const answers = Promise.all([read, login, logout]);
    await pause(300);
    fail.resolve();
    await expect(failing).rejects.toThrow('échec volontaire');
    const [centres, token, loggedOut] = await answers;

    // The read never saw the uncommitted centre.
    expect(centres.status).toBe(200);
    expect((centres.body as { name: string }[]).map((c) => c.name)).not.toContain('Centre fantôme');
    // The token issued meanwhile was stored: it works.
    expect(token.status).toBe(200);
    const me = await t.as((token.body as { token: string }).token).get('/api/auth/me');
    expect(me.status).toBe(200);
    // The logout was not undone with the other transaction.
    expect([200, 204]).toContain(loggedOut.status);
    expect((await t.as(doomed).get('/api/auth/me')).status).toBe(401);
  });

  it('answers reads while a transaction is open, with committed data only', async () => {
    const db = t.app.get(Database);
    const seen = await db.transaction(async (m) => {
      await m.getRepository(Centre).insert({
        name: 'Centre en cours',
        siret: null,
        address: '',
        postalCode: '',
        city: '',
        createdAt: new Date().toISOString(),
      });
      // A read from inside the transaction neither waits for it nor joins it.
      return db.read((outside) =>
        outside.getRepository(Centre).count({ where: { name: 'Centre en cours' } }),
      );
    });
    expect(seen).toBe(0);
    expect(
      await db.read((m) => m.getRepository(Centre).count({ where: { name: 'Centre en cours' } })),
    ).toBe(1);
  });
});

(testDbKind() === 'postgres' ? describe : describe.skip)('migrations at start', () => {
  it('lets three instances start at once on one PostgreSQL database', async () => {
    const scratch = await scratchDatabaseUrl();
    try {
      const apps = await Promise.allSettled(
        [0, 1, 2].map(() => startTestApp({ databaseUrl: scratch.url })),
      );
      expect(apps.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const started = apps.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      const applied = await started[0].app
        .get(Database)
        .read((m) => m.query('SELECT "name" FROM "migrations"') as Promise<{ name: string }[]>);
      expect(new Set(applied.map((r) => r.name)).size).toBe(applied.length);
      for (const app of started) {
        expect((await request(app.http).get('/health')).status).toBe(200);
        await app.close();
      }
    } finally {
      await scratch.drop();
    }
  }, 60_000);
});

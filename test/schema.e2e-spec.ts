import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/app-config.js';
import { pendingSchemaQueries } from '../src/database/migration-generator.js';
import { typeOrmOptions } from '../src/database/typeorm-options.js';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import { ADMIN, scratchDatabaseUrl, startTestApp, testDbKind } from './support/test-app.js';

describe(`migrations (${testDbKind()})`, () => {
  it('build exactly the schema of the entities, and undo cleanly', async () => {
    const scratch = await scratchDatabaseUrl();
    const ds = new DataSource(
      typeOrmOptions(loadAppConfig({ DATABASE_URL: scratch.url }).database),
    );
    try {
      await ds.initialize();
      const applied = await ds.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      expect(await pendingSchemaQueries(ds)).toEqual([]);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = (await ds.query(
        ds.options.type === 'postgres'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
          : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(['migrations']);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await scratch.drop();
    }
  });
});

describe(`migration PersonRecords (${testDbKind()})`, () => {
  it('gives every existing candidate a person, shared by identical identities of one centre', async () => {
    const scratch = await scratchDatabaseUrl();
    const options = typeOrmOptions(loadAppConfig({ DATABASE_URL: scratch.url }).database);
    const kind = testDbKind();
    const p = (n: number) => (kind === 'postgres' ? `$${n}` : '?');
    let t = await startTestApp({ databaseUrl: scratch.url });
    const ds = new DataSource(options);
    try {
      // Data made by the application, then the schema taken back to before the people.
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const a = await aCentre(admin);
      const b = await aCentre(admin, { name: 'Centre Bérénice' });
      const titre = await aTitre(admin);
      const ids = (centre: { centre: Record<string, unknown>; site: Record<string, unknown> }) => ({
        centreId: String(centre.centre.id),
        siteId: String(centre.site.id),
        titreId: String(titre.id),
      });
      const a1 = String((await aSession(admin, ids(a))).id);
      const a2 = String(
        (await aSession(admin, ids(a), { startDate: '2027-09-06', endDate: '2027-09-10' })).id,
      );
      const b1 = String((await aSession(admin, ids(b))).id);
      const identity = { lastName: 'Lœvenbruck', firstName: 'Jean-Luc', birthDate: '1990-02-03' };
      const first = await aCandidate(admin, a1, identity);
      await admin
        .patch(`/api/sessions/${a1}/candidates/${String(first.id)}`, {
          version: first.version,
          results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
        })
        .expect(200);
      await aCandidate(admin, a2, {
        lastName: 'LOEVENBRUCK',
        firstName: 'jean luc',
        birthDate: '1990-02-03',
      });
      await aCandidate(admin, a2, { ...identity, birthDate: '1991-02-03' });
      await aCandidate(admin, b1, identity);
      await aCandidate(admin, a1, { lastName: 'Martin', firstName: 'Léa', birthDate: null });
      await t.close();

      await ds.initialize();
      const migrations = ds.migrations.map((m) => m.name ?? m.constructor.name);
      const at = migrations.findIndex((name) => name?.startsWith('PersonRecords'));
      expect(at).toBeGreaterThan(0);
      for (let i = at; i < migrations.length; i++)
        await ds.undoLastMigration({ transaction: 'each' });
      // Rows written before the people existed: a duplicate in one session, two anonymised ones.
      const insert = `INSERT INTO "candidate" ("id", "sessionId", "lastName", "firstName", "birthDate", "results", "purgedAt", "createdAt", "version") VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(p).join(', ')}, 1)`;
      const old = (
        id: string,
        sessionId: string,
        last: string,
        firstName: string,
        birth: string | null,
        purgedAt: string | null,
      ) =>
        ds.query(insert, [
          id,
          sessionId,
          last,
          firstName,
          birth,
          '[]',
          purgedAt,
          '2020-01-01T00:00:00.000Z',
        ]);
      await old(
        '00000000-0000-4000-8000-000000000001',
        a1,
        'LŒVENBRUCK',
        'Jean Luc',
        '1990-02-03',
        null,
      );
      await old(
        '00000000-0000-4000-8000-000000000002',
        a1,
        'Candidat anonymisé',
        'n°1',
        null,
        '2026-01-01T00:00:00.000Z',
      );
      await old(
        '00000000-0000-4000-8000-000000000003',
        a2,
        'Candidat anonymisé',
        'n°1',
        null,
        '2026-01-01T00:00:00.000Z',
      );
      const sql = `SELECT c."id", c."lastName", c."firstName", c."birthDate", c."results", s."centreId" FROM "candidate" c INNER JOIN "exam_session" s ON s."id" = c."sessionId" ORDER BY c."id"`;
      const before = (await ds.query(sql)) as Record<string, unknown>[];
      expect(before).toHaveLength(8);

      await ds.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaQueries(ds)).toEqual([]);
      const after = (await ds.query(
        `SELECT c."id", c."personId", p."centreId" AS "personCentreId", p."lastName" AS "personLastName" FROM "candidate" c INNER JOIN "person" p ON p."id" = c."personId" ORDER BY c."id"`,
      )) as Record<string, string>[];
      // Nothing lost, every candidate has a person of their session's centre.
      expect((await ds.query(sql)) as unknown[]).toEqual(before);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      after.forEach((row, i) => expect(row.personCentreId).toBe(before[i].centreId));
      const personOf = (where: (r: Record<string, unknown>) => boolean) =>
        new Set(before.filter(where).map((r) => after.find((x) => x.id === r.id)!.personId));
      const jeanLucA = personOf(
        (r) => r.centreId === ids(a).centreId && r.birthDate === '1990-02-03',
      );
      expect(jeanLucA.size).toBe(1);
      expect(
        before.filter((r) => r.centreId === ids(a).centreId && r.birthDate === '1990-02-03'),
      ).toHaveLength(3);
      const jeanLucB = personOf((r) => r.centreId === ids(b).centreId);
      expect([...jeanLucB][0]).not.toBe([...jeanLucA][0]);
      expect(personOf((r) => r.lastName === 'Candidat anonymisé').size).toBe(2);
      const people = (await ds.query('SELECT "id" FROM "person"')) as unknown[];
      // Jean-Luc in A, his namesake born in 1991, Léa Martin, two anonymised, Jean-Luc in B.
      expect(people).toHaveLength(6);
      await ds.destroy();

      // The application reads the migrated people: the three enrolments of Jean-Luc in A.
      t = await startTestApp({ databaseUrl: scratch.url });
      const again = t.as(await t.login(ADMIN.email, ADMIN.password));
      const person = await again.get(`/api/people/${[...jeanLucA][0]}`);
      expect(person.status).toBe(200);
      expect((person.body.enrolments as unknown[]).length).toBe(3);
      expect(person.body.enrolments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            candidateId: first.id,
            results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
          }),
        ]),
      );
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await t.close();
      await scratch.drop();
    }
  });
});

describe(`migration CertificationPathways (${testDbKind()})`, () => {
  it('keeps every pathway and recevabilité, and gives open sessions the pathway applicabilities', async () => {
    const scratch = await scratchDatabaseUrl();
    const options = typeOrmOptions(loadAppConfig({ DATABASE_URL: scratch.url }).database);
    const t = await startTestApp({ databaseUrl: scratch.url });
    const ds = new DataSource(options);
    try {
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const a = await aCentre(admin);
      const titre = await aTitre(admin);
      const sessionId = String(
        (
          await aSession(admin, {
            centreId: String(a.centre.id),
            siteId: String(a.site.id),
            titreId: String(titre.id),
          })
        ).id,
      );
      await aCandidate(admin, sessionId, { pathway: 'VAE', vaeValidUntil: '2027-12-31' });
      await aCandidate(admin, sessionId, { lastName: 'Martin', firstName: 'Léa' });
      await t.close();

      await ds.initialize();
      const migrations = ds.migrations.map((m) => m.name ?? m.constructor.name);
      const at = migrations.findIndex((name) => name?.startsWith('CertificationPathways'));
      expect(at).toBeGreaterThan(0);
      const candidates = `SELECT "lastName", "pathway", "vaeValidUntil" FROM "candidate" ORDER BY "lastName"`;
      const task = `SELECT "applicability" FROM "session_task" WHERE "code" = 'PLAN_ECF_ASSESSMENTS'`;
      const expected = [
        { lastName: 'Martin', pathway: 'FORMATION', vaeValidUntil: null },
        { lastName: 'Nguyễn', pathway: 'VAE', vaeValidUntil: '2027-12-31' },
      ];
      expect(await ds.query(candidates)).toEqual(expected);
      expect(await ds.query(task)).toEqual([{ applicability: 'TRAINING_CANDIDATES' }]);

      for (let i = at; i < migrations.length; i++)
        await ds.undoLastMigration({ transaction: 'each' });
      expect(await ds.query(candidates)).toEqual(expected);
      expect(await ds.query(task)).toEqual([{ applicability: 'ALWAYS' }]);

      await ds.runMigrations({ transaction: 'each' });
      expect(await pendingSchemaQueries(ds)).toEqual([]);
      expect(await ds.query(candidates)).toEqual(expected);
      expect(await ds.query(task)).toEqual([{ applicability: 'TRAINING_CANDIDATES' }]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await scratch.drop();
    }
  });
});

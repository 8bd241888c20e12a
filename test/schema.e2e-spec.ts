import { DataSource } from 'typeorm';
import { loadAppConfig } from '../src/config/app-config.js';
import { pendingSchemaQueries } from '../src/database/migration-generator.js';
import { typeOrmOptions } from '../src/database/typeorm-options.js';
import { scratchDatabaseUrl, testDbKind } from './support/test-app.js';

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

/**
 * Generates the migrations of a schema change for both databases:
 *   npm run migration:generate -- AddSomething
 * SQLite uses a temporary file; PostgreSQL a temporary database next to
 * MIGRATION_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateMigration } from '../src/database/migration-generator.js';
import { createScratchDatabase } from '../src/database/postgres-scratch.js';

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  process.stderr.write('Usage : npm run migration:generate -- NomEnCamelCase\n');
  process.exit(2);
}
const timestamp = Date.now();
const migrationsDir = resolve('migrations');
const dir = mkdtempSync(join(tmpdir(), 'jalon-migration-'));
try {
  const sqliteFile = await generateMigration(
    { type: 'sqlite', path: join(dir, 'db.sqlite') },
    'sqlite',
    name,
    timestamp,
    migrationsDir,
  );
  process.stdout.write(`sqlite: ${sqliteFile ?? 'aucun changement'}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const scratch = await createScratchDatabase(
  process.env.MIGRATION_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  'jalon_migration',
);
try {
  const pgFile = await generateMigration(
    { type: 'postgres', url: scratch.url },
    'postgres',
    name,
    timestamp,
    migrationsDir,
  );
  process.stdout.write(`postgres: ${pgFile ?? 'aucun changement'}\n`);
} finally {
  await scratch.drop();
}

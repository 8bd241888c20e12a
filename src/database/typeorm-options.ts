import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { postgresMigrations } from '../../migrations/postgres/index.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';

/** The one TypeORM options function, used by the app, the CLI and the migration generator. */
export function typeOrmOptions(
  db: DatabaseConfig,
  options: { readonly?: boolean } = {},
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  if (db.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: db.url,
      migrations: postgresMigrations,
      uuidExtension: 'pgcrypto',
      extra: { max: 10 },
    };
  }
  const file = db.path === ':memory:' ? ':memory:' : resolve(db.path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    migrations: sqliteMigrations,
    // The read-only connection opens the file the writing one already set to WAL.
    enableWAL: file !== ':memory:' && !options.readonly,
    readonly: options.readonly === true,
    timeout: 10_000,
    prepareDatabase: (raw: { pragma: (sql: string) => unknown }) => {
      raw.pragma('foreign_keys = ON');
      raw.pragma('busy_timeout = 10000');
    },
  };
}

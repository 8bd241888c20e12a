import { DataSource, type EntityManager, type Logger, type QueryRunner } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { backupDatabase } from './backup.js';
import { ConstraintErrors } from './constraint-errors.js';
import { GateLock } from './gate-lock.js';
import { typeOrmOptions } from './typeorm-options.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Work done with the database: it receives the entity manager it must use, and only that one. */
export type DatabaseWork<T> = (manager: EntityManager) => Promise<T>;

/** Sees every SQL statement sent (tests count them; nothing in the app depends on it). */
export type QueryObserver = (sql: string) => void;

/** Key of the PostgreSQL advisory lock held while migrations run (any fixed 64-bit number). */
const MIGRATION_LOCK_KEY = 7_349_112_020_611;

/**
 * The one gate to the database. Only this class holds TypeORM's DataSources, so no code can reach
 * the database around it: reads go through `read`, writes through `transaction`.
 *
 * SQLite (TypeORM's better-sqlite3 driver) has a single connection shared by every caller: a
 * statement run while another caller's transaction is open would join that transaction, see its
 * uncommitted rows and be rolled back with it. So on SQLite:
 * - transactions run one after the other on the writing connection, each holding a fair
 *   readers–writer lock alone (served in arrival order);
 * - reads share that lock on the same connection while no transaction holds it or waits for it
 *   (no transaction can then be open there);
 * - reads that arrive while a transaction holds or awaits the lock — including reads called from
 *   inside that transaction — run on a second, read-only connection to the same file instead: in
 *   WAL mode each statement sees the last committed state; they never wait, never deadlock, and a
 *   write attempted there fails (SQLITE_READONLY).
 * (One connection serves most reads: its page cache stays warm; measured in `npm run bench web`.)
 * An in-memory SQLite database has a single connection: its reads always share the lock.
 * PostgreSQL gives each transaction its own pooled connection; reads use the pool directly.
 *
 * A read called from inside a transaction sees the committed state, not that transaction's own
 * writes (the same on both databases): pass the transaction's manager down to read those. Writes
 * go through `transaction`; a transaction must not start another one, nor be started from inside
 * a read (on SQLite either would wait for itself).
 */
export class Database {
  readonly kind: DatabaseKind;
  private readonly lock = new GateLock();
  private observer: QueryObserver | null = null;
  private readonly writer: DataSource;
  /** SQLite file only: the read-only connection, for reads while a transaction is under way. */
  private readonly reader: DataSource | null;

  private constructor(config: DatabaseConfig) {
    const logger = this.logger();
    this.writer = new DataSource({ ...typeOrmOptions(config), logger });
    this.kind = config.type === 'postgres' ? 'postgres' : 'sqlite';
    this.reader =
      config.type === 'sqlite' && config.path !== ':memory:'
        ? new DataSource({ ...typeOrmOptions(config, { readonly: true }), logger })
        : null;
  }

  /** Connects, and (with `migrate`) applies pending migrations, one instance at a time. */
  static async open(config: DatabaseConfig, options: { migrate: boolean }): Promise<Database> {
    const database = new Database(config);
    await database.writer.initialize();
    try {
      if (options.migrate) await database.migrate();
      // After the writer: the file, its WAL and the schema exist.
      await database.reader?.initialize();
    } catch (error) {
      await database.writer.destroy();
      throw error;
    }
    return database;
  }

  get isSqlite(): boolean {
    return this.kind === 'sqlite';
  }

  /** Reads, outside any transaction: they see committed data only. */
  read<T>(work: DatabaseWork<T>): Promise<T> {
    if (!this.isSqlite) return work(this.writer.manager);
    if (this.reader && this.lock.writing) return work(this.reader.manager);
    return this.lock.shared(() => work(this.writer.manager));
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: DatabaseWork<T>): Promise<T> {
    const run = () => this.writer.transaction(work);
    return this.isSqlite ? this.lock.exclusive(run) : run();
  }

  /** Whether pending migrations remain (health check), and a round trip to the server. */
  async health(): Promise<{ ok: boolean; type: DatabaseKind; pendingMigrations: boolean }> {
    await this.read((m) => m.query('SELECT 1'));
    const pendingMigrations = await this.onWriter(() => this.writer.showMigrations());
    return { ok: true, type: this.kind, pendingMigrations };
  }

  /** A consistent copy: SQLite's online backup (no transaction open meanwhile), or pg_dump. */
  backup(out: string): Promise<void> {
    return this.isSqlite
      ? this.lock.exclusive(() => backupDatabase(this.writer, out))
      : backupDatabase(this.writer, out);
  }

  /** Applies pending migrations; on PostgreSQL under an advisory lock, so instances can start together. */
  async migrate(): Promise<void> {
    if (this.isSqlite) {
      await this.lock.exclusive(() => this.writer.runMigrations({ transaction: 'each' }));
      return;
    }
    const runner: QueryRunner = this.writer.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await this.writer.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Maps the database's refusals (unique keys, foreign keys) to answers, from the entities' metadata. */
  constraintErrors(): ConstraintErrors {
    return ConstraintErrors.fromDataSource(this.writer);
  }

  observe(observer: QueryObserver | null): void {
    this.observer = observer;
  }

  async close(): Promise<void> {
    if (this.reader?.isInitialized) await this.reader.destroy();
    if (!this.writer.isInitialized) return;
    await (this.isSqlite
      ? this.lock.exclusive(() => this.writer.destroy())
      : this.writer.destroy());
  }

  /** Runs on the writing connection outside any transaction (SQLite: while none is open). */
  private onWriter<T>(work: () => Promise<T>): Promise<T> {
    return this.isSqlite ? this.lock.shared(work) : work();
  }

  private logger(): Logger {
    return {
      logQuery: (query) => this.observer?.(query),
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
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

interface Unit {
  manager: EntityManager;
  transactional: boolean;
  /** False once the unit has ended: work started inside it but still running must queue again. */
  open: boolean;
}

/** Key of the PostgreSQL advisory lock held while migrations run (any fixed 64-bit number). */
const MIGRATION_LOCK_KEY = 7_349_112_020_611;

/**
 * The one gate to the database. Only this class holds TypeORM's DataSource, so no code can reach
 * the database around it.
 *
 * SQLite (TypeORM's better-sqlite3 driver) has a single connection shared by every caller: a
 * statement run while another caller's transaction is open would join that transaction, see its
 * uncommitted rows and be rolled back with it. So on SQLite, reads share a fair readers–writer
 * lock and each transaction holds it alone: a read never runs inside someone else's transaction.
 * PostgreSQL gives each transaction its own pooled connection; reads use the pool directly.
 *
 * Work nested inside a unit (a read or a transaction called from within a transaction) joins the
 * enclosing unit and uses its manager: it sees the unit's own writes and cannot deadlock on it.
 */
export class Database {
  readonly kind: DatabaseKind;
  private readonly lock = new GateLock();
  private readonly units = new AsyncLocalStorage<Unit>();
  private observer: QueryObserver | null = null;

  private readonly dataSource: DataSource;

  private constructor(config: DatabaseConfig) {
    this.dataSource = new DataSource({ ...typeOrmOptions(config), logger: this.logger() });
    this.kind = config.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /** Connects, and (with `migrate`) applies pending migrations, one instance at a time. */
  static async open(config: DatabaseConfig, options: { migrate: boolean }): Promise<Database> {
    const database = new Database(config);
    await database.dataSource.initialize();
    try {
      if (options.migrate) await database.migrate();
    } catch (error) {
      await database.dataSource.destroy();
      throw error;
    }
    return database;
  }

  get isSqlite(): boolean {
    return this.kind === 'sqlite';
  }

  /** Reads (or single statements that need no transaction) with a manager outside any transaction. */
  read<T>(work: DatabaseWork<T>): Promise<T> {
    const unit = this.openUnit();
    if (unit) return work(unit.manager);
    const run = () => this.within({ manager: this.dataSource.manager, transactional: false }, work);
    return this.isSqlite ? this.lock.shared(run) : run();
  }

  /** Runs `work` in one transaction: all of it is committed, or none of it. */
  transaction<T>(work: DatabaseWork<T>): Promise<T> {
    const unit = this.openUnit();
    if (unit?.transactional) return work(unit.manager);
    if (unit && this.isSqlite) {
      // A read unit holds a shared lock; it cannot be upgraded without deadlocking.
      throw new Error('Database.transaction() called inside Database.read(): use transaction()');
    }
    const run = () =>
      this.dataSource.transaction((manager) => this.within({ manager, transactional: true }, work));
    return this.isSqlite ? this.lock.exclusive(run) : run();
  }

  /** Whether pending migrations remain (health check), and a round trip to the server. */
  async health(): Promise<{ ok: boolean; type: DatabaseKind; pendingMigrations: boolean }> {
    await this.read((m) => m.query('SELECT 1'));
    const pendingMigrations = await this.read(() => this.dataSource.showMigrations());
    return { ok: true, type: this.kind, pendingMigrations };
  }

  /** A consistent copy: SQLite's online backup (no transaction open meanwhile), or pg_dump. */
  backup(out: string): Promise<void> {
    return this.isSqlite
      ? this.lock.exclusive(() => backupDatabase(this.dataSource, out))
      : backupDatabase(this.dataSource, out);
  }

  /** Applies pending migrations; on PostgreSQL under an advisory lock, so instances can start together. */
  async migrate(): Promise<void> {
    if (this.isSqlite) {
      await this.lock.exclusive(() => this.dataSource.runMigrations({ transaction: 'each' }));
      return;
    }
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await this.dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Reverts the last migration (schema tests). */
  async undoLastMigration(): Promise<void> {
    await this.lock.exclusive(() => this.dataSource.undoLastMigration({ transaction: 'each' }));
  }

  /** The SQL that would bring the database to the entities' schema (empty when in sync). */
  async pendingSchemaQueries(): Promise<string[]> {
    const sql = await this.lock.exclusive(() => this.dataSource.driver.createSchemaBuilder().log());
    return sql.upQueries.map((q) => q.query);
  }

  /** Binds named parameters (`:name`, `:...list`) into the driver's placeholders. */
  bind(sql: string, params: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(sql, params);
  }

  /** Maps the database's refusals (unique keys, foreign keys) to answers, from the entities' metadata. */
  constraintErrors(): ConstraintErrors {
    return ConstraintErrors.fromDataSource(this.dataSource);
  }

  observe(observer: QueryObserver | null): void {
    this.observer = observer;
  }

  async close(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await (this.isSqlite
      ? this.lock.exclusive(() => this.dataSource.destroy())
      : this.dataSource.destroy());
  }

  private openUnit(): Unit | undefined {
    const unit = this.units.getStore();
    return unit?.open ? unit : undefined;
  }

  private async within<T>(unit: Omit<Unit, 'open'>, work: DatabaseWork<T>): Promise<T> {
    const state: Unit = { ...unit, open: true };
    try {
      return await this.units.run(state, () => work(state.manager));
    } finally {
      state.open = false;
    }
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

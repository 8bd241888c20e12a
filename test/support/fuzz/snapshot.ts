import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Database } from '../../../src/database/database.js';
import { sqlRows } from '../../../src/database/sql-rows.js';

/**
 * Tables a rejected request may legitimately change: the audit trail, the login limit (a failed
 * login counts), and the API tokens (a login, or a logout, is their whole purpose).
 */
const VOLATILE_TABLES = new Set(['audit_entry', 'login_throttle', 'api_token']);

/** A digest of every table of the application, row by row, to see what a request changed. */
export class DataSnapshots {
  private readonly db: Database;
  private last: Map<string, string> | null = null;

  constructor(app: INestApplication) {
    this.db = app.get(Database);
  }

  async take(): Promise<Map<string, string>> {
    return this.db.read(async (m) => {
      const tables = m.connection.entityMetadatas
        .filter((e) => e.tableType === 'regular' && !VOLATILE_TABLES.has(e.tableName))
        .map((e) => e.tableName)
        .sort();
      const digests = new Map<string, string>();
      if (m.connection.options.type === 'postgres') {
        // One round trip: each table's row count and a digest of its sorted rows, computed by
        // PostgreSQL (a snapshot is taken after every rejected request: ~80 queries each cost
        // more than the request itself).
        const sql = tables
          .map(
            (table) =>
              `SELECT '${table}' AS "table", count(*)::text AS "rows", ` +
              `md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS "digest" ` +
              `FROM "${table}" x`,
          )
          .join(' UNION ALL ');
        const rows = await sqlRows<{ table: string; rows: string; digest: string }>(m, sql);
        for (const row of rows) digests.set(row.table, `${row.rows}:${row.digest}`);
        return digests;
      }
      // SQLite: one statement too; each table's rows are quoted and joined in a stable order by
      // SQLite itself, and only the digest is computed here.
      const columns = new Map(
        m.connection.entityMetadatas.map((e) => [
          e.tableName,
          e.columns.map((c) => `quote("${c.databaseName}")`).join(' || char(31) || '),
        ]),
      );
      const sql = tables
        .map((table) => {
          const row = columns.get(table) ?? "''";
          return (
            `SELECT '${table}' AS "table", count(*) AS "rows", ` +
            `coalesce(group_concat(${row}, char(10) ORDER BY ${row}), '') AS "content" FROM "${table}"`
          );
        })
        .join(' UNION ALL ');
      const rows = await sqlRows<{ table: string; rows: number; content: string }>(m, sql);
      for (const row of rows) {
        const digest = createHash('sha256').update(row.content).digest('hex');
        digests.set(row.table, `${row.rows}:${digest}`);
      }
      return digests;
    });
  }

  /** The state before the next request: the last one taken, unless something may have changed. */
  async before(): Promise<Map<string, string>> {
    this.last ??= await this.take();
    return this.last;
  }

  /** Forget the last state (a request was accepted, or failed, or the fixtures were refreshed). */
  invalidate(): void {
    this.last = null;
  }

  /** The tables that differ from `before` (and remembers the new state). */
  async changedSince(before: Map<string, string>): Promise<string[]> {
    const after = await this.take();
    this.last = after;
    return [...after.keys()].filter((table) => after.get(table) !== before.get(table));
  }
}

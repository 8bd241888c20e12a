/**
 * Read queries of the dashboard written in SQL that runs unchanged on SQLite and PostgreSQL:
 * identifiers double-quoted, named parameters (`:name`, `:...list`) bound by TypeORM's driver.
 */
import type { DataSource, EntityManager } from 'typeorm';

export type SqlParams = Record<string, string | number | boolean | readonly string[] | null>;

export async function sqlRows<T>(
  db: DataSource | EntityManager,
  sql: string,
  params: SqlParams = {},
): Promise<T[]> {
  const dataSource = 'driver' in db ? db : db.connection;
  const [query, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return (await db.query(query, values)) as T[];
}

/** A COUNT/SUM as a number (PostgreSQL returns bigints as strings). */
export function num(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** A boolean column (SQLite stores 0/1). */
export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}

/** A `simple-json` column (stored as text on both databases). */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A nullable text column. */
export function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * Whether the task `t` of the session `s` concerns it (see task-applicability.ts): CCP-only tasks
 * for CCP/CCS sessions, VAE and accommodation tasks when a candidate needs them. The candidate
 * lookups only run for the few tasks that depend on them.
 */
export const TASK_APPLICABLE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND s."nature" IN ('CCP', 'CCS'))
  OR (t."applicability" = 'VAE_CANDIDATES' AND EXISTS (
    SELECT 1 FROM "candidate" cv WHERE cv."sessionId" = t."sessionId" AND cv."pathway" = 'VAE'))
  OR (t."applicability" = 'ACCOMMODATION_REQUESTS' AND EXISTS (
    SELECT 1 FROM "candidate" ca WHERE ca."sessionId" = t."sessionId" AND ca."accommodationRequested")))`;

/**
 * TASK_APPLICABLE_SQL for a task `t` read without its session: the session's nature is looked up
 * only for the few tasks that depend on it, so aggregates over many tasks need no join.
 */
export const TASK_APPLICABLE_ALONE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND EXISTS (
    SELECT 1 FROM "exam_session" sn WHERE sn."id" = t."sessionId" AND sn."nature" IN ('CCP', 'CCS')))
  OR (t."applicability" = 'VAE_CANDIDATES' AND EXISTS (
    SELECT 1 FROM "candidate" cv WHERE cv."sessionId" = t."sessionId" AND cv."pathway" = 'VAE'))
  OR (t."applicability" = 'ACCOMMODATION_REQUESTS' AND EXISTS (
    SELECT 1 FROM "candidate" ca WHERE ca."sessionId" = t."sessionId" AND ca."accommodationRequested")))`;

/** An applicable task still to do whose deadline counts (not an incident-only task). */
export const TASK_OPEN_DEADLINE_SQL = `(t."status" = 'todo' AND t."applicability" <> 'INCIDENT' AND ${TASK_APPLICABLE_SQL})`;

/**
 * Plain SQL reads that run unchanged on SQLite and PostgreSQL: identifiers double-quoted, named
 * parameters (`:name`, `:...list`) bound by TypeORM's driver, and the conversions of raw column values
 * (SQLite returns booleans as 0/1, PostgreSQL counts as strings).
 */
import type { EntityManager } from 'typeorm';
import type { DatabaseKind } from './database.js';

export type SqlParams = Record<string, string | number | boolean | readonly string[] | null>;

export async function sqlRows<T>(
  manager: EntityManager,
  sql: string,
  params: SqlParams = {},
): Promise<T[]> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return (await manager.query(query, values)) as T[];
}

/**
 * An SQL expression that gives the listed columns of a row as one JSON array, as text, in order:
 * one value to read instead of many, and rows that can be compared whole as strings (SQLite's
 * `json_array`, PostgreSQL's `json_build_array`).
 */
export function jsonArraySql(kind: DatabaseKind, columns: readonly string[]): string {
  const list = columns.map((column) => `"${column}"`).join(', ');
  return kind === 'postgres' ? `json_build_array(${list})::text` : `json_array(${list})`;
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

/**
 * What a database refusal says about the constraint it broke, read from the driver's error as
 * TypeORM passes it on (`QueryFailedError`, which copies the driver's fields: `code`,
 * `constraint`, `table`, `detail`), for PostgreSQL (`pg`) and SQLite (`better-sqlite3`).
 */
export interface ConstraintViolation {
  kind: 'unique' | 'foreign-key';
  /** PostgreSQL: the index or constraint's name. SQLite names none (except for an index on expressions). */
  constraint: string | null;
  /** The table of the refused row (PostgreSQL: of the constraint; SQLite: from its message). */
  table: string | null;
  /** Database column names, as the error lists them (none for a SQLite foreign key). */
  columns: string[];
  /**
   * Foreign keys: `insert` when the row written points to a row that does not exist (any more),
   * `delete` when the row removed is still pointed to; null when the error does not tell.
   */
  operation: 'insert' | 'delete' | null;
}

const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';
const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
const SQLITE_FOREIGN_KEY = 'SQLITE_CONSTRAINT_FOREIGNKEY';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function text(fields: Fields, name: string): string | null {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `Key (email)=(…)`, `Key ("sessionId", "juryMemberId")=(…)` → the column names. */
function pgKeyColumns(detail: string | null): string[] {
  const list = detail === null ? undefined : /^Key \(([^)]*)\)=/.exec(detail)?.[1];
  if (list === undefined) return [];
  return list.split(',').map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * `UNIQUE constraint failed: titre.code, titre.version` → the table and the column names;
 * `UNIQUE constraint failed: index 'name'` (an index on expressions) → the index's name.
 */
function sqliteUniqueKey(
  message: string,
): Pick<ConstraintViolation, 'constraint' | 'table' | 'columns'> | null {
  const list = /UNIQUE constraint failed: ([^\n]+)/.exec(message)?.[1]?.trim();
  if (list === undefined) return null;
  const index = /^index '(.*)'$/.exec(list)?.[1];
  if (index !== undefined) return { constraint: index, table: null, columns: [] };
  const pairs = list.split(',').map((pair) => pair.trim().split('.'));
  const tables = new Set(pairs.map((pair) => (pair.length === 2 ? pair[0] : null)));
  const [table] = tables;
  return {
    constraint: null,
    table: tables.size === 1 ? (table ?? null) : null,
    columns: pairs.map((pair) => pair[pair.length - 1]),
  };
}

/**
 * Which way a foreign key was broken. PostgreSQL says it in its (English) message; SQLite's names
 * nothing, and a server speaking another language neither: the statement tells.
 */
function foreignKeyOperation(
  message: string,
  query: string | null,
): ConstraintViolation['operation'] {
  if (/^update or delete on table/.test(message)) return 'delete';
  if (/^insert or update on table/.test(message)) return 'insert';
  if (query === null) return null;
  if (/^\s*DELETE\b/i.test(query)) return 'delete';
  if (/^\s*(INSERT|UPDATE)\b/i.test(query)) return 'insert';
  return null;
}

/** The unique or foreign-key constraint a database error reports, or null for any other error. */
export function constraintViolation(error: unknown): ConstraintViolation | null {
  if (!(error instanceof Error)) return null;
  const outer = error as Error & Fields;
  const driver = isFields(outer.driverError) ? outer.driverError : outer;
  const code = text(driver, 'code') ?? text(outer, 'code');
  const message = text(driver, 'message') ?? error.message;
  const query = text(outer, 'query');
  if (code === PG_UNIQUE || code === PG_FOREIGN_KEY) {
    return {
      kind: code === PG_UNIQUE ? 'unique' : 'foreign-key',
      constraint: text(driver, 'constraint'),
      table: text(driver, 'table'),
      columns: pgKeyColumns(text(driver, 'detail')),
      operation: code === PG_UNIQUE ? null : foreignKeyOperation(message, query),
    };
  }
  const unique =
    code === null || SQLITE_UNIQUE.has(code) || code === 'SQLITE_CONSTRAINT'
      ? sqliteUniqueKey(message)
      : null;
  if (unique) return { kind: 'unique', ...unique, operation: null };
  if (
    code === SQLITE_FOREIGN_KEY ||
    ((code === null || code === 'SQLITE_CONSTRAINT') &&
      /FOREIGN KEY constraint failed/.test(message))
  ) {
    return {
      kind: 'foreign-key',
      constraint: null,
      table: null,
      columns: [],
      operation: foreignKeyOperation(message, query),
    };
  }
  return null;
}

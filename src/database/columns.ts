import { Column, type ColumnOptions } from 'typeorm';

/** A calendar date 'YYYY-MM-DD' (Europe/Paris), stored as text on every database. */
export function DateColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 10, ...options });
}

/** An instant as an ISO-8601 UTC string with milliseconds: portable, sortable. */
export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 24, ...options });
}

/** A JSON value stored as text, identical on SQLite and PostgreSQL. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}

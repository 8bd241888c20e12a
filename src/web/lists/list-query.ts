/** The Nest edge of list-params: a bad query string becomes a 400 with its French messages. */
import { BadRequestException } from '@nestjs/common';
import {
  applyListParams,
  listView,
  parseListParams,
  type ListAccessors,
  type ListDefinition,
  type ListView,
} from './list-params.js';

export interface ListPage<Row> {
  rows: Row[];
  list: ListView;
}

/**
 * Parses the query (400 on a bad value), filters and sorts the rows, and describes the headers
 * and the filter form for the template.
 */
export function listPage<Row, K extends string>(
  path: string,
  definition: ListDefinition<K>,
  query: Record<string, unknown>,
  rows: readonly Row[],
  accessors: ListAccessors<Row, K>,
): ListPage<Row> {
  const parsed = parseListParams(definition, query);
  if (!parsed.ok) throw new BadRequestException(parsed.errors);
  const kept = applyListParams(rows, parsed.params, accessors);
  return {
    rows: kept,
    list: listView(path, definition, parsed.params, { shown: kept.length, total: rows.length }),
  };
}

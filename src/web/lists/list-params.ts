/**
 * Sorting and filtering a dashboard list through its query string (`?sort=…&dir=…&q=…`), the same
 * for every list: plain functions, unit-tested without Nest. The page works without JavaScript —
 * column headers are links carrying `aria-sort`, the filter is a GET form — and a bad value is
 * refused (the controller answers 400 with these French messages), never silently guessed.
 */

export type SortDirection = 'asc' | 'desc';

/** A list's sortable columns (key → French header label) and its default order. */
export interface ListDefinition<K extends string> {
  columns: Readonly<Record<K, string>>;
  defaultSort: K;
  defaultDir: SortDirection;
}

export interface ListParams<K extends string> {
  sort: K;
  dir: SortDirection;
  /** The filter text, trimmed; '' when none. */
  q: string;
}

export type ParsedListParams<K extends string> =
  { ok: true; params: ListParams<K> } | { ok: false; errors: string[] };

/** The longest filter text accepted. */
export const MAX_FILTER_LENGTH = 100;

/** The names this mechanism reads; any other parameter is left to the page. */
export const LIST_PARAM_NAMES = ['sort', 'dir', 'q'] as const;

type Query = Record<string, unknown>;

function keysOf<K extends string>(definition: ListDefinition<K>): K[] {
  return Object.keys(definition.columns) as K[];
}

/**
 * Reads `sort`, `dir` and `q`: absent or empty means the default; an unknown column, a direction
 * other than `asc`/`desc`, a repeated parameter, a control character or an over-long filter are
 * errors, all reported at once.
 */
export function parseListParams<K extends string>(
  definition: ListDefinition<K>,
  query: Query,
): ParsedListParams<K> {
  const errors: string[] = [];
  const read = (name: string, label: string): string => {
    const value = query[name];
    if (value === undefined) return '';
    if (typeof value !== 'string') {
      errors.push(`Le paramètre « ${label} » ne peut être donné qu’une fois, en texte.`);
      return '';
    }
    return value.trim();
  };
  const sortText = read('sort', 'tri');
  const dirText = read('dir', 'sens du tri');
  const qText = read('q', 'filtre');
  const keys = keysOf(definition);
  let sort = definition.defaultSort;
  if (sortText !== '') {
    if ((keys as string[]).includes(sortText)) {
      sort = sortText as K;
    } else {
      const names = keys.map((k) => `« ${definition.columns[k]} »`).join(', ');
      errors.push(`Le tri demandé est inconnu : triez par ${names}.`);
    }
  }
  let dir: SortDirection = sort === definition.defaultSort ? definition.defaultDir : 'asc';
  if (dirText !== '') {
    if (dirText === 'asc' || dirText === 'desc') {
      dir = dirText;
    } else {
      errors.push('Le sens du tri doit être « asc » (croissant) ou « desc » (décroissant).');
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(qText)) {
    errors.push('Le filtre ne doit pas contenir de caractère de contrôle.');
  } else if ([...qText].length > MAX_FILTER_LENGTH) {
    errors.push(`Le filtre ne doit pas dépasser ${MAX_FILTER_LENGTH} caractères.`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, params: { sort, dir, q: qText } };
}

/** Lower case, without accents or repeated spaces: « Élodie  NGUYỄN » → « elodie nguyen ». */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of the filter appears in the row's text (accents and case ignored). */
export function matchesFilter(rowText: string, q: string): boolean {
  const words = foldForSearch(q)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = foldForSearch(rowText);
  return words.every((word) => haystack.includes(word));
}

export type SortValue = string | number | null;

/** How a list reads its rows: one comparable value per sortable column, one text to filter on. */
export interface ListAccessors<Row, K extends string> {
  sortValue: Readonly<Record<K, (row: Row) => SortValue>>;
  searchText: (row: Row) => string;
}

const COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return COLLATOR.compare(String(a), String(b));
}

/**
 * The rows the filter keeps, in the requested order: French collation (accents, numbers inside
 * text), empty values last whatever the direction, ties kept in their given order.
 */
export function applyListParams<Row, K extends string>(
  rows: readonly Row[],
  params: ListParams<K>,
  accessors: ListAccessors<Row, K>,
): Row[] {
  const value = accessors.sortValue[params.sort];
  const sign = params.dir === 'asc' ? 1 : -1;
  return rows
    .filter((row) => matchesFilter(accessors.searchText(row), params.q))
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      const aEmpty = a.key === null || a.key === '';
      const bEmpty = b.key === null || b.key === '';
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      return sign * compareValues(a.key, b.key) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** The link to `path` with these parameters (defaults left out) and `extra` ones kept. */
export function listHref<K extends string>(
  path: string,
  definition: ListDefinition<K>,
  params: ListParams<K>,
  extra: Readonly<Record<string, string>> = {},
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(extra)) if (value !== '') search.set(name, value);
  if (params.q !== '') search.set('q', params.q);
  const isDefault = params.sort === definition.defaultSort && params.dir === definition.defaultDir;
  if (!isDefault) {
    search.set('sort', params.sort);
    search.set('dir', params.dir);
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

export interface ListSortHeader {
  key: string;
  label: string;
  href: string;
  ariaSort: 'ascending' | 'descending' | 'none';
  /** What following the link does, for screen readers. */
  hint: string;
}

export interface ListView {
  /** The sortable headers by column key, for `{{#with list.columns.name}}`. */
  columns: Record<string, ListSortHeader>;
  action: string;
  q: string;
  sort: string;
  dir: SortDirection;
  /** The sort and direction to keep in the filter form, unless they are the defaults. */
  keepSort: boolean;
  shown: number;
  total: number;
  filtered: boolean;
  resetHref: string;
  /** « 3 sur 12 » when filtered, for the page to say how many rows it shows. */
  countLabel: string;
  /** The page's own other filters, kept as hidden fields by the filter form. */
  hidden: { name: string; value: string }[];
}

/**
 * What a list template needs: header links (following the current column flips its direction,
 * another column starts ascending, or descending for its default), the filter form's values.
 */
export function listView<K extends string>(
  path: string,
  definition: ListDefinition<K>,
  params: ListParams<K>,
  counts: { shown: number; total: number },
): ListView {
  const columns: Record<string, ListSortHeader> = {};
  for (const key of keysOf(definition)) {
    const current = params.sort === key;
    const dir: SortDirection = current
      ? params.dir === 'asc'
        ? 'desc'
        : 'asc'
      : key === definition.defaultSort
        ? definition.defaultDir
        : 'asc';
    columns[key] = {
      key,
      label: definition.columns[key],
      href: listHref(path, definition, { ...params, sort: key, dir }),
      ariaSort: current ? (params.dir === 'asc' ? 'ascending' : 'descending') : 'none',
      hint: dir === 'asc' ? 'trier par ordre croissant' : 'trier par ordre décroissant',
    };
  }
  const filtered = params.q !== '';
  return {
    columns,
    action: path,
    q: params.q,
    sort: params.sort,
    dir: params.dir,
    keepSort: params.sort !== definition.defaultSort || params.dir !== definition.defaultDir,
    shown: counts.shown,
    total: counts.total,
    filtered,
    resetHref: listHref(path, definition, { ...params, q: '' }),
    countLabel: filtered ? `${counts.shown} sur ${counts.total}` : String(counts.total),
    hidden: [],
  };
}

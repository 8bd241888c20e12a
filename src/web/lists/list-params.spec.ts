import {
  applyListParams,
  foldForSearch,
  listHref,
  listView,
  matchesFilter,
  parseListParams,
  type ListDefinition,
  type ListParams,
} from './list-params.js';

type Key = 'name' | 'centre' | 'until';

const PEOPLE: ListDefinition<Key> = {
  columns: { name: 'Nom', centre: 'Centre', until: 'Valable jusqu’au' },
  defaultSort: 'name',
  defaultDir: 'asc',
};

interface Row {
  name: string;
  centre: string;
  until: string | null;
}

const ROWS: Row[] = [
  { name: 'Émile ZOLA', centre: 'Lyon', until: '2027-05-01' },
  { name: 'anaïs durand', centre: 'Vienne', until: null },
  { name: 'Bruno Élan', centre: 'lyon', until: '2026-01-31' },
  { name: 'Agent 10', centre: 'Lyon', until: '2028-01-01' },
  { name: 'Agent 9', centre: 'Lyon', until: '' },
];

const ACCESSORS = {
  sortValue: {
    name: (r: Row) => r.name,
    centre: (r: Row) => r.centre,
    until: (r: Row) => r.until,
  },
  searchText: (r: Row) => `${r.name} ${r.centre}`,
};

const params = (p: Partial<ListParams<Key>> = {}): ListParams<Key> => ({
  sort: 'name',
  dir: 'asc',
  q: '',
  ...p,
});

describe('list query string', () => {
  it('defaults to the definition’s sort and direction, no filter', () => {
    expect(parseListParams(PEOPLE, {})).toEqual({ ok: true, params: params() });
    expect(parseListParams(PEOPLE, { sort: '', dir: '', q: '  ' })).toEqual({
      ok: true,
      params: params(),
    });
  });

  it('reads a known column, a direction and a trimmed filter; another column starts ascending', () => {
    expect(parseListParams(PEOPLE, { sort: 'until', dir: 'desc', q: ' lyon ' })).toEqual({
      ok: true,
      params: { sort: 'until', dir: 'desc', q: 'lyon' },
    });
    const descByDefault: ListDefinition<Key> = {
      ...PEOPLE,
      defaultSort: 'until',
      defaultDir: 'desc',
    };
    expect(parseListParams(descByDefault, {})).toEqual({
      ok: true,
      params: { sort: 'until', dir: 'desc', q: '' },
    });
    expect(parseListParams(descByDefault, { sort: 'name' })).toEqual({
      ok: true,
      params: { sort: 'name', dir: 'asc', q: '' },
    });
  });

  it('refuses every bad value at once, in French, naming the columns it knows', () => {
    const parsed = parseListParams(PEOPLE, { sort: 'password', dir: 'up', q: 'x'.repeat(101) });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        'Le tri demandé est inconnu : triez par « Nom », « Centre », « Valable jusqu’au ».',
        'Le sens du tri doit être « asc » (croissant) ou « desc » (décroissant).',
        'Le filtre ne doit pas dépasser 100 caractères.',
      ],
    });
  });

  it('refuses a repeated or structured parameter and control characters', () => {
    expect(parseListParams(PEOPLE, { sort: ['name', 'centre'] })).toEqual({
      ok: false,
      errors: ['Le paramètre « tri » ne peut être donné qu’une fois, en texte.'],
    });
    expect(parseListParams(PEOPLE, { q: { $ne: '' } })).toMatchObject({ ok: false });
    expect(parseListParams(PEOPLE, { q: 'a\u0000b' })).toEqual({
      ok: false,
      errors: ['Le filtre ne doit pas contenir de caractère de contrôle.'],
    });
    expect(parseListParams(PEOPLE, { q: 'é'.repeat(100) })).toMatchObject({ ok: true });
    expect(parseListParams(PEOPLE, { sort: 'constructor' })).toMatchObject({ ok: false });
  });

  it('ignores parameters it does not own', () => {
    expect(parseListParams(PEOPLE, { page: 'x', view: 'late' })).toEqual({
      ok: true,
      params: params(),
    });
  });
});

describe('filtering and sorting rows', () => {
  it('folds accents, case and spaces', () => {
    expect(foldForSearch('  Élodie   NGUYỄN ')).toBe('elodie nguyen');
    expect(matchesFilter('Anaïs Durand Vienne', 'anais  VIENNE')).toBe(true);
    expect(matchesFilter('Anaïs Durand Vienne', 'anais lyon')).toBe(false);
    expect(matchesFilter('anything', '')).toBe(true);
  });

  it('keeps the rows matching every word of the filter', () => {
    const kept = applyListParams(ROWS, params({ q: 'lyon ELAN' }), ACCESSORS);
    expect(kept.map((r) => r.name)).toEqual(['Bruno Élan']);
  });

  it('sorts with French collation: accents and case ignored, numbers in order', () => {
    expect(applyListParams(ROWS, params(), ACCESSORS).map((r) => r.name)).toEqual([
      'Agent 9',
      'Agent 10',
      'anaïs durand',
      'Bruno Élan',
      'Émile ZOLA',
    ]);
    expect(applyListParams(ROWS, params({ dir: 'desc' }), ACCESSORS)[0]?.name).toBe('Émile ZOLA');
  });

  it('puts empty values last in both directions and keeps ties stable', () => {
    const asc = applyListParams(ROWS, params({ sort: 'until' }), ACCESSORS).map((r) => r.until);
    expect(asc).toEqual(['2026-01-31', '2027-05-01', '2028-01-01', null, '']);
    const desc = applyListParams(ROWS, params({ sort: 'until', dir: 'desc' }), ACCESSORS);
    expect(desc.map((r) => r.until)).toEqual(['2028-01-01', '2027-05-01', '2026-01-31', null, '']);
    const byCentre = applyListParams(ROWS, params({ sort: 'centre' }), ACCESSORS);
    expect(byCentre.map((r) => r.name)).toEqual([
      'Émile ZOLA',
      'Bruno Élan',
      'Agent 10',
      'Agent 9',
      'anaïs durand',
    ]);
  });

  it('compares numbers as numbers', () => {
    const rows = [{ n: 10 }, { n: 9 }, { n: 100 }];
    const sorted = applyListParams(
      rows,
      { sort: 'n', dir: 'asc', q: '' },
      { sortValue: { n: (r) => r.n }, searchText: () => '' },
    );
    expect(sorted.map((r) => r.n)).toEqual([9, 10, 100]);
  });
});

describe('list links and view', () => {
  it('leaves defaults out of links and keeps extra parameters', () => {
    expect(listHref('/jury', PEOPLE, params())).toBe('/jury');
    expect(listHref('/jury', PEOPLE, params({ q: 'é b' }))).toBe('/jury?q=%C3%A9+b');
    expect(listHref('/jury', PEOPLE, params({ sort: 'centre', dir: 'desc' }), { tab: 'x' })).toBe(
      '/jury?tab=x&sort=centre&dir=desc',
    );
  });

  it('flips the current column, starts others ascending and says so with aria-sort', () => {
    const view = listView('/jury', PEOPLE, params({ q: 'lyon' }), { shown: 3, total: 5 });
    expect(view.columns.name).toEqual({
      key: 'name',
      label: 'Nom',
      href: '/jury?q=lyon&sort=name&dir=desc',
      ariaSort: 'ascending',
      hint: 'trier par ordre décroissant',
    });
    expect(view.columns.centre).toMatchObject({
      href: '/jury?q=lyon&sort=centre&dir=asc',
      ariaSort: 'none',
      hint: 'trier par ordre croissant',
    });
    expect(view).toMatchObject({
      q: 'lyon',
      filtered: true,
      keepSort: false,
      resetHref: '/jury',
      countLabel: '3 sur 5',
    });
    const sorted = listView('/jury', PEOPLE, params({ sort: 'until', dir: 'desc' }), {
      shown: 5,
      total: 5,
    });
    expect(sorted.columns.until?.ariaSort).toBe('descending');
    expect(sorted.columns.name?.href).toBe('/jury');
    expect(sorted).toMatchObject({ keepSort: true, filtered: false, countLabel: '5' });
  });
});

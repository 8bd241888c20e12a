import { filterLinks, matchesFilter, parseChecklistFilter } from './checklist-filter.js';

const base = {
  status: 'todo' as const,
  overdue: false,
  regulatory: false,
  obligation: false,
  applicable: true,
  conditional: false,
};

describe('parseChecklistFilter', () => {
  it('reads a known filter and falls back to every task', () => {
    expect(parseChecklistFilter('en-retard')).toBe('en-retard');
    expect(parseChecklistFilter(undefined)).toBe('toutes');
    expect(parseChecklistFilter(['a-faire', 'x'])).toBe('toutes');
    expect(parseChecklistFilter('<script>')).toBe('toutes');
  });
});

describe('matchesFilter', () => {
  it('« à faire »: tasks to do that concern the session', () => {
    expect(matchesFilter(base, 'a-faire')).toBe(true);
    expect(matchesFilter({ ...base, status: 'done' }, 'a-faire')).toBe(false);
    expect(matchesFilter({ ...base, status: 'not_applicable' }, 'a-faire')).toBe(false);
    expect(matchesFilter({ ...base, applicable: false }, 'a-faire')).toBe(false);
  });

  it('« en retard »: overdue tasks only', () => {
    expect(matchesFilter(base, 'en-retard')).toBe(false);
    expect(matchesFilter({ ...base, overdue: true }, 'en-retard')).toBe(true);
  });

  it('« réglementaires »: the guide’s and the agrément’s obligations', () => {
    expect(matchesFilter(base, 'reglementaires')).toBe(false);
    expect(matchesFilter({ ...base, regulatory: true }, 'reglementaires')).toBe(true);
    expect(matchesFilter({ ...base, obligation: true }, 'reglementaires')).toBe(true);
    expect(matchesFilter({ ...base, status: 'done' }, 'toutes')).toBe(true);
  });
});

describe('filterLinks', () => {
  it('links each filter, the current one marked', () => {
    const links = filterLinks('s-1', 'a-faire');
    expect(links.map((l) => l.label)).toEqual(['Toutes', 'À faire', 'En retard', 'Réglementaires']);
    expect(links.find((l) => l.current)?.href).toBe('/sessions/s-1?filtre=a-faire#liste');
    expect(links[0].href).toBe('/sessions/s-1#liste');
  });
});

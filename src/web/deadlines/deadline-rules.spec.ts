import {
  actBy,
  deadlineSections,
  groupByDay,
  isOverdue,
  landingPath,
  lateText,
  windowEnd,
  type DueItem,
} from './deadline-rules.js';

interface Named extends DueItem {
  name: string;
}

function item(name: string, dueDate: string, overrides: Partial<Named> = {}): Named {
  return {
    name,
    kind: 'task',
    dueDate,
    workingDayFallback: null,
    provenByData: false,
    information: false,
    ...overrides,
  };
}

const names = (groups: { items: Named[] }[]) => groups.map((g) => g.items.map((i) => i.name));

describe('« Mes échéances » rules', () => {
  const today = '2026-12-14'; // a Monday

  it('covers 30 days from today', () => {
    expect(windowEnd(today)).toBe('2027-01-12');
    expect(windowEnd('2027-02-27')).toBe('2027-03-28');
  });

  it('is late the day after the day to act by, the working-day fallback when there is one', () => {
    expect(isOverdue(item('a', '2026-12-13'), today)).toBe(true);
    expect(isOverdue(item('a', '2026-12-14'), today)).toBe(false);
    // Due on Saturday 19/12, to be done by Friday 18/12.
    const saturday = item('s', '2026-12-19', { workingDayFallback: '2026-12-18' });
    expect(actBy(saturday)).toBe('2026-12-18');
    expect(isOverdue(saturday, '2026-12-18')).toBe(false);
    expect(isOverdue(saturday, '2026-12-19')).toBe(true);
    expect(lateText(saturday, '2026-12-19')).toBe('en retard de 1 jour');
    expect(lateText(item('a', '2026-12-01'), today)).toBe('en retard de 13 jours');
    expect(lateText(item('a', '2026-12-20'), today)).toBeNull();
  });

  it('never makes late a task « vérifiée par les données » nor an information item', () => {
    expect(isOverdue(item('p', '2026-01-01', { provenByData: true }), today)).toBe(false);
    expect(isOverdue(item('i', '2026-01-01', { information: true }), today)).toBe(false);
  });

  it('groups by day, oldest first, obligations first within a day, with French day headings', () => {
    const groups = groupByDay([
      item('t1', '2026-12-15'),
      item('t2', '2026-12-14'),
      item('o1', '2026-12-15', { kind: 'obligation' }),
      item('t3', '2026-12-15'),
      item('moved', '2026-12-19', { workingDayFallback: '2026-12-18' }),
    ]);
    expect(groups.map((g) => g.heading)).toEqual([
      'lundi 14/12/2026',
      'mardi 15/12/2026',
      'vendredi 18/12/2026',
    ]);
    expect(groups.map((g) => g.date)).toEqual(['2026-12-14', '2026-12-15', '2026-12-18']);
    expect(names(groups)).toEqual([['t2'], ['o1', 't1', 't3'], ['moved']]);
  });

  it('puts every overdue item first whatever its month, then the next 30 days, and nothing after', () => {
    const sections = deadlineSections(
      [
        item('next-week', '2026-12-21'),
        item('last-year', '2025-11-03'),
        item('yesterday', '2026-12-13'),
        item('today', today),
        item('last-day', '2027-01-12'),
        item('too-far', '2027-01-13'),
        item('proven-past', '2026-10-01', { provenByData: true }),
        item('proven-soon', '2026-12-16', { provenByData: true }),
        item('ended', '2026-11-30', { information: true, kind: 'obligation' }),
        item('ends-soon', '2026-12-31', { information: true, kind: 'obligation' }),
        item('moved-late', '2026-12-13', { workingDayFallback: '2026-12-11' }),
      ],
      today,
    );
    expect(names(sections.overdue)).toEqual([['last-year'], ['moved-late'], ['yesterday']]);
    expect(names(sections.upcoming)).toEqual([
      ['today'],
      ['proven-soon'],
      ['next-week'],
      ['ends-soon'],
      ['last-day'],
    ]);
    expect(sections).toMatchObject({ overdueCount: 3, upcomingCount: 5, settledPast: 2 });
  });

  it('lands a manager on « Mes échéances », the other roles on the sessions', () => {
    expect(landingPath('manager')).toBe('/echeances');
    expect(landingPath('admin')).toBe('/sessions');
    expect(landingPath('viewer')).toBe('/sessions');
  });
});

import { calendarDays, DAY_LIMIT } from './calendar-view.js';
import { monthGrid, parseMonth } from './month-grid.js';

describe('calendar month', () => {
  it('accepts YYYY-MM only', () => {
    expect(parseMonth('2027-02')).toBe('2027-02');
    expect(parseMonth('2027-13')).toBeNull();
    expect(parseMonth('2027-2')).toBeNull();
    expect(parseMonth(['2027-02'])).toBeNull();
  });

  it('accepts the months of the input range only (1900-01 to 2100-12), whose grids are sane', () => {
    for (const month of ['9999-12', '0001-01', '1899-12', '2101-01']) {
      expect(parseMonth(month)).toBeNull();
    }
    expect(monthGrid(parseMonth('2100-12')!).next).toBe('2101-01');
    expect(monthGrid('2100-12').gridEnd).toBe('2101-01-02');
    expect(monthGrid(parseMonth('1900-01')!).previous).toBe('1899-12');
    expect(monthGrid('1900-01').gridStart).toBe('1900-01-01');
  });

  it('covers the month with whole weeks from Monday to Sunday', () => {
    const grid = monthGrid('2027-02');
    expect(grid.label).toBe('février 2027');
    expect(grid.gridStart).toBe('2027-02-01');
    expect(grid.gridEnd).toBe('2027-02-28');
    expect(grid.weeks).toHaveLength(4);
    expect(grid.previous).toBe('2027-01');
    const march = monthGrid('2027-03');
    expect(march.gridStart).toBe('2027-03-01');
    expect(march.gridEnd).toBe('2027-04-04');
    expect(march.next).toBe('2027-04');
    expect(monthGrid('2026-12').next).toBe('2027-01');
  });

  it('puts each deadline on its day, marks late days and counts what does not fit', () => {
    const grid = monthGrid('2027-03');
    const deadline = (dueDate: string, n: number) => ({
      taskId: `t${n}`,
      label: `Tâche ${n}`,
      dueDate,
      regulatory: n % 2 === 0,
      sessionId: 's1',
      titreCode: 'CDA',
      siteName: 'Lyon',
    });
    const list = [
      deadline('2027-03-02', 1),
      ...Array.from({ length: DAY_LIMIT + 2 }, (_v, i) => deadline('2027-03-10', i + 2)),
    ];
    const days = calendarDays(grid, list, '2027-03-05').flat();
    const second = days.find((d) => d.date === '2027-03-02')!;
    expect(second).toMatchObject({
      late: true,
      count: 1,
      inMonth: true,
      label: 'Mardi 02/03/2027',
    });
    expect(second.items[0]).toEqual({
      href: '/sessions/s1#task-t1',
      text: 'CDA (Lyon) : Tâche 1',
      regulatory: false,
    });
    const tenth = days.find((d) => d.date === '2027-03-10')!;
    expect(tenth).toMatchObject({ late: false, count: DAY_LIMIT + 2, more: 2 });
    expect(tenth.items).toHaveLength(DAY_LIMIT);
    expect(days.find((d) => d.date === '2027-04-01')?.inMonth).toBe(false);
    expect(days.find((d) => d.date === '2027-03-05')?.today).toBe(true);
  });
});

import type { Deadline } from './calendar.query.js';
import {
  calendarDays,
  DAY_LIMIT,
  deadlineCounts,
  movedDueDate,
  OVERDUE_LIMIT,
  overdueBefore,
} from './calendar-view.js';
import { monthGrid, parseMonth } from './month-grid.js';

function aDeadline(overrides: Partial<Deadline> = {}): Deadline {
  return {
    taskId: 't1',
    code: 'PACK_CONVENE_CANDIDATES',
    label: 'Tâche 1',
    dueDate: '2027-03-10',
    workingDayFallback: null,
    regulatory: true,
    sessionId: 's1',
    titreCode: 'CDA',
    siteName: 'Lyon',
    provenByData: false,
    ...overrides,
  };
}

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
    const deadline = (dueDate: string, n: number) =>
      aDeadline({ taskId: `t${n}`, label: `Tâche ${n}`, dueDate, regulatory: n % 2 === 0 });
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
      late: true,
      provenByData: false,
      moved: null,
      title: 'CDA (Lyon) : Tâche 1',
      actBy: null,
    });
    const tenth = days.find((d) => d.date === '2027-03-10')!;
    expect(tenth).toMatchObject({ late: false, count: DAY_LIMIT + 2, more: 2 });
    expect(tenth.items).toHaveLength(DAY_LIMIT);
    // « et 2 autre(s) » opens the two others, in their order.
    expect(tenth.rest.map((i) => i.text)).toEqual([
      `CDA (Lyon) : Tâche ${DAY_LIMIT + 2}`,
      `CDA (Lyon) : Tâche ${DAY_LIMIT + 3}`,
    ]);
    expect(second.rest).toEqual([]);
    expect(days.find((d) => d.date === '2027-04-01')?.inMonth).toBe(false);
    expect(days.find((d) => d.date === '2027-03-05')?.today).toBe(true);
  });

  it('shows a task due on a non-working day on its working-day fallback, naming both dates', () => {
    const grid = monthGrid('2027-04');
    // Saturday 10/04/2027: to be done by Friday 09/04/2027.
    const saturday = aDeadline({ dueDate: '2027-04-10', workingDayFallback: '2027-04-09' });
    const expected = 'échéance le samedi 10/04/2027, à faire le vendredi 09/04/2027';
    expect(movedDueDate(saturday)).toBe(expected);
    expect(movedDueDate(aDeadline())).toBeNull();
    const days = (today: string) => calendarDays(grid, [saturday], today).flat();
    const friday = days('2027-04-01').find((d) => d.date === '2027-04-09')!;
    expect(friday.count).toBe(1);
    expect(friday.items[0]).toMatchObject({
      moved: expected,
      late: false,
      title: `CDA (Lyon) : Tâche 1 ; ${expected}`,
    });
    expect(days('2027-04-01').find((d) => d.date === '2027-04-10')?.count).toBe(0);
    // Late from the Saturday on: the Friday was the last day to do it.
    expect(days('2027-04-09').find((d) => d.date === '2027-04-09')?.late).toBe(false);
    const onSaturday = days('2027-04-10').find((d) => d.date === '2027-04-09')!;
    expect(onSaturday.late).toBe(true);
    expect(onSaturday.items[0].late).toBe(true);
  });

  it('shows a task proven by the data as such, never late nor counted as to do', () => {
    const grid = monthGrid('2027-03');
    const proven = aDeadline({ taskId: 't1', provenByData: true, dueDate: '2027-03-02' });
    const open = aDeadline({ taskId: 't2', dueDate: '2027-03-02' });
    const day = calendarDays(grid, [proven, open], '2027-03-05')
      .flat()
      .find((d) => d.date === '2027-03-02')!;
    expect(day.count).toBe(2);
    expect(day.items.map((i) => [i.late, i.provenByData])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(day.items[0].title).toBe('CDA (Lyon) : Tâche 1 ; vérifiée par les données');
    const alone = calendarDays(grid, [proven], '2027-03-05')
      .flat()
      .find((d) => d.date === '2027-03-02')!;
    expect(alone.late).toBe(false);
    expect(deadlineCounts([proven, open])).toEqual({ pending: 1, proven: 1 });
  });

  it('lists what is still late before the grid, oldest first, the rest behind « et N autre(s) »', () => {
    const late = Array.from({ length: OVERDUE_LIMIT + 2 }, (_v, i) =>
      aDeadline({
        taskId: `late${i}`,
        label: `Retard ${i}`,
        dueDate: `2026-11-${String(i + 2).padStart(2, '0')}`,
      }),
    );
    const view = overdueBefore(
      [
        ...late,
        aDeadline({ taskId: 'proven', dueDate: '2026-10-01', provenByData: true }),
        // Due Sunday 28/02/2027, to be done by Friday 26/02: before a grid starting Monday 01/03.
        aDeadline({ taskId: 'moved', dueDate: '2027-02-28', workingDayFallback: '2027-02-26' }),
        aDeadline({ taskId: 'in-grid', dueDate: '2027-03-01' }),
      ],
      '2027-03-01',
      '2027-03-05',
    );
    expect(view.count).toBe(OVERDUE_LIMIT + 3);
    expect(view.items).toHaveLength(OVERDUE_LIMIT);
    expect(view.items[0]).toMatchObject({
      text: 'CDA (Lyon) : Retard 0',
      late: true,
      actBy: 'lundi 02/11/2026',
    });
    expect(view.rest.map((i) => i.actBy)).toEqual([
      'jeudi 12/11/2026',
      'vendredi 13/11/2026',
      'vendredi 26/02/2027',
    ]);
    // Nothing when the tasks before the grid are not late yet (a grid in the past).
    expect(overdueBefore(late, '2027-03-01', '2026-10-01').count).toBe(0);
  });
});

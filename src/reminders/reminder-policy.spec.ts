import { addDays } from '../common/calendar-date.js';
import { FixedClock } from '../common/clock.js';
import {
  DEFAULT_REMINDER_POLICY,
  isImmediate,
  reminderHorizon,
  remindersDue,
  type ReminderPolicy,
} from './reminder-policy.js';

const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY };

function stepOn(dueDate: string, today: string, p: ReminderPolicy = policy): string | null {
  return remindersDue({ dueDate }, p, today)?.step ?? null;
}

describe('remindersDue', () => {
  const due = '2027-06-30';

  it.each([
    ['2027-06-15', null],
    ['2027-06-16', 'J-14'],
    ['2027-06-22', 'J-14'],
    ['2027-06-23', 'J-7'],
    ['2027-06-28', 'J-7'],
    ['2027-06-29', 'J-1'],
    ['2027-06-30', 'J0'],
    ['2027-07-06', 'J0'],
    ['2027-07-07', 'J+7'],
    ['2027-07-13', 'J+7'],
    ['2027-07-14', 'J+14'],
    ['2027-09-29', 'J+91'],
  ])('on %s a task due 30/06/2027 is at step %s', (today, step) => {
    expect(stepOn(due, today)).toBe(step);
  });

  it('gives the step date and the days left or overdue', () => {
    expect(remindersDue({ dueDate: due }, policy, '2027-06-25')).toEqual({
      step: 'J-7',
      stepDate: '2027-06-23',
      daysLeft: 5,
    });
    expect(remindersDue({ dueDate: due }, policy, '2027-07-09')).toEqual({
      step: 'J+7',
      stepDate: '2027-07-07',
      daysLeft: -9,
    });
  });

  it('catches up a deadline that passed while nothing ran: the latest step is still due', () => {
    // Down from J−3 to J+2: the next pass finds the task at J0, two days overdue.
    expect(remindersDue({ dueDate: due }, policy, '2027-07-02')).toEqual({
      step: 'J0',
      stepDate: due,
      daysLeft: -2,
    });
  });

  it('follows a centre policy: other offsets, no overdue notices, or disabled', () => {
    const custom: ReminderPolicy = { offsets: [30, 3], overdueEveryDays: 0, enabled: true };
    expect(stepOn(due, '2027-05-30', custom)).toBeNull();
    expect(stepOn(due, '2027-05-31', custom)).toBe('J-30');
    expect(stepOn(due, '2027-06-27', custom)).toBe('J-3');
    expect(stepOn(due, '2027-08-30', custom)).toBe('J-3');
    expect(stepOn(due, '2027-06-27', { ...custom, enabled: false })).toBeNull();
    expect(stepOn(due, '2027-07-02', { offsets: [7], overdueEveryDays: 2, enabled: true })).toBe(
      'J+2',
    );
  });

  it('uses the Paris calendar date: no shift at midnight UTC', () => {
    // 23:30 UTC on 29 June is already 30 June in Paris (summer time, UTC+2).
    const clock = new FixedClock(new Date('2027-06-29T23:30:00Z'));
    expect(clock.today()).toBe('2027-06-30');
    expect(stepOn(due, clock.today())).toBe('J0');
    clock.set('2027-06-29T21:59:59Z');
    expect(stepOn(due, clock.today())).toBe('J-1');
  });

  it.each([
    // Spring forward: Sunday 28 March 2027, 02:00 → 03:00 in Paris.
    ['2027-03-27T22:59:59Z', '2027-03-27', 'J-1'],
    ['2027-03-27T23:00:00Z', '2027-03-28', 'J0'],
    ['2027-03-28T21:59:59Z', '2027-03-28', 'J0'],
    ['2027-03-28T22:00:00Z', '2027-03-29', 'J0'],
  ])('across the spring daylight-saving change (%s → %s)', (instant, today, step) => {
    const clock = new FixedClock(new Date(instant));
    expect(clock.today()).toBe(today);
    expect(stepOn('2027-03-28', clock.today())).toBe(step);
  });

  it.each([
    // Fall back: Sunday 31 October 2027, 03:00 → 02:00 in Paris.
    ['2027-10-30T21:59:59Z', '2027-10-30', 'J-1'],
    ['2027-10-30T22:00:00Z', '2027-10-31', 'J0'],
    ['2027-10-31T22:59:59Z', '2027-10-31', 'J0'],
    ['2027-10-31T23:00:00Z', '2027-11-01', 'J0'],
    ['2027-11-06T23:00:00Z', '2027-11-07', 'J+7'],
  ])('across the autumn daylight-saving change (%s → %s)', (instant, today, step) => {
    const clock = new FixedClock(new Date(instant));
    expect(clock.today()).toBe(today);
    expect(stepOn('2027-10-31', clock.today())).toBe(step);
  });

  it('walks day by day through both changes and gives each step exactly once, on its day', () => {
    for (const dueDate of ['2027-03-28', '2027-10-31']) {
      const clock = new FixedClock(new Date(`${addDays(dueDate, -20)}T12:00:00Z`));
      const firstDays = new Map<string, string>();
      for (let hour = 0; hour < 24 * 40; hour++) {
        const step = stepOn(dueDate, clock.today());
        if (step && !firstDays.has(step)) firstDays.set(step, clock.today());
        clock.advance(3_600_000);
      }
      expect(Object.fromEntries(firstDays)).toEqual({
        'J-14': addDays(dueDate, -14),
        'J-7': addDays(dueDate, -7),
        'J-1': addDays(dueDate, -1),
        J0: dueDate,
        'J+7': addDays(dueDate, 7),
        'J+14': addDays(dueDate, 14),
      });
    }
  });
});

describe('reminderHorizon and isImmediate', () => {
  it('looks as far ahead as the largest enabled offset', () => {
    expect(reminderHorizon([policy])).toBe(14);
    expect(reminderHorizon([policy, { offsets: [30], overdueEveryDays: 7, enabled: false }])).toBe(
      14,
    );
    expect(reminderHorizon([])).toBe(0);
  });

  it('sends at once only réglementaire tasks due today or tomorrow', () => {
    const at = (today: string) => remindersDue({ dueDate: '2027-06-30' }, policy, today)!;
    expect(isImmediate({ regulatory: true }, at('2027-06-29'))).toBe(true);
    expect(isImmediate({ regulatory: true }, at('2027-06-30'))).toBe(true);
    expect(isImmediate({ regulatory: false }, at('2027-06-30'))).toBe(false);
    expect(isImmediate({ regulatory: true }, at('2027-06-23'))).toBe(false);
    expect(isImmediate({ regulatory: true }, at('2027-07-02'))).toBe(false);
  });
});

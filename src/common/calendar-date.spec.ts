import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  compareDates,
  daysBetween,
  formatFrenchDate,
  formatFrenchDayAndDate,
  formatFrenchLongDate,
  inputDateRangeLabel,
  isInputCalendarDate,
  isInputMonth,
  isoDayOfWeek,
  isValidCalendarDate,
  maxDate,
  minDate,
  parisToday,
} from './calendar-date.js';

/** Reference implementation through Date.UTC, used only to cross-check the integer arithmetic. */
function utcAddDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

describe('input dates (1900-01-01…2100-12-31)', () => {
  it.each(['1900-01-01', '2027-06-14', '2100-02-28', '2100-12-31'])('accepts %s', (value) => {
    expect(isInputCalendarDate(value)).toBe(true);
  });

  it.each([
    '1899-12-31',
    '2101-01-01',
    '0001-01-01',
    '9994-12-31',
    '9995-01-01',
    '2100-02-29',
    '2027-6-14',
    20270614,
    null,
  ])('refuses %s', (value) => {
    expect(isInputCalendarDate(value)).toBe(false);
  });

  it('accepts the months of that range only', () => {
    expect(isInputMonth('1900-01')).toBe(true);
    expect(isInputMonth('2100-12')).toBe(true);
    for (const month of ['1899-12', '2101-01', '9999-12', '0001-01', '2027-13', '2027-1', 202701]) {
      expect(isInputMonth(month)).toBe(false);
    }
  });

  it('names the range in French', () => {
    expect(inputDateRangeLabel()).toBe('comprise entre le 01/01/1900 et le 31/12/2100');
  });

  it('leaves room for dates derived from the bounds', () => {
    expect(addMonths('2100-12-31', 24)).toBe('2102-12-31');
    expect(addDays('1900-01-01', -400)).toBe('1898-11-27');
  });
});

describe('isValidCalendarDate', () => {
  it.each(['2027-01-01', '2027-12-31', '2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isValidCalendarDate(value)).toBe(true);
    },
  );

  it.each([
    '2027-02-30',
    '2027-02-29',
    '2100-02-29',
    '1900-02-29',
    '2027-04-31',
    '2027-13-01',
    '2027-00-10',
    '2027-01-00',
    '2027-01-32',
    '0000-01-01',
    '2027-1-01',
    '2027-01-1',
    '27-01-01',
    '2027/01/01',
    '2027-01-01T00:00:00Z',
    ' 2027-01-01',
    '2027-01-01 ',
    '',
    'abcd-ef-gh',
    '+02027-01-01',
    '2027-0a-01',
    '2027-01-0/',
    '2027x01-01',
    '-027-01-01',
    '2027-+1-01',
    '２０２７-01-01',
  ])('rejects %j', (value) => {
    expect(isValidCalendarDate(value)).toBe(false);
  });

  it('rejects non-string values at run time', () => {
    expect(isValidCalendarDate(null as unknown as string)).toBe(false);
    expect(isValidCalendarDate(20270101 as unknown as string)).toBe(false);
  });
});

describe('addDays', () => {
  it('adds and subtracts days across months and years', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2027-06-15', 0)).toBe('2027-06-15');
    expect(addDays('2027-06-15', 15)).toBe('2027-06-30');
    expect(addDays('2027-06-20', 15)).toBe('2027-07-05');
    expect(addDays('2027-01-01', 365)).toBe('2028-01-01');
    expect(addDays('2028-01-01', 365)).toBe('2028-12-31');
  });

  it('is not affected by daylight saving time changes', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 1)).toBe('2027-10-31');
    expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
  });

  it('agrees with Date.UTC on every day from 1999 to 2031', () => {
    let date = '1999-01-01';
    for (let i = 0; i < 12_000; i += 1) {
      const next = addDays(date, 1);
      expect(next).toBe(utcAddDays(date, 1));
      date = next;
    }
    expect(date).toBe(utcAddDays('1999-01-01', 12_000));
  });

  it('handles large offsets', () => {
    expect(addDays('2027-01-01', 100_000)).toBe(utcAddDays('2027-01-01', 100_000));
    expect(addDays('2027-01-01', -100_000)).toBe(utcAddDays('2027-01-01', -100_000));
  });

  it('throws on an invalid date, a non-integer offset or an out-of-range result', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2027-02-30', 1)).toThrow('Date invalide');
    expect(() => addDays('2027-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2027-01-01', Number.NaN)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('addWeeks', () => {
  it('adds whole weeks', () => {
    expect(addWeeks('2027-06-15', -4)).toBe('2027-05-18');
    expect(addWeeks('2027-01-10', -4)).toBe('2026-12-13');
    expect(addWeeks('2028-02-15', 2)).toBe('2028-02-29');
    expect(addWeeks('2027-06-15', 0)).toBe('2027-06-15');
  });

  it('keeps the day of the week', () => {
    expect(isoDayOfWeek(addWeeks('2027-02-03', 17))).toBe(isoDayOfWeek('2027-02-03'));
  });
});

describe('addMonths', () => {
  it('keeps the day when it exists in the target month', () => {
    expect(addMonths('2027-06-15', -3)).toBe('2027-03-15');
    expect(addMonths('2027-06-15', 1)).toBe('2027-07-15');
    expect(addMonths('2027-06-15', 0)).toBe('2027-06-15');
  });

  it('clamps to the end of the month', () => {
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2027-03-30', -1)).toBe('2027-02-28');
    expect(addMonths('2027-07-31', -1)).toBe('2027-06-30');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 1)).toBe('2027-09-30');
    expect(addMonths('2100-05-31', -3)).toBe('2100-02-28');
    expect(addMonths('2000-05-31', -3)).toBe('2000-02-29');
  });

  it('does not carry the clamp over (each call starts from its own date)', () => {
    expect(addMonths(addMonths('2027-01-31', 1), 1)).toBe('2027-03-28');
    expect(addMonths('2027-01-31', 2)).toBe('2027-03-31');
  });

  it('crosses year boundaries', () => {
    expect(addMonths('2027-01-15', -3)).toBe('2026-10-15');
    expect(addMonths('2027-02-28', -3)).toBe('2026-11-28');
    expect(addMonths('2027-01-31', -3)).toBe('2026-10-31');
    expect(addMonths('2027-02-28', -12)).toBe('2026-02-28');
    expect(addMonths('2027-01-01', -1)).toBe('2026-12-01');
    expect(addMonths('2027-12-31', 1)).toBe('2028-01-31');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', -27)).toBe('2024-12-15');
    expect(addMonths('2027-10-15', 27)).toBe('2030-01-15');
  });

  it('throws on an invalid input or out-of-range result', () => {
    expect(() => addMonths('2027-02-29', 1)).toThrow(RangeError);
    expect(() => addMonths('2027-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('0001-01-31', -1)).toThrow(RangeError);
  });
});

describe('addYears', () => {
  it('adds years and clamps 29 February', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28');
    expect(addYears('2027-06-30', 5)).toBe('2032-06-30');
    expect(addYears('2027-12-31', 5)).toBe('2032-12-31');
    expect(addYears('2027-06-30', 0)).toBe('2027-06-30');
  });
});

describe('compareDates, daysBetween, minDate, maxDate', () => {
  it('compares dates', () => {
    expect(compareDates('2027-01-01', '2027-01-02')).toBeLessThan(0);
    expect(compareDates('2027-01-02', '2027-01-01')).toBeGreaterThan(0);
    expect(compareDates('2027-01-01', '2027-01-01')).toBe(0);
    expect(compareDates('2026-12-31', '2027-01-01')).toBeLessThan(0);
  });

  it('counts whole days, negative allowed', () => {
    expect(daysBetween('2027-01-01', '2027-01-01')).toBe(0);
    expect(daysBetween('2027-01-01', '2027-12-31')).toBe(364);
    expect(daysBetween('2028-01-01', '2028-12-31')).toBe(365);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('1970-01-01', '2000-01-01')).toBe(10_957);
  });

  it('returns the earlier or later date', () => {
    expect(minDate('2027-05-01', '2026-12-31')).toBe('2026-12-31');
    expect(minDate('2026-12-31', '2027-05-01')).toBe('2026-12-31');
    expect(maxDate('2027-05-01', '2026-12-31')).toBe('2027-05-01');
    expect(maxDate('2026-12-31', '2027-05-01')).toBe('2027-05-01');
    expect(minDate('2027-05-01', '2027-05-01')).toBe('2027-05-01');
  });

  it('throws on invalid dates', () => {
    expect(() => compareDates('2027-02-30', '2027-01-01')).toThrow(RangeError);
    expect(() => daysBetween('2027-01-01', 'demain')).toThrow(RangeError);
  });
});

describe('isoDayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2024-02-29', 4],
    ['2027-01-01', 5],
    ['2027-02-01', 1],
    ['2027-02-03', 3],
    ['2027-03-28', 7],
    ['2027-05-17', 1],
    ['2027-08-15', 7],
    ['2027-12-25', 6],
    ['2028-02-29', 2],
    ['1969-12-31', 3],
  ])('%s is ISO day %i', (date, expected) => {
    expect(isoDayOfWeek(date)).toBe(expected);
  });

  it('agrees with Date.getUTCDay over several years', () => {
    let date = '2025-12-01';
    for (let i = 0; i < 1_500; i += 1) {
      const utcDay = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect(isoDayOfWeek(date)).toBe(utcDay === 0 ? 7 : utcDay);
      date = addDays(date, 1);
    }
  });
});

describe('parisToday', () => {
  it('uses winter time (UTC+1)', () => {
    expect(parisToday(new Date('2027-01-15T22:59:59Z'))).toBe('2027-01-15');
    expect(parisToday(new Date('2027-01-15T23:00:00Z'))).toBe('2027-01-16');
    expect(parisToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisToday(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('uses summer time (UTC+2)', () => {
    expect(parisToday(new Date('2027-06-30T21:59:00Z'))).toBe('2027-06-30');
    expect(parisToday(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
  });

  it('handles the spring change (last Sunday of March, 01:00 UTC)', () => {
    // Before the change Paris is UTC+1: 23:30 UTC on the 27th is 00:30 on the 28th.
    expect(parisToday(new Date('2027-03-27T22:59:00Z'))).toBe('2027-03-27');
    expect(parisToday(new Date('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
    expect(parisToday(new Date('2027-03-27T23:30:00Z'))).toBe('2027-03-28');
    // After the change Paris is UTC+2: midnight comes at 22:00 UTC.
    expect(parisToday(new Date('2027-03-28T21:59:00Z'))).toBe('2027-03-28');
    expect(parisToday(new Date('2027-03-28T22:00:00Z'))).toBe('2027-03-29');
  });

  it('handles the autumn change (last Sunday of October, 01:00 UTC)', () => {
    // Before the change (UTC+2) midnight of the 31st is 22:00 UTC on the 30th.
    expect(parisToday(new Date('2027-10-30T21:59:00Z'))).toBe('2027-10-30');
    expect(parisToday(new Date('2027-10-30T22:00:00Z'))).toBe('2027-10-31');
    // After the change (UTC+1) midnight of 1 November is 23:00 UTC on the 31st.
    expect(parisToday(new Date('2027-10-31T22:30:00Z'))).toBe('2027-10-31');
    expect(parisToday(new Date('2027-10-31T23:00:00Z'))).toBe('2027-11-01');
  });

  it('throws on an invalid instant', () => {
    expect(() => parisToday(new Date('pas une date'))).toThrow(RangeError);
  });
});

describe('formatFrenchDate', () => {
  it('formats as jj/mm/aaaa', () => {
    expect(formatFrenchDate('2027-02-03')).toBe('03/02/2027');
    expect(formatFrenchDate('2027-12-31')).toBe('31/12/2027');
    expect(formatFrenchDate('2028-02-29')).toBe('29/02/2028');
    expect(formatFrenchDate('0999-01-01')).toBe('01/01/0999');
  });

  it('throws on an invalid date', () => {
    expect(() => formatFrenchDate('2027-02-30')).toThrow(RangeError);
  });
});

describe('formatFrenchDayAndDate', () => {
  it('writes the French day name before the date jj/mm/aaaa', () => {
    expect(formatFrenchDayAndDate('2027-04-10')).toBe('samedi 10/04/2027');
    expect(formatFrenchDayAndDate('2027-04-09')).toBe('vendredi 09/04/2027');
  });
});

describe('formatFrenchLongDate', () => {
  it('writes the French day and month names with accents', () => {
    expect(formatFrenchLongDate('2027-02-03')).toBe('mercredi 3 février 2027');
    expect(formatFrenchLongDate('2027-08-15')).toBe('dimanche 15 août 2027');
    expect(formatFrenchLongDate('2027-12-25')).toBe('samedi 25 décembre 2027');
    expect(formatFrenchLongDate('2028-02-29')).toBe('mardi 29 février 2028');
    expect(formatFrenchLongDate('2027-05-17')).toBe('lundi 17 mai 2027');
    expect(formatFrenchLongDate('2027-01-14')).toBe('jeudi 14 janvier 2027');
  });

  it('writes « 1er » for the first day of the month', () => {
    expect(formatFrenchLongDate('2027-02-01')).toBe('lundi 1er février 2027');
    expect(formatFrenchLongDate('2027-01-01')).toBe('vendredi 1er janvier 2027');
  });

  it('names every month correctly', () => {
    const months = Array.from(
      { length: 12 },
      (_, i) => formatFrenchLongDate(`2027-${String(i + 1).padStart(2, '0')}-10`).split(' ')[2],
    );
    expect(months).toEqual([
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ]);
  });

  it('names every day of the week correctly', () => {
    const days = Array.from(
      { length: 7 },
      (_, i) => formatFrenchLongDate(addDays('2027-02-01', i)).split(' ')[0],
    );
    expect(days).toEqual(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche']);
  });
});

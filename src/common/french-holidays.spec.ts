import { isoDayOfWeek } from './calendar-date.js';
import {
  FRENCH_REGIONS,
  builtInHolidayCalendar,
  dateHolidaysCalendar,
  easterSunday,
  effectiveDueDate,
  useHolidayCalendar,
  frenchPublicHolidayName,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  lastWorkingDayBefore,
  workingDayFallback,
} from './french-holidays.js';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2100, '2100-03-28'],
    [2285, '2285-03-22'],
    [1818, '1818-03-22'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always falls on a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2200; year += 1) {
      const easter = easterSunday(year);
      expect(isoDayOfWeek(easter)).toBe(7);
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
    }
  });

  it('rejects years outside the Gregorian calendar or non-integers', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2027.5)).toThrow(RangeError);
    expect(() => easterSunday(10_000)).toThrow(RangeError);
  });
});

describe('the holidays of the date-holidays library', () => {
  it('are the default calendar and give the same days as the built-in one, every region, 2020–2040', () => {
    for (const region of FRENCH_REGIONS) {
      for (let year = 2020; year <= 2040; year += 1) {
        const library = dateHolidaysCalendar.holidays(year, region).map((h) => h.date);
        const builtIn = builtInHolidayCalendar.holidays(year, region).map((h) => h.date);
        expect([region, year, library]).toEqual([region, year, builtIn]);
      }
    }
    const nameOn = (date: string, region: (typeof FRENCH_REGIONS)[number]) =>
      dateHolidaysCalendar.holidays(2028, region).find((h) => h.date === date)?.name;
    expect(nameOn('2028-12-26', 'ALSACE_MOSELLE')).toBe('Lendemain de Noël');
    expect(nameOn('2028-04-14', 'MARTINIQUE')).toBe('Vendredi saint');
    expect(nameOn('2028-04-14', 'LA_REUNION')).toBeUndefined();
  });
});

// The names below are the built-in calendar's; the dates are the same in the library's.
let libraryCalendar = useHolidayCalendar(builtInHolidayCalendar);
beforeAll(() => {
  libraryCalendar = useHolidayCalendar(builtInHolidayCalendar);
});
afterAll(() => {
  useHolidayCalendar(libraryCalendar);
});

describe('frenchPublicHolidays', () => {
  it('lists the 11 national holidays of 2027 in date order with French names', () => {
    expect(frenchPublicHolidays(2027)).toEqual([
      { date: '2027-01-01', name: "Jour de l'an" },
      { date: '2027-03-29', name: 'Lundi de Pâques' },
      { date: '2027-05-01', name: 'Fête du Travail' },
      { date: '2027-05-06', name: 'Ascension' },
      { date: '2027-05-08', name: 'Victoire 1945' },
      { date: '2027-05-17', name: 'Lundi de Pentecôte' },
      { date: '2027-07-14', name: 'Fête nationale' },
      { date: '2027-08-15', name: 'Assomption' },
      { date: '2027-11-01', name: 'Toussaint' },
      { date: '2027-11-11', name: 'Armistice 1918' },
      { date: '2027-12-25', name: 'Noël' },
    ]);
  });

  it('computes the movable holidays of 2028 (leap year) from Easter', () => {
    const byName = new Map(frenchPublicHolidays(2028).map((h) => [h.name, h.date]));
    expect(byName.get('Lundi de Pâques')).toBe('2028-04-17');
    expect(byName.get('Ascension')).toBe('2028-05-25');
    expect(byName.get('Lundi de Pentecôte')).toBe('2028-06-05');
  });

  it('handles an Ascension that coincides with 1 May (2008)', () => {
    const holidays = frenchPublicHolidays(2008);
    expect(holidays).toHaveLength(11);
    expect(holidays.filter((h) => h.date === '2008-05-01').map((h) => h.name)).toEqual([
      'Fête du Travail',
      'Ascension',
    ]);
  });

  it('returns a fresh copy each time', () => {
    const first = frenchPublicHolidays(2027);
    first[0].name = 'modifié';
    first.pop();
    expect(frenchPublicHolidays(2027)).toHaveLength(11);
    expect(frenchPublicHolidays(2027)[0].name).toBe("Jour de l'an");
  });

  it('always puts Ascension on a Thursday and the Easter and Whit Mondays on a Monday', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      const byName = new Map(frenchPublicHolidays(year).map((h) => [h.name, h.date]));
      expect(isoDayOfWeek(byName.get('Ascension') ?? '')).toBe(4);
      expect(isoDayOfWeek(byName.get('Lundi de Pâques') ?? '')).toBe(1);
      expect(isoDayOfWeek(byName.get('Lundi de Pentecôte') ?? '')).toBe(1);
    }
  });
});

describe('isFrenchPublicHoliday and frenchPublicHolidayName', () => {
  it('recognises holidays', () => {
    expect(isFrenchPublicHoliday('2027-01-01')).toBe(true);
    expect(isFrenchPublicHoliday('2027-03-29')).toBe(true);
    expect(isFrenchPublicHoliday('2027-05-06')).toBe(true);
    expect(isFrenchPublicHoliday('2027-05-17')).toBe(true);
    expect(isFrenchPublicHoliday('2027-12-25')).toBe(true);
    expect(frenchPublicHolidayName('2027-07-14')).toBe('Fête nationale');
    expect(frenchPublicHolidayName('2027-11-11')).toBe('Armistice 1918');
  });

  it('does not count Easter Sunday, Pentecost Sunday, Good Friday or 26 December', () => {
    expect(isFrenchPublicHoliday('2027-03-28')).toBe(false);
    expect(isFrenchPublicHoliday('2027-05-16')).toBe(false);
    expect(isFrenchPublicHoliday('2027-03-26')).toBe(false);
    expect(isFrenchPublicHoliday('2027-12-26')).toBe(false);
    expect(frenchPublicHolidayName('2027-06-15')).toBeNull();
  });

  it('throws on an invalid date', () => {
    expect(() => isFrenchPublicHoliday('2027-02-30')).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday outside holidays', () => {
    expect(isWorkingDay('2027-02-01')).toBe(true); // Monday
    expect(isWorkingDay('2027-02-05')).toBe(true); // Friday
    expect(isWorkingDay('2027-02-06')).toBe(false); // Saturday
    expect(isWorkingDay('2027-02-07')).toBe(false); // Sunday
    expect(isWorkingDay('2027-05-06')).toBe(false); // Ascension, Thursday
    expect(isWorkingDay('2027-05-17')).toBe(false); // Whit Monday
    expect(isWorkingDay('2027-01-01')).toBe(false); // Friday, holiday
    expect(isWorkingDay('2026-12-31')).toBe(true); // Thursday
  });
});

describe('lastWorkingDayBefore', () => {
  it('returns the last working day strictly before the date', () => {
    expect(lastWorkingDayBefore('2027-02-03')).toBe('2027-02-02'); // Wednesday → Tuesday
    expect(lastWorkingDayBefore('2027-02-01')).toBe('2027-01-29'); // Monday → Friday
    expect(lastWorkingDayBefore('2027-05-07')).toBe('2027-05-05'); // skips Ascension
    expect(lastWorkingDayBefore('2027-05-10')).toBe('2027-05-07'); // skips Sat 8 May
    expect(lastWorkingDayBefore('2027-01-04')).toBe('2026-12-31'); // skips 1 January
  });

  it('skips chains of weekends and holidays', () => {
    // Sunday 27 December 2026 → Saturday 26 → Friday 25 (Noël) → Thursday 24.
    expect(lastWorkingDayBefore('2026-12-27')).toBe('2026-12-24');
    // Easter Monday 2027 → Sunday, Saturday → Friday 26 March.
    expect(lastWorkingDayBefore('2027-03-29')).toBe('2027-03-26');
  });
});

describe('workingDayFallback', () => {
  it('is null on a working day', () => {
    expect(workingDayFallback('2027-02-03')).toBeNull();
    expect(workingDayFallback('2027-05-14')).toBeNull();
    expect(workingDayFallback('2026-12-31')).toBeNull();
  });

  it('gives the last working day before a weekend or holiday', () => {
    expect(workingDayFallback('2027-05-17')).toBe('2027-05-14'); // Whit Monday
    expect(workingDayFallback('2027-08-15')).toBe('2027-08-13'); // Sunday, Assomption
    expect(workingDayFallback('2027-01-01')).toBe('2026-12-31'); // Friday, Jour de l'an
    expect(workingDayFallback('2027-02-06')).toBe('2027-02-05'); // Saturday
    expect(workingDayFallback('2027-02-07')).toBe('2027-02-05'); // Sunday
    expect(workingDayFallback('2027-05-06')).toBe('2027-05-05'); // Ascension
    expect(workingDayFallback('2027-05-09')).toBe('2027-05-07'); // Sunday after 8 May
    expect(workingDayFallback('2028-05-01')).toBe('2028-04-28'); // Monday, Fête du Travail
    expect(workingDayFallback('2028-05-08')).toBe('2028-05-05'); // Monday, Victoire 1945
    expect(workingDayFallback('2026-12-27')).toBe('2026-12-24'); // chain over Noël
  });
});

describe('regional public holidays', () => {
  it('adds Good Friday and 26 December in Alsace-Moselle (Code du travail, art. L3134-13)', () => {
    expect(frenchPublicHolidayName('2027-03-26', 'ALSACE_MOSELLE')).toBe('Vendredi saint');
    expect(frenchPublicHolidayName('2028-12-26', 'ALSACE_MOSELLE')).toBe('Saint-Étienne');
    expect(frenchPublicHolidays(2028, 'ALSACE_MOSELLE')).toHaveLength(13);
    expect(isFrenchPublicHoliday('2027-03-26')).toBe(false);
    expect(isFrenchPublicHoliday('2028-12-26', 'METROPOLE')).toBe(false);
    // A deadline on Tuesday 26 December 2028 moves to Friday 22 December (25 is Christmas).
    expect(workingDayFallback('2028-12-26', 'ALSACE_MOSELLE')).toBe('2028-12-22');
    expect(workingDayFallback('2028-12-26', 'METROPOLE')).toBeNull();
    // Saturday 27 March 2027: Friday 26 is Good Friday in Alsace-Moselle only.
    expect(workingDayFallback('2027-03-27', 'ALSACE_MOSELLE')).toBe('2027-03-25');
    expect(workingDayFallback('2027-03-27')).toBe('2027-03-26');
  });

  it.each([
    ['GUADELOUPE', '2027-05-27'],
    ['MARTINIQUE', '2027-05-22'],
    ['GUYANE', '2027-06-10'],
    ['LA_REUNION', '2027-12-20'],
    ['MAYOTTE', '2027-04-27'],
  ] as const)('adds the abolition of slavery in %s on %s', (region, date) => {
    expect(frenchPublicHolidayName(date, region)).toBe("Abolition de l'esclavage");
    expect(isFrenchPublicHoliday(date)).toBe(false);
    // Guadeloupe and Martinique also keep Good Friday.
    const goodFriday = region === 'GUADELOUPE' || region === 'MARTINIQUE';
    expect(frenchPublicHolidays(2027, region)).toHaveLength(goodFriday ? 13 : 12);
    expect(isFrenchPublicHoliday('2027-03-26', region)).toBe(goodFriday);
  });

  it('keeps the national holidays only in metropolitan France and Île-de-France', () => {
    expect(frenchPublicHolidays(2027, 'ILE_DE_FRANCE')).toEqual(frenchPublicHolidays(2027));
    expect(effectiveDueDate({ dueDate: '2027-05-08', workingDayFallback: '2027-05-07' })).toBe(
      '2027-05-07',
    );
    expect(effectiveDueDate({ dueDate: '2027-05-10', workingDayFallback: null })).toBe(
      '2027-05-10',
    );
  });

  it('reads the holidays from the calendar in use, which can be switched', () => {
    const previous = useHolidayCalendar({
      holidays: (year) => [{ date: `${year}-06-01`, name: 'Jour de test' }],
    });
    try {
      expect(frenchPublicHolidayName('2027-06-01', 'GUYANE')).toBe('Jour de test');
      expect(isWorkingDay('2028-12-25')).toBe(true);
    } finally {
      useHolidayCalendar(previous);
    }
    expect(isWorkingDay('2027-06-01')).toBe(true);
    expect(isFrenchPublicHoliday('2027-12-25')).toBe(true);
  });
});

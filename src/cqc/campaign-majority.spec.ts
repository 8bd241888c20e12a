import {
  DEFAULT_LEAP_DAY_RULE,
  MAJORITY_AGE,
  isOfAgeOn,
  majorityDate,
} from './campaign-majority.js';

describe('majorityDate', () => {
  it('is the 18th birthday, with its source', () => {
    expect(majorityDate('2009-05-15')).toBe('2027-05-15');
    expect(MAJORITY_AGE.years).toBe(18);
    expect(MAJORITY_AGE.source.article).toBe('Articles 388 et 414');
  });

  it('puts a 29 February birth on 1 March of a non-leap year by default', () => {
    expect(DEFAULT_LEAP_DAY_RULE.rule).toBe('MARCH_1');
    expect(majorityDate('2008-02-29')).toBe('2026-03-01');
    expect(majorityDate('2008-02-29', 'LAST_DAY_OF_FEBRUARY')).toBe('2026-02-28');
  });

  it('always falls outside 29 February: 18 is not a multiple of 4', () => {
    expect(majorityDate('1996-02-29')).toBe('2014-03-01');
    expect(majorityDate('2024-02-29')).toBe('2042-03-01');
    expect(majorityDate('2024-02-28')).toBe('2042-02-28');
  });

  it('refuses an invalid date', () => {
    expect(() => majorityDate('2009-02-30')).toThrow(RangeError);
  });
});

describe('isOfAgeOn', () => {
  it('is true on the 18th birthday itself and false the day before', () => {
    expect(isOfAgeOn('2009-05-15', '2027-05-15')).toBe(true);
    expect(isOfAgeOn('2009-05-16', '2027-05-15')).toBe(false);
    expect(isOfAgeOn('2009-05-14', '2027-05-15')).toBe(true);
  });

  it('follows the leap-day rule on 28 February', () => {
    expect(isOfAgeOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isOfAgeOn('2008-02-29', '2026-02-28', 'LAST_DAY_OF_FEBRUARY')).toBe(true);
    expect(isOfAgeOn('2008-02-29', '2026-03-01')).toBe(true);
  });
});

import { ageOn, dateOfAge } from './age.js';

describe('ageOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2000-06-15', '2018-06-14')).toBe(17);
    expect(ageOn('2000-06-15', '2018-06-15')).toBe(18);
    expect(ageOn('2000-06-15', '2018-12-31')).toBe(18);
    expect(ageOn('2000-06-15', '2000-06-15')).toBe(0);
  });

  it('is negative before the birth', () => {
    expect(ageOn('2000-06-15', '2000-06-14')).toBe(-1);
  });

  it('reaches a 29 February birthday on 1 March in a year without one', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses an invalid date', () => {
    expect(() => ageOn('2000-02-30', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('2000-01-01', '2020-13-01')).toThrow(RangeError);
  });
});

describe('dateOfAge', () => {
  it('gives the birthday of that age', () => {
    expect(dateOfAge('2009-05-20', 18)).toBe('2027-05-20');
    expect(dateOfAge('2008-02-29', 18)).toBe('2026-03-01');
    expect(dateOfAge('2008-02-29', 20)).toBe('2028-02-29');
    expect(dateOfAge('2008-02-28', 18)).toBe('2026-02-28');
  });
});

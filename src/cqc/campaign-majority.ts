/**
 * When a pupil comes of age. In French law a person is of age at « dix-huit ans accomplis »
 * (Code civil, art. 388 and 414): on the day of the 18th birthday. A person born on 29 February
 * has no such day in a non-leap year; the texts are silent, Jalon uses 1 March by default (the
 * day the 18 years are completed beyond discussion, so nobody is called while still a minor) and
 * offers the last day of February, the reading of a 2013 ministerial circular.
 */
import { dateOfAge } from '../common/age.js';
import {
  addYears,
  compareDates,
  isValidCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { CQC_CAMPAIGN_SOURCES } from './campaign-sources.js';

/** Age of majority, with the text that sets it. */
export const MAJORITY_AGE: { readonly years: number; readonly source: RuleSource } = {
  years: 18,
  source: CQC_CAMPAIGN_SOURCES.MAJORITY_AT_18,
};

/**
 * Majority day of a person born on 29 February when the 18th year is not a leap year:
 * `MARCH_1` (default) or `LAST_DAY_OF_FEBRUARY` (28 February, circular of 25 July 2013).
 */
export type LeapDayRule = 'MARCH_1' | 'LAST_DAY_OF_FEBRUARY';

export const DEFAULT_LEAP_DAY_RULE: {
  readonly rule: LeapDayRule;
  readonly source: RuleSource;
} = { rule: 'MARCH_1', source: CQC_CAMPAIGN_SOURCES.MAJORITY_29_FEBRUARY };

/** The day a person born on `birthDate` turns 18 (see `LeapDayRule` for 29 February). */
export function majorityDate(
  birthDate: CalendarDate,
  leapDayRule: LeapDayRule = DEFAULT_LEAP_DAY_RULE.rule,
): CalendarDate {
  if (!isValidCalendarDate(birthDate)) {
    throw new RangeError(
      `Date de naissance invalide : « ${birthDate} » (format attendu AAAA-MM-JJ).`,
    );
  }
  const year = Number(birthDate.slice(0, 4)) + MAJORITY_AGE.years;
  if (year > 9999) throw new RangeError(`Date de naissance hors limites : « ${birthDate} ».`);
  const majority = dateOfAge(birthDate, MAJORITY_AGE.years); // 1 March for a 29 February birth
  return leapDayRule === 'LAST_DAY_OF_FEBRUARY' &&
    majority !== addYears(birthDate, MAJORITY_AGE.years)
    ? addYears(birthDate, MAJORITY_AGE.years) // 28 February (addYears clamps to the month's end)
    : majority;
}

/** True when the person is of age on `on` (the 18th birthday itself counts). */
export function isOfAgeOn(
  birthDate: CalendarDate,
  on: CalendarDate,
  leapDayRule: LeapDayRule = DEFAULT_LEAP_DAY_RULE.rule,
): boolean {
  return compareDates(majorityDate(birthDate, leapDayRule), on) <= 0;
}

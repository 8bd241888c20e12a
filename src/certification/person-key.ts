/**
 * The key that recognises one person of a centre across sessions (duplicate guard): two
 * identities with the same key are the same person. The lookup is always scoped to one centre:
 * the key holds the identity only, the centre is compared beside it.
 */
import { isValidCalendarDate, type CalendarDate } from '../common/calendar-date.js';

/** The identity fields the key reads. */
export interface PersonIdentity {
  readonly lastName: string;
  readonly firstName: string;
  /** 'YYYY-MM-DD', or null when unknown (such a person only matches another without birth date). */
  readonly birthDate: CalendarDate | null;
}

/** Letters that Unicode decomposition leaves whole but a French name may spell either way. */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};

const LIGATURE_PATTERN = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'gu');

/**
 * A name folded for comparison: accents and case dropped (« Lœvenbruck » → « loevenbruck »), and
 * every character that is neither a letter nor a digit ignored — spaces, hyphens, apostrophes
 * (' and ’), dots — so « Jean-Luc », « jean luc » and « JEAN  LUC » fold alike, and « d’Arc »
 * like « D'ARC ».
 */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The matching key of a person: folded last name, folded first name and birth date, e.g.
 * « LOEVENBRUCK », « Jean-Luc », 1990-02-03 → 'loevenbruck|jeanluc|1990-02-03'. Two people of
 * the same centre with the same key are the same person.
 *
 * @throws RangeError when the birth date is not a 'YYYY-MM-DD' date that exists.
 */
export function personMatchKey(identity: PersonIdentity): string {
  const { birthDate } = identity;
  if (birthDate !== null && !isValidCalendarDate(birthDate)) {
    throw new RangeError(
      `Date de naissance invalide : « ${String(birthDate)} » (format attendu AAAA-MM-JJ).`,
    );
  }
  return `${foldName(identity.lastName)}|${foldName(identity.firstName)}|${birthDate ?? ''}`;
}

/** True when the two identities designate the same person (same key). */
export function isSamePerson(a: PersonIdentity, b: PersonIdentity): boolean {
  return personMatchKey(a) === personMatchKey(b);
}

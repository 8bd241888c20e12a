/** French wording shared by the documents: names, times, date ranges, addresses and labels. */
import type { Attendance, CcpOutcome } from '../candidates/candidate.entity.js';
import {
  addDays,
  compareDates,
  formatFrenchDate,
  formatFrenchLongDate,
  isoDayOfWeek,
  type CalendarDate,
} from '../common/calendar-date.js';
import { isFrenchPublicHoliday } from '../common/french-holidays.js';
import type { StaffRole } from '../jury/session-staff.entity.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { DossierPlace, DossierUser } from './session-dossier.js';

/** No-break space, used before « h » and inside French quotation marks. */
export const NBSP = '\u00a0';

export const NATURE_LABELS: Record<SessionNature, string> = {
  TITRE: 'Titre professionnel complet',
  CCP: 'Certificat(s) de compétences professionnelles (CCP)',
  CCS: 'Certificat complémentaire de spécialisation (CCS)',
};

export { PATHWAY_LABELS } from '../candidates/candidate.entity.js';

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  PRESENT: 'Présent(e)',
  ABSENT: 'Absent(e)',
  LATE_ADMITTED: 'En retard, admis(e)',
  LATE_REFUSED: 'En retard, non admis(e)',
};

export const OUTCOME_LABELS: Record<CcpOutcome, string> = {
  ACQUIRED: 'Acquis',
  NOT_ACQUIRED: 'Non acquis',
  NOT_EVALUATED: 'Non évalué',
};

export const ROLE_LABELS: Record<StaffRole, string> = {
  JURY: 'Membre du jury',
  SURVEILLANT: 'Surveillant(e)',
  COMEDIEN: 'Comédien(ne)',
};

/** « Nguyễn Thị Hương »: last name then first name, as written. */
export function personName(person: { lastName: string; firstName: string }): string {
  return `${person.lastName} ${person.firstName}`.trim();
}

/** A user's name, « Prénom Nom », or their e-mail address when they have none. */
export function userName(user: DossierUser | null): string | null {
  if (!user) return null;
  const name = `${user.firstName.trim()} ${user.lastName.trim()}`.trim();
  return name === '' ? user.email : name;
}

/**
 * The name of the person behind an e-mail address recorded on the session (who reported an
 * incident, who ticked a task), « Prénom Nom » when a user of Jalon has that address and a name,
 * else the address itself.
 */
export function nameForEmail(email: string, people: readonly DossierUser[]): string {
  const key = email.trim().toLowerCase();
  const person = people.find((p) => p.email.trim().toLowerCase() === key);
  return person ? (userName(person) ?? email) : email;
}

/** Letters read as vowels at the start of a word, accents and ligatures included. */
const VOWEL_START = /^[aeiouæœ]/i;

/**
 * Whether « de », « le » or « que » elide before this word (« d’Anaïs », « d’Étienne »,
 * « d’Hélène », « d’Yves »): it starts with a vowel (accented or not), with a mute h before a
 * vowel, or with a y before a consonant. A y before a vowel is a consonant (« de Yann »).
 */
export function elidesBefore(word: string): boolean {
  const base = word
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (VOWEL_START.test(base)) return true;
  if (/^h/i.test(base)) return VOWEL_START.test(base.slice(1)) || /^y/i.test(base.slice(1));
  if (/^y/i.test(base)) return base.length > 1 && !/^[aeiouy]/i.test(base.slice(1));
  return false;
}

/** « de » before a name, elided when it must be: « de Zoé », « d’Anaïs », « d’Étienne ». */
export function ofName(name: string): string {
  const trimmed = name.trim();
  return elidesBefore(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}

/**
 * `word text` without saying the word twice when the text already starts with it:
 * ('site', 'Vénissieux') → 'site Vénissieux', ('site', 'Site de Vénissieux') → 'Site de Vénissieux',
 * ('CCP', 'CCP2') → 'CCP2', ('CCP', 'RNCP37873BC01') → 'CCP RNCP37873BC01'.
 */
export function withoutDoubledWord(word: string, text: string): string {
  const trimmed = text.trim();
  const head = trimmed.slice(0, word.length);
  const next = trimmed.charAt(word.length);
  const repeats =
    head.localeCompare(word, 'fr', { sensitivity: 'base' }) === 0 && !/\p{L}/u.test(next);
  return repeats ? trimmed : `${word} ${trimmed}`;
}

function parseTime(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new RangeError(`Heure invalide : « ${time} » (format attendu HH:MM).`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** '09:00' → '9 h 00', '14:30' → '14 h 30' (French typography, no-break spaces). */
export function frenchTime(time: string): string {
  const minutes = parseTime(time);
  const hh = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  return `${hh}${NBSP}h${NBSP}${mm}`;
}

/** The time `delta` minutes later (earlier when negative), kept within the same day. */
export function shiftTime(time: string, delta: number): string {
  const minutes = Math.min(Math.max(parseTime(time) + delta, 0), 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 'le 14/06/2027' or 'du 14/06/2027 au 18/06/2027'. */
export function dateRange(start: CalendarDate, end: CalendarDate): string {
  return start === end
    ? `le ${formatFrenchDate(start)}`
    : `du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}`;
}

/** 'le lundi 14 juin 2027' or 'du lundi 14 juin 2027 au vendredi 18 juin 2027'. */
export function longDateRange(start: CalendarDate, end: CalendarDate): string {
  return start === end
    ? `le ${formatFrenchLongDate(start)}`
    : `du ${formatFrenchLongDate(start)} au ${formatFrenchLongDate(end)}`;
}

/** A date as jj/mm/aaaa, or null. */
export function frenchDateOrNull(date: CalendarDate | null): string | null {
  return date === null ? null : formatFrenchDate(date);
}

/** The lines of a postal address: street, then postal code and city; empty parts left out. */
export function addressLines(place: Omit<DossierPlace, 'name'>): string[] {
  return [
    ...place.address
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    `${place.postalCode} ${place.city}`.trim(),
  ].filter((line) => line !== '');
}

/**
 * The days on which the session sits: every day from start to end, except the weekends and
 * public holidays between them (the first and last days always count).
 */
export function sessionDays(start: CalendarDate, end: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = start; compareDates(day, end) <= 0; day = addDays(day, 1)) {
    const edge = day === start || day === end;
    if (edge || (isoDayOfWeek(day) <= 5 && !isFrenchPublicHoliday(day))) days.push(day);
  }
  return days;
}

/** An ASCII file name part: 'Nguyễn Thị Hương' → 'nguyen-thi-huong'. */
export function fileSlug(text: string): string {
  const slug = text
    .replace(/[đĐ]/g, 'd')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'document' : slug;
}

/** Rows kept on the page of the signatures that close their table. */
export const ROWS_KEPT_WITH_SIGNATURES = 3;

/**
 * The rows of a table that closes with signatures, split in two: the last rows are kept on one
 * page with the signature block (CSS `break-inside: avoid` on their group), so that the block
 * never stands alone on a page, away from what it attests.
 */
export function splitForSignatures<T>(
  rows: readonly T[],
  kept = ROWS_KEPT_WITH_SIGNATURES,
): { rows: T[]; tail: T[] } {
  const cut = Math.max(rows.length - kept, 0);
  return { rows: rows.slice(0, cut), tail: rows.slice(cut) };
}

import { addYears, compareDates, type CalendarDate } from '../common/calendar-date.js';
import type { Candidate } from '../candidates/candidate.entity.js';

/** Sessions that ended strictly before this date are past the retention period. */
export function retentionCutoff(today: CalendarDate, years: number): CalendarDate {
  return addYears(today, -years);
}

export function isPastRetention(
  endDate: CalendarDate,
  today: CalendarDate,
  years: number,
): boolean {
  return compareDates(endDate, retentionCutoff(today, years)) < 0;
}

/** The candidate fields a purge clears: identity, birth date, contact details, free texts, files. */
export const PURGED_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'accommodationDetails',
  'otherDocuments',
] as const;

export type PurgedFields = Pick<Candidate, (typeof PURGED_FIELDS)[number]>;

/**
 * What replaces a candidate's personal data: « Candidat anonymisé n°N ». Pathway, file
 * checkboxes, attendance and results stay, so counts and statistics remain right.
 */
export function anonymisedCandidate(rank: number): PurgedFields {
  return {
    lastName: 'Candidat anonymisé',
    firstName: `n°${rank}`,
    birthDate: null,
    email: null,
    phone: null,
    address: '',
    accommodationDetails: '',
    otherDocuments: '',
  };
}

/** The person fields a purge clears once none of their enrolments is kept any more. */
export const PURGED_PERSON_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'drivingLicenceNumber',
] as const;

/**
 * What replaces the personal data of a person whose every enrolment was purged; the key becomes
 * unique to them, so that nobody is ever matched with an anonymised person.
 */
export function anonymisedPerson(personId: string): {
  lastName: string;
  firstName: string;
  birthDate: null;
  email: null;
  phone: null;
  address: string;
  drivingLicenceNumber: null;
  matchKey: string;
} {
  return {
    lastName: 'Personne anonymisée',
    firstName: '—',
    birthDate: null,
    email: null,
    phone: null,
    address: '',
    drivingLicenceNumber: null,
    matchKey: `anonymised|${personId}`,
  };
}

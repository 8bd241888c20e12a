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

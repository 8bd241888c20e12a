import {
  addDays,
  daysBetween,
  LAST_CALENDAR_DATE,
  type CalendarDate,
} from '../common/calendar-date.js';

/** An all-day event: from `date` to `endDate` inclusive (one day when absent). */
export interface AllDayEvent {
  uid: string;
  date: CalendarDate;
  endDate?: CalendarDate;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
}

export interface CalendarInput {
  name: string;
  /** When the calendar was produced: every event's DTSTAMP. */
  stamp: Date;
  events: AllDayEvent[];
}

export const PRODID = '-//Jalon//Jalon Calendrier//FR';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with one space.
 * Never splits a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 20270322 */
export function icsDate(date: CalendarDate): string {
  return date.replace(/-/g, '');
}

/** 20270301T080000Z */
export function icsInstant(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The end of an all-day event: the day after its last day (DTEND is exclusive), or, for an event
 * on the last representable day (data stored before dates were bounded), its length in days.
 */
function endLine(event: AllDayEvent): string {
  const last = event.endDate ?? event.date;
  if (last < LAST_CALENDAR_DATE) return `DTEND;VALUE=DATE:${icsDate(addDays(last, 1))}`;
  return `DURATION:P${daysBetween(event.date, last) + 1}D`;
}

function eventLines(event: AllDayEvent, stamp: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    endLine(event),
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories?.length) {
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  }
  lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  return lines;
}

/** A complete VCALENDAR: CRLF line ends, folded lines, all-day events. */
export function icsCalendar(input: CalendarInput): string {
  const stamp = icsInstant(input.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    'X-WR-TIMEZONE:Europe/Paris',
    ...input.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

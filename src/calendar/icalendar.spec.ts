import { escapeText, foldLine, icsCalendar, icsInstant } from './icalendar.js';

/** Unfolds and splits a calendar the way a client reads it. */
function contentLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('iCalendar writer', () => {
  it('escapes text values', () => {
    expect(escapeText('Convoquer; relancer, puis\nvérifier \\ classer')).toBe(
      'Convoquer\\; relancer\\, puis\\nvérifier \\\\ classer',
    );
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok');
  });

  it('writes a valid calendar of all-day events with CRLF line ends', () => {
    const ics = icsCalendar({
      name: 'Jalon – session CDA',
      stamp: new Date('2027-03-01T08:00:00.123Z'),
      events: [
        {
          uid: 'f2b7c9c0-0000-4000-8000-000000000001@jalon',
          date: '2027-02-28',
          summary: '[Réglementaire] CDA – Convoquer les candidats, par LRAR',
          description: 'Session du 22/03/2027 au 26/03/2027\nSite de Vénissieux',
          url: 'https://jalon.example.fr/sessions/1#task-2',
          categories: ['Réglementaire'],
        },
        { uid: 'session-1@jalon', date: '2027-03-22', endDate: '2027-03-26', summary: 'Session' },
      ],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const raw of ics.split('\r\n')) expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(75);
    const lines = contentLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//Jalon//Jalon Calendrier//FR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:f2b7c9c0-0000-4000-8000-000000000001@jalon');
    expect(lines).toContain('DTSTAMP:20270301T080000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20270228');
    expect(lines).toContain('DTEND;VALUE=DATE:20270301');
    expect(lines).toContain('DTSTART;VALUE=DATE:20270322');
    expect(lines).toContain('DTEND;VALUE=DATE:20270327');
    expect(lines).toContain('SUMMARY:[Réglementaire] CDA – Convoquer les candidats\\, par LRAR');
    expect(lines).toContain('DESCRIPTION:Session du 22/03/2027 au 26/03/2027\\nSite de Vénissieux');
    expect(lines).toContain('X-WR-CALNAME:Jalon – session CDA');
  });

  it('gives an event on the last representable day its length instead of an end date', () => {
    const ics = icsCalendar({
      name: 'Jalon',
      stamp: new Date('2027-03-01T08:00:00Z'),
      events: [
        { uid: 'a@jalon', date: '9999-12-31', summary: 'Dernier jour' },
        { uid: 'b@jalon', date: '9994-12-31', endDate: '9999-12-31', summary: 'Longue' },
        { uid: 'c@jalon', date: '9999-12-29', endDate: '9999-12-30', summary: 'Avant' },
      ],
    });
    const lines = contentLines(ics);
    expect(lines).toContain('DTSTART;VALUE=DATE:99991231');
    expect(lines).toContain('DURATION:P1D');
    expect(lines).toContain('DTSTART;VALUE=DATE:99941231');
    expect(lines).toContain('DURATION:P1827D');
    expect(lines).toContain('DTEND;VALUE=DATE:99991231');
    expect(lines.filter((l) => l.startsWith('DTEND') || l.startsWith('DURATION'))).toHaveLength(3);
  });

  it('formats instants in UTC', () => {
    expect(icsInstant(new Date('2027-10-31T01:30:00Z'))).toBe('20271031T013000Z');
  });
});

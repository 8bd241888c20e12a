import ICAL from 'ical.js';
import type { Obligation } from '../obligations/obligation-rules.js';
import {
  obligationEvents,
  sessionEvents,
  type CalendarSession,
  type CalendarTask,
} from './calendar-events.js';
import { icsCalendar, type AllDayEvent } from './icalendar.js';

const APP = 'https://jalon.example.fr';

const session: CalendarSession = {
  id: 's-1',
  titreCode: 'CDA',
  titreLabel: 'Concepteur développeur d’applications',
  startDate: '2027-03-22',
  endDate: '2027-03-26',
  siteName: 'Site Kléber',
  location: '',
};

function aTask(overrides: Partial<CalendarTask> = {}): CalendarTask {
  return {
    id: 't-1',
    label: 'Adresser l’original du PV de session à l’UD',
    regulatory: true,
    dueDate: '2027-04-10',
    workingDayFallback: null,
    status: 'todo',
    provenByData: false,
    ...overrides,
  };
}

function anObligation(overrides: Partial<Obligation> = {}): Obligation {
  return {
    key: 'ANNUAL_PROGRAMME:2028',
    code: 'ANNUAL_PROGRAMME',
    label:
      'Communiquer le programme annuel des sessions 2028 à l’autorité (DREETS) avant le 31 janvier',
    dueDate: '2028-01-31',
    workingDayFallback: null,
    status: 'todo',
    doneOn: null,
    information: false,
    source: { text: 'Règlement général des sessions', article: 'Article 3', date: '2016-07-21' },
    link: { kind: 'annual-programme', id: null, href: '/centres/c-1/obligations?year=2028' },
    ...overrides,
  };
}

/** Parses the calendar with ical.js: its events by UID, as a client reads them. */
function parsed(events: AllDayEvent[]): Map<string, ICAL.Event> {
  const ics = icsCalendar({ name: 'Test', stamp: new Date('2027-03-02T08:00:00Z'), events });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  expect(calendar.name).toBe('vcalendar');
  const out = new Map<string, ICAL.Event>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    expect(event.startDate.isDate).toBe(true);
    out.set(event.uid, event);
  }
  return out;
}

describe('session events', () => {
  it('places a task due on a non-working day on its fallback, the real due date described', () => {
    const events = parsed(
      sessionEvents(APP, session, [
        aTask({ dueDate: '2027-04-10', workingDayFallback: '2027-04-09' }),
        aTask({ id: 't-2', dueDate: '2027-03-01' }),
      ]),
    );
    const moved = events.get('t-1@jalon')!;
    expect(moved.startDate.toString()).toBe('2027-04-09');
    expect(moved.endDate.toString()).toBe('2027-04-10');
    expect(moved.description).toContain(
      'À faire au plus tard le vendredi 9 avril 2027 (09/04/2027) : l’échéance du samedi 10 avril 2027 (10/04/2027) tombe un jour non ouvré.',
    );
    const kept = events.get('t-2@jalon')!;
    expect(kept.startDate.toString()).toBe('2027-03-01');
    expect(kept.description).toMatch(/^Échéance le 01\/03\/2027\n/);
  });

  it('marks a done or proven task, never pending', () => {
    const events = parsed(
      sessionEvents(APP, session, [
        aTask({ status: 'done', provenByData: true }),
        aTask({ id: 't-2', provenByData: true }),
        aTask({ id: 't-3' }),
      ]),
    );
    expect(events.get('t-1@jalon')!.summary).toMatch(/ \(fait\)$/);
    const proven = events.get('t-2@jalon')!;
    expect(proven.summary).toBe(
      '[Réglementaire] CDA – Adresser l’original du PV de session à l’UD (vérifiée par les données)',
    );
    expect(proven.description).toContain('Vérifiée par les données');
    expect(events.get('t-3@jalon')!.summary).not.toMatch(/\(/);
  });
});

describe('obligation events', () => {
  const centre = { id: 'c-1', name: 'Centre Kléber' };

  it('writes all-day events with a stable UID, the source and the link to the obligations page', () => {
    const events = parsed(
      obligationEvents(APP, centre, 2028, [
        anObligation(),
        anObligation({
          key: 'PROVIDER_AVENANT:conv-1:2029',
          code: 'PROVIDER_AVENANT',
          label: 'Transmettre au préfet de région l’avenant 2029',
          dueDate: '2028-12-31',
          workingDayFallback: '2028-12-29',
          status: 'done',
          doneOn: '2028-12-15',
          source: { text: 'Arrêté du 1er octobre 2024', article: 'Article 2', date: null },
        }),
        anObligation({
          key: 'AGREMENT_END:a-1',
          code: 'AGREMENT_END',
          label: 'Fin de l’agrément du titre CDA',
          dueDate: '2028-03-12',
          status: 'done',
          doneOn: '2028-03-12',
          information: true,
        }),
      ]),
    );
    expect([...events.keys()]).toEqual([
      'obligation-c-1-ANNUAL_PROGRAMME-2028@jalon',
      'obligation-c-1-PROVIDER_AVENANT-conv-1-2029@jalon',
      'obligation-c-1-AGREMENT_END-a-1@jalon',
    ]);
    const programme = events.get('obligation-c-1-ANNUAL_PROGRAMME-2028@jalon')!;
    expect(programme.summary).toBe(
      '[Obligation] Centre Kléber – Communiquer le programme annuel des sessions 2028 à l’autorité (DREETS) avant le 31 janvier',
    );
    expect(programme.startDate.toString()).toBe('2028-01-31');
    expect(programme.description).toContain(
      'Source : Règlement général des sessions, Article 3 (21/07/2016)',
    );
    expect(programme.description).toContain(`${APP}/centres/c-1/obligations?year=2028`);
    expect(programme.component.getFirstPropertyValue('url')).toBe(
      `${APP}/centres/c-1/obligations?year=2028`,
    );
    // Sunday 31 December 2028 → Friday 29 December (25 and 26 December are public holidays).
    const avenant = events.get('obligation-c-1-PROVIDER_AVENANT-conv-1-2029@jalon')!;
    expect(avenant.summary).toMatch(/ \(fait\)$/);
    expect(avenant.startDate.toString()).toBe('2028-12-29');
    expect(avenant.description).toContain('l’échéance du dimanche 31 décembre 2028');
    expect(avenant.description).toContain('Fait le 15/12/2028.');
    // An end date is information: on its own day, « passée » once past.
    const end = events.get('obligation-c-1-AGREMENT_END-a-1@jalon')!;
    expect(end.startDate.toString()).toBe('2028-03-12');
    expect(end.summary).toMatch(/ \(passée\)$/);
  });
});

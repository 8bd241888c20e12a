import { jest } from '@jest/globals';
import ICAL from 'ical.js';
import request from 'supertest';
import { Database } from '../src/database/database.js';
import { sqlRows } from '../src/database/sql-rows.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

interface Task {
  id: string;
  label: string;
  dueDate: string;
  applicable: boolean;
  conditional: boolean;
  status: string;
  code: string;
  workingDayFallback: string | null;
  provenByData: boolean;
}

/** The events of a calendar as ical.js reads it (a client's parser), by UID. */
function icalEvents(text: string): Map<string, ICAL.Event> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  const out = new Map<string, ICAL.Event>();
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    expect(event.startDate.isDate).toBe(true);
    out.set(event.uid, event);
  }
  return out;
}

/** Content lines of a calendar, unfolded, after checking CRLF and the 75-octet limit. */
function parseIcs(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const raw = text.split('\r\n').slice(0, -1);
  for (const line of raw) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

function events(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      const uid = current!.find((l) => l.startsWith('UID:'))!.slice(4);
      out.set(uid, current!);
      current = null;
    } else current?.push(line);
  }
  return out;
}

describe('calendars (iCalendar)', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let outsider: Client;
  let sessionId: string;
  let centreId: string;
  let siteId: string;
  let titreId: string;
  let tasks: Task[];

  beforeAll(async () => {
    t = await startTestApp({
      now: '2027-03-02T08:00:00Z',
      env: { APP_URL: 'https://jalon.example.fr' },
    });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const other = await aCentre(admin, { name: 'Centre Voltaire' });
    const titre = await aTitre(admin);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    centreId = ids.centreId;
    siteId = ids.siteId;
    titreId = ids.titreId;
    const user = await aUser(admin, 'manager', [ids.centreId]);
    const stranger = await aUser(admin, 'manager', [String(other.centre.id)]);
    manager = t.as(await t.login(user.email, user.password));
    outsider = t.as(await t.login(stranger.email, stranger.password));
    sessionId = String(
      (
        await aSession(admin, ids, {
          startDate: '2027-03-22',
          endDate: '2027-03-26',
          managerId: user.id,
        })
      ).id,
    );
    tasks = (await admin.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
  });

  afterAll(() => t.close());

  it('exports a session as a valid calendar of all-day events with stable UIDs', async () => {
    const res = await manager.get(`/api/sessions/${sessionId}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = parseIcs(res.text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    const byUid = events(lines);
    const shown = tasks.filter(
      (task) => task.applicable && !task.conditional && task.status !== 'not_applicable',
    );
    expect(byUid.size).toBe(shown.length + 1);
    const session = byUid.get(`session-${sessionId}@jalon`)!;
    expect(session).toContain('DTSTART;VALUE=DATE:20270322');
    expect(session).toContain('DTEND;VALUE=DATE:20270327');
    const task = shown[0];
    const event = byUid.get(`${task.id}@jalon`)!;
    // A due date on a weekend day or a public holiday sits on the working day before.
    const day = (task.workingDayFallback ?? task.dueDate).replace(/-/g, '');
    expect(event).toContain(`DTSTART;VALUE=DATE:${day}`);
    expect(event.some((l) => /^DTEND;VALUE=DATE:\d{8}$/.test(l))).toBe(true);
    expect(event.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toBe(true);
    expect(event.find((l) => l.startsWith('SUMMARY:'))).toMatch(
      /^SUMMARY:\[(Réglementaire|Conseil)\] CDA/,
    );
    expect(event).toContain(`URL:https://jalon.example.fr/sessions/${sessionId}#task-${task.id}`);
    // The same UIDs on the next export.
    const again = events(
      parseIcs((await manager.get(`/api/sessions/${sessionId}/calendar.ics`)).text),
    );
    expect([...again.keys()]).toEqual([...byUid.keys()]);
  });

  it('answers 404 for another centre’s session', async () => {
    const refused = await outsider.get(`/api/sessions/${sessionId}/calendar.ics`);
    expect(refused.status).toBe(404);
    // An error is JSON, not a calendar file to download.
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.headers['content-disposition']).toBeUndefined();
    expect((refused.body as { message: string }).message).toMatch(/introuvable/);
    expect((await request(t.http).get(`/api/sessions/${sessionId}/calendar.ics`)).status).toBe(401);
  });

  it('gives each user a secret feed URL that can be rotated and revoked', async () => {
    expect((await manager.get('/api/me/calendar-feed')).body).toEqual({
      url: null,
      active: false,
      createdAt: null,
    });
    const created = await manager.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const url = (created.body as { url: string }).url;
    expect(url).toMatch(/^https:\/\/jalon\.example\.fr\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await manager.get('/api/me/calendar-feed')).body).toMatchObject({
      url: null,
      active: true,
    });
    const path = new URL(url).pathname;
    const feed = await request(t.http).get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const uids = [...events(parseIcs(feed.text)).keys()];
    expect(uids).toContain(`session-${sessionId}@jalon`);
    // The outsider's feed does not show this centre's session.
    const theirs = new URL(
      ((await outsider.post('/api/me/calendar-feed')).body as { url: string }).url,
    ).pathname;
    expect((await request(t.http).get(theirs)).text).not.toContain(sessionId);
    // Rotating: the old URL stops working.
    const rotated = new URL(
      ((await manager.post('/api/me/calendar-feed')).body as { url: string }).url,
    ).pathname;
    expect(rotated).not.toBe(path);
    expect((await request(t.http).get(path)).status).toBe(404);
    expect((await request(t.http).get(rotated)).status).toBe(200);
    // Revoking: 404.
    expect((await manager.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await request(t.http).get(rotated)).status).toBe(404);
    expect((await request(t.http).get('/calendar/feed/nimportequoi.ics')).status).toBe(404);
    expect((await manager.get('/api/me/calendar-feed')).body).toMatchObject({ active: false });
  });

  it('puts the centre’s obligations of this year and the next in the personal feed', async () => {
    const feedOf = async (client: Client) => {
      const url = ((await client.post('/api/me/calendar-feed')).body as { url: string }).url;
      const res = await request(t.http).get(new URL(url).pathname);
      expect(res.status).toBe(200);
      parseIcs(res.text);
      return icalEvents(res.text);
    };
    const uid = (year: number) => `obligation-${centreId}-ANNUAL_PROGRAMME-${year}@jalon`;
    const before = await feedOf(manager);
    const programme = before.get(uid(2027))!;
    expect(programme.summary).toMatch(
      /^\[Obligation\] .+ – Communiquer le programme annuel des sessions 2027 .+ avant le 31 janvier$/,
    );
    // Sunday 31 January 2027: on Friday 29 January, the real due date in the description.
    expect(programme.startDate.toString()).toBe('2027-01-29');
    expect(programme.description).toContain('l’échéance du dimanche 31 janvier 2027');
    expect(programme.description).toContain('Source : ');
    expect(programme.description).toContain(
      `https://jalon.example.fr/centres/${centreId}/obligations?year=2027`,
    );
    // Nothing to programme in 2028 yet (no agrément, no session that year): no obligation.
    expect(before.has(uid(2028))).toBe(false);
    expect(before.has(uid(2029))).toBe(false);

    const recorded = await manager.post(`/api/centres/${centreId}/annual-programme`, {
      year: 2027,
      sentOn: '2027-01-20',
    });
    expect(recorded.status).toBe(201);
    const after = await feedOf(manager);
    // Same UID: the client updates the event.
    expect(after.get(uid(2027))!.summary).toMatch(/ \(fait\)$/);
    expect(after.get(uid(2027))!.description).toContain('Fait le 20/01/2027.');
    // Another centre's user does not see them.
    expect([...(await feedOf(outsider)).keys()].some((k) => k.includes(centreId))).toBe(false);
    expect((await manager.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await outsider.delete('/api/me/calendar-feed')).status).toBe(204);
  });

  it('places a task due on a non-working day on its fallback and marks the proven tasks', async () => {
    // With a valid agrément, the agrément checks pass: their tasks are proven by the data.
    const agrement = await admin.post('/api/agrements', {
      centreId,
      siteId,
      titreId,
      validUntil: '2029-12-31',
      maxCandidates: 12,
    });
    expect(agrement.status).toBe(201);
    const res = await manager.get(`/api/sessions/${sessionId}/calendar.ics`);
    const byUid = icalEvents(res.text);
    const current = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
    const shown = current.filter(
      (task) => task.applicable && !task.conditional && task.status !== 'not_applicable',
    );
    const moved = shown.filter((task) => task.workingDayFallback !== null);
    expect(moved.length).toBeGreaterThan(0);
    for (const task of moved) {
      const event = byUid.get(`${task.id}@jalon`)!;
      expect(event.startDate.toString()).toBe(task.workingDayFallback);
      expect(event.description).toContain(
        `(${task.dueDate.split('-').reverse().join('/')}) tombe un jour non ouvré`,
      );
    }
    const proven = shown.filter((task) => task.provenByData && task.status === 'todo');
    expect(proven.map((task) => task.code)).toContain('PLAN_CHECK_AGREMENT_CERES');
    for (const task of proven) {
      expect(byUid.get(`${task.id}@jalon`)!.summary).toMatch(/ \(vérifiée par les données\)$/);
    }
    // Compliance uses the same fallback: end 26/03/2027 + 15 days = Saturday 10/04/2027.
    const compliance = (await manager.get(`/api/sessions/${sessionId}/compliance`)).body as {
      checks: { code: string; note?: string }[];
    };
    expect(compliance.checks.find((c) => c.code === 'PV_SENT')?.note).toContain(
      'au plus tard le vendredi 09/04/2027 (échéance du 10/04/2027 ; le 10/04 est un samedi)',
    );
    for (const task of shown.filter((x) => !x.provenByData && x.status === 'todo')) {
      expect(byUid.get(`${task.id}@jalon`)!.summary).not.toMatch(/\((fait|vérifiée)/);
    }
  });

  it('keeps calendars readable when stored dates sit at the far end of the calendar', async () => {
    // Data stored before dates were bounded to 1900–2100 (a session typed as 9994-12-31): its
    // calendar and every personal feed that includes it still answer, without a broken event.
    const { centre, site } = await aCentre(admin, { name: 'Centre Lointain' });
    const titre = await aTitre(admin);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    const far = String(
      (await aSession(admin, ids, { startDate: '2027-05-03', endDate: '2027-05-07' })).id,
    );
    const farTasks = (await admin.get(`/api/sessions/${far}/tasks`)).body as Task[];
    await t.app.get(Database).transaction(async (m) => {
      await sqlRows(
        m,
        `UPDATE "exam_session" SET "startDate" = :start, "endDate" = :end WHERE "id" = :id`,
        { start: '9994-12-31', end: '9999-12-31', id: far },
      );
      await sqlRows(m, `UPDATE "session_task" SET "dueDate" = :due WHERE "id" = :id`, {
        due: '9999-12-31',
        id: farTasks[0].id,
      });
    });
    const session = await admin.get(`/api/sessions/${far}/calendar.ics`);
    expect(session.status).toBe(200);
    const lines = parseIcs(session.text);
    for (const line of lines.filter((l) => /^DT(START|END)/.test(l))) {
      expect(line).toMatch(/^DT(START|END);VALUE=DATE:\d{8}$/);
    }
    const feedUrl = ((await admin.post('/api/me/calendar-feed')).body as { url: string }).url;
    const feed = await request(t.http).get(new URL(feedUrl).pathname);
    expect(feed.status).toBe(200);
    expect(parseIcs(feed.text)).toContain('END:VCALENDAR');
    expect((await admin.get(`/api/sessions/${far}`)).status).toBe(200);
    expect((await admin.get(`/api/sessions/${far}/compliance`)).status).toBe(200);
  });

  it('lets a read-only user have a feed too', async () => {
    const { centre } = await aCentre(admin, { name: 'Centre Colette' });
    const viewer = await aUser(admin, 'viewer', [String(centre.id)]);
    const client = t.as(await t.login(viewer.email, viewer.password));
    const created = await client.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const path = new URL((created.body as { url: string }).url).pathname;
    expect((await request(t.http).get(path)).status).toBe(200);
    expect((await client.delete('/api/me/calendar-feed')).status).toBe(204);
  });
});

import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aCentre, aSession, aTitre, aUser, programmesSent } from './support/factories.js';
import { parseMail, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

interface Task {
  id: string;
  code: string;
  label: string;
  regulatory: boolean;
  obligation: boolean;
  dueDate: string;
  workingDayFallback: string | null;
  status: string;
  version: number;
  applicable: boolean;
  conditional: boolean;
}

interface OutboxRow {
  recipientEmail: string;
  kind: string;
  step: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
  emlPath: string | null;
}

const NOW = '2027-03-02T08:00:00Z'; // Tuesday 2 March 2027, 09:00 in Paris
const TOMORROW = '2027-03-03';

describe('reminder e-mails through SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: Client;
  let ids: { centreId: string; siteId: string; titreId: string };
  let manager: { email: string; password: string; id: string };
  let deputy: { email: string; password: string; id: string };
  let sessionId: string;
  let tasks: Task[];

  const pass = () => t.app.get(ReminderPassService).run();
  const outbox = async (): Promise<OutboxRow[]> => {
    admin = t.as(await t.login(ADMIN.email, ADMIN.password)); // the clock moves: fresh token
    const res = await admin.get('/api/admin/outbox');
    expect(res.status).toBe(200);
    return (res.body as { messages: OutboxRow[] }).messages;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: NOW,
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'https://jalon.example.fr',
        MAIL_FROM: 'Jalon <jalon@example.fr>',
      },
    });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    await programmesSent(admin, String(centre.id), [2027]);
    const titre = await aTitre(admin);
    ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    manager = await aUser(admin, 'manager', [ids.centreId]);
    deputy = await aUser(admin, 'manager', [ids.centreId]);
    const session = await aSession(admin, ids, {
      startDate: '2027-03-22', // in 20 days
      endDate: '2027-03-26',
      managerId: manager.id,
      deputyManagerId: deputy.id,
    });
    sessionId = String(session.id);
    tasks = (await admin.get(`/api/sessions/${sessionId}/tasks`)).body as Task[];
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a French digest to the manager and the deputy, with correct headers', async () => {
    const report = await pass();
    expect(report.failed).toEqual([]);
    const digests = smtp.messages.filter((m) => m.subject.startsWith('Jalon – '));
    expect(digests.map((m) => m.to[0]).sort()).toEqual([manager.email, deputy.email].sort());
    const mail = digests.find((m) => m.to[0] === manager.email)!;
    expect(mail.subject).toMatch(
      /^Jalon – \d+ échéances à suivre dont \d+ en retard \(02\/03\/2027\)$/,
    );
    expect(mail.from).toBe('jalon@example.fr');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{64}@jalon>$/);
    expect(new Date(mail.date).toISOString()).toBe(new Date(NOW).toISOString());
    expect(mail.raw).toMatch(/charset=utf-8/i);
    // Overdue tasks are in it with their French due date, the days overdue and a link.
    const overdue = tasks.filter((task) => task.dueDate < '2027-03-02' && task.status === 'todo');
    expect(overdue.length).toBeGreaterThan(0);
    // The task « programme annuel » (due by the UD deadline, 22/12/2026, for a March session) is
    // proven by the centre's programme sent on 01/12/2026: never reminded.
    expect(overdue[0]).toMatchObject({ code: 'PLAN_ANNUAL_PROGRAMME', provenByData: true });
    expect(mail.text).not.toContain(overdue[0]!.label);
    const sample = overdue[1]!;
    expect(sample).toMatchObject({ dueDate: '2026-12-22', provenByData: false });
    const [y, m, d] = (sample.workingDayFallback ?? sample.dueDate).split('-');
    expect(mail.text).toContain(sample.label);
    expect(mail.text).toContain(`Échéance : ${d}/${m}/${y} (en retard de`);
    expect(mail.text).toContain(`https://jalon.example.fr/sessions/${sessionId}#task-${sample.id}`);
    expect(mail.text).toContain('Session du 22/03/2027 au 26/03/2027 – Site de Vénissieux');
    expect(mail.text).toContain('Concepteur développeur d’applications');
    expect(mail.html).toContain(
      `href="https://jalon.example.fr/sessions/${sessionId}#task-${sample.id}"`,
    );
    expect(mail.html).toContain('lang="fr"');
    // Grouped by session, most urgent first.
    const dueOrder = [...mail.text.matchAll(/Échéance : (\d\d)\/(\d\d)\/(\d{4})/g)].map(
      ([, dd, mm, yyyy]) => `${yyyy}-${mm}-${dd}`,
    );
    expect(dueOrder).toEqual([...dueOrder].sort());
    // Not-yet-due tasks (more than 14 days ahead) are not in it.
    const far = tasks.find((task) => task.dueDate > '2027-03-16')!;
    expect(mail.text).not.toContain(`#task-${far.id}`);
    const rows = await outbox();
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    expect(rows.map((row) => row.messageId).sort()).toEqual(
      smtp.messages.map((m) => m.messageId).sort(),
    );
  });

  it('delivers nothing on a second pass', async () => {
    const before = smtp.messages.length;
    expect(await pass()).toMatchObject({ sent: [], failed: [], planned: { messagesQueued: 0 } });
    expect(smtp.messages.length).toBe(before);
  });

  it('sends an immediate e-mail for a réglementaire task due tomorrow, and no digest line for it', async () => {
    // A session whose « convoquer » deadline (start − 1 month) is tomorrow.
    const session = await aSession(admin, ids, {
      startDate: '2027-04-03',
      endDate: '2027-04-03',
      managerId: manager.id,
    });
    const list = (await admin.get(`/api/sessions/${String(session.id)}/tasks`)).body as Task[];
    const dueTomorrow = list.filter(
      (task) =>
        task.regulatory && task.dueDate === TOMORROW && task.applicable && !task.conditional,
    );
    expect(dueTomorrow.length).toBeGreaterThan(0);
    const before = smtp.messages.length;
    const report = await pass();
    expect(report.failed).toEqual([]);
    const fresh = smtp.messages.slice(before);
    const immediate = fresh.filter((m) => m.subject.startsWith('[Réglementaire] Échéance demain'));
    expect(immediate).toHaveLength(dueTomorrow.length);
    expect(immediate.every((m) => m.to[0] === manager.email)).toBe(true);
    expect(immediate[0].text).toContain('Une échéance réglementaire arrive demain (03/03/2027)');
    // Today's digest already went: the session's other due items wait for tomorrow's digest.
    expect(fresh.filter((m) => m.subject.startsWith('Jalon – '))).toHaveLength(0);
    t.clock.advance(24 * 3_600_000);
    const next = await pass();
    const digest = smtp.messages
      .slice(before + immediate.length)
      .find((m) => m.to[0] === manager.email && m.subject.startsWith('Jalon – '))!;
    expect(next.sent.length).toBeGreaterThan(0);
    expect(digest.subject).toContain('(03/03/2027)');
    expect(digest.text).toContain(`/sessions/${String(session.id)}#task-`);
    for (const task of dueTomorrow) expect(digest.text).not.toContain(`#task-${task.id}`);
    t.clock.set(NOW);
  });

  it('sends the immediate e-mails for the obligations of the agrément the guide leaves unflagged', async () => {
    // The pack request in CERES (start − 3 months) is due tomorrow.
    const session = await aSession(admin, ids, {
      startDate: '2027-06-03',
      endDate: '2027-06-04',
      managerId: manager.id,
    });
    const list = (await admin.get(`/api/sessions/${String(session.id)}/tasks`)).body as Task[];
    const request = list.find((task) => task.code === 'JURY_CERES_REGISTER_EXAM_REQUEST')!;
    expect(request).toMatchObject({ regulatory: false, obligation: true, dueDate: TOMORROW });
    const before = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    const immediate = smtp.messages
      .slice(before)
      .filter((m) => m.subject.includes('Échéance demain'));
    expect(immediate.some((m) => m.text.includes(request.label))).toBe(true);
  });

  it('stops reminding a task once it is done', async () => {
    t.clock.set(NOW);
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const open = ((await admin.get(`/api/sessions/${sessionId}/tasks`)).body as Task[]).filter(
      (task) => task.status === 'todo' && task.dueDate < '2027-03-02',
    );
    expect(open.length).toBeGreaterThan(1);
    const [ticked, ...others] = open;
    const res = await admin.patch(`/api/sessions/${sessionId}/tasks/${ticked.id}`, {
      status: 'done',
      doneAt: '2027-03-02',
      version: ticked.version,
      reason: 'Fait (test des rappels)',
    });
    expect(res.status).toBe(200);
    t.clock.set('2027-03-16T08:00:00Z'); // two weeks later: every overdue task reaches a new step
    const before = smtp.messages.length;
    await pass();
    const digest = smtp.messages
      .slice(before)
      .find((m) => m.to[0] === manager.email && m.subject.startsWith('Jalon – '))!;
    expect(digest.text).not.toContain(`#task-${ticked.id}`);
    expect(digest.text).toContain(`#task-${others[0].id}`);
    t.clock.set(NOW);
  });

  it('loses nothing while the SMTP server is down, retries with backoff, then delivers', async () => {
    t.clock.set('2027-03-23T08:00:00Z');
    await smtp.stop();
    const down = await pass();
    expect(down.sent).toEqual([]);
    expect(down.failed.length).toBeGreaterThan(0);
    let rows = await outbox();
    const waiting = rows.filter((row) => row.status === 'pending');
    expect(waiting.length).toBe(down.failed.length);
    expect(waiting.every((row) => row.attempts === 1 && row.lastError !== null)).toBe(true);
    await smtp.restart();
    const before = smtp.messages.length;
    // Still within the backoff delay: nothing is retried yet.
    expect((await pass()).sent).toEqual([]);
    t.clock.advance(2 * 60_000);
    const retried = await pass();
    expect(retried.sent.length).toBe(down.failed.length);
    expect(smtp.messages.length).toBe(before + down.failed.length);
    rows = await outbox();
    expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(smtp.messages.length);
  });
});

describe('reminder policy per centre', () => {
  let t: TestApp;
  let admin: Client;
  let centreId: string;
  let otherCentreId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    centreId = String((await aCentre(admin)).centre.id);
    otherCentreId = String((await aCentre(admin, { name: 'Centre Marie-Curie' })).centre.id);
  });

  afterAll(() => t.close());

  it('shows the defaults and lets the centre’s manager change them', async () => {
    const manager = await aUser(admin, 'manager', [centreId]);
    const client = t.as(await t.login(manager.email, manager.password));
    const initial = await client.get(`/api/centres/${centreId}/reminder-policy`);
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({
      offsets: [14, 7, 1, 0],
      overdueEveryDays: 7,
      enabled: true,
      custom: false,
    });
    const put = await client.put(`/api/centres/${centreId}/reminder-policy`, {
      offsets: [3, 30, 0],
      overdueEveryDays: 14,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      offsets: [30, 3, 0],
      overdueEveryDays: 14,
      enabled: true,
      custom: true,
    });
    expect((await client.get(`/api/centres/${centreId}/reminder-policy`)).body).toMatchObject({
      offsets: [30, 3, 0],
    });
  });

  it.each([
    [{ offsets: [7, 7], overdueEveryDays: 7 }, 'offsets', 'doublons'],
    [{ offsets: [-1], overdueEveryDays: 7 }, 'offsets', 'supérieur ou égal à 0'],
    [{ offsets: [7] }, 'overdueEveryDays', 'obligatoire'],
    [{ offsets: [7], overdueEveryDays: 500 }, 'overdueEveryDays', 'inférieur ou égal à 90'],
    [{ offsets: 'J-7', overdueEveryDays: 7 }, 'offsets', 'liste'],
    [{ offsets: [7], overdueEveryDays: 7, colour: 'red' }, 'colour', 'autorisé'],
  ])('refuses %j with a French message naming %s', async (body, field, words) => {
    const res = await admin.put(`/api/centres/${centreId}/reminder-policy`, body);
    expect(res.status).toBe(400);
    const message = String((res.body as { message: unknown }).message);
    expect(message).toContain(field);
    expect(message).toContain(words);
  });

  it('is hidden from other centres and read-only for viewers', async () => {
    const outsider = await aUser(admin, 'manager', [otherCentreId]);
    const viewer = await aUser(admin, 'viewer', [centreId]);
    const out = t.as(await t.login(outsider.email, outsider.password));
    const view = t.as(await t.login(viewer.email, viewer.password));
    expect((await out.get(`/api/centres/${centreId}/reminder-policy`)).status).toBe(404);
    expect(
      (
        await out.put(`/api/centres/${centreId}/reminder-policy`, {
          offsets: [1],
          overdueEveryDays: 1,
        })
      ).status,
    ).toBe(404);
    expect((await view.get(`/api/centres/${centreId}/reminder-policy`)).status).toBe(200);
    expect(
      (
        await view.put(`/api/centres/${centreId}/reminder-policy`, {
          offsets: [1],
          overdueEveryDays: 1,
        })
      ).status,
    ).toBe(403);
    expect((await view.get('/api/admin/outbox')).status).toBe(403);
  });
});

describe('.eml fallback, disabled policy and catch-up at start', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-mail-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each e-mail as an .eml file listed for admins, and skips centres that disabled reminders', async () => {
    const t = await startTestApp({ now: NOW, env: { MAIL_DIR: dir } });
    try {
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      const quiet = await aCentre(admin, { name: 'Centre silencieux' });
      await programmesSent(admin, String(centre.id), [2027]);
      const titre = await aTitre(admin);
      const manager = await aUser(admin, 'manager', [String(centre.id), String(quiet.centre.id)]);
      await aSession(
        admin,
        { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) },
        { startDate: '2027-03-22', endDate: '2027-03-26', managerId: manager.id },
      );
      expect(
        (
          await admin.put(`/api/centres/${String(quiet.centre.id)}/reminder-policy`, {
            offsets: [14, 7, 1, 0],
            overdueEveryDays: 7,
            enabled: false,
          })
        ).status,
      ).toBe(200);
      await aSession(
        admin,
        {
          centreId: String(quiet.centre.id),
          siteId: String(quiet.site.id),
          titreId: String(titre.id),
        },
        { startDate: '2027-03-22', endDate: '2027-03-26', managerId: manager.id },
      );
      const report = await t.app.get(ReminderPassService).run();
      expect(report.sent).toHaveLength(1);
      const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const raw = readFileSync(join(dir, files[0]), 'utf8');
      expect(raw).toContain('\r\n');
      const mail = parseMail(raw);
      expect(mail.headers.get('to')).toBe(manager.email);
      expect(mail.subject).toMatch(/^Jalon – \d+ échéances à suivre/);
      expect(mail.messageId).toMatch(/^<[0-9a-f]{64}@jalon>$/);
      expect(mail.text).toContain('Site de Vénissieux');
      expect(mail.text).not.toContain('Centre silencieux');
      const listing = (await admin.get('/api/admin/outbox')).body as {
        messages: OutboxRow[];
        emlFiles: { name: string }[];
      };
      expect(listing.emlFiles.map((f) => f.name)).toEqual(files);
      expect(listing.messages[0]).toMatchObject({ status: 'sent', emlPath: join(dir, files[0]) });
      expect((await t.app.get(ReminderPassService).run()).sent).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('catches up at start: a deadline that passed while the app was down gets its overdue notice', async () => {
    const smtp = await startSmtpServer();
    const first = await startTestApp({ now: NOW, env: { SMTP_URL: smtp.url } });
    const databaseUrl = first.databaseUrl;
    let taskId = '';
    let managerEmail = '';
    try {
      const admin = first.as(await first.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      await programmesSent(admin, String(centre.id), [2027]);
      const titre = await aTitre(admin);
      const manager = await aUser(admin, 'manager', [String(centre.id)]);
      managerEmail = manager.email;
      const session = await aSession(
        admin,
        { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) },
        { startDate: '2027-04-19', endDate: '2027-04-23', managerId: manager.id },
      );
      const list = (await admin.get(`/api/sessions/${String(session.id)}/tasks`)).body as Task[];
      const soon =
        list.find((task) => task.dueDate === '2027-03-19' && !task.regulatory) ??
        list.find((task) => task.dueDate === '2027-03-19')!;
      taskId = soon.id;
      await first.app.get(ReminderPassService).run(); // the 2/3 digest: 19/03 is not due yet
      expect(smtp.messages.some((m) => m.text.includes(`#task-${taskId}`))).toBe(false);
    } finally {
      await first.app.close();
    }
    // Down from 2 to 22 March; at start the scheduler runs a catch-up pass by itself.
    const before = smtp.messages.length;
    const second = await startTestApp({
      now: '2027-03-22T07:00:00Z',
      databaseUrl,
      env: { SMTP_URL: smtp.url, JALON_SCHEDULER: 'on' },
    });
    try {
      await smtp.waitFor(before + 1);
      const mail = smtp.messages.slice(before).find((m) => m.to[0] === managerEmail)!;
      expect(mail.text).toContain(`#task-${taskId}`);
      expect(mail.text).toContain('Échéance : 19/03/2027 (en retard de 3 jours)');
    } finally {
      await second.close();
      await smtp.close();
    }
  });
});

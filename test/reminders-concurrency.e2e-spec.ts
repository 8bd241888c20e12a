import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays, parisToday } from '../src/common/calendar-date.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aCentre, aSession, aTitre, aUser, programmesSent } from './support/factories.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

interface OutboxRow {
  status: string;
  messageId: string;
}

/** Sessions starting in 20 days, each with its own manager and deputy: one digest per person. */
async function seed(t: TestApp, count: number, today: string): Promise<void> {
  const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
  const { centre, site } = await aCentre(admin);
  const year = Number(today.slice(0, 4));
  await programmesSent(admin, String(centre.id), [year, year + 1], today);
  const titre = await aTitre(admin);
  const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
  for (let i = 0; i < count; i++) {
    const manager = await aUser(admin, 'manager', [ids.centreId]);
    const deputy = await aUser(admin, 'manager', [ids.centreId]);
    await aSession(admin, ids, {
      startDate: addDays(today, 20 + i),
      endDate: addDays(today, 22 + i),
      managerId: manager.id,
      deputyManagerId: deputy.id,
    });
  }
}

async function outbox(admin: Client): Promise<OutboxRow[]> {
  return ((await admin.get('/api/admin/outbox')).body as { messages: OutboxRow[] }).messages;
}

function countById(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

(testDbKind() === 'postgres' ? describe : describe.skip)(
  'two application instances on PostgreSQL',
  () => {
    it('deliver each reminder exactly once when their passes run at the same time', async () => {
      const smtp = await startSmtpServer({ delayMs: 20 });
      const env = { SMTP_URL: smtp.url };
      const now = '2027-03-02T08:00:00Z';
      const a = await startTestApp({ now, env });
      const b = await startTestApp({ now, env, databaseUrl: a.databaseUrl });
      try {
        await seed(a, 8, '2027-03-02');
        const passA = a.app.get(ReminderPassService);
        const passB = b.app.get(ReminderPassService);
        const reports = await Promise.all([passA.run(), passB.run()]);
        // A second round on both finds nothing left.
        const again = await Promise.all([passA.run(), passB.run()]);
        const sent = reports.flatMap((r) => r.sent);
        expect(reports.flatMap((r) => r.failed)).toEqual([]);
        expect(again.flatMap((r) => r.sent)).toEqual([]);
        const admin = a.as(await a.login(ADMIN.email, ADMIN.password));
        const rows = await outbox(admin);
        expect(rows.length).toBeGreaterThanOrEqual(16);
        expect(rows.every((row) => row.status === 'sent')).toBe(true);
        // Each message was queued by one instance only, and sent by one instance only.
        expect(reports[0].planned.messagesQueued + reports[1].planned.messagesQueued).toBe(
          rows.length,
        );
        expect(sent).toHaveLength(rows.length);
        expect(smtp.messages).toHaveLength(rows.length);
        const counts = countById(smtp);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
        expect([...counts.keys()].sort()).toEqual(rows.map((row) => row.messageId).sort());
      } finally {
        await b.app.close();
        await a.close();
        await smtp.close();
      }
    });
  },
);

describe('an instance killed with SIGKILL in the middle of a pass', () => {
  const cli = resolve('dist/src/cli.js');

  it('loses nothing: the next pass sends the rest, a resend keeps its Message-ID', async () => {
    if (!existsSync(cli)) throw new Error('Lancez « npm run build » avant ce test.');
    const realNow = new Date();
    const today = parisToday(realNow);
    const smtp = await startSmtpServer({ delayMs: 500 });
    const t = await startTestApp({ now: realNow.toISOString(), env: { SMTP_URL: smtp.url } });
    try {
      await seed(t, 6, today);
      const child = spawn(process.execPath, [cli, 'reminders:run'], {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: t.databaseUrl,
          SMTP_URL: smtp.url,
          LOG_LEVEL: 'error',
        },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        child.once('exit', (_code, signal) => done(signal)),
      );
      await smtp.waitFor(3, 60_000);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const before = await outbox(admin);
      expect(before.length).toBeGreaterThanOrEqual(12);
      expect(before.filter((row) => row.status !== 'sent').length).toBeGreaterThan(0);
      // Messages the killed process had claimed come back once their lease expires.
      smtp.delayMs = 0;
      t.clock.set(new Date(realNow.getTime() + 15 * 60_000));
      const report = await t.app.get(ReminderPassService).run();
      expect(report.failed).toEqual([]);
      const after = await outbox(t.as(await t.login(ADMIN.email, ADMIN.password)));
      expect(after.every((row) => row.status === 'sent')).toBe(true);
      const counts = countById(smtp);
      expect([...counts.keys()].sort()).toEqual(after.map((row) => row.messageId).sort());
      // At most the one message in flight at the kill is sent twice, with the same Message-ID.
      expect(smtp.messages.length - counts.size).toBeLessThanOrEqual(1);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

describe('npm run cli -- reminders:run', () => {
  const cli = resolve('dist/src/cli.js');

  function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [cli, 'reminders:run'], {
        env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'error', ...env },
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.once('exit', (code) => done({ code, stdout }));
    });
  }

  it('delivers French reminders for a session starting in 20 days, then nothing', async () => {
    if (!existsSync(cli)) throw new Error('Lancez « npm run build » avant ce test.');
    const realNow = new Date();
    const smtp = await startSmtpServer();
    const t = await startTestApp({ now: realNow.toISOString() });
    try {
      await seed(t, 1, parisToday(realNow));
      const env = { DATABASE_URL: t.databaseUrl, SMTP_URL: smtp.url };
      const first = await run(env);
      expect(first.code).toBe(0);
      const lines = first.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const line of lines.slice(0, -1)) {
        expect(line).toMatch(/^Envoyé à \S+@jalon\.test : (Jalon – |\[Réglementaire\] )/);
      }
      expect(lines.at(-1)).toMatch(/^\d+ e-mails envoyés, 0 en échec\.$/);
      expect(smtp.messages).toHaveLength(lines.length - 1);
      expect(smtp.messages[0].text).toContain('Bonjour');
      const second = await run(env);
      expect(second).toEqual({ code: 0, stdout: 'Aucun rappel à envoyer.\n' });
      expect(smtp.messages).toHaveLength(lines.length - 1);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});

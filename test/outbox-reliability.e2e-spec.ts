import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Database } from '../src/database/database.js';
import { OutboxSender, type DeliveryReport } from '../src/mail/outbox-sender.js';
import { OutboxService } from '../src/mail/outbox.service.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

interface OutboxRow {
  recipientEmail: string;
  status: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
}

const NOW = '2027-03-02T08:00:00Z'; // Tuesday 2 March 2027, 09:00 in Paris

/** A claim of one second, renewed five times a second: shorter than one SMTP exchange below. */
const SHORT_LEASE = { outboxLease: { leaseMs: 1_000, heartbeatMs: 200 } };

/** Queues one e-mail per address, as the reminder planner would. */
async function enqueue(t: TestApp, emails: string[]): Promise<void> {
  const outbox = t.app.get(OutboxService);
  await t.app.get(Database).transaction(async (m) => {
    for (const [i, email] of emails.entries()) {
      await outbox.enqueue(m, {
        recipientId: randomUUID(),
        recipientEmail: email,
        kind: 'digest',
        ref: 'digest',
        step: 'digest',
        date: t.clock.today(),
        subject: `Jalon – récapitulatif n°${i + 1}`,
        html: `<p>Récapitulatif n°${i + 1}</p>`,
        text: `Récapitulatif n°${i + 1}`,
      });
    }
  });
}

async function outbox(t: TestApp, status?: string): Promise<OutboxRow[]> {
  const admin = t.as(await t.login(ADMIN.email, ADMIN.password)); // the clock moves: fresh token
  const res = await admin.get(`/api/admin/outbox${status ? `?status=${status}` : ''}`);
  expect(res.status).toBe(200);
  return (res.body as { messages: OutboxRow[] }).messages;
}

function countById(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.messages) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
  return counts;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a slow but healthy SMTP server', () => {
  it('gets each message exactly once from two senders, though one exchange outlasts the claim', async () => {
    const smtp = await startSmtpServer({ delayMs: 1_500 });
    const options = {
      now: NOW,
      env: { SMTP_URL: smtp.url },
      config: SHORT_LEASE,
      runningClock: true,
    };
    const a = await startTestApp(options);
    // PostgreSQL: a second instance on the same database. SQLite: a second sender in the same
    // instance (two processes cannot share TypeORM's single SQLite connection).
    const b =
      testDbKind() === 'postgres'
        ? await startTestApp({ ...options, databaseUrl: a.databaseUrl })
        : a;
    b.clock.set(a.clock.now()); // one time for both, as NTP would keep it
    try {
      const count = 6;
      await enqueue(
        a,
        Array.from({ length: count }, (_, i) => `personne-${i + 1}@jalon.test`),
      );
      // A sends; meanwhile B runs pass after pass, as another instance's scheduler would, and
      // picks up any message whose claim has expired.
      let firstDone = false;
      const first = a.app
        .get(OutboxSender)
        .deliver()
        .finally(() => (firstDone = true));
      const others: DeliveryReport[] = [];
      while (!firstDone) {
        others.push(await b.app.get(OutboxSender).deliver());
        await sleep(100);
      }
      const reports = [await first, ...others];
      // Exactly once each, by Message-ID.
      const counts = countById(smtp);
      expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(reports.flatMap((r) => r.failed)).toEqual([]);
      const rows = await outbox(a);
      expect(rows).toHaveLength(count);
      expect([...counts.keys()].sort()).toEqual(rows.map((row) => row.messageId).sort());
      expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      // Each reported sent by one sender only.
      const sent = reports.flatMap((r) => r.sent.map((mail) => mail.messageId));
      expect(sent.sort()).toEqual(rows.map((row) => row.messageId).sort());
      expect(reports.flatMap((r) => r.lost)).toEqual([]);
    } finally {
      if (b !== a) await b.app.close();
      await a.close();
      await smtp.close();
    }
  });
});

describe('an address the SMTP server refuses for good (550 at RCPT TO)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ now: NOW, env: { SMTP_URL: smtp.url } });
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('is tried three times, then failed and listed for admins; the others are delivered', async () => {
    const refused = 'inconnu@jalon.test';
    const others = ['responsable@jalon.test', 'adjoint@jalon.test'];
    await enqueue(t, [others[0], refused, others[1]]);
    smtp.refused.add(refused);
    const pass = () => t.app.get(ReminderPassService).run();
    const triesOf = (email: string) => smtp.recipients.filter((r) => r === email).length;

    const first = await pass();
    expect(first.failed).toEqual([
      {
        to: refused,
        subject: 'Jalon – récapitulatif n°2',
        error: `550 5.1.1 <${refused}>: boîte aux lettres inconnue`,
        attempts: 1,
        final: false,
      },
    ]);
    // Everyone else in the same pass got their e-mails.
    expect(first.sent.map((mail) => mail.to).sort()).toEqual([...others].sort());
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...others].sort());
    expect(triesOf(refused)).toBe(1);

    // Retried with backoff (1, then 2 minutes): the third refusal is final.
    t.clock.advance(60_000);
    expect((await pass()).failed).toMatchObject([{ to: refused, attempts: 2, final: false }]);
    t.clock.advance(2 * 60_000);
    expect((await pass()).failed).toMatchObject([{ to: refused, attempts: 3, final: true }]);
    expect(triesOf(refused)).toBe(3);

    // Never tried again.
    t.clock.advance(3 * 3_600_000);
    expect(await pass()).toMatchObject({ sent: [], failed: [], lost: [] });
    expect(triesOf(refused)).toBe(3);

    // Admins see it, with the server's reply.
    expect(await outbox(t, 'failed')).toMatchObject([
      {
        recipientEmail: refused,
        status: 'failed',
        attempts: 3,
        lastError: `550 5.1.1 <${refused}>: boîte aux lettres inconnue`,
      },
    ]);
    const all = await outbox(t);
    expect(all.filter((row) => row.status !== 'sent' && row.status !== 'failed')).toEqual([]);
    expect(all.filter((row) => row.status === 'sent')).toHaveLength(smtp.messages.length);
  });
});

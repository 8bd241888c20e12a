import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { FixedClock } from '../common/clock.js';
import { loadAppConfig } from '../config/app-config.js';
import { afterFailure, MAX_TRIES, type DeliveryFailure } from './delivery-failure.js';
import { MailTransport, type DeliveryResult, type OutgoingMail } from './mail-transport.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxSender } from './outbox-sender.js';
import type { FailureOutcome, OutboxService } from './outbox.service.js';

/** The outbox as the sender sees it; `holds` says whether the claim is still this sender's. */
class FakeOutbox {
  renewals = 0;
  holds: () => boolean = () => true;

  constructor(private readonly queue: OutboxMessage[]) {}

  claim(): Promise<OutboxMessage[]> {
    const next = this.queue.shift();
    return Promise.resolve(next ? [next] : []);
  }

  renewLease(): Promise<boolean> {
    this.renewals++;
    return Promise.resolve(this.holds());
  }

  markSent(): Promise<boolean> {
    return Promise.resolve(this.holds());
  }

  markFailed(message: OutboxMessage, failure: DeliveryFailure): Promise<FailureOutcome> {
    if (!this.holds()) return Promise.resolve('lost');
    return Promise.resolve(afterFailure(message.attempts, failure).giveUp ? 'failed' : 'retry');
  }
}

/** Answers after `ms` (fake timers), or fails with `error`. */
class SlowTransport extends MailTransport {
  sent: OutgoingMail[] = [];

  constructor(
    private readonly ms: number,
    private readonly error?: Error,
  ) {
    super();
  }

  send(mail: OutgoingMail): Promise<DeliveryResult> {
    this.sent.push(mail);
    return new Promise((resolve, reject) =>
      setTimeout(() => (this.error ? reject(this.error) : resolve({ emlPath: null })), this.ms),
    );
  }

  close(): void {}
}

function message(attempts = 1): OutboxMessage {
  return Object.assign(new OutboxMessage(), {
    id: 'm1',
    recipientEmail: 'responsable@example.fr',
    subject: 'Jalon – 2 échéances',
    html: '<p>x</p>',
    text: 'x',
    messageId: '<abc@jalon>',
    status: 'sending',
    attempts,
    lastError: null,
    claimToken: 'token',
  });
}

function sender(outbox: FakeOutbox, transport: MailTransport): OutboxSender {
  const config = { ...loadAppConfig({}), outboxLease: { leaseMs: 1_000, heartbeatMs: 100 } };
  return new OutboxSender(
    outbox as unknown as OutboxService,
    transport,
    new FixedClock(new Date('2027-03-02T08:00:00Z')),
    config,
  );
}

async function deliver(s: OutboxSender) {
  const running = s.deliver();
  await jest.advanceTimersByTimeAsync(5_000);
  return running;
}

describe('OutboxSender', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews the claim while a slow exchange goes on, and stops once it is settled', async () => {
    const outbox = new FakeOutbox([message()]);
    const report = await deliver(sender(outbox, new SlowTransport(450)));
    expect(report.sent.map((mail) => mail.messageId)).toEqual(['<abc@jalon>']);
    expect(report.lost).toEqual([]);
    expect(outbox.renewals).toBe(4);
  });

  it('notices a lost claim: stops renewing, and does not report the message as its own', async () => {
    const outbox = new FakeOutbox([message()]);
    outbox.holds = () => outbox.renewals < 2;
    const report = await deliver(sender(outbox, new SlowTransport(450)));
    expect(outbox.renewals).toBe(2);
    expect(report.sent).toEqual([]);
    expect(report.lost).toEqual([
      {
        to: 'responsable@example.fr',
        subject: 'Jalon – 2 échéances',
        messageId: '<abc@jalon>',
        accepted: true,
      },
    ]);
  });

  it('reports a permanent refusal as final on the third try, with the server’s reply', async () => {
    const reply = '550 5.1.1 <responsable@example.fr>: inconnu';
    const refusal = Object.assign(new Error(`Can't send mail: ${reply}`), {
      code: 'EENVELOPE',
      response: reply,
      responseCode: 550,
    });
    for (const [attempts, final] of [
      [1, false],
      [3, true],
    ] as const) {
      const report = await deliver(
        sender(new FakeOutbox([message(attempts)]), new SlowTransport(10, refusal)),
      );
      expect(report.failed).toEqual([
        {
          to: 'responsable@example.fr',
          subject: 'Jalon – 2 échéances',
          error: reply,
          attempts,
          final,
        },
      ]);
    }
  });

  it('gives up unsent a message whose last allowed try never settled', async () => {
    const transport = new SlowTransport(10);
    const report = await deliver(sender(new FakeOutbox([message(MAX_TRIES + 1)]), transport));
    expect(transport.sent).toEqual([]);
    expect(report.failed).toMatchObject([{ final: true, attempts: MAX_TRIES + 1 }]);
  });
});

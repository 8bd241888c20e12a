import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { classifyDeliveryError, MAX_TRIES, type DeliveryFailure } from './delivery-failure.js';
import { MailTransport, type DeliveryResult } from './mail-transport.js';
import type { OutboxMessage } from './outbox-message.entity.js';
import { checkOutboxLease } from './outbox-timing.js';
import { OutboxService } from './outbox.service.js';

export interface SentMail {
  to: string;
  subject: string;
  messageId: string;
  emlPath: string | null;
}

export interface FailedMail {
  to: string;
  subject: string;
  /** The server's reply, or the error. */
  error: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** Given up (status `failed`): no further try. Otherwise retried later. */
  final: boolean;
}

/**
 * A message whose claim this sender lost while sending it (its lease expired, e.g. the database
 * was unreachable for a whole lease, and another sender took it over): not settled here.
 */
export interface LostMail {
  to: string;
  subject: string;
  messageId: string;
  /** The server accepted this sender's copy: the other sender may deliver it again. */
  accepted: boolean;
}

export interface DeliveryReport {
  sent: SentMail[];
  failed: FailedMail[];
  lost: LostMail[];
}

/**
 * Renews a claim every `intervalMs` while its message is being sent, one renewal at a time.
 * Stops renewing once the claim is gone; a renewal that fails (database unreachable) is retried
 * at the next beat.
 */
class LeaseHeartbeat {
  private readonly timer: NodeJS.Timeout;
  private beat: Promise<void> = Promise.resolve();
  private held = true;

  constructor(renew: () => Promise<boolean>, intervalMs: number, onError: (e: unknown) => void) {
    this.timer = setInterval(() => {
      this.beat = this.beat.then(async () => {
        if (!this.held) return;
        try {
          this.held = await renew();
        } catch (error) {
          onError(error);
        }
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops renewing, once the renewal in progress (if any) is done. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.beat;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends what the outbox holds, one message at a time: claim it, send it while renewing its
 * claim, settle it, repeat. A claim therefore never has to last for a whole batch, and never
 * runs out during a slow exchange: two senders never send the same message (short of a sender
 * cut off from the database for a whole lease).
 */
@Injectable()
export class OutboxSender implements OnModuleDestroy {
  private readonly logger = new Logger('OutboxSender');
  private readonly heartbeatMs: number;

  constructor(
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.heartbeatMs = checkOutboxLease(config.outboxLease).heartbeatMs;
  }

  async deliver(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: [], failed: [], lost: [] };
    for (;;) {
      const [message] = await this.outbox.claim(1);
      if (!message) return report;
      await this.deliverOne(message, report);
    }
  }

  private async deliverOne(message: OutboxMessage, report: DeliveryReport): Promise<void> {
    if (message.attempts > MAX_TRIES) {
      // Its last allowed try never settled (the sender stopped mid-send): give up unsent.
      await this.settleFailure(message, report, {
        permanent: false,
        reason: message.lastError ?? 'envoi interrompu à chaque essai',
      });
      return;
    }
    const heartbeat = new LeaseHeartbeat(
      () => this.outbox.renewLease(message),
      this.heartbeatMs,
      (error) =>
        this.logger.warn(`Réservation non renouvelée pour ${message.id} : ${describe(error)}`),
    );
    const outcome = await this.send(message).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await heartbeat.stop();
    if (!outcome.ok) {
      await this.settleFailure(message, report, classifyDeliveryError(outcome.error));
      return;
    }
    if (await this.outbox.markSent(message, outcome.result.emlPath)) {
      report.sent.push({
        to: message.recipientEmail,
        subject: message.subject,
        messageId: message.messageId,
        emlPath: outcome.result.emlPath,
      });
      return;
    }
    this.logger.warn(
      `Réservation perdue pour ${message.recipientEmail} (${message.messageId}) : accepté par le serveur, mais repris par un autre envoi`,
    );
    report.lost.push({
      to: message.recipientEmail,
      subject: message.subject,
      messageId: message.messageId,
      accepted: true,
    });
  }

  private send(message: OutboxMessage): Promise<DeliveryResult> {
    return this.transport.send({
      from: this.config.mailFrom,
      to: message.recipientEmail,
      subject: message.subject,
      html: message.html,
      text: message.text,
      messageId: message.messageId,
      date: this.clock.now(),
    });
  }

  private async settleFailure(
    message: OutboxMessage,
    report: DeliveryReport,
    failure: DeliveryFailure,
  ): Promise<void> {
    const outcome = await this.outbox.markFailed(message, failure);
    if (outcome === 'lost') {
      this.logger.warn(
        `Réservation perdue pour ${message.recipientEmail} (${message.messageId}) après un échec : ${failure.reason}`,
      );
      report.lost.push({
        to: message.recipientEmail,
        subject: message.subject,
        messageId: message.messageId,
        accepted: false,
      });
      return;
    }
    const final = outcome === 'failed';
    if (final) {
      this.logger.error(
        `Échec définitif d’envoi à ${message.recipientEmail} après ${message.attempts} essai(s) : ${failure.reason}`,
      );
    } else {
      this.logger.warn(`Échec d’envoi à ${message.recipientEmail} : ${failure.reason}`);
    }
    report.failed.push({
      to: message.recipientEmail,
      subject: message.subject,
      error: failure.reason,
      attempts: message.attempts,
      final,
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

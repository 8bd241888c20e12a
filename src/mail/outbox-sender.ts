import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { MailTransport } from './mail-transport.js';
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
  error: string;
}

export interface DeliveryReport {
  sent: SentMail[];
  failed: FailedMail[];
}

const BATCH = 10;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends what the outbox holds: claim a batch, send each message, settle it, repeat. */
@Injectable()
export class OutboxSender implements OnModuleDestroy {
  private readonly logger = new Logger('OutboxSender');

  constructor(
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: [], failed: [] };
    for (;;) {
      const batch = await this.outbox.claim(BATCH);
      if (batch.length === 0) return report;
      for (const message of batch) {
        try {
          const result = await this.transport.send({
            from: this.config.mailFrom,
            to: message.recipientEmail,
            subject: message.subject,
            html: message.html,
            text: message.text,
            messageId: message.messageId,
            date: this.clock.now(),
          });
          await this.outbox.markSent(message, result.emlPath);
          report.sent.push({
            to: message.recipientEmail,
            subject: message.subject,
            messageId: message.messageId,
            emlPath: result.emlPath,
          });
        } catch (error) {
          const reason = describe(error);
          this.logger.warn(`Échec d’envoi à ${message.recipientEmail} : ${reason}`);
          await this.outbox.markFailed(message, reason);
          report.failed.push({
            to: message.recipientEmail,
            subject: message.subject,
            error: reason,
          });
        }
      }
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

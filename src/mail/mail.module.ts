import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EmlTransport, MailTransport, SmtpTransport } from './mail-transport.js';
import { MailTemplates } from './mail-templates.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxSender } from './outbox-sender.js';
import { OutboxService } from './outbox.service.js';

@Module({
  controllers: [OutboxController],
  providers: [
    {
      provide: MailTransport,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport =>
        config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new EmlTransport(config.mailDir),
    },
    MailTemplates,
    OutboxService,
    OutboxSender,
  ],
  exports: [MailTemplates, OutboxService, OutboxSender],
})
export class MailModule {}

import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { MailModule } from '../mail/mail.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CqcCampaignModule } from './campaign/campaign.module.js';
import { CqcConfirmController } from './cqc-confirm.controller.js';
import { CqcConfirmService } from './cqc-confirm.service.js';
import { CqcCertificatesController, CqcSessionController } from './cqc.controller.js';
import { CqcService } from './cqc.service.js';
import { CqcHubAccountController } from './hub-account/hub-account.controller.js';
import { CqcHubAccountService } from './hub-account/hub-account.service.js';

/** Hub Pro Transport registration of a session's drivers and their certificates (issue 15). */
@Module({
  imports: [SessionsModule, DocumentsModule, MailModule, CqcCampaignModule],
  controllers: [
    CqcSessionController,
    CqcCertificatesController,
    CqcConfirmController,
    CqcHubAccountController,
  ],
  providers: [CqcService, CqcConfirmService, CqcHubAccountService],
  exports: [CqcService, CqcHubAccountService, CqcCampaignModule],
})
export class CqcModule {}

import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CqcCampaignModule } from './campaign/campaign.module.js';
import { CqcConfirmController } from './cqc-confirm.controller.js';
import { CqcConfirmService } from './cqc-confirm.service.js';
import { CqcCertificatesController, CqcSessionController } from './cqc.controller.js';
import { CqcService } from './cqc.service.js';

/** Hub Pro Transport registration of a session's drivers and their certificates (issue 15). */
@Module({
  imports: [SessionsModule, CqcCampaignModule],
  controllers: [CqcSessionController, CqcCertificatesController, CqcConfirmController],
  providers: [CqcService, CqcConfirmService],
  exports: [CqcService, CqcCampaignModule],
})
export class CqcModule {}

import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CampaignDocumentsService } from './campaign/documents/campaign-documents.service.js';
import { CqcConfirmController } from './cqc-confirm.controller.js';
import { CqcConfirmService } from './cqc-confirm.service.js';
import { CqcCertificatesController, CqcSessionController } from './cqc.controller.js';
import { CqcService } from './cqc.service.js';

/** Hub Pro Transport registration of a session's drivers and their certificates (issue 15). */
@Module({
  imports: [SessionsModule, DocumentsModule],
  controllers: [CqcSessionController, CqcCertificatesController, CqcConfirmController],
  providers: [CqcService, CqcConfirmService, CampaignDocumentsService],
  exports: [CqcService, CampaignDocumentsService],
})
export class CqcModule {}

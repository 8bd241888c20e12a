import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module.js';
import { CqcCampaignController } from './campaign.controller.js';
import { CqcCampaignService } from './campaign.service.js';
import { CampaignDocumentsService } from './documents/campaign-documents.service.js';

/** CQC-by-equivalence campaigns with the schools under convention (issue 15, seed 000). */
@Module({
  imports: [DocumentsModule],
  controllers: [CqcCampaignController],
  providers: [CqcCampaignService, CampaignDocumentsService],
  exports: [CqcCampaignService, CampaignDocumentsService],
})
export class CqcCampaignModule {}

import { Module } from '@nestjs/common';
import { CqcCampaignController } from './campaign.controller.js';
import { CqcCampaignService } from './campaign.service.js';

/** CQC-by-equivalence campaigns with the schools under convention (issue 15, seed 000). */
@Module({
  controllers: [CqcCampaignController],
  providers: [CqcCampaignService],
  exports: [CqcCampaignService],
})
export class CqcCampaignModule {}

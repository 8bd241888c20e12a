import { Module } from '@nestjs/common';
import { CentresModule } from '../centres/centres.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ObligationsController } from './obligations.controller.js';
import { ObligationsService } from './obligations.service.js';

@Module({
  imports: [CentresModule, ProvidersModule],
  controllers: [ObligationsController],
  providers: [ObligationsService],
  exports: [ObligationsService],
})
export class ObligationsModule {}

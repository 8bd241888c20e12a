import { Module } from '@nestjs/common';
import { AgrementsModule } from '../agrements/agrements.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceService } from './compliance.service.js';

@Module({
  imports: [SessionsModule, AgrementsModule],
  controllers: [ComplianceController],
  providers: [ComplianceService],
  exports: [ComplianceService],
})
export class ComplianceModule {}

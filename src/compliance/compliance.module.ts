import { Module } from '@nestjs/common';
import { CertificationModule } from '../certification/certification.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceService } from './compliance.service.js';

@Module({
  imports: [SessionsModule, CertificationModule],
  controllers: [ComplianceController],
  providers: [ComplianceService],
  exports: [ComplianceService],
})
export class ComplianceModule {}

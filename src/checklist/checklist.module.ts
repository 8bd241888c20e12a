import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { ChecklistController } from './checklist.controller.js';
import { ChecklistService } from './checklist.service.js';
import { ChecklistTemplates } from './checklist-templates.js';

@Module({
  imports: [SessionsModule, ComplianceModule],
  controllers: [ChecklistController],
  providers: [ChecklistService, ChecklistTemplates],
  exports: [ChecklistService, ChecklistTemplates],
})
export class ChecklistModule {}

import { Module } from '@nestjs/common';
import { ChecklistTemplates } from '../checklist/checklist-templates.js';
import { CertificationRecords } from './certification-records.service.js';
import { ResitsController } from './resits.controller.js';
import { ResitsService } from './resits.service.js';

/** The certification record of people across sessions, their re-sits, and the rules they rest on. */
@Module({
  controllers: [ResitsController],
  // ChecklistTemplates (a cached reader of the template files, no dependency) is provided here
  // rather than imported with ChecklistModule: that module reaches the compliance checks, which
  // read the certification record, and the two modules would import each other.
  providers: [CertificationRecords, ResitsService, ChecklistTemplates],
  exports: [CertificationRecords, ResitsService],
})
export class CertificationModule {}

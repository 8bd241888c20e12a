import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { CentresModule } from '../centres/centres.module.js';
import { CertificationModule } from '../certification/certification.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { CqcModule } from '../cqc/cqc.module.js';
import { MailModule } from '../mail/mail.module.js';
import { ObligationsModule } from '../obligations/obligations.module.js';
import { RetentionModule } from '../retention/retention.module.js';
import { ReminderPassService } from './reminder-pass.service.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderPolicyController } from './reminder-policy.controller.js';
import { ReminderPolicyService } from './reminder-policy.service.js';
import { ReminderScheduler } from './reminder-scheduler.js';

@Module({
  imports: [
    ScheduleModule.forRoot(),
    CentresModule,
    CertificationModule,
    ComplianceModule,
    CqcModule,
    MailModule,
    ObligationsModule,
    RetentionModule,
  ],
  controllers: [ReminderPolicyController],
  providers: [ReminderPolicyService, ReminderPlanner, ReminderPassService, ReminderScheduler],
  exports: [ReminderPolicyService, ReminderPassService],
})
export class RemindersModule {}

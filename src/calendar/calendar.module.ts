import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { ObligationsModule } from '../obligations/obligations.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

@Module({
  imports: [SessionsModule, ComplianceModule, ObligationsModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarFeedService],
  exports: [CalendarService, CalendarFeedService],
})
export class CalendarModule {}

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AgrementsModule } from './agrements/agrements.module.js';
import { ProvidersModule } from './providers/providers.module.js';
import { ObligationsModule } from './obligations/obligations.module.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CandidatesModule } from './candidates/candidates.module.js';
import { CertificationModule } from './certification/certification.module.js';
import { PeopleModule } from './people/people.module.js';
import { CentresModule } from './centres/centres.module.js';
import { ChecklistModule } from './checklist/checklist.module.js';
import { ComplianceModule } from './compliance/compliance.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { CqcModule } from './cqc/cqc.module.js';
import { Clock } from './common/clock.js';
import { BodyGuard } from './common/http/body-parsing.js';
import { HttpExceptionFilter } from './common/http/http-exception.filter.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { JuryModule } from './jury/jury.module.js';
import { PlanningModule } from './planning/planning.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { TitresModule } from './titres/titres.module.js';
import { UsersModule } from './users/users.module.js';
import { WebModule } from './web/web.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule,
        AuditModule,
        UsersModule,
        AuthModule,
        CentresModule,
        TitresModule,
        AgrementsModule,
        ProvidersModule,
        ObligationsModule,
        SessionsModule,
        CertificationModule,
        PeopleModule,
        CandidatesModule,
        JuryModule,
        ChecklistModule,
        ComplianceModule,
        IncidentsModule,
        CqcModule,
        DocumentsModule,
        PlanningModule,
        RemindersModule,
        CalendarModule,
        HealthModule,
        DemoModule,
        WebModule,
      ],
      controllers: [AuditController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        // Before AuthGuard (AuthModule's): an unsupported body is 415 whatever the session.
        { provide: APP_GUARD, useClass: BodyGuard },
      ],
    };
  }
}

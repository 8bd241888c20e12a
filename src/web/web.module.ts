import { Module } from '@nestjs/common';
import { AgrementsModule } from '../agrements/agrements.module.js';
import { ProvidersModule } from '../providers/providers.module.js';
import { ObligationsModule } from '../obligations/obligations.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { CertificationModule } from '../certification/certification.module.js';
import { ChecklistModule } from '../checklist/checklist.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JuryModule } from '../jury/jury.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { UsersModule } from '../users/users.module.js';
import { CalendarPage } from './calendar/calendar-page.service.js';
import { CalendarQuery } from './calendar/calendar.query.js';
import { WebCalendarController } from './calendar/web-calendar.controller.js';
import { DeadlinesPage } from './deadlines/deadlines-page.service.js';
import { WebDeadlinesController } from './deadlines/web-deadlines.controller.js';
import { SessionDashboard } from './dashboard/session-dashboard.service.js';
import { TaskRowHtml } from './dashboard/task-row-html.js';
import { WebSessionsController } from './dashboard/web-sessions.controller.js';
import { WEB_FORM_CONTROLLERS, WEB_FORM_PROVIDERS } from './forms/web-forms.js';
import { SessionListQuery } from './queries/session-list.query.js';
import { SessionPageQuery } from './queries/session-page.query.js';
import { WebAccountController } from './web-account.controller.js';
import { WebAuthController } from './web-auth.controller.js';
import { PeopleModule } from '../people/people.module.js';
import { WebPeopleController } from './people/web-people.controller.js';
import { WebResitsController } from './resits/web-resits.controller.js';
import { WebCqcController } from './cqc/web-cqc.controller.js';
import { CqcModule } from '../cqc/cqc.module.js';
import { WebCampaignController } from './cqc/web-campaign.controller.js';
import { CqcCampaignModule } from '../cqc/campaign/campaign.module.js';
import { WebAuthService } from './web-auth.service.js';
import { HTML_NOT_FOUND_PAGE } from '../common/http/html-not-found.js';
import { PlanningModule } from '../planning/planning.module.js';
import { WebExportsController } from './exports/web-exports.controller.js';
import { WebGlossaryController } from './glossary/web-glossary.controller.js';
import { WebExceptionFilter, WebNotFoundPage } from './web-exception.filter.js';
import { WebPages } from './web-pages.js';

/**
 * The dashboard: server-rendered French pages over the same services (and the same scoping) as
 * the API. Page controllers use `WebPages.render(req, res, view, title, section, model)` and
 * `@UseFilters(WebExceptionFilter)`; form controllers are registered here too.
 */
@Module({
  imports: [
    AuthModule,
    UsersModule,
    CentresModule,
    TitresModule,
    AgrementsModule,
    ProvidersModule,
    ObligationsModule,
    SessionsModule,
    CandidatesModule,
    PeopleModule,
    CertificationModule,
    JuryModule,
    ChecklistModule,
    ComplianceModule,
    IncidentsModule,
    DocumentsModule,
    CalendarModule,
    CqcModule,
    CqcCampaignModule,
    PlanningModule,
  ],
  // The form controllers come before the pages: `/sessions/new` must not reach `/sessions/:id`.
  controllers: [
    WebAuthController,
    WebAccountController,
    ...WEB_FORM_CONTROLLERS,
    WebSessionsController,
    WebCalendarController,
    WebDeadlinesController,
    WebPeopleController,
    WebResitsController,
    WebCqcController,
    WebCampaignController,
    WebGlossaryController,
    WebExportsController,
  ],
  providers: [
    WebPages,
    WebAuthService,
    WebExceptionFilter,
    WebNotFoundPage,
    { provide: HTML_NOT_FOUND_PAGE, useExisting: WebNotFoundPage },
    SessionListQuery,
    SessionPageQuery,
    SessionDashboard,
    TaskRowHtml,
    CalendarQuery,
    CalendarPage,
    DeadlinesPage,
    ...WEB_FORM_PROVIDERS,
  ],
  exports: [WebPages, WebAuthService, WebExceptionFilter, HTML_NOT_FOUND_PAGE],
})
export class WebModule {}

import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module.js';
import { ChecklistModule } from '../checklist/checklist.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { JuryModule } from '../jury/jury.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { TitresModule } from '../titres/titres.module.js';
import { DocumentQuota } from './document-quota.js';
import { DocumentTemplates } from './document-templates.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { PDF_RENDERER_OPTIONS, PdfRenderer, pdfRendererOptions } from './pdf-renderer.js';
import { SessionDossierLoader } from './session-dossier.loader.js';
import { CertificationModule } from '../certification/certification.module.js';

@Module({
  imports: [
    CertificationModule,
    SessionsModule,
    TitresModule,
    CandidatesModule,
    JuryModule,
    ChecklistModule,
    IncidentsModule,
  ],
  controllers: [DocumentsController],
  providers: [
    {
      provide: PDF_RENDERER_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => pdfRendererOptions(config),
    },
    PdfRenderer,
    { provide: DocumentQuota, useFactory: () => new DocumentQuota() },
    DocumentTemplates,
    SessionDossierLoader,
    DocumentsService,
  ],
  exports: [DocumentsService, PdfRenderer, DocumentQuota, DocumentTemplates],
})
export class DocumentsModule {}

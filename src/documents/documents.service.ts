import {
  HttpException,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { zipSync, type Zippable } from 'fflate';
import { journalDocument } from '../audit/journal-document.js';
import { JournalService, type JournalFilter } from '../audit/journal.service.js';
import { ChecklistService } from '../checklist/checklist.service.js';
import { ChecklistTemplates } from '../checklist/checklist-templates.js';
import type { Caller } from '../common/caller.js';
import { notFound } from '../common/errors.js';
import { attendanceSheets } from './attendance-sheet-view.js';
import { filledChecklist } from './checklist-document-view.js';
import { candidateConvocations, staffConvocations } from './convocation-views.js';
import {
  documentFileName,
  documentLinks,
  SESSION_DOCUMENTS,
  sessionTag,
  zipFileName,
  type DocumentLink,
  type DocumentRequest,
} from './document-catalog.js';
import { DocumentQuota, type DocumentWork } from './document-quota.js';
import { DocumentTemplates } from './document-templates.js';
import {
  carenceMinutes,
  fraudReport,
  individualMinutes,
  laureatesList,
  sessionMinutes,
} from './minutes-views.js';
import { mapInFlight } from './pack-loop.js';
import { PdfRenderer, PdfRendererError, type PdfDocument } from './pdf-renderer.js';
import { RenderCancelledError, type RenderOrder } from './render-queue.js';
import type { SessionDossier } from './session-dossier.js';
import { SessionDossierLoader } from './session-dossier.loader.js';

export interface RenderedFile {
  fileName: string;
  contentType: 'application/pdf' | 'application/zip';
  body: Buffer;
}

export const RENDERER_UNAVAILABLE =
  'Le générateur de documents PDF est momentanément indisponible (Chromium ne répond pas). ' +
  'Réessayez dans quelques instants ; si le problème persiste, contactez l’administrateur ' +
  '(réglages CHROMIUM_PATH ou CHROMIUM_WS_ENDPOINT).';

/** Documents of one ZIP rendered or waiting at once: one more than the pages packs may take. */
export const PACK_IN_FLIGHT = 3;

/**
 * The client went away before its documents were ready: nothing is sent (nginx's 499 "client
 * closed request"), and nothing is logged as an error.
 */
export class ClientGoneException extends HttpException {
  constructor() {
    super('Requête abandonnée par le client avant la fin du rendu.', 499);
  }
}

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);
  /** Numbers the ZIPs, each a pack of its own in the renderer's line. */
  private lastPack = 0;

  constructor(
    private readonly dossiers: SessionDossierLoader,
    private readonly checklist: ChecklistService,
    private readonly checklistTemplates: ChecklistTemplates,
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly quota: DocumentQuota,
    private readonly journals: JournalService,
  ) {}

  /** The documents of a session, with their URLs, for the API and the dashboard. */
  async list(caller: Caller, sessionId: string): Promise<DocumentLink[]> {
    return documentLinks(await this.dossiers.load(caller, sessionId));
  }

  /**
   * One document as a PDF; 404 for another centre's session, 429 beyond the caller's or the
   * centre's documents in progress, 503 when Chromium fails. `signal`: the client has gone.
   */
  async render(
    caller: Caller,
    sessionId: string,
    request: DocumentRequest,
    signal?: AbortSignal,
  ): Promise<RenderedFile> {
    return this.admitted(caller, sessionId, 'single', signal, async (dossier) => {
      const document = await this.html(caller, dossier, request);
      return {
        fileName: documentFileName(dossier, request),
        contentType: 'application/pdf',
        body: await this.pdf(document, { lane: 'single', signal }),
      };
    });
  }

  /** The session's journal (audit log) in French, narrowed by the dashboard's filter. */
  async journal(
    caller: Caller,
    sessionId: string,
    filter: JournalFilter,
    signal?: AbortSignal,
  ): Promise<RenderedFile> {
    return this.admitted(caller, sessionId, 'single', signal, async (dossier) => {
      const journal = await this.journals.journal(sessionId, filter);
      const document = this.templates.document('journal', journalDocument(dossier, journal));
      return {
        fileName: `journal_${sessionTag(dossier)}.pdf`,
        contentType: 'application/pdf',
        body: await this.pdf(document, { lane: 'single', signal }),
      };
    });
  }

  /**
   * Every document of the session in one ZIP: the session's documents, then each candidate's
   * convocation and PV and each assigned person's convocation in their own folders. Its
   * documents wait in the renderer's pack lane, a few at a time, and stop once `signal` aborts.
   */
  async zip(caller: Caller, sessionId: string, signal?: AbortSignal): Promise<RenderedFile> {
    return this.admitted(caller, sessionId, 'pack', signal, async (dossier) => {
      const requests: { folder: string; request: DocumentRequest }[] = [
        ...SESSION_DOCUMENTS.map((d) => ({ folder: '', request: { kind: d.kind } })),
        ...dossier.candidates.flatMap((c) => [
          { folder: 'convocations/', request: { kind: 'convocation', candidateId: c.id } as const },
          {
            folder: 'pv-individuels/',
            request: { kind: 'pv-individuel', candidateId: c.id } as const,
          },
        ]),
        ...dossier.staff.map((s) => ({
          folder: 'convocations-jury/',
          request: { kind: 'jury-convocation', assignmentId: s.assignmentId } as const,
        })),
      ];
      const order: RenderOrder = {
        lane: 'pack',
        owner: dossier.session.centreId,
        pack: String(++this.lastPack),
        signal,
      };
      const files = await mapInFlight(
        requests,
        PACK_IN_FLIGHT,
        async ({ folder, request }) => ({
          path: `${folder}${documentFileName(dossier, request)}`,
          body: await this.pdf(await this.html(caller, dossier, request), order),
        }),
        signal,
      );
      const entries: Zippable = {};
      for (const file of files) entries[file.path] = [new Uint8Array(file.body), { level: 0 }];
      return {
        fileName: zipFileName(dossier),
        contentType: 'application/zip',
        body: Buffer.from(zipSync(entries)),
      };
    });
  }

  /**
   * Runs `work` on the session's dossier as one request in progress for the caller and for the
   * session's centre (429 beyond their caps), until it is done or abandoned.
   */
  private async admitted<T>(
    caller: Caller,
    sessionId: string,
    work: DocumentWork,
    signal: AbortSignal | undefined,
    run: (dossier: SessionDossier) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw new ClientGoneException();
    const leaveUser = this.quota.enter('user', caller.userId, work);
    try {
      const dossier = await this.dossiers.load(caller, sessionId);
      const leaveCentre = this.quota.enter('centre', dossier.session.centreId, work);
      try {
        return await run(dossier);
      } finally {
        leaveCentre();
      }
    } catch (error) {
      if (error instanceof RenderCancelledError) throw new ClientGoneException();
      throw error;
    } finally {
      leaveUser();
    }
  }

  private async html(
    caller: Caller,
    dossier: SessionDossier,
    request: DocumentRequest,
  ): Promise<PdfDocument> {
    switch (request.kind) {
      case 'convocations':
        return this.templates.document('convocations', candidateConvocations(dossier));
      case 'convocation':
        this.candidateOf(dossier, request.candidateId);
        return this.templates.document(
          'convocations',
          candidateConvocations(dossier, [request.candidateId]),
        );
      case 'jury-convocations':
        return this.templates.document('convocations-jury', staffConvocations(dossier));
      case 'jury-convocation':
        if (!dossier.staff.some((s) => s.assignmentId === request.assignmentId)) {
          throw notFound('Affectation');
        }
        return this.templates.document(
          'convocations-jury',
          staffConvocations(dossier, request.assignmentId),
        );
      case 'emargement':
        return this.templates.document('emargement', attendanceSheets(dossier));
      case 'pv':
        return this.templates.document('pv-session', sessionMinutes(dossier));
      case 'pv-individuels':
        return this.templates.document('pv-individuels', individualMinutes(dossier));
      case 'pv-individuel':
        this.candidateOf(dossier, request.candidateId);
        return this.templates.document(
          'pv-individuels',
          individualMinutes(dossier, request.candidateId),
        );
      case 'carence':
        return this.templates.document('pv-carence', carenceMinutes(dossier));
      case 'fraude':
        return this.templates.document('rapport-fraude', fraudReport(dossier));
      case 'laureats':
        return this.templates.document('laureats', laureatesList(dossier));
      case 'checklist': {
        const tasks = await this.checklist.list(caller, dossier.session.id);
        const version = dossier.session.checklistVersion;
        const template = this.checklistTemplates.find(version);
        return this.templates.document(
          'liste-de-controle',
          filledChecklist(dossier, {
            title: template?.title ?? 'Guide de préparation de la session',
            version,
            tasks,
          }),
        );
      }
    }
  }

  private candidateOf(dossier: SessionDossier, candidateId: string): void {
    if (!dossier.candidates.some((c) => c.id === candidateId)) {
      throw new NotFoundException('Candidat introuvable.');
    }
  }

  private async pdf(document: PdfDocument, order: RenderOrder): Promise<Buffer> {
    try {
      return await this.renderer.render(document, order);
    } catch (error) {
      if (!(error instanceof PdfRendererError)) throw error;
      this.logger.error(error.message);
      throw new ServiceUnavailableException(RENDERER_UNAVAILABLE);
    }
  }
}

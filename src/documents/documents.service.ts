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
import { SessionsService } from '../sessions/sessions.service.js';
import { notFound } from '../common/errors.js';
import { attendanceSheets } from './attendance-sheet-view.js';
import { filledChecklist, type ChecklistSource } from './checklist-document-view.js';
import { candidateConvocations, staffConvocations } from './convocation-views.js';
import {
  documentFileName,
  documentLinks,
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
import { buildPack } from './document-pack.js';
import { PackProgress, type PackProgressView } from './pack-progress.js';
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
  private readonly progress = new PackProgress();

  constructor(
    private readonly dossiers: SessionDossierLoader,
    private readonly checklist: ChecklistService,
    private readonly checklistTemplates: ChecklistTemplates,
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
    private readonly quota: DocumentQuota,
    private readonly journals: JournalService,
    private readonly sessions: SessionsService,
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
   * convocation and PV and each assigned person's convocation in their own folders. Each kind is
   * rendered once and split per person; its renderings wait in the renderer's pack lane, a few at
   * a time, and stop once `signal` aborts. `progress`: a token chosen by the client, under which
   * `packProgress` tells how many files are done.
   */
  async zip(
    caller: Caller,
    sessionId: string,
    signal?: AbortSignal,
    progress?: string,
  ): Promise<RenderedFile> {
    const tracker = progress ? this.progress.start(caller.userId, sessionId, progress) : null;
    try {
      const file = await this.admitted(caller, sessionId, 'pack', signal, async (dossier) => {
        const order: RenderOrder = {
          lane: 'pack',
          owner: dossier.session.centreId,
          pack: String(++this.lastPack),
          signal,
        };
        const files = await buildPack(
          dossier,
          {
            html: (request) => this.html(caller, dossier, request),
            render: (document) => this.pdf(document, order),
            warn: (message) => this.logger.warn(message),
          },
          { inFlight: PACK_IN_FLIGHT, signal, progress: tracker?.update },
        );
        const entries: Zippable = {};
        for (const f of files) entries[f.path] = [f.body, { level: 0 }];
        return {
          fileName: zipFileName(dossier),
          contentType: 'application/zip' as const,
          body: Buffer.from(zipSync(entries)),
        };
      });
      tracker?.finish('done');
      return file;
    } catch (error) {
      tracker?.finish('failed');
      throw error;
    }
  }

  /**
   * Where the caller's pack of this session under `token` stands (404 for another centre's
   * session); `pending` until its request has started.
   */
  async packProgress(caller: Caller, sessionId: string, token: string): Promise<PackProgressView> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.progress.read(caller.userId, sessionId, token);
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

  private html(
    caller: Caller,
    dossier: SessionDossier,
    request: DocumentRequest,
  ): Promise<PdfDocument> {
    return documentHtml(this.templates, dossier, request, async () => {
      const version = dossier.session.checklistVersion;
      return {
        title: this.checklistTemplates.find(version)?.title ?? 'Guide de préparation de la session',
        version,
        tasks: await this.checklist.list(caller, dossier.session.id),
      };
    });
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

function candidateOf(dossier: SessionDossier, candidateId: string): void {
  if (!dossier.candidates.some((c) => c.id === candidateId)) {
    throw new NotFoundException('Candidat introuvable.');
  }
}

/** The HTML of a document of the session (`checklist`: the filled checklist, read on demand). */
export async function documentHtml(
  templates: DocumentTemplates,
  dossier: SessionDossier,
  request: DocumentRequest,
  checklist: () => Promise<ChecklistSource>,
): Promise<PdfDocument> {
  switch (request.kind) {
    case 'convocations':
      return templates.document('convocations', candidateConvocations(dossier));
    case 'convocation':
      candidateOf(dossier, request.candidateId);
      return templates.document(
        'convocations',
        candidateConvocations(dossier, [request.candidateId]),
      );
    case 'jury-convocations':
      return templates.document('convocations-jury', staffConvocations(dossier));
    case 'jury-convocation':
      if (!dossier.staff.some((s) => s.assignmentId === request.assignmentId)) {
        throw notFound('Affectation');
      }
      return templates.document(
        'convocations-jury',
        staffConvocations(dossier, request.assignmentId),
      );
    case 'emargement':
      return templates.document('emargement', attendanceSheets(dossier));
    case 'pv':
      return templates.document('pv-session', sessionMinutes(dossier));
    case 'pv-individuels':
      return templates.document('pv-individuels', individualMinutes(dossier));
    case 'pv-individuel':
      candidateOf(dossier, request.candidateId);
      return templates.document('pv-individuels', individualMinutes(dossier, request.candidateId));
    case 'carence':
      return templates.document('pv-carence', carenceMinutes(dossier));
    case 'fraude':
      return templates.document('rapport-fraude', fraudReport(dossier));
    case 'laureats':
      return templates.document('laureats', laureatesList(dossier));
    case 'checklist':
      return templates.document('liste-de-controle', filledChecklist(dossier, await checklist()));
  }
}

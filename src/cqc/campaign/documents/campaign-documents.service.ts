/**
 * The four PDF documents of a CQC-by-equivalence campaign (attestation of success, envelope
 * checklist, hand-over sheet, pupils turning 18), rendered from plain data with the session
 * documents' templates and renderer (same fonts, letterhead style, footer and waiting line).
 */
import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DocumentTemplates } from '../../../documents/document-templates.js';
import { ClientGoneException, RENDERER_UNAVAILABLE } from '../../../documents/documents.service.js';
import { PdfRenderer, PdfRendererError } from '../../../documents/pdf-renderer.js';
import { RenderCancelledError } from '../../../documents/render-queue.js';
import type { CampaignDocumentInput } from '../campaign-documents.types.js';
import {
  CAMPAIGN_DOCUMENT_TEMPLATES,
  campaignDocumentFileName,
  campaignDocumentView,
} from './campaign-document-views.js';

@Injectable()
export class CampaignDocumentsService {
  private readonly logger = new Logger(CampaignDocumentsService.name);

  constructor(
    private readonly templates: DocumentTemplates,
    private readonly renderer: PdfRenderer,
  ) {}

  /**
   * The PDF of one campaign document. 503 (French message) when Chromium fails; 499 when
   * `signal` aborts (the client has gone) before the document is rendered.
   */
  async render(input: CampaignDocumentInput, signal?: AbortSignal): Promise<Uint8Array> {
    const document = this.templates.document(
      CAMPAIGN_DOCUMENT_TEMPLATES[input.kind],
      campaignDocumentView(input),
    );
    try {
      return await this.renderer.render(document, { lane: 'single', signal });
    } catch (error) {
      if (error instanceof RenderCancelledError) throw new ClientGoneException();
      if (!(error instanceof PdfRendererError)) throw error;
      this.logger.error(error.message);
      throw new ServiceUnavailableException(RENDERER_UNAVAILABLE);
    }
  }

  /** ASCII file name: « cqc-remise-cqc-lycee-jean-moulin-2026-2027.pdf ». */
  fileName(input: CampaignDocumentInput): string {
    return campaignDocumentFileName(input);
  }
}

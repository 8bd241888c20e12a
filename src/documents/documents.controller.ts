import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { clientGoneSignal } from '../common/http/client-gone.js';
import { UuidParam, UuidParamPipe } from '../common/validation/uuid-param.js';
import type { DocumentLink, DocumentRequest } from './document-catalog.js';
import { RETRY_AFTER_SECONDS, TooManyDocumentsException } from './document-quota.js';
import { DocumentsService, type RenderedFile } from './documents.service.js';
import type { PackProgressView } from './pack-progress.js';

/** The optional `progress` token of a pack: absent, or a UUID (400 otherwise). */
const progressToken = new UuidParamPipe('progress');

/** Sends a rendered file with its type and a French file name (ASCII, and UTF-8 for browsers). */
function send(res: Response, file: RenderedFile): StreamableFile {
  const disposition = file.contentType === 'application/pdf' ? 'inline' : 'attachment';
  res.setHeader('Content-Type', file.contentType);
  res.setHeader(
    'Content-Disposition',
    `${disposition}; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.body);
}

/**
 * Renders for this response: the rendering stops if its client goes away first, and a 429
 * tells the client when to try again.
 */
async function rendered(
  res: Response,
  render: (signal: AbortSignal) => Promise<RenderedFile>,
): Promise<StreamableFile> {
  try {
    return send(res, await render(clientGoneSignal(res)));
  } catch (error) {
    if (error instanceof TooManyDocumentsException) {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    }
    throw error;
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/sessions/:id')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  private pdf(
    caller: Caller,
    sessionId: string,
    request: DocumentRequest,
    res: Response,
  ): Promise<StreamableFile> {
    return rendered(res, (signal) => this.documents.render(caller, sessionId, request, signal));
  }

  @Get('documents')
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<DocumentLink[]> {
    return this.documents.list(caller, id);
  }

  /** `progress`: a UUID chosen by the client, to follow the pack at `documents/pack-progress/…`. */
  @Get('documents/documents.zip')
  @ApiProduces('application/zip')
  @ApiQuery({ name: 'progress', required: false, format: 'uuid' })
  zip(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query('progress') progress: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const token = progress === undefined ? undefined : progressToken.transform(progress);
    return rendered(res, (signal) => this.documents.zip(caller, id, signal, token));
  }

  /** How far the caller's pack asked for with `?progress=<token>` is: files done of the total. */
  @Get('documents/pack-progress/:token')
  @Header('Cache-Control', 'private, no-store')
  packProgress(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('token') token: string,
  ): Promise<PackProgressView> {
    return this.documents.packProgress(caller, id, token);
  }

  @Get('documents/convocations.pdf')
  @ApiProduces('application/pdf')
  convocations(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'convocations' }, res);
  }

  @Get('documents/jury-convocations.pdf')
  @ApiProduces('application/pdf')
  juryConvocations(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'jury-convocations' }, res);
  }

  @Get('documents/emargement.pdf')
  @ApiProduces('application/pdf')
  attendance(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'emargement' }, res);
  }

  @Get('documents/pv.pdf')
  @ApiProduces('application/pdf')
  minutes(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'pv' }, res);
  }

  @Get('documents/pv-individuels.pdf')
  @ApiProduces('application/pdf')
  individualMinutes(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'pv-individuels' }, res);
  }

  @Get('documents/carence.pdf')
  @ApiProduces('application/pdf')
  carence(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'carence' }, res);
  }

  @Get('documents/fraude.pdf')
  @ApiProduces('application/pdf')
  fraud(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'fraude' }, res);
  }

  @Get('documents/checklist.pdf')
  @ApiProduces('application/pdf')
  checklist(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'checklist' }, res);
  }

  @Get('documents/laureats.pdf')
  @ApiProduces('application/pdf')
  laureates(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'laureats' }, res);
  }

  @Get('candidates/:cid/convocation.pdf')
  @ApiProduces('application/pdf')
  candidateConvocation(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') candidateId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'convocation', candidateId }, res);
  }

  @Get('candidates/:cid/pv.pdf')
  @ApiProduces('application/pdf')
  candidateMinutes(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('cid') candidateId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'pv-individuel', candidateId }, res);
  }

  @Get('jury/:assignmentId/convocation.pdf')
  @ApiProduces('application/pdf')
  staffConvocation(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return this.pdf(caller, id, { kind: 'jury-convocation', assignmentId }, res);
  }
}

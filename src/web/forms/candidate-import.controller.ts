import {
  Body,
  Controller,
  Get,
  Header,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { AcceptsBody } from '../../common/http/body-parsing.js';
import {
  CANDIDATE_CSV_COLUMNS,
  decodeCsv,
  exampleCandidateCsv,
  MAX_IMPORT_ROWS,
} from '../../candidates/candidate-csv.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { PeopleService } from '../../people/people.service.js';
import { ProvidersService } from '../../providers/providers.service.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import {
  CsvUploadInterceptor,
  previewCandidateImport,
  type ImportPreview,
  type UploadedCsv,
} from './candidate-import.js';
import { attempt, text, type FormBody } from './form-input.js';
import { labelOf } from './field-labels.js';
import { FormPages } from './form-pages.js';
import type { FormContext } from './form-support.js';

/**
 * Bulk import of a session's candidates from a CSV file: upload (or paste), preview with every
 * row's errors, then confirm: all rows are added in one transaction, or none.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions/:id/candidates/import')
export class CandidateImportController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly candidates: CandidatesService,
    private readonly forms: FormPages,
    private readonly people: PeopleService,
    private readonly providers: ProvidersService,
  ) {}

  @Get()
  async form(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.forms.writableSession(caller, id);
    const view = { preview: null, csv: '', pasted: '', error: null };
    await this.render({ req, res, caller }, session, view, 200);
  }

  @Get('exemple.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="candidats-exemple.csv"')
  async example(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<string> {
    await this.sessions.findForCaller(caller, id);
    return exampleCandidateCsv();
  }

  /** The preview (multipart: the CSRF token comes in the query, the guard runs before multer). */
  @Post()
  @AcceptsBody('multipart', 'form')
  @UseInterceptors(CsvUploadInterceptor)
  async preview(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UploadedFile() file: UploadedCsv | undefined,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const pasted = text(body ?? {}, 'csv');
    const csv = file && file.size > 0 ? decodeCsv(file.buffer) : pasted.replace(/^\uFEFF/, '');
    if (csv.trim() === '') {
      const error = 'Choisissez un fichier CSV ou collez son contenu avant d’afficher l’aperçu.';
      await this.render(ctx, session, { preview: null, csv: '', pasted, error }, 400);
      return;
    }
    const preview = await previewCandidateImport(
      csv,
      (dto) => this.candidates.newCandidateErrors(dto),
      await this.people.keysForImport(session.centreId, id),
      await this.providers.listForCentre(session.centreId),
    );
    const shown = { preview, csv, pasted: file && file.size > 0 ? '' : pasted, error: null };
    await this.render(ctx, session, shown, preview.dtos ? 200 : 400);
  }

  @Post('confirm')
  async confirm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const csv = text(body, 'csv');
    const enrolled = await this.candidates.listForSession(id);
    const preview = await previewCandidateImport(
      csv,
      (dto) => this.candidates.newCandidateErrors(dto),
      await this.people.keysForImport(session.centreId, id),
      await this.providers.listForCentre(session.centreId),
    );
    const dtos = preview.dtos;
    if (!dtos) {
      await this.render(ctx, session, { preview, csv, pasted: '', error: null }, 400);
      return;
    }
    // The candidates changed since the preview (a second click, another user): show it again.
    if (text(body, 'enrolled') !== String(enrolled.length)) {
      const error =
        'La liste des candidats de la session a changé depuis l’aperçu : rien n’a été importé. Vérifiez l’aperçu ci-dessous puis confirmez à nouveau.';
      await this.render(ctx, session, { preview, csv, pasted: '', error }, 409);
      return;
    }
    if (dtos.length === 0) {
      const error =
        'Aucune ligne à importer : toutes les personnes du fichier sont déjà inscrites à la session.';
      await this.render(ctx, session, { preview, csv, pasted: '', error }, 400);
      return;
    }
    const result = await attempt(() => this.candidates.createMany(caller, id, dtos), labelOf());
    if (!result.ok) {
      const error = Object.values(result.errors).join(' ');
      await this.render(ctx, session, { preview, csv, pasted: '', error }, result.status);
      return;
    }
    this.forms.redirect(res, { to: `/sessions/${id}/candidates`, flash: 'candidates-imported' });
  }

  private async render(
    ctx: FormContext,
    session: ExamSession,
    view: { preview: ImportPreview | null; csv: string; pasted: string; error: string | null },
    status: number,
  ): Promise<void> {
    const enrolled = await this.candidates.listForSession(session.id);
    const preview = view.preview;
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'candidates/import', title: 'Importer des candidats', tab: 'candidates' },
      () => ({
        columns: CANDIDATE_CSV_COLUMNS,
        maxRows: MAX_IMPORT_ROWS,
        enrolled: enrolled.length,
        error: view.error,
        csv: view.csv,
        pasted: view.pasted,
        preview: preview
          ? {
              headers: preview.headers,
              rows: preview.rows,
              fileErrors: preview.fileErrors,
              invalidRows: preview.invalidRows,
              warnings: preview.warnings,
              knownPeople: preview.knownPeople,
              total: preview.rows.length,
              ready: preview.dtos !== null && preview.dtos.length > 0,
              nothingToImport: preview.dtos !== null && preview.dtos.length === 0,
              count: preview.dtos?.length ?? 0,
            }
          : null,
      }),
      status,
    );
  }
}

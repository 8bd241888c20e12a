import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseJournalFilter } from '../../audit/journal.service.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { clientGoneSignal } from '../../common/http/client-gone.js';
import { DocumentsService } from '../../documents/documents.service.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import type { FormBody } from '../forms/form-input.js';
import { isHtmx, WebPages, type WebRequest } from '../web-pages.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { SessionDashboard, type SessionPageModel } from './session-dashboard.service.js';
import { TaskRowHtml } from './task-row-html.js';
import { parseChecklistFilter } from './checklist-filter.js';
import { DeadlinesPage } from '../deadlines/deadlines-page.service.js';
import { parseReturnTarget, RETURN_FIELD } from '../deadlines/return-target.js';

/** The home page (sessions of my centres), a session's page with its checklist, and its tabs. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions')
export class WebSessionsController {
  constructor(
    private readonly dashboard: SessionDashboard,
    private readonly pages: WebPages,
    private readonly taskRows: TaskRowHtml,
    private readonly documentFiles: DocumentsService,
    private readonly deadlines: DeadlinesPage,
  ) {}

  @Get()
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.dashboard.listPage(caller, query);
    this.pages.render(req, res, 'dashboard/sessions', 'Sessions', 'sessions', model);
  }

  @Get(':id')
  async show(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query('filtre') filtre: unknown,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const filter = parseChecklistFilter(filtre);
    this.renderSession(
      req,
      res,
      await this.dashboard.sessionPage(caller, id, undefined, { filter }),
    );
  }

  /** Ticks the selected tasks done on one date (the bulk form of the session page). */
  @Post(':id/checklist/bulk-complete')
  async bulkComplete(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const outcome = await this.dashboard.bulkComplete(caller, id, body);
    if (outcome.ok) {
      this.pages.redirect(res, `/sessions/${id}#liste`, 'tasks-bulk-completed');
      return;
    }
    const model = await this.dashboard.sessionPage(caller, id, undefined, { bulk: outcome.state });
    this.renderSession(req, res, model, outcome.status);
  }

  @Post(':id/tasks/:taskId')
  async tick(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('taskId') taskId: string,
    @Body() body: FormBody,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    // « Mes échéances » names itself in its forms (a fixed key, never an address).
    const back = parseReturnTarget(body[RETURN_FIELD]);
    if (!back.ok) throw new BadRequestException(back.message);
    const outcome = await this.dashboard.tick(caller, id, taskId, body);
    // A refused row keeps its return target, so that once corrected it still comes back there.
    const view = back.target ? { ...outcome.row, returnTo: back.target.key } : outcome.row;
    if (isHtmx(req)) {
      const row = this.taskRows.withToken([this.taskRows.render(view)], this.pages.csrf(req));
      // The counters and each phase's progress follow the tick in place (out-of-band swaps); on
      // « Mes échéances », its own counts.
      const counters = back.target
        ? this.pages.fragment(
            req,
            'deadlines/deadlines-oob',
            await this.deadlines.model(caller, { view: back.target.view }),
          )
        : this.pages.fragment(
            req,
            'partials/checklist-oob',
            await this.dashboard.counters(caller, id),
          );
      this.pages.send(res, Buffer.concat([...row, Buffer.from(counters)]), outcome.status);
      return;
    }
    if (outcome.status === 200) {
      const target = back.target ? back.target.path : `/sessions/${id}#task-${taskId}`;
      this.pages.redirect(res, target, 'task-saved');
      return;
    }
    this.renderSession(
      req,
      res,
      await this.dashboard.sessionPage(caller, id, view),
      outcome.status,
    );
  }

  @Get(':id/documents')
  async documents(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.dashboard.documentsPage(caller, id);
    this.pages.render(req, res, 'dashboard/documents', model.title, 'sessions', model);
  }

  @Get(':id/audit')
  async audit(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.dashboard.auditPage(caller, id, query);
    this.pages.render(req, res, 'dashboard/audit', model.title, 'sessions', model);
  }

  /** The journal as a PDF, with the page's filter (« Exporter en PDF »). */
  @Get(':id/audit/journal.pdf')
  async journalPdf(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const filter = parseJournalFilter(query);
    const file = await this.documentFiles.journal(caller, id, filter, clientGoneSignal(res));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader(
      'Content-Disposition',
      `inline; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(file.body);
  }

  /** The session page, each phase's rows put in (with the caller's CSRF token) as bytes. */
  private renderSession(
    req: WebRequest,
    res: Response,
    model: SessionPageModel,
    status = 200,
  ): void {
    const csrf = this.pages.csrf(req);
    const rows = model.phases.map((phase) => this.taskRows.withToken(phase.rows, csrf));
    const phases = model.phases.map(({ rows: _rows, ...phase }) => ({
      ...phase,
      rowsSlot: this.pages.insertSlot,
    }));
    const page = { ...model, phases };
    this.pages.render(req, res, 'dashboard/session', model.title, 'sessions', page, status, rows);
  }
}

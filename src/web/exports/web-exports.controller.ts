import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { fieldError } from '../../common/validation/field-errors.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { PlanningService } from '../../planning/planning.service.js';
import { SessionListQuery, type SessionListRow } from '../queries/session-list.query.js';
import { SessionPageQuery } from '../queries/session-page.query.js';
import { PAGE_SIZE, parseSessionListParams } from '../sessions/session-list-params.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { candidatesCsv, csvFileName, sessionsCsv } from './csv-exports.js';

/** Above this, a sessions export is refused rather than read page after page for ever. */
const MAX_EXPORTED_SESSIONS = 5000;

/**
 * « Exporter en CSV » of the dashboard's lists: the sessions with the list's filters and sort,
 * the candidates of a session, a centre's annual planning. Files for Excel in French.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('exports')
export class WebExportsController {
  constructor(
    private readonly list: SessionListQuery,
    private readonly page: SessionPageQuery,
    private readonly candidates: CandidatesService,
    private readonly planning: PlanningService,
    private readonly clock: Clock,
  ) {}

  /** The sessions list's rows, every page, with the same filters, view and sort as the page. */
  @Get('sessions.csv')
  async sessions(
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { params } = parseSessionListParams(query);
    const today = this.clock.today();
    const rows: SessionListRow[] = [];
    for (let page = 1; ; page++) {
      const result = await this.list.list(caller, { ...params, page }, today);
      rows.push(...result.rows);
      if (page * PAGE_SIZE >= Math.min(result.total, MAX_EXPORTED_SESSIONS)) break;
    }
    send(res, csvFileName('sessions', today), sessionsCsv(rows));
  }

  @Get('sessions/:id/candidates.csv')
  async sessionCandidates(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { session, header } = await this.page.header(caller, id);
    const candidates = await this.candidates.listForSession(id);
    send(
      res,
      csvFileName('candidats', header.titreCode, session.startDate),
      candidatesCsv(candidates),
    );
  }

  @Get('centres/:id/planning.csv')
  async planningCsv(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query('year') year: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const shown = exportYear(year, Number(this.clock.today().slice(0, 4)));
    const file = await this.planning.csv(caller, id, shown);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="planning-${shown}.csv"`);
    file.getStream().pipe(res);
  }
}

/** The year asked for (the current one when absent); a French 400 when malformed. */
export function exportYear(value: unknown, current: number): number {
  if (value === undefined || value === '') return current;
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    throw fieldError('year', 'Le champ « year » doit être une année de 2000 à 2100.');
  }
  return year;
}

function send(res: Response, fileName: string, body: string): void {
  res
    .status(200)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Type', 'text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
    .send(Buffer.from(body, 'utf8'));
}

import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { DeadlinesPage } from './deadlines-page.service.js';

/**
 * « Mes échéances »: what is overdue, then the next 30 days, across my sessions and my centres'
 * obligations. A task is ticked in place through the session page's route
 * (POST /sessions/:id/tasks/:taskId), which answers htmx with the checklist's own row. The row's
 * form names this page (hidden field `retour`, see return-target.ts): without JavaScript the tick
 * comes back here, and with htmx it brings this page's counts out of band (deadlines-oob.hbs).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('echeances')
export class WebDeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesPage,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.deadlines.model(caller, query);
    this.pages.render(req, res, 'deadlines/deadlines', 'Mes échéances', 'deadlines', model);
  }
}

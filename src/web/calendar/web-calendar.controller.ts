import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowViewer, CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { CalendarPage } from './calendar-page.service.js';

/** The month view of every deadline across my sessions, and my iCalendar feed URL. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('calendar')
export class WebCalendarController {
  constructor(
    private readonly calendar: CalendarPage,
    private readonly pages: WebPages,
  ) {}

  @Get()
  async month(
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.calendar.model(caller, query);
    this.pages.render(req, res, 'dashboard/calendar', 'Calendrier', 'calendar', model);
  }

  /** The new URL is shown on the page it answers with: it is never put in a link or a log. */
  @AllowViewer()
  @Post('feed/rotate')
  async rotate(
    @CurrentCaller() caller: Caller,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const url = await this.calendar.rotateFeed(caller);
    const model = await this.calendar.model(caller, {}, url);
    this.pages.render(req, res, 'dashboard/calendar', 'Calendrier', 'calendar', model);
  }

  @AllowViewer()
  @Post('feed/revoke')
  async revoke(@CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    await this.calendar.revokeFeed(caller);
    this.pages.redirect(res, '/calendar#feed-title', 'feed-revoked');
  }
}

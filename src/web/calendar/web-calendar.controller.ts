import { Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowViewer, CurrentCaller } from '../../auth/auth.decorators.js';
import type { Caller } from '../../common/caller.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import {
  FEED_ONCE_COOKIE,
  FEED_ONCE_SECONDS,
  feedOnceSecret,
} from '../../calendar/calendar-feed-once.js';
import { WebAuthService } from '../web-auth.service.js';
import { serializeCookie, servedOverHttps } from '../web-session.js';
import { CalendarPage } from './calendar-page.service.js';

/** The month view of every deadline across my sessions, and my iCalendar feed URL. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('calendar')
export class WebCalendarController {
  constructor(
    private readonly calendar: CalendarPage,
    private readonly pages: WebPages,
    private readonly auth: WebAuthService,
  ) {}

  @Get()
  async month(
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    // A feed link just created is shown once (then its cookie is cleared): a refresh shows
    // that a link exists, without creating or showing one again.
    const once = feedOnceSecret(req.headers.cookie);
    if (once) res.append('Set-Cookie', this.feedOnceCookie(req, '', 0));
    const url = await this.calendar.feedUrlOnce(caller, once);
    const model = await this.calendar.model(caller, query, url);
    this.pages.render(req, res, 'dashboard/calendar', 'Calendrier', 'calendar', model);
  }

  /**
   * Creates or renews the link, then redirects (POST, redirect, GET): the new URL is carried
   * to the page in a short-lived httpOnly cookie, never in a link or a log.
   */
  @AllowViewer()
  @Post('feed/rotate')
  async rotate(
    @CurrentCaller() caller: Caller,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const secret = await this.calendar.rotateFeed(caller);
    res.append('Set-Cookie', this.feedOnceCookie(req, secret, FEED_ONCE_SECONDS));
    this.pages.redirect(res, '/calendar#feed-title', 'feed-created');
  }

  private feedOnceCookie(req: WebRequest, value: string, maxAge: number): string {
    return serializeCookie(FEED_ONCE_COOKIE, value, {
      secure: servedOverHttps(this.auth.appUrl, req.secure),
      maxAge,
    });
  }

  @AllowViewer()
  @Post('feed/revoke')
  async revoke(@CurrentCaller() caller: Caller, @Res() res: Response): Promise<void> {
    await this.calendar.revokeFeed(caller);
    this.pages.redirect(res, '/calendar#feed-title', 'feed-revoked');
  }
}

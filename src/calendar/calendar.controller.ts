import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AllowViewer, CurrentCaller, Public } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { notFound } from '../common/errors.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CalendarFeedService, type CalendarFeedView } from './calendar-feed.service.js';
import { CalendarService } from './calendar.service.js';

const ICS = 'text/calendar; charset=utf-8';

@ApiTags('calendriers')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Get('api/sessions/:id/calendar.ics')
  @ApiBearerAuth()
  @Header('Content-Type', ICS)
  @Header('Content-Disposition', 'attachment; filename="session.ics"')
  @ApiProduces('text/calendar')
  session(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<string> {
    return this.calendars.sessionCalendar(caller, id);
  }

  @Get('api/me/calendar-feed')
  @ApiBearerAuth()
  current(@CurrentCaller() caller: Caller): Promise<CalendarFeedView> {
    return this.feeds.current(caller);
  }

  /** Creates the personal feed or gives it a new secret URL (the previous one stops working). */
  @Post('api/me/calendar-feed')
  @ApiBearerAuth()
  @AllowViewer()
  rotate(@CurrentCaller() caller: Caller): Promise<CalendarFeedView> {
    return this.feeds.rotate(caller);
  }

  @Delete('api/me/calendar-feed')
  @ApiBearerAuth()
  @AllowViewer()
  @HttpCode(204)
  revoke(@CurrentCaller() caller: Caller): Promise<void> {
    return this.feeds.revoke(caller);
  }

  // A secret URL, no bearer token (calendar applications cannot send one).
  @Get('calendar/feed/:file')
  @Public()
  @Header('Content-Type', ICS)
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('text/calendar')
  feed(@Param('file') file: string): Promise<string> {
    if (!file.endsWith('.ics')) throw notFound('Calendrier');
    return this.calendars.feedCalendar(file.slice(0, -'.ics'.length));
  }
}

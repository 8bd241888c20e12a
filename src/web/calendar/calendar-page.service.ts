import { Injectable } from '@nestjs/common';
import { CalendarFeedService } from '../../calendar/calendar-feed.service.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { parisDateTime } from '../dashboard/audit-view.js';
import { CalendarQuery, MAX_DEADLINES } from './calendar.query.js';
import { calendarDays } from './calendar-view.js';
import { MONTH_ERROR, monthGrid, parseMonth, WEEKDAY_LABELS } from './month-grid.js';

export interface FeedView {
  active: boolean;
  since: string;
  /** Shown once, right after it is created: the server keeps only a hash of the secret. */
  url: string | null;
}

@Injectable()
export class CalendarPage {
  constructor(
    private readonly clock: Clock,
    private readonly query: CalendarQuery,
    private readonly feeds: CalendarFeedService,
  ) {}

  async model(
    caller: Caller,
    query: Record<string, unknown>,
    newFeedUrl: string | null = null,
  ): Promise<object> {
    const today = this.clock.today();
    const requested = query.month;
    const month = parseMonth(requested);
    const error =
      requested !== undefined && requested !== '' && month === null ? MONTH_ERROR : null;
    const grid = monthGrid(month ?? today.slice(0, 7));
    const mine = query.view === 'mine';
    const [deadlines, feed] = await Promise.all([
      this.query.deadlines(caller, grid.gridStart, grid.gridEnd, mine),
      this.feeds.current(caller),
    ]);
    const suffix = mine ? '&view=mine' : '';
    return {
      error,
      label: grid.label,
      month: grid.month,
      previousHref: `/calendar?month=${grid.previous}${suffix}`,
      nextHref: `/calendar?month=${grid.next}${suffix}`,
      todayHref: `/calendar${mine ? '?view=mine' : ''}`,
      mine,
      allHref: `/calendar?month=${grid.month}`,
      mineHref: `/calendar?month=${grid.month}&view=mine`,
      weekdays: WEEKDAY_LABELS,
      weeks: calendarDays(grid, deadlines.slice(0, MAX_DEADLINES), today),
      truncated: deadlines.length > MAX_DEADLINES,
      total: Math.min(deadlines.length, MAX_DEADLINES),
      feed: {
        active: feed.active,
        since: feed.createdAt ? parisDateTime(feed.createdAt) : '',
        url: newFeedUrl,
      } satisfies FeedView,
    };
  }

  /** A new secret URL (the previous one stops working). */
  async rotateFeed(caller: Caller): Promise<string> {
    return (await this.feeds.rotate(caller)).url;
  }

  revokeFeed(caller: Caller): Promise<void> {
    return this.feeds.revoke(caller);
  }
}

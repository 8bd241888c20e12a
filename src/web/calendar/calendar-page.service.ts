import { Injectable } from '@nestjs/common';
import { CalendarFeedService } from '../../calendar/calendar-feed.service.js';
import { addDays, isInputMonth } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { parisDateTime } from '../dashboard/audit-view.js';
import { CalendarQuery, MAX_DEADLINES, MAX_PROVEN_SESSIONS } from './calendar.query.js';
import { calendarDays, deadlineCounts, overdueBefore } from './calendar-view.js';
import { EARLIEST_DATE } from '../deadlines/deadline-rules.js';
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
    // What is still late from before the grid, whatever its month (none for a month to come
    // can be later than today's, so it is read up to the grid or today, whichever is first).
    const lateUntil = addDays(grid.gridStart < today ? grid.gridStart : today, -1);
    const [{ shown: deadlines, earlier }, feed] = await Promise.all([
      this.query.deadlinesAndEarlier(
        caller,
        { from: grid.gridStart, to: grid.gridEnd },
        { from: EARLIEST_DATE, to: lateUntil },
        mine,
      ),
      this.feeds.current(caller),
    ]);
    const suffix = mine ? '&view=mine' : '';
    const shown = deadlines.list.slice(0, MAX_DEADLINES);
    // A task proven by the data is shown as such, never counted as late or still to do.
    const counts = deadlineCounts(shown);
    return {
      error,
      label: grid.label,
      month: grid.month,
      // No link past the months a date may name (1900-01…2100-12).
      previousHref: isInputMonth(grid.previous)
        ? `/calendar?month=${grid.previous}${suffix}`
        : null,
      nextHref: isInputMonth(grid.next) ? `/calendar?month=${grid.next}${suffix}` : null,
      todayHref: `/calendar${mine ? '?view=mine' : ''}`,
      mine,
      allHref: `/calendar?month=${grid.month}`,
      mineHref: `/calendar?month=${grid.month}&view=mine`,
      weekdays: WEEKDAY_LABELS,
      weeks: calendarDays(grid, shown, today),
      overdue: overdueBefore(earlier.list.slice(0, MAX_DEADLINES), grid.gridStart, today),
      overdueTruncated: earlier.list.length > MAX_DEADLINES,
      deadlinesHref: mine ? '/echeances?view=mine' : '/echeances',
      truncated: deadlines.list.length > MAX_DEADLINES,
      provenTruncated: deadlines.provenTruncated,
      total: counts.pending,
      proven: counts.proven,
      maxProvenSessions: MAX_PROVEN_SESSIONS,
      feed: {
        active: feed.active,
        since: feed.createdAt ? parisDateTime(feed.createdAt) : '',
        url: newFeedUrl,
      } satisfies FeedView,
    };
  }

  /** A new secret (the previous URL stops working), to show once on the next page. */
  async rotateFeed(caller: Caller): Promise<string> {
    return (await this.feeds.rotateSecret(caller)).secret;
  }

  /** The URL of a secret carried to be shown once, if it is still the caller's feed. */
  feedUrlOnce(caller: Caller, secret: string | null): Promise<string | null> {
    return secret ? this.feeds.urlIfCurrent(caller, secret) : Promise.resolve(null);
  }

  revokeFeed(caller: Caller): Promise<void> {
    return this.feeds.revoke(caller);
  }
}

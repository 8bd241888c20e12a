import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { SessionTask } from '../../checklist/session-task.entity.js';
import { CentresService } from '../../centres/centres.service.js';
import { addDays, formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { chunks } from '../../common/chunks.js';
import { Clock } from '../../common/clock.js';
import { DEFAULT_REGION, isFrenchRegion } from '../../common/french-holidays.js';
import { Database } from '../../database/database.js';
import { ObligationsService } from '../../obligations/obligations.service.js';
import type { Obligation } from '../../obligations/obligation-rules.js';
import { ExamSession } from '../../sessions/exam-session.entity.js';
import { CalendarQuery, MAX_PROVEN_SESSIONS, type Deadline } from '../calendar/calendar.query.js';
import {
  deadlineSections,
  EARLIEST_DATE,
  WINDOW_DAYS,
  windowEnd,
  type DayGroup,
} from './deadline-rules.js';
import { obligationItem, taskItem, type DeadlineItem } from './deadline-views.js';
import { returnTargetKey, type ReturnTargetKey } from './return-target.js';

/**
 * The session tasks shown with their checklist row, overdue and to come each: past it, the page
 * says the list is cut.
 */
export const MAX_TASK_ROWS = 300;

export interface DeadlinesModel {
  today: string;
  windowEnd: string;
  windowDays: number;
  mine: boolean;
  allHref: string;
  mineHref: string;
  /** The hidden field `retour` of the rows' forms (and the htmx tick's answer). */
  returnTo: ReturnTargetKey;
  overdue: DayGroup<DeadlineItem>[];
  upcoming: DayGroup<DeadlineItem>[];
  overdueCount: number;
  upcomingCount: number;
  settledPast: number;
  truncated: boolean;
  provenTruncated: boolean;
  maxProvenSessions: number;
  maxTaskRows: number;
}

/**
 * « Mes échéances »: every task to do of my sessions that is overdue (whatever its month) or due
 * in the next 30 days, read with the calendar's query (same scope, same working-day fallback,
 * same « vérifiée par les données »), and my centres' yearly obligations.
 */
@Injectable()
export class DeadlinesPage {
  constructor(
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly calendar: CalendarQuery,
    private readonly centres: CentresService,
    private readonly obligations: ObligationsService,
  ) {}

  async model(caller: Caller, query: Record<string, unknown>): Promise<DeadlinesModel> {
    const today = this.clock.today();
    const end = windowEnd(today);
    const mine = query.view === 'mine';
    // Read apart, so that many old tasks never crowd out the next 30 days.
    const [{ shown: coming, earlier: late }, obligations] = await Promise.all([
      this.calendar.deadlinesAndEarlier(
        caller,
        { from: today, to: end },
        { from: EARLIEST_DATE, to: addDays(today, -1) },
        mine,
      ),
      this.obligationItems(caller),
    ]);
    const shown = [...late.list.slice(0, MAX_TASK_ROWS), ...coming.list.slice(0, MAX_TASK_ROWS)];
    const returnTo = returnTargetKey(mine);
    const tasks = await this.taskItems(caller, shown, returnTo);
    const sections = deadlineSections<DeadlineItem>([...obligations, ...tasks], today);
    return {
      today: formatFrenchDate(today),
      windowEnd: formatFrenchDate(end),
      windowDays: WINDOW_DAYS,
      mine,
      allHref: '/echeances',
      mineHref: '/echeances?view=mine',
      returnTo,
      ...sections,
      truncated: late.list.length > MAX_TASK_ROWS || coming.list.length > MAX_TASK_ROWS,
      provenTruncated: coming.provenTruncated,
      maxProvenSessions: MAX_PROVEN_SESSIONS,
      maxTaskRows: MAX_TASK_ROWS,
    };
  }

  /** Each deadline with its stored task (the row's fields), its centre's region and write right. */
  private async taskItems(
    caller: Caller,
    deadlines: readonly Deadline[],
    returnTo: ReturnTargetKey,
  ): Promise<DeadlineItem[]> {
    const today = this.clock.today();
    const tasks = new Map<string, SessionTask>();
    for (const ids of chunks(deadlines.map((d) => d.taskId))) {
      const rows = await this.db.read((m) =>
        m.getRepository(SessionTask).find({ where: { id: In(ids) } }),
      );
      for (const row of rows) tasks.set(row.id, row);
    }
    const sessions = new Map<string, { centreId: string; region: string }>();
    for (const ids of chunks([...new Set(deadlines.map((d) => d.sessionId))])) {
      const rows = await this.db.read((m) =>
        m.getRepository(ExamSession).find({
          select: { id: true, centreId: true, centre: { id: true, region: true } },
          where: { id: In(ids) },
          relations: { centre: true },
        }),
      );
      for (const row of rows) {
        sessions.set(row.id, { centreId: row.centreId, region: row.centre?.region ?? '' });
      }
    }
    return deadlines.flatMap((deadline) => {
      const task = tasks.get(deadline.taskId);
      const session = sessions.get(deadline.sessionId);
      // Ticked or removed between the two reads: no longer to do.
      if (!task || !session || task.status !== 'todo') return [];
      return [
        taskItem(deadline, task, {
          region: isFrenchRegion(session.region) ? session.region : DEFAULT_REGION,
          today,
          editable: canWriteCentre(caller, session.centreId),
          returnTo,
        }),
      ];
    });
  }

  /**
   * My centres' obligations still to meet: those of last year (still overdue), this year and, when
   * the window reaches it, next year.
   */
  private async obligationItems(caller: Caller): Promise<DeadlineItem[]> {
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    const lastYear = Number(windowEnd(today).slice(0, 4));
    const years: number[] = [];
    for (let y = year - 1; y <= lastYear; y += 1) years.push(y);
    const items: DeadlineItem[] = [];
    const seen = new Set<string>();
    for (const centre of await this.centres.list(caller)) {
      const writable = canWriteCentre(caller, centre.id);
      for (const y of years) {
        const list: Obligation[] = await this.obligations.forCentre(centre.id, y);
        for (const obligation of list) {
          const key = `${centre.id}:${obligation.key}`;
          if (obligation.status === 'done' || seen.has(key)) continue;
          seen.add(key);
          items.push(obligationItem(obligation, { centreName: centre.name, today, writable }));
        }
      }
    }
    return items;
  }
}

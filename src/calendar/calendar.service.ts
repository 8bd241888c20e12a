import { Inject, Injectable } from '@nestjs/common';
import { In, MoreThanOrEqual, Not } from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { comparePhasePosition } from '../checklist/checklist-progress.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import {
  isConditionalTask,
  isTaskApplicable,
  sessionFacts,
} from '../checklist/task-applicability.js';
import { addDays } from '../common/calendar-date.js';
import { readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Centre } from '../centres/centre.entity.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import { provenOpenTaskCodes } from '../compliance/proven-by-data.js';
import { ObligationsService } from '../obligations/obligations.service.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User } from '../users/user.entity.js';
import {
  obligationEvents,
  sessionEvents,
  type CalendarCentre,
  type CalendarSession,
} from './calendar-events.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { icsCalendar, type AllDayEvent } from './icalendar.js';
import { Database } from '../database/database.js';

/** How long a finished session stays in the personal feed. */
const FEED_PAST_DAYS = 90;

type FeedSession = CalendarSession & { entity: ExamSession };

/** iCalendar exports: one session, or everything a user may see (personal feed). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly feeds: CalendarFeedService,
    private readonly compliance: ComplianceService,
    private readonly obligations: ObligationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sessionCalendar(caller: Caller, sessionId: string): Promise<string> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const [full] = await this.withTitreAndSite([session.id]);
    const events = await this.events([full]);
    return icsCalendar({
      name: `Jalon – ${full.titreCode} du ${full.startDate}`,
      stamp: this.clock.now(),
      events,
    });
  }

  /** The feed behind a secret URL; an unknown or revoked secret answers 404. */
  async feedCalendar(secret: string): Promise<string> {
    const userId = await this.feeds.userFor(secret);
    const user = userId
      ? await this.db.read((m) =>
          m.getRepository(User).findOne({ where: { id: userId, active: true } }),
        )
      : null;
    if (!user) throw notFound('Calendrier');
    const links = await this.db.read((m) =>
      m.getRepository(UserCentre).find({ where: { userId: user.id } }),
    );
    const caller: Caller = {
      userId: user.id,
      email: user.email,
      role: user.role,
      centreIds: links.map((l) => l.centreId),
    };
    const centres = readableCentreIds(caller);
    const sessions = await this.db.read((m) =>
      m.getRepository(ExamSession).find({
        select: { id: true },
        where: {
          ...(centres === null ? {} : { centreId: In(centres) }),
          status: Not('CANCELLED'),
          endDate: MoreThanOrEqual(addDays(this.clock.today(), -FEED_PAST_DAYS)),
        },
        order: { startDate: 'ASC', id: 'ASC' },
      }),
    );
    const full = await this.withTitreAndSite(sessions.map((s) => s.id));
    return icsCalendar({
      name: `Jalon – ${user.email}`,
      stamp: this.clock.now(),
      events: [...(await this.obligationEvents(centres)), ...(await this.events(full))],
    });
  }

  /**
   * The yearly obligations of the centres the user reads (every centre for an administrator),
   * of the current year and the next one.
   */
  private async obligationEvents(centreIds: string[] | null): Promise<AllDayEvent[]> {
    if (centreIds !== null && centreIds.length === 0) return [];
    const rows = await this.db.read((m) =>
      m.getRepository(Centre).find({
        select: { id: true, name: true },
        where: centreIds === null ? {} : { id: In(centreIds) },
        order: { name: 'ASC', id: 'ASC' },
      }),
    );
    const centres: CalendarCentre[] = rows.map((c) => ({ id: c.id, name: c.name }));
    const year = Number(this.clock.today().slice(0, 4));
    const events: AllDayEvent[] = [];
    for (const centre of centres) {
      for (const y of [year, year + 1]) {
        const obligations = await this.obligations.forCentre(centre.id, y);
        events.push(...obligationEvents(this.config.appUrl, centre, y, obligations));
      }
    }
    return events;
  }

  private async withTitreAndSite(ids: string[]): Promise<FeedSession[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.read((m) =>
      m.getRepository(ExamSession).find({
        where: { id: In(ids) },
        relations: { titre: true, site: true },
        order: { startDate: 'ASC', id: 'ASC' },
      }),
    );
    return rows.map((s) => ({
      entity: s,
      id: s.id,
      titreCode: s.titre?.code ?? '',
      titreLabel: s.titre?.label ?? '',
      startDate: s.startDate,
      endDate: s.endDate,
      siteName: s.site?.name ?? '',
      location: s.location,
    }));
  }

  private async events(sessions: FeedSession[]): Promise<AllDayEvent[]> {
    if (sessions.length === 0) return [];
    const ids = sessions.map((s) => s.id);
    const tasks = await this.db.read((m) =>
      m.getRepository(SessionTask).find({
        select: {
          id: true,
          sessionId: true,
          code: true,
          label: true,
          regulatory: true,
          dueDate: true,
          workingDayFallback: true,
          status: true,
          applicability: true,
          phase: true,
          position: true,
        },
        where: { sessionId: In(ids), status: Not('not_applicable') },
      }),
    );
    const candidates = await this.db.read((m) =>
      m.getRepository(Candidate).find({
        select: { sessionId: true, pathway: true, accommodationRequested: true },
        where: { sessionId: In(ids) },
      }),
    );
    const events: AllDayEvent[] = [];
    for (const session of sessions) {
      const facts = sessionFacts(
        session.entity.nature,
        candidates.filter((c) => c.sessionId === session.id),
      );
      const all = tasks.filter((t) => t.sessionId === session.id);
      const own = all
        .filter(
          (t) => !isConditionalTask(t.applicability) && isTaskApplicable(t.applicability, facts),
        )
        .sort(comparePhasePosition);
      const proven = await provenOpenTaskCodes(this.compliance, session.entity, all);
      events.push(
        ...sessionEvents(
          this.config.appUrl,
          session,
          own.map((t) => ({
            id: t.id,
            label: t.label,
            regulatory: t.regulatory,
            dueDate: t.dueDate,
            workingDayFallback: t.workingDayFallback,
            status: t.status,
            provenByData: proven.has(t.code),
          })),
        ),
      );
    }
    return events;
  }
}

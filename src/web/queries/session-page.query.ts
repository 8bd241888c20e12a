/**
 * A session page's data in a fixed number of queries: the session with its names and candidate
 * counts, its tasks, and the compliance report computed once from them (the task views, the
 * progress and the findings all come from that one evaluation).
 */
import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../../common/calendar-date.js';
import { BoundedCache } from '../../common/bounded-cache.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import {
  checklistProgress,
  comparePhasePosition,
  type ChecklistProgress,
} from '../../checklist/checklist-progress.js';
import { PHASE_CODES, type PhaseCode } from '../../checklist/checklist-template.js';
import { ChecklistTemplates } from '../../checklist/checklist-templates.js';
import type { SessionFacts } from '../../checklist/task-applicability.js';
import type { TaskCoreView, TaskViewContext } from '../../checklist/task-view.js';
import {
  complianceChecksByTask,
  runComplianceChecks,
  type ComplianceReport,
} from '../../compliance/compliance-rules.js';
import { ComplianceService } from '../../compliance/compliance.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionHeaderQuery, type SessionHeader } from '../../sessions/session-header.query.js';
import { jsonArraySql, sqlRows } from './sql.js';
import { TASK_COLUMNS, TaskViewCache, type TaskRow } from './task-views.js';
import { Database } from '../../database/database.js';

export type { SessionHeader } from '../../sessions/session-header.query.js';

export interface SessionPageData {
  session: ExamSession;
  header: SessionHeader;
  today: CalendarDate;
  tasks: TaskCoreView[];
  phases: { code: PhaseCode; label: string }[];
  progress: ChecklistProgress;
  compliance: ComplianceReport;
  /** The page was shown recently: what is made for it is worth keeping for the next display. */
  shownRecently: boolean;
}

/**
 * Session pages remembered as shown recently (at least half as many are): views and rows are kept
 * from a page's second display in that window, not for pages seen once in a while.
 */
const RECENT_PAGES = 50;

@Injectable()
export class SessionPageQuery {
  private readonly phaseCache = new Map<number, { code: PhaseCode; label: string }[]>();
  private readonly taskViews = new TaskViewCache();
  private readonly recentPages = new BoundedCache<string, true>(RECENT_PAGES);
  private readonly tasksSql: string;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly compliance: ComplianceService,
    private readonly templates: ChecklistTemplates,
    private readonly headers: SessionHeaderQuery,
  ) {
    this.tasksSql = `SELECT "id", ${jsonArraySql(db.kind, TASK_COLUMNS)} AS "json"
      FROM "session_task" WHERE "sessionId" = :sessionId`;
  }

  /** The session a caller may read (404 otherwise), with its names and candidate counts. */
  header(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: ExamSession; header: SessionHeader }> {
    return this.headers.read(caller, sessionId);
  }

  async load(caller: Caller, sessionId: string): Promise<SessionPageData> {
    const { session, header } = await this.header(caller, sessionId);
    const rows = await this.db.read((m) => sqlRows<TaskRow>(m, this.tasksSql, { sessionId }));
    const sources = this.taskViews.sources(rows);
    const input = await this.compliance.input(session, sources);
    const compliance = runComplianceChecks(input);
    const today = input.today;
    const facts: SessionFacts = {
      nature: session.nature,
      hasVaeCandidates: header.vaeCount > 0,
      hasTrainingCandidates: header.formationCount > 0,
      hasLivretCandidates: header.livretCount > 0,
      hasAccommodationRequests: header.accommodationCount > 0,
    };
    const phases = this.phases(session.checklistVersion);
    const context: TaskViewContext = {
      today,
      facts,
      phaseLabels: new Map(phases.map((p) => [p.code, p.label])),
      checksByTask: complianceChecksByTask(compliance),
      region: header.centreRegion,
    };
    // The views carry `applicable` and `conditional`: the progress is counted from them.
    const shownRecently = this.recentPages.get(sessionId) === true;
    this.recentPages.set(sessionId, true);
    const views = this.taskViews
      .views(rows, sources, context, shownRecently)
      .sort(comparePhasePosition);
    return {
      session,
      header,
      today,
      tasks: views,
      phases,
      progress: checklistProgress(views, today, phases),
      compliance,
      shownRecently,
    };
  }

  /** Phase labels of the session's template version (the latest one if its file is gone). */
  private phases(version: number): { code: PhaseCode; label: string }[] {
    // A published template version never changes: its labels are read once.
    const known = this.phaseCache.get(version);
    if (known) return known;
    const found = this.templates.find(version);
    const template =
      found ?? (this.templates.latestVersion() === null ? null : this.templates.latest());
    const labels = new Map(template?.phases.map((p) => [p.code, p.label]) ?? []);
    const phases = PHASE_CODES.map((code) => ({ code, label: labels.get(code) ?? code }));
    if (found) this.phaseCache.set(version, phases);
    return phases;
  }
}

/**
 * A session page's data in a fixed number of queries: the session with its names and candidate
 * counts, its tasks, and the compliance report computed once from them (the task views, the
 * progress and the findings all come from that one evaluation).
 */
import { DEFAULT_REGION, isFrenchRegion, type FrenchRegion } from '../../common/french-holidays.js';
import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../../common/calendar-date.js';
import { BoundedCache } from '../../common/bounded-cache.js';
import { canReadCentre, type Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/errors.js';
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
import { ExamSession } from '../../sessions/exam-session.entity.js';
import { json, jsonArraySql, num, sqlRows, str } from './sql.js';
import { TASK_COLUMNS, TaskViewCache, type TaskRow } from './task-views.js';
import { Database } from '../../database/database.js';

export interface SessionHeader {
  centreName: string;
  /** The centre's region (its holidays, the administration's name in the labels). */
  centreRegion: FrenchRegion;
  siteName: string;
  siteCity: string;
  titreCode: string;
  titreLabel: string;
  titreVersion: string;
  /** The titre version's end of validity and prolongation end set by hand (null: default). */
  titreValidUntil: CalendarDate;
  titreProlongationUntil: CalendarDate | null;
  /** The titre, or one of its CCP, gives the CQC: the session has a « CQC » tab. */
  titreGivesCqc: boolean;
  managerFirstName: string | null;
  managerLastName: string | null;
  managerEmail: string | null;
  deputyFirstName: string | null;
  deputyLastName: string | null;
  deputyEmail: string | null;
  formationCount: number;
  vaeCount: number;
  /** Candidates with a livret de certification (suite de parcours, progressif, équivalence). */
  livretCount: number;
  accommodationCount: number;
}

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
  ) {
    this.tasksSql = `SELECT "id", ${jsonArraySql(db.kind, TASK_COLUMNS)} AS "json"
      FROM "session_task" WHERE "sessionId" = :sessionId`;
  }

  /** The session a caller may read (404 otherwise), with its names and candidate counts. */
  async header(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: ExamSession; header: SessionHeader }> {
    // One query for the session (the same scoping as SessionsService.findForCaller) and its names.
    const [row] = await this.db.read((m) =>
      sqlRows<Record<string, unknown>>(
        m,
        `SELECT s."id", s."centreId", s."siteId", s."titreId", s."nature", s."ccpCodes", s."startDate",
          s."endDate", s."ceresCreatedOn", s."startTime", s."location", s."managerId", s."deputyManagerId", s."status",
          s."cancelReason", s."checklistVersion", s."createdAt", s."updatedAt", s."version",
          c."name" AS "centreName", c."region" AS "centreRegion", si."name" AS "siteName", si."city" AS "siteCity",
          ti."code" AS "titreCode", ti."label" AS "titreLabel", ti."version" AS "titreVersion",
          ti."validUntil" AS "titreValidUntil", ti."prolongationUntil" AS "titreProlongationUntil",
          CASE WHEN ti."cqc" IS NOT NULL OR EXISTS (SELECT 1 FROM "ccp" cc WHERE cc."titreId" = ti."id"
            AND cc."cqc" IS NOT NULL) THEN 1 ELSE 0 END AS "titreGivesCqc",
          m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName", m."email" AS "managerEmail",
          d."firstName" AS "deputyFirstName", d."lastName" AS "deputyLastName", d."email" AS "deputyEmail",
          k."formationCount", k."vaeCount", k."livretCount", k."accommodationCount"
        FROM "exam_session" s
        CROSS JOIN (
          SELECT COUNT(CASE WHEN "pathway" = 'FORMATION' THEN 1 END) AS "formationCount",
            COUNT(CASE WHEN "pathway" = 'VAE' THEN 1 END) AS "vaeCount",
            COUNT(CASE WHEN "pathway" IN ('SUITE_PARCOURS', 'PARCOURS_PROGRESSIF', 'EQUIVALENCE')
              THEN 1 END) AS "livretCount",
            COUNT(CASE WHEN "accommodationRequested" THEN 1 END) AS "accommodationCount"
          FROM "candidate" WHERE "sessionId" = :id
        ) k
        JOIN "centre" c ON c."id" = s."centreId"
        JOIN "site" si ON si."id" = s."siteId"
        JOIN "titre" ti ON ti."id" = s."titreId"
        LEFT JOIN "app_user" m ON m."id" = s."managerId"
        LEFT JOIN "app_user" d ON d."id" = s."deputyManagerId"
        WHERE s."id" = :id`,
        { id: sessionId },
      ),
    );
    if (!row || !canReadCentre(caller, String(row.centreId))) throw notFound('Session');
    const session = Object.assign(new ExamSession(), {
      id: String(row.id),
      centreId: String(row.centreId),
      siteId: String(row.siteId),
      titreId: String(row.titreId),
      nature: row.nature as ExamSession['nature'],
      ccpCodes: json<string[]>(row.ccpCodes),
      startDate: String(row.startDate),
      endDate: String(row.endDate),
      ceresCreatedOn: str(row.ceresCreatedOn),
      startTime: String(row.startTime),
      location: String(row.location),
      managerId: str(row.managerId),
      deputyManagerId: str(row.deputyManagerId),
      status: row.status as ExamSession['status'],
      cancelReason: str(row.cancelReason),
      checklistVersion: num(row.checklistVersion),
      createdAt: String(row.createdAt),
      updatedAt: String(row.updatedAt),
      version: num(row.version),
    });
    return {
      session,
      header: {
        centreName: String(row.centreName),
        centreRegion: isFrenchRegion(row.centreRegion) ? row.centreRegion : DEFAULT_REGION,
        siteName: String(row.siteName),
        siteCity: String(row.siteCity ?? ''),
        titreCode: String(row.titreCode),
        titreLabel: String(row.titreLabel),
        titreVersion: String(row.titreVersion),
        titreValidUntil: String(row.titreValidUntil),
        titreProlongationUntil: str(row.titreProlongationUntil),
        titreGivesCqc: num(row.titreGivesCqc) === 1,
        managerFirstName: str(row.managerFirstName),
        managerLastName: str(row.managerLastName),
        managerEmail: str(row.managerEmail),
        deputyFirstName: str(row.deputyFirstName),
        deputyLastName: str(row.deputyLastName),
        deputyEmail: str(row.deputyEmail),
        formationCount: num(row.formationCount),
        vaeCount: num(row.vaeCount),
        livretCount: num(row.livretCount),
        accommodationCount: num(row.accommodationCount),
      },
    };
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

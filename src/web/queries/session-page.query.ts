/**
 * A session page's data in a fixed number of queries: the session with its names and candidate
 * counts, its tasks, and the compliance report computed once from them (the task views, the
 * progress and the findings all come from that one evaluation).
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CalendarDate } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/errors.js';
import {
  checklistProgress,
  comparePhasePosition,
  type ChecklistProgress,
} from '../../checklist/checklist-progress.js';
import { PHASE_CODES, type PhaseCode } from '../../checklist/checklist-template.js';
import { ChecklistTemplates } from '../../checklist/checklist-templates.js';
import { SessionTask } from '../../checklist/session-task.entity.js';
import {
  isConditionalTask,
  isTaskApplicable,
  type SessionFacts,
} from '../../checklist/task-applicability.js';
import { toTaskView, type TaskView } from '../../checklist/task-view.js';
import {
  complianceChecksByTask,
  runComplianceChecks,
  type ComplianceReport,
} from '../../compliance/compliance-rules.js';
import { ComplianceService } from '../../compliance/compliance.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { bool, json, num, sqlRows, str } from './sql.js';

export interface SessionHeader {
  centreName: string;
  siteName: string;
  siteCity: string;
  titreCode: string;
  titreLabel: string;
  titreVersion: string;
  managerFirstName: string | null;
  managerLastName: string | null;
  managerEmail: string | null;
  deputyFirstName: string | null;
  deputyLastName: string | null;
  deputyEmail: string | null;
  formationCount: number;
  vaeCount: number;
  accommodationCount: number;
}

export interface SessionPageData {
  session: ExamSession;
  header: SessionHeader;
  today: CalendarDate;
  tasks: TaskView[];
  phases: { code: PhaseCode; label: string }[];
  progress: ChecklistProgress;
  compliance: ComplianceReport;
}

@Injectable()
export class SessionPageQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly compliance: ComplianceService,
    private readonly templates: ChecklistTemplates,
  ) {}

  /** The session a caller may read (404 otherwise), with its names and candidate counts. */
  async header(
    caller: Caller,
    sessionId: string,
  ): Promise<{ session: ExamSession; header: SessionHeader }> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const [row] = await sqlRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT c."name" AS "centreName", si."name" AS "siteName", si."city" AS "siteCity",
          ti."code" AS "titreCode", ti."label" AS "titreLabel", ti."version" AS "titreVersion",
          m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName", m."email" AS "managerEmail",
          d."firstName" AS "deputyFirstName", d."lastName" AS "deputyLastName", d."email" AS "deputyEmail",
          (SELECT COUNT(*) FROM "candidate" k WHERE k."sessionId" = s."id" AND k."pathway" = 'FORMATION') AS "formationCount",
          (SELECT COUNT(*) FROM "candidate" k WHERE k."sessionId" = s."id" AND k."pathway" = 'VAE') AS "vaeCount",
          (SELECT COUNT(*) FROM "candidate" k WHERE k."sessionId" = s."id" AND k."accommodationRequested") AS "accommodationCount"
        FROM "exam_session" s
        JOIN "centre" c ON c."id" = s."centreId"
        JOIN "site" si ON si."id" = s."siteId"
        JOIN "titre" ti ON ti."id" = s."titreId"
        LEFT JOIN "app_user" m ON m."id" = s."managerId"
        LEFT JOIN "app_user" d ON d."id" = s."deputyManagerId"
        WHERE s."id" = :id`,
      { id: sessionId },
    );
    if (!row) throw notFound('Session');
    return {
      session,
      header: {
        centreName: String(row.centreName),
        siteName: String(row.siteName),
        siteCity: String(row.siteCity ?? ''),
        titreCode: String(row.titreCode),
        titreLabel: String(row.titreLabel),
        titreVersion: String(row.titreVersion),
        managerFirstName: str(row.managerFirstName),
        managerLastName: str(row.managerLastName),
        managerEmail: str(row.managerEmail),
        deputyFirstName: str(row.deputyFirstName),
        deputyLastName: str(row.deputyLastName),
        deputyEmail: str(row.deputyEmail),
        formationCount: num(row.formationCount),
        vaeCount: num(row.vaeCount),
        accommodationCount: num(row.accommodationCount),
      },
    };
  }

  async load(caller: Caller, sessionId: string): Promise<SessionPageData> {
    const { session, header } = await this.header(caller, sessionId);
    const tasks = (await this.tasks(sessionId)).sort(comparePhasePosition);
    const input = await this.compliance.input(session, tasks);
    const compliance = runComplianceChecks(input);
    const today = input.today;
    const facts: SessionFacts = {
      nature: session.nature,
      hasVaeCandidates: header.vaeCount > 0,
      hasAccommodationRequests: header.accommodationCount > 0,
    };
    const phases = this.phases(session.checklistVersion);
    const ctx = {
      today,
      facts,
      phaseLabels: new Map(phases.map((p) => [p.code, p.label])),
      checksByTask: complianceChecksByTask(compliance),
    };
    const progress = checklistProgress(
      tasks.map((task) => ({
        ...task,
        applicable: isTaskApplicable(task.applicability, facts),
        conditional: isConditionalTask(task.applicability),
      })),
      today,
      phases,
    );
    return {
      session,
      header,
      today,
      tasks: tasks.map((task) => toTaskView(task, ctx)),
      phases,
      progress,
      compliance,
    };
  }

  /**
   * The session's tasks in one plain SELECT: the page's largest read, so the rows are mapped here
   * rather than through the ORM's entity hydration.
   */
  private async tasks(sessionId: string): Promise<SessionTask[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT * FROM "session_task" WHERE "sessionId" = :sessionId`,
      { sessionId },
    );
    return rows.map((row) => {
      const task = new SessionTask();
      Object.assign(task, row, {
        templateVersion: num(row.templateVersion),
        position: num(row.position),
        items: json<string[]>(row.items),
        regulatory: bool(row.regulatory),
        advised: bool(row.advised),
        dueRule: json<SessionTask['dueRule']>(row.dueRule),
        references: json<string[]>(row.references),
        version: num(row.version),
      });
      return task;
    });
  }

  /** Phase labels of the session's template version (the latest one if its file is gone). */
  private phases(version: number): { code: PhaseCode; label: string }[] {
    const template =
      this.templates.find(version) ??
      (this.templates.latestVersion() === null ? null : this.templates.latest());
    const labels = new Map(template?.phases.map((p) => [p.code, p.label]) ?? []);
    return PHASE_CODES.map((code) => ({ code, label: labels.get(code) ?? code }));
  }
}

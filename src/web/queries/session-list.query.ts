/**
 * The home page's data in a fixed number of queries whatever the number of sessions: the count,
 * the ids of one page, their names and task counts (GROUP BY), and the filter choices.
 */
import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../../common/calendar-date.js';
import { readableCentreIds, type Caller } from '../../common/caller.js';
import type { SessionNature, SessionStatus } from '../../sessions/exam-session.entity.js';
import {
  PAGE_SIZE,
  type SessionListParams,
  type SessionSort,
} from '../sessions/session-list-params.js';
import type { Applicability } from '../../checklist/checklist-template.js';
import { isTaskApplicable, type SessionFacts } from '../../checklist/task-applicability.js';
import {
  bool,
  num,
  sqlRows,
  str,
  TASK_APPLICABLE_ALONE_SQL,
  TASK_APPLICABLE_SQL,
  type SqlParams,
} from './sql.js';
import { Database } from '../../database/database.js';
import { In } from 'typeorm';
import {
  ANNUAL_PROGRAMME_TASK_CODE,
  annualProgrammeProves,
  COMPLIANCE_CHECKS,
  complianceChecksByTask,
  isVerifiedByData,
} from '../../compliance/compliance-rules.js';
import { ComplianceService } from '../../compliance/compliance.service.js';
import { ExamSession } from '../../sessions/exam-session.entity.js';

export interface TaskCounts {
  total: number;
  done: number;
  regulatoryTotal: number;
  regulatoryDone: number;
  overdue: number;
  nextDue: CalendarDate | null;
}

export interface SessionListRow {
  id: string;
  centreName: string;
  siteName: string;
  titreCode: string;
  titreLabel: string;
  nature: SessionNature;
  status: SessionStatus;
  startDate: CalendarDate;
  endDate: CalendarDate;
  managerFirstName: string | null;
  managerLastName: string | null;
  managerEmail: string | null;
  counts: TaskCounts;
}

export interface FilterChoices {
  centres: { id: string; name: string }[];
  sites: { id: string; name: string; centreName: string }[];
  titres: { id: string; code: string; label: string; version: string }[];
}

export interface SessionListResult {
  total: number;
  rows: SessionListRow[];
  choices: FilterChoices;
}

const NO_COUNTS: TaskCounts = {
  total: 0,
  done: 0,
  regulatoryTotal: 0,
  regulatoryDone: 0,
  overdue: 0,
  nextDue: null,
};

/** A task still to do whose deadline counts (`x` is a row of TASK_ROWS). */
const OPEN = `(x."status" = 'todo' AND x."applicability" <> 'INCIDENT' AND x."app")`;

/** The task rows of the sessions `s` selected by `where`, with their applicability. */
function taskRows(where: string): string {
  return `SELECT t."sessionId", t."status", (t."regulatory" OR t."obligation") AS "regulatory",
      t."applicability", t."dueDate",
      ${TASK_APPLICABLE_SQL} AS "app"
    FROM "session_task" t JOIN "exam_session" s ON s."id" = t."sessionId"
    WHERE ${where}`;
}

/** Per-session counts of task rows `x` (see checklist-progress.ts for the same rules in code). */
const COUNTS_SELECT = `x."sessionId" AS "sessionId",
  SUM(CASE WHEN x."app" THEN 1 ELSE 0 END) AS "total",
  SUM(CASE WHEN x."app" AND x."status" <> 'todo' THEN 1 ELSE 0 END) AS "done",
  SUM(CASE WHEN x."app" AND x."regulatory" THEN 1 ELSE 0 END) AS "regulatoryTotal",
  SUM(CASE WHEN x."app" AND x."regulatory" AND x."status" <> 'todo' THEN 1 ELSE 0 END) AS "regulatoryDone",
  SUM(CASE WHEN ${OPEN} AND x."dueDate" < :today THEN 1 ELSE 0 END) AS "overdue",
  MIN(CASE WHEN ${OPEN} AND x."dueDate" >= :today THEN x."dueDate" END) AS "nextDue"`;

const PERCENT = (done: string, total: string) =>
  `CASE WHEN COALESCE(agg."${total}", 0) = 0 THEN 100 ELSE agg."${done}" * 100 / agg."${total}" END`;

/** Sort expressions; every one ends with the start date and the id so pages are stable. */
const SORT_SQL: Record<SessionSort, string> = {
  titre: 'ti."code" {dir}, ti."version" {dir}',
  nature: 's."nature" {dir}',
  site: 'si."name" {dir}',
  start: 's."startDate" {dir}, s."endDate" {dir}',
  manager: `CASE WHEN m."id" IS NULL THEN 1 ELSE 0 END, COALESCE(NULLIF(m."lastName", ''), m."email") {dir}`,
  status: 's."status" {dir}',
  progress: `${PERCENT('done', 'total')} {dir}`,
  regulatory: `${PERCENT('regulatoryDone', 'regulatoryTotal')} {dir}`,
  deadline: `CASE WHEN agg."nextDue" IS NULL THEN 1 ELSE 0 END, agg."nextDue" {dir}`,
  overdue: `COALESCE(agg."overdue", 0) {dir}`,
};

/** The joins a sort expression needs to choose the page's sessions. */
const SORT_JOINS: Partial<Record<SessionSort, string>> = {
  titre: 'JOIN "titre" ti ON ti."id" = s."titreId"',
  site: 'JOIN "site" si ON si."id" = s."siteId"',
  manager: 'LEFT JOIN "app_user" m ON m."id" = s."managerId"',
};

/**
 * The open tasks (to do, deadline counting) of the filtered sessions matching `dueDate`; without
 * a filter, straight from the covering index on (status, dueDate, applicability, sessionId).
 */
function openTasks(filter: string, dueDate: string): string {
  const condition = `t."status" = 'todo' AND t."dueDate" ${dueDate} AND t."applicability" <> 'INCIDENT'`;
  return filter === '1 = 1'
    ? `FROM "session_task" t WHERE ${condition} AND ${TASK_APPLICABLE_ALONE_SQL}`
    : `FROM "session_task" t JOIN "exam_session" s ON s."id" = t."sessionId"
      WHERE ${filter} AND ${condition} AND ${TASK_APPLICABLE_SQL}`;
}

/** Restricts the aggregate used for sorting to the rows the sort needs. */
const SORT_AGGREGATES: Partial<Record<SessionSort, (filter: string) => string>> = {
  overdue: (filter) => `SELECT t."sessionId", COUNT(*) AS "overdue"
    ${openTasks(filter, '< :today')}
    GROUP BY t."sessionId"`,
  deadline: (filter) => `SELECT t."sessionId", MIN(t."dueDate") AS "nextDue"
    ${openTasks(filter, '>= :today')}
    GROUP BY t."sessionId"`,
  progress: (filter) =>
    `SELECT ${COUNTS_SELECT} FROM (${taskRows(filter)}) x GROUP BY x."sessionId"`,
  regulatory: (filter) =>
    `SELECT ${COUNTS_SELECT} FROM (${taskRows(filter)}) x GROUP BY x."sessionId"`,
};

/**
 * The task counts of the page's sessions from one GROUP BY on the covering index of
 * (sessionId, status, applicability, regulatory, dueDate): a few rows per session (by status and
 * applicability), to which the checklist's own applicability rules (task-applicability.ts) are
 * applied here.
 */
function countTasks(
  groups: Record<string, unknown>[],
  facts: ReadonlyMap<string, SessionFacts>,
): Map<string, TaskCounts> {
  const counts = new Map<string, TaskCounts>();
  for (const group of groups) {
    const sessionId = String(group.sessionId);
    const sessionFacts = facts.get(sessionId);
    const applicability = group.applicability as Applicability;
    if (!sessionFacts || !isTaskApplicable(applicability, sessionFacts)) continue;
    let c = counts.get(sessionId);
    if (!c) {
      c = { ...NO_COUNTS };
      counts.set(sessionId, c);
    }
    const n = num(group.n);
    const regulatory = num(group.regulatory);
    const done = group.status !== 'todo';
    c.total += n;
    c.regulatoryTotal += regulatory;
    if (done) {
      c.done += n;
      c.regulatoryDone += regulatory;
    }
    if (!done && applicability !== 'INCIDENT') {
      c.overdue += num(group.before);
      const next = str(group.nextDue);
      if (next !== null && (c.nextDue === null || next < c.nextDue)) c.nextDue = next;
    }
  }
  return counts;
}

/** The task codes a compliance check can prove (« vérifiée par les données »). */
const PROVABLE_TASK_CODES = [...new Set(COMPLIANCE_CHECKS.flatMap((check) => check.taskCodes))];

@Injectable()
export class SessionListQuery {
  constructor(
    private readonly db: Database,
    private readonly compliance: ComplianceService,
  ) {}

  /**
   * A late task proven by the data is not late: the page's sessions with such a task past its
   * date get their compliance report, and the tasks it proves leave the « en retard » count.
   * (Sorting by that count still uses the stored ticks alone.)
   */
  private async discountProvenTasks(
    ids: string[],
    today: CalendarDate,
    facts: ReadonlyMap<string, SessionFacts>,
    counts: Map<string, TaskCounts>,
  ): Promise<void> {
    const late = await this.db.read((m) =>
      sqlRows<Record<string, unknown>>(
        m,
        `SELECT t."sessionId", t."code", t."applicability" FROM "session_task" t
        WHERE t."sessionId" IN (:...ids) AND t."status" = 'todo' AND t."dueDate" < :today
          AND t."applicability" <> 'INCIDENT' AND t."code" IN (:...codes)`,
        { ids, today, codes: PROVABLE_TASK_CODES },
      ),
    );
    const bySession = new Map<string, string[]>();
    for (const row of late) {
      const sessionId = String(row.sessionId);
      const sessionFacts = facts.get(sessionId);
      if (!sessionFacts || !isTaskApplicable(row.applicability as Applicability, sessionFacts)) {
        continue;
      }
      bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), String(row.code)]);
    }
    if (bySession.size === 0) return;
    const sessions = await this.db.read((m) =>
      m.getRepository(ExamSession).find({ where: { id: In([...bySession.keys()]) } }),
    );
    // The task « programme annuel », late in most sessions of a year, is proven by the centre's
    // programme alone: one query for the page, not one report per session.
    const programmes = await this.programmesSent(sessions);
    for (const session of sessions) {
      const codes = bySession.get(session.id) ?? [];
      const others = codes.filter((code) => code !== ANNUAL_PROGRAMME_TASK_CODE);
      let proven =
        codes.length > others.length &&
        annualProgrammeProves(
          session,
          programmes.get(`${session.centreId}|${session.startDate.slice(0, 4)}`) ?? null,
        )
          ? 1
          : 0;
      if (others.length > 0) {
        const checks = complianceChecksByTask(await this.compliance.evaluate(session));
        proven += others.filter((code) => isVerifiedByData(checks.get(code))).length;
      }
      const c = counts.get(session.id);
      if (c && proven > 0) c.overdue = Math.max(0, c.overdue - proven);
    }
  }

  /** The day each centre's programme of a year was sent, by `centreId|year`. */
  private async programmesSent(sessions: readonly ExamSession[]): Promise<Map<string, string>> {
    const centreIds = [...new Set(sessions.map((s) => s.centreId))];
    if (centreIds.length === 0) return new Map();
    const rows = await this.db.read((m) =>
      sqlRows<{ centreId: string; year: unknown; sentOn: string }>(
        m,
        `SELECT "centreId", "year", "sentOn" FROM "annual_programme" WHERE "centreId" IN (:...ids)`,
        { ids: centreIds },
      ),
    );
    return new Map(rows.map((r) => [`${r.centreId}|${String(Number(r.year))}`, r.sentOn]));
  }

  async list(
    caller: Caller,
    params: SessionListParams,
    today: CalendarDate,
  ): Promise<SessionListResult> {
    const scope = readableCentreIds(caller);
    const values: SqlParams = { today, me: caller.userId };
    const where: string[] = [];
    if (scope !== null) {
      where.push(scope.length === 0 ? '1 = 0' : 's."centreId" IN (:...scope)');
      values.scope = scope;
    }
    const filters: [keyof SessionListParams, string][] = [
      ['centreId', 's."centreId" = :centreId'],
      ['siteId', 's."siteId" = :siteId'],
      ['titreId', 's."titreId" = :titreId'],
      ['status', 's."status" = :status'],
      ['from', 's."endDate" >= :from'],
      ['to', 's."startDate" <= :to'],
    ];
    for (const [name, sql] of filters) {
      const value = params[name];
      if (value !== null) {
        where.push(sql);
        values[name] = value as string;
      }
    }
    if (params.view === 'mine') where.push('(s."managerId" = :me OR s."deputyManagerId" = :me)');
    const filter = where.length === 0 ? '1 = 1' : where.join(' AND ');

    const [countRow] = await this.db.read((m) =>
      sqlRows<{ total: unknown }>(
        m,
        `SELECT COUNT(*) AS "total" FROM "exam_session" s WHERE ${filter}`,
        values,
      ),
    );
    const total = num(countRow?.total);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(params.page, pageCount);

    const order = `${SORT_SQL[params.sort]}, s."startDate" ASC, s."id" ASC`.replaceAll(
      '{dir}',
      params.dir === 'desc' ? 'DESC' : 'ASC',
    );
    // Sorting on task counts needs them for every matching session, not only this page's.
    const aggregate = SORT_AGGREGATES[params.sort];
    const aggregateJoin = aggregate
      ? `LEFT JOIN (${aggregate(filter)}) agg ON agg."sessionId" = s."id"`
      : '';
    // First the page's ids (only the joins the order needs), then the names of these 50 alone.
    const pageIds = await this.db.read((m) =>
      sqlRows<{ id: unknown }>(
        m,
        `SELECT s."id" FROM "exam_session" s ${SORT_JOINS[params.sort] ?? ''} ${aggregateJoin}
        WHERE ${filter}
        ORDER BY ${order}
        LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
        values,
      ),
    );
    const ids = pageIds.map((row) => String(row.id));
    if (ids.length === 0) return { total, rows: [], choices: await this.choices(scope) };

    const [details, groups] = await Promise.all([
      this.db.read((m) =>
        sqlRows<Record<string, unknown>>(
          m,
          `SELECT s."id", s."nature", s."status", s."startDate", s."endDate",
            c."name" AS "centreName", si."name" AS "siteName",
            ti."code" AS "titreCode", ti."label" AS "titreLabel",
            m."firstName" AS "managerFirstName", m."lastName" AS "managerLastName", m."email" AS "managerEmail",
            CASE WHEN EXISTS (SELECT 1 FROM "candidate" k WHERE k."sessionId" = s."id" AND k."pathway" = 'VAE')
              THEN 1 ELSE 0 END AS "hasVae",
            CASE WHEN EXISTS (SELECT 1 FROM "candidate" k WHERE k."sessionId" = s."id" AND k."pathway" = 'FORMATION')
              THEN 1 ELSE 0 END AS "hasTraining",
            CASE WHEN EXISTS (SELECT 1 FROM "candidate" k WHERE k."sessionId" = s."id"
              AND k."pathway" IN ('SUITE_PARCOURS', 'PARCOURS_PROGRESSIF', 'EQUIVALENCE'))
              THEN 1 ELSE 0 END AS "hasLivret",
            CASE WHEN EXISTS (SELECT 1 FROM "candidate" k WHERE k."sessionId" = s."id" AND k."accommodationRequested")
              THEN 1 ELSE 0 END AS "hasAccommodation"
          FROM "exam_session" s
          JOIN "centre" c ON c."id" = s."centreId"
          JOIN "site" si ON si."id" = s."siteId"
          JOIN "titre" ti ON ti."id" = s."titreId"
          LEFT JOIN "app_user" m ON m."id" = s."managerId"
          WHERE s."id" IN (:...ids)`,
          { ids },
        ),
      ),
      this.db.read((m) =>
        sqlRows<Record<string, unknown>>(
          m,
          `SELECT t."sessionId", t."status", t."applicability", COUNT(*) AS "n",
            SUM(CASE WHEN t."regulatory" OR t."obligation" THEN 1 ELSE 0 END) AS "regulatory",
            SUM(CASE WHEN t."dueDate" < :today THEN 1 ELSE 0 END) AS "before",
            MIN(CASE WHEN t."dueDate" >= :today THEN t."dueDate" END) AS "nextDue"
          FROM "session_task" t
          WHERE t."sessionId" IN (:...ids)
          GROUP BY t."sessionId", t."status", t."applicability"`,
          { ids, today },
        ),
      ),
    ]);
    const byId = new Map(details.map((row) => [String(row.id), row]));
    const facts = new Map<string, SessionFacts>(
      details.map((row) => [
        String(row.id),
        {
          nature: row.nature as SessionNature,
          hasVaeCandidates: bool(row.hasVae),
          hasTrainingCandidates: bool(row.hasTraining),
          hasLivretCandidates: bool(row.hasLivret),
          hasAccommodationRequests: bool(row.hasAccommodation),
        },
      ]),
    );
    const counts = countTasks(groups, facts);
    await this.discountProvenTasks(ids, today, facts, counts);

    return {
      total,
      rows: ids.flatMap((id) => {
        const row = byId.get(id);
        if (!row) return [];
        return [
          {
            id,
            centreName: String(row.centreName),
            siteName: String(row.siteName),
            titreCode: String(row.titreCode),
            titreLabel: String(row.titreLabel),
            nature: row.nature as SessionNature,
            status: row.status as SessionStatus,
            startDate: String(row.startDate),
            endDate: String(row.endDate),
            managerFirstName: str(row.managerFirstName),
            managerLastName: str(row.managerLastName),
            managerEmail: str(row.managerEmail),
            counts: counts.get(id) ?? NO_COUNTS,
          },
        ];
      }),
      choices: await this.choices(scope),
    };
  }

  /** The centres, sites and titres the filters offer (the caller's centres only). */
  async choices(scope: string[] | null): Promise<FilterChoices> {
    const centreWhere =
      scope === null ? '' : scope.length === 0 ? 'WHERE 1 = 0' : 'WHERE c."id" IN (:...scope)';
    const values: SqlParams = scope === null ? {} : { scope };
    const [centres, sites, titres] = await Promise.all([
      this.db.read((m) =>
        sqlRows<{ id: string; name: string }>(
          m,
          `SELECT c."id", c."name" FROM "centre" c ${centreWhere} ORDER BY c."name", c."id"`,
          values,
        ),
      ),
      this.db.read((m) =>
        sqlRows<{ id: string; name: string; centreName: string }>(
          m,
          `SELECT si."id", si."name", c."name" AS "centreName" FROM "site" si
          JOIN "centre" c ON c."id" = si."centreId" ${centreWhere}
          ORDER BY c."name", si."name", si."id"`,
          values,
        ),
      ),
      this.db.read((m) =>
        sqlRows<{ id: string; code: string; label: string; version: string }>(
          m,
          `SELECT ti."id", ti."code", ti."label", ti."version" FROM "titre" ti
          ORDER BY ti."code", ti."version", ti."id"`,
        ),
      ),
    ]);
    return { centres, sites, titres };
  }
}

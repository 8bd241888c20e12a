/** Every open deadline of the caller's sessions between two dates, in one query. */
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { addDays, type CalendarDate } from '../../common/calendar-date.js';
import { readableCentreIds, type Caller } from '../../common/caller.js';
import { chunks } from '../../common/chunks.js';
import { ComplianceService } from '../../compliance/compliance.service.js';
import { isProvableOpenTask, provenOpenTaskCodes } from '../../compliance/proven-by-data.js';
import { ExamSession } from '../../sessions/exam-session.entity.js';
import { bool, sqlRows, TASK_OPEN_DEADLINE_SQL, type SqlParams } from '../queries/sql.js';
import { Database } from '../../database/database.js';

export interface Deadlines {
  list: Deadline[];
  /** More sessions than MAX_PROVEN_SESSIONS had a task some check supports: not all were checked. */
  provenTruncated: boolean;
}

export interface Deadline {
  taskId: string;
  /** The task's code in the checklist template (which compliance checks support it). */
  code: string;
  label: string;
  dueDate: CalendarDate;
  /** The working day before a due date on a weekend day or a public holiday, else null. */
  workingDayFallback: CalendarDate | null;
  regulatory: boolean;
  sessionId: string;
  titreCode: string;
  siteName: string;
  /** Every compliance check supporting the task passes: never late nor pending. */
  provenByData: boolean;
}

/** Beyond this many deadlines the page says the list is cut (narrow it with « mes sessions »). */
export const MAX_DEADLINES = 3000;

/**
 * The sessions whose compliance report is computed to find the tasks « vérifiées par les
 * données » (one report each, about ten small queries): the first ones by their earliest deadline
 * on the grid. Past it, a task is shown as still to do (never hidden) and the page says so.
 */
export const MAX_PROVEN_SESSIONS = 60;

/**
 * A working-day fallback is at most a few days before its due date (a long weekend with public
 * holidays): the due dates read reach this far past the grid so that every task shown on a day
 * of the grid is read, while the (status, dueDate) index still bounds the scan.
 */
const FALLBACK_REACH_DAYS = 10;

@Injectable()
export class CalendarQuery {
  constructor(
    private readonly db: Database,
    private readonly compliance: ComplianceService,
  ) {}

  /**
   * The open deadlines shown on the days from `from` to `to`: a task due on a weekend day or a
   * public holiday of its centre's region is shown on its working-day fallback, the day it must be
   * done by. The tasks « vérifiées par les données » are flagged.
   */
  async deadlines(
    caller: Caller,
    from: CalendarDate,
    to: CalendarDate,
    mine: boolean,
  ): Promise<Deadlines> {
    return this.withProof(await this.read(caller, from, to, mine));
  }

  /**
   * The deadlines shown on the days from `from` to `to`, and those of `earlier` (read the same
   * way): the tasks « vérifiées par les données » are looked for once over both lists.
   */
  async deadlinesAndEarlier(
    caller: Caller,
    range: { from: CalendarDate; to: CalendarDate },
    earlier: { from: CalendarDate; to: CalendarDate } | null,
    mine: boolean,
  ): Promise<{ shown: Deadlines; earlier: Deadlines }> {
    const shown = await this.read(caller, range.from, range.to, mine);
    const before =
      earlier === null || earlier.to < earlier.from
        ? []
        : await this.read(caller, earlier.from, earlier.to, mine);
    const both = await this.withProof([...shown, ...before]);
    const proven = new Set(both.list.filter((d) => d.provenByData).map((d) => d.taskId));
    const mark = (list: Deadline[]): Deadlines => ({
      list: list.map((d) => (proven.has(d.taskId) ? { ...d, provenByData: true } : d)),
      provenTruncated: both.provenTruncated,
    });
    return { shown: mark(shown), earlier: mark(before) };
  }

  private async withProof(deadlines: Deadline[]): Promise<Deadlines> {
    const { proven, truncated } = await this.provenByData(deadlines);
    return {
      list: deadlines.map((d) => (proven.has(d.taskId) ? { ...d, provenByData: true } : d)),
      provenTruncated: truncated,
    };
  }

  private async read(
    caller: Caller,
    from: CalendarDate,
    to: CalendarDate,
    mine: boolean,
  ): Promise<Deadline[]> {
    const scope = readableCentreIds(caller);
    const values: SqlParams = {
      from,
      to,
      reach: addDays(to, FALLBACK_REACH_DAYS),
      me: caller.userId,
    };
    const where = [`s."status" <> 'CANCELLED'`];
    if (scope !== null) {
      where.push(scope.length === 0 ? '1 = 0' : 's."centreId" IN (:...scope)');
      values.scope = scope;
    }
    if (mine) where.push('(s."managerId" = :me OR s."deputyManagerId" = :me)');
    const shownOn = `COALESCE(t."workingDayFallback", t."dueDate")`;
    const rows = await this.db.read((m) =>
      sqlRows<Record<string, unknown>>(
        m,
        `SELECT t."id" AS "taskId", t."code", t."label", t."dueDate", t."workingDayFallback",
          t."regulatory", s."id" AS "sessionId", ti."code" AS "titreCode", si."name" AS "siteName"
        FROM "session_task" t
        JOIN "exam_session" s ON s."id" = t."sessionId"
        JOIN "titre" ti ON ti."id" = s."titreId"
        JOIN "site" si ON si."id" = s."siteId"
        WHERE ${where.join(' AND ')} AND t."dueDate" >= :from AND t."dueDate" <= :reach
          AND ${shownOn} >= :from AND ${shownOn} <= :to AND ${TASK_OPEN_DEADLINE_SQL}
        ORDER BY ${shownOn}, ti."code", s."startDate", t."position", t."id"
        LIMIT ${MAX_DEADLINES + 1}`,
        values,
      ),
    );
    return rows.map((row) => ({
      taskId: String(row.taskId),
      code: String(row.code),
      label: String(row.label),
      dueDate: String(row.dueDate),
      workingDayFallback:
        row.workingDayFallback === null || row.workingDayFallback === undefined
          ? null
          : String(row.workingDayFallback),
      regulatory: bool(row.regulatory),
      sessionId: String(row.sessionId),
      titreCode: String(row.titreCode),
      siteName: String(row.siteName),
      provenByData: false,
    }));
  }

  /**
   * The ids of the deadlines « vérifiées par les données » (every compliance check supporting the
   * task passes): one compliance report per session with an open task some check supports, for
   * the first MAX_PROVEN_SESSIONS of them in the order of their deadlines.
   */
  private async provenByData(
    deadlines: readonly Deadline[],
  ): Promise<{ proven: Set<string>; truncated: boolean }> {
    const bySession = new Map<string, Deadline[]>();
    for (const d of deadlines) {
      if (!isProvableOpenTask({ code: d.code, status: 'todo' })) continue;
      bySession.set(d.sessionId, [...(bySession.get(d.sessionId) ?? []), d]);
    }
    const proven = new Set<string>();
    const checked = [...bySession.keys()].slice(0, MAX_PROVEN_SESSIONS);
    for (const ids of chunks(checked)) {
      const sessions = await this.db.read((m) =>
        m.getRepository(ExamSession).find({ where: { id: In(ids) }, order: { id: 'ASC' } }),
      );
      for (const session of sessions) {
        const own = bySession.get(session.id) ?? [];
        const codes = await provenOpenTaskCodes(
          this.compliance,
          session,
          own.map((d) => ({ code: d.code, status: 'todo' })),
        );
        for (const d of own) if (codes.has(d.code)) proven.add(d.taskId);
      }
    }
    return { proven, truncated: bySession.size > checked.length };
  }
}

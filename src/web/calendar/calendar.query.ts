/** Every open deadline of the caller's sessions between two dates, in one query. */
import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '../../common/calendar-date.js';
import { readableCentreIds, type Caller } from '../../common/caller.js';
import { bool, sqlRows, TASK_OPEN_DEADLINE_SQL, type SqlParams } from '../queries/sql.js';
import { Database } from '../../database/database.js';

export interface Deadline {
  taskId: string;
  label: string;
  dueDate: CalendarDate;
  regulatory: boolean;
  sessionId: string;
  titreCode: string;
  siteName: string;
}

/** Beyond this many deadlines the page says the list is cut (narrow it with « mes sessions »). */
export const MAX_DEADLINES = 3000;

@Injectable()
export class CalendarQuery {
  constructor(private readonly db: Database) {}

  async deadlines(
    caller: Caller,
    from: CalendarDate,
    to: CalendarDate,
    mine: boolean,
  ): Promise<Deadline[]> {
    const scope = readableCentreIds(caller);
    const values: SqlParams = { from, to, me: caller.userId };
    const where = [`s."status" <> 'CANCELLED'`];
    if (scope !== null) {
      where.push(scope.length === 0 ? '1 = 0' : 's."centreId" IN (:...scope)');
      values.scope = scope;
    }
    if (mine) where.push('(s."managerId" = :me OR s."deputyManagerId" = :me)');
    const rows = await this.db.read((m) =>
      sqlRows<Record<string, unknown>>(
        m,
        `SELECT t."id" AS "taskId", t."label", t."dueDate", t."regulatory", s."id" AS "sessionId",
          ti."code" AS "titreCode", si."name" AS "siteName"
        FROM "session_task" t
        JOIN "exam_session" s ON s."id" = t."sessionId"
        JOIN "titre" ti ON ti."id" = s."titreId"
        JOIN "site" si ON si."id" = s."siteId"
        WHERE ${where.join(' AND ')} AND t."dueDate" >= :from AND t."dueDate" <= :to
          AND ${TASK_OPEN_DEADLINE_SQL}
        ORDER BY t."dueDate", ti."code", s."startDate", t."position", t."id"
        LIMIT ${MAX_DEADLINES + 1}`,
        values,
      ),
    );
    return rows.map((row) => ({
      taskId: String(row.taskId),
      label: String(row.label),
      dueDate: String(row.dueDate),
      regulatory: bool(row.regulatory),
      sessionId: String(row.sessionId),
      titreCode: String(row.titreCode),
      siteName: String(row.siteName),
    }));
  }
}

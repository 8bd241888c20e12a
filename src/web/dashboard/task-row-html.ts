import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { CalendarDate } from '../../common/calendar-date.js';
import { BoundedCache } from '../../common/bounded-cache.js';
import { TemplateRenderer } from '../../common/template-renderer.js';
import type { TaskCoreView } from '../../checklist/task-view.js';
import { KEPT_TASK_VIEWS } from '../queries/task-views.js';
import { taskRowView, type TaskRowView } from '../sessions/session-views.js';

const TEMPLATE = 'views/partials/task-row.hbs';

/** What a row shows besides its task. */
export interface TaskRowContext {
  sessionId: string;
  today: CalendarDate;
  editable: boolean;
}

/**
 * A row's HTML as UTF-8 pieces: the caller's CSRF token goes between two pieces (see
 * `withToken`), so that the rest can be shared between callers.
 */
export type RowPieces = readonly Buffer[];

/**
 * The HTML of checklist rows (`templates/views/partials/task-row.hbs`). A row is a pure function of
 * its task's view and context. The session page reuses the same view object while a task is
 * unchanged (TaskViewCache), so the last row of each task is kept, already encoded, with the view
 * it was made from, and reused for that same view in the same context.
 */
@Injectable()
export class TaskRowHtml {
  /** Stands for the CSRF token while rendering: random, so no stored text can contain it. */
  private readonly tokenSlot = `csrf-${randomBytes(16).toString('hex')}`;
  private readonly made = new BoundedCache<
    string,
    { task: TaskCoreView; context: TaskRowContext; row: RowPieces }
  >(KEPT_TASK_VIEWS);

  constructor(private readonly views: TemplateRenderer) {}

  /** A task's row as the checklist shows it; a new row is kept only if `keep`. */
  row(task: TaskCoreView, context: TaskRowContext, keep = true): RowPieces {
    const kept = this.made.get(task.id);
    if (
      kept?.task === task &&
      kept.context.sessionId === context.sessionId &&
      kept.context.today === context.today &&
      kept.context.editable === context.editable
    ) {
      return kept.row;
    }
    const row = this.render(
      taskRowView(context.sessionId, task, context.today, { editable: context.editable }),
    );
    if (keep) this.made.set(task.id, { task, context, row });
    return row;
  }

  /** A row from a view of its own (the answer to a tick, with its message): not kept. */
  render(view: TaskRowView): RowPieces {
    const html = this.views.render(TEMPLATE, { task: view, csrf: this.tokenSlot });
    return html.split(this.tokenSlot).map((piece) => Buffer.from(piece));
  }

  /** The rows' bytes in order, with the caller's CSRF token in each gap. */
  withToken(rows: readonly RowPieces[], csrf: string): Buffer[] {
    const token = Buffer.from(Handlebars.Utils.escapeExpression(csrf));
    const out: Buffer[] = [];
    for (const pieces of rows) {
      out.push(pieces[0]);
      for (let i = 1; i < pieces.length; i++) out.push(token, pieces[i]);
    }
    return out;
  }
}

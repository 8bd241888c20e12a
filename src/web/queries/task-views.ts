/**
 * The checklist rows of a session page and their views, kept between displays: most tasks are
 * unchanged from one display to the next, and making their views again is most of a page's work.
 */
import type { CalendarDate } from '../../common/calendar-date.js';
import { BoundedCache } from '../../common/bounded-cache.js';
import { jsonEqual } from '../../common/json-equal.js';
import type { SessionTask } from '../../checklist/session-task.entity.js';
import { TICK_FIELDS } from '../../checklist/task-tick.js';
import type { SessionFacts } from '../../checklist/task-applicability.js';
import {
  toTaskCoreView,
  type TaskCoreSource,
  type TaskCoreView,
  type TaskViewContext,
} from '../../checklist/task-view.js';
import type { CheckResult } from '../../compliance/compliance-rules.js';
import { bool, json, num, str } from './sql.js';

/**
 * The columns of a task the page shows (not the snapshot's source text, notes or due rule), read
 * as one JSON array per task in this order (`jsonArraySql`).
 */
export const TASK_COLUMNS = [
  'id',
  'code',
  'phase',
  'position',
  'parentCode',
  'label',
  'items',
  'regulatory',
  'advised',
  'obligation',
  'dueDate',
  'dueKind',
  'workingDayFallback',
  'applicability',
  ...TICK_FIELDS,
  'version',
] as const satisfies readonly (keyof TaskCoreSource)[];

type TaskColumn = (typeof TASK_COLUMNS)[number];

const COLUMN = Object.fromEntries(TASK_COLUMNS.map((name, i) => [name, i])) as Record<
  TaskColumn,
  number
>;

/** A task as read: its id and the JSON array of its TASK_COLUMNS. */
export interface TaskRow {
  id: string;
  json: string;
}

/** A task's columns from the JSON array of its row. */
export function taskSource(rowJson: string): TaskCoreSource {
  const row = JSON.parse(rowJson) as unknown[];
  const at = (name: TaskColumn): unknown => row[COLUMN[name]];
  return {
    id: String(at('id')),
    code: String(at('code')),
    phase: at('phase') as SessionTask['phase'],
    position: num(at('position')),
    parentCode: str(at('parentCode')),
    label: String(at('label')),
    items: json<string[]>(at('items')),
    regulatory: bool(at('regulatory')),
    advised: bool(at('advised')),
    obligation: bool(at('obligation')),
    dueDate: String(at('dueDate')),
    dueKind: at('dueKind') as SessionTask['dueKind'],
    workingDayFallback: str(at('workingDayFallback')),
    applicability: at('applicability') as SessionTask['applicability'],
    status: at('status') as SessionTask['status'],
    doneAt: str(at('doneAt')),
    doneBy: str(at('doneBy')),
    doneByEmail: str(at('doneByEmail')),
    observations: String(at('observations')),
    reason: String(at('reason')),
    version: num(at('version')),
  };
}

/** A view with everything it was made from: its row, and what it read of the page's context. */
interface KeptView {
  json: string;
  today: CalendarDate;
  facts: SessionFacts;
  phaseLabel: string | null;
  checks: CheckResult[] | null;
  region: string | null;
  view: TaskCoreView;
}

/** Tasks whose last view is kept: a few dozen checklists. */
export const KEPT_TASK_VIEWS = 5_000;

/**
 * The last view of each task, reused (the same object, never to be modified) while the task's row
 * and what `toTaskCoreView` reads of the context are equal to what it was made from.
 */
export class TaskViewCache {
  private readonly kept: BoundedCache<string, KeptView>;

  constructor(capacity = KEPT_TASK_VIEWS) {
    this.kept = new BoundedCache(capacity);
  }

  /** The rows' columns: for an unchanged row, its kept view (which holds them all). */
  sources(rows: readonly TaskRow[]): TaskCoreSource[] {
    return rows.map((row) => {
      const kept = this.kept.get(row.id);
      return kept && kept.json === row.json ? kept.view : taskSource(row.json);
    });
  }

  /**
   * The rows' views, `sources` being what `sources(rows)` gave. New views are kept only if `keep`
   * (keeping costs the garbage collector more than making them again when no one comes back).
   */
  views(
    rows: readonly TaskRow[],
    sources: readonly TaskCoreSource[],
    context: TaskViewContext,
    keep = true,
  ): TaskCoreView[] {
    return rows.map((row, i) => {
      const source = sources[i];
      const made = {
        json: row.json,
        today: context.today,
        facts: context.facts,
        phaseLabel: context.phaseLabels.get(source.phase) ?? null,
        checks: context.checksByTask.get(source.code) ?? null,
        region: context.region ?? null,
      };
      const kept = this.kept.get(row.id);
      if (
        kept &&
        kept.json === made.json &&
        kept.today === made.today &&
        kept.phaseLabel === made.phaseLabel &&
        kept.region === made.region &&
        jsonEqual(kept.facts, made.facts) &&
        jsonEqual(kept.checks, made.checks)
      ) {
        return kept.view;
      }
      const view = toTaskCoreView(source, context);
      if (keep) this.kept.set(row.id, { ...made, view });
      return view;
    });
  }
}

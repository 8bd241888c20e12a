/** The columns of a session task taken from a template task, and its computed due date. */
import type { CalendarDate } from '../common/calendar-date.js';
import type { FrenchRegion } from '../common/french-holidays.js';
import { resolveTaskDue, type ChecklistTemplate, type TemplateTask } from './checklist-template.js';
import { computeDueDate, type DueRule } from './due-date.js';
import type { SessionTask } from './session-task.entity.js';

export type TaskContent = Pick<
  SessionTask,
  | 'templateVersion'
  | 'code'
  | 'phase'
  | 'position'
  | 'parentCode'
  | 'label'
  | 'items'
  | 'regulatory'
  | 'advised'
  | 'obligation'
  | 'dueRule'
  | 'applicability'
  | 'sourceText'
  | 'references'
  | 'notes'
>;

export type TaskDue = Pick<SessionTask, 'dueDate' | 'dueKind' | 'workingDayFallback'>;

export interface SessionDates {
  startDate: CalendarDate;
  endDate: CalendarDate;
  /** The centre's region (its public holidays); metropolitan France when absent. */
  region?: FrenchRegion;
}

/** A snapshot of a template task, its due rule resolved (the phase's default when it has none). */
export function taskContent(template: ChecklistTemplate, task: TemplateTask): TaskContent {
  return {
    templateVersion: template.version,
    code: task.code,
    phase: task.phase,
    position: task.order,
    parentCode: task.parentCode,
    label: task.label,
    items: [...task.items],
    regulatory: task.regulatory,
    advised: task.advised,
    obligation: task.obligation ?? false,
    dueRule: { ...resolveTaskDue(template, task) },
    applicability: task.applicability,
    sourceText: task.sourceText,
    references: [...task.references],
    notes: task.notes ?? '',
  };
}

export function taskDue(rule: DueRule, session: SessionDates): TaskDue {
  const { dueDate, dueKind, workingDayFallback } = computeDueDate(rule, session, session.region);
  return { dueDate, dueKind, workingDayFallback };
}

/** Every task of a template, ready to insert for a session, in template order. */
export function snapshotTemplate(
  template: ChecklistTemplate,
  session: SessionDates,
): (TaskContent & TaskDue)[] {
  return template.tasks.map((task) => {
    const content = taskContent(template, task);
    return { ...content, ...taskDue(content.dueRule, session) };
  });
}

/**
 * Counts, progress and next deadline of a session's checklist: plain functions of the task rows
 * and today's date.
 */
import { compareDates, daysBetween, type CalendarDate } from '../common/calendar-date.js';
import { PHASE_CODES, type PhaseCode } from './checklist-template.js';
import type { DueKind } from './due-date.js';
import type { TaskStatus } from './session-task.entity.js';

/** Tasks due within this many days (today included) count as « à échéance proche ». */
export const DUE_SOON_DAYS = 14;

export interface ProgressTask {
  id: string;
  code: string;
  label: string;
  phase: PhaseCode;
  position: number;
  regulatory: boolean;
  /** Committed to by the agrément though the guide does not flag it: counted as réglementaire. */
  obligation?: boolean;
  status: TaskStatus;
  dueDate: CalendarDate;
  dueKind: DueKind;
  workingDayFallback: CalendarDate | null;
  /** The task concerns the session (see task-applicability). */
  applicable: boolean;
  /** Only needed if an incident happens. */
  conditional: boolean;
  /** Every compliance check supporting the task passes (« vérifiée par les données »). */
  provenByData?: boolean;
}

export interface Progress {
  done: number;
  total: number;
  percent: number;
}

export interface PhaseProgress {
  phase: PhaseCode;
  label: string;
  overall: Progress;
  regulatory: Progress;
}

export interface ChecklistCounts {
  done: number;
  todo: number;
  notApplicable: number;
  overdue: number;
  dueWithin14Days: number;
}

export interface NextDeadline {
  taskId: string;
  code: string;
  label: string;
  phase: PhaseCode;
  dueDate: CalendarDate;
  dueKind: DueKind;
  workingDayFallback: CalendarDate | null;
  daysLeft: number;
}

export interface ChecklistProgress {
  counts: ChecklistCounts;
  progress: { overall: Progress; regulatory: Progress; byPhase: PhaseProgress[] };
  nextDeadline: NextDeadline | null;
}

type DeadlineTask = Pick<
  ProgressTask,
  'status' | 'applicable' | 'conditional' | 'dueDate' | 'provenByData'
>;

/**
 * An open task whose deadline counts: to do, applicable, not an incident-only task, and not
 * already proven by the data (it is never late nor reminded).
 */
export function hasOpenDeadline(task: Omit<DeadlineTask, 'dueDate'>): boolean {
  return (
    task.status === 'todo' && task.applicable && !task.conditional && task.provenByData !== true
  );
}

/** Réglementaire in the guide, or an obligation of the agrément. */
export function isObligatory(task: Pick<ProgressTask, 'regulatory' | 'obligation'>): boolean {
  return task.regulatory || task.obligation === true;
}

export function isOverdue(task: DeadlineTask, today: CalendarDate): boolean {
  return hasOpenDeadline(task) && compareDates(task.dueDate, today) < 0;
}

/** Days from today to the due date of a task still to do (negative when late), else null. */
export function daysLeft(
  task: Pick<ProgressTask, 'status' | 'dueDate'>,
  today: CalendarDate,
): number | null {
  return task.status === 'todo' ? daysBetween(today, task.dueDate) : null;
}

export function isDueSoon(task: DeadlineTask, today: CalendarDate): boolean {
  if (!hasOpenDeadline(task)) return false;
  const left = daysBetween(today, task.dueDate);
  return left >= 0 && left <= DUE_SOON_DAYS;
}

/** Phase order (the template's), then position within the phase. */
export function comparePhasePosition(
  a: Pick<ProgressTask, 'phase' | 'position'>,
  b: Pick<ProgressTask, 'phase' | 'position'>,
): number {
  return PHASE_CODES.indexOf(a.phase) - PHASE_CODES.indexOf(b.phase) || a.position - b.position;
}

/** Among applicable tasks: done counts the tasks done or « sans objet ». */
function progressOf(tasks: readonly ProgressTask[]): Progress {
  const applicable = tasks.filter((t) => t.applicable);
  const total = applicable.length;
  const done = applicable.filter((t) => t.status !== 'todo').length;
  const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
  return { done, total, percent };
}

export function checklistProgress(
  tasks: readonly ProgressTask[],
  today: CalendarDate,
  phases: readonly { code: PhaseCode; label: string }[],
): ChecklistProgress {
  const counts: ChecklistCounts = {
    done: tasks.filter((t) => t.status === 'done').length,
    todo: tasks.filter((t) => t.status === 'todo').length,
    notApplicable: tasks.filter((t) => t.status === 'not_applicable').length,
    overdue: tasks.filter((t) => isOverdue(t, today)).length,
    dueWithin14Days: tasks.filter((t) => isDueSoon(t, today)).length,
  };
  const regulatory = tasks.filter(isObligatory);
  const byPhase = phases.map((phase) => {
    const inPhase = tasks.filter((t) => t.phase === phase.code);
    return {
      phase: phase.code,
      label: phase.label,
      overall: progressOf(inPhase),
      regulatory: progressOf(inPhase.filter(isObligatory)),
    };
  });
  const upcoming = tasks
    .filter((t) => hasOpenDeadline(t) && compareDates(t.dueDate, today) >= 0)
    .sort((a, b) => compareDates(a.dueDate, b.dueDate) || comparePhasePosition(a, b));
  const next = upcoming[0];
  return {
    counts,
    progress: { overall: progressOf(tasks), regulatory: progressOf(regulatory), byPhase },
    nextDeadline: next
      ? {
          taskId: next.id,
          code: next.code,
          label: next.label,
          phase: next.phase,
          dueDate: next.dueDate,
          dueKind: next.dueKind,
          workingDayFallback: next.workingDayFallback,
          daysLeft: daysBetween(today, next.dueDate),
        }
      : null,
  };
}

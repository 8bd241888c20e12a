/** What the API shows of a session task: the stored row plus what is computed from the data. */
import type { CalendarDate } from '../common/calendar-date.js';
import type { FrenchRegion } from '../common/french-holidays.js';
import { authorityWording } from './authority-wording.js';
import { isVerifiedByData, type CheckResult } from '../compliance/compliance-rules.js';
import { APPLICABILITY_LABELS, type Applicability, type PhaseCode } from './checklist-template.js';
import { daysLeft, isOverdue } from './checklist-progress.js';
import { DUE_KIND_LABELS, type DueKind } from './due-date.js';
import type { SessionTask, TaskStatus } from './session-task.entity.js';
import { isConditionalTask, isTaskApplicable, type SessionFacts } from './task-applicability.js';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'À faire',
  done: 'Fait',
  not_applicable: 'Sans objet',
};

export interface SupportingCheck {
  code: string;
  label: string;
  status: CheckResult['status'];
  evidence: string[];
  findings: CheckResult['findings'];
  note?: string;
}

export interface VerifiedByData {
  /** Every compliance check supporting the task passes. */
  verified: boolean;
  checks: SupportingCheck[];
}

/** A task as the dashboard shows it: the row's working fields and what is computed from the data. */
export interface TaskCoreView {
  id: string;
  code: string;
  phase: PhaseCode;
  phaseLabel: string;
  position: number;
  parentCode: string | null;
  label: string;
  items: string[];
  regulatory: boolean;
  advised: boolean;
  obligation: boolean;
  dueDate: CalendarDate;
  dueKind: DueKind;
  dueKindLabel: string;
  workingDayFallback: CalendarDate | null;
  applicability: Applicability;
  applicabilityLabel: string;
  applicable: boolean;
  conditional: boolean;
  status: TaskStatus;
  statusLabel: string;
  doneAt: CalendarDate | null;
  doneBy: string | null;
  doneByEmail: string | null;
  observations: string;
  reason: string;
  overdue: boolean;
  daysLeft: number | null;
  verifiedByData: VerifiedByData | null;
  /** Every supporting check passes: never counted late, never reminded. */
  provenByData: boolean;
  version: number;
}

/** The API's task: the core view plus the snapshot's source text, references and notes. */
export interface TaskView extends TaskCoreView {
  templateVersion: number;
  sourceText: string;
  references: string[];
  notes: string;
}

/** The columns of a task row the core view reads. */
export type TaskCoreSource = Omit<
  SessionTask,
  'sessionId' | 'templateVersion' | 'sourceText' | 'references' | 'notes' | 'dueRule' | 'updatedAt'
>;

/**
 * What a view reads besides its task (the dashboard's TaskViewCache compares exactly these to reuse
 * a view: a new member must be compared there too).
 */
export interface TaskViewContext {
  today: CalendarDate;
  facts: SessionFacts;
  phaseLabels: ReadonlyMap<string, string>;
  /** Task code → the compliance checks supporting it (one report per request). */
  checksByTask: ReadonlyMap<string, CheckResult[]>;
  /** The centre's region: the administration's name in the labels (metropolitan by default). */
  region?: FrenchRegion;
}

/** Null when no compliance check supports the task. */
export function verifiedByData(checks: readonly CheckResult[] | undefined): VerifiedByData | null {
  if (!checks || checks.length === 0) return null;
  return {
    verified: isVerifiedByData(checks),
    checks: checks.map((c) => {
      const check: SupportingCheck = {
        code: c.code,
        label: c.label,
        status: c.status,
        evidence: c.evidence,
        findings: c.findings,
      };
      if (c.note !== undefined) check.note = c.note;
      return check;
    }),
  };
}

export function toTaskCoreView(task: TaskCoreSource, ctx: TaskViewContext): TaskCoreView {
  const applicable = isTaskApplicable(task.applicability, ctx.facts);
  const conditional = isConditionalTask(task.applicability);
  const verified = verifiedByData(ctx.checksByTask.get(task.code));
  const provenByData = verified?.verified === true;
  return {
    id: task.id,
    code: task.code,
    phase: task.phase,
    phaseLabel: ctx.phaseLabels.get(task.phase) ?? task.phase,
    position: task.position,
    parentCode: task.parentCode,
    label: authorityWording(task.label, ctx.region),
    items: task.items,
    regulatory: task.regulatory,
    advised: task.advised,
    obligation: task.obligation,
    dueDate: task.dueDate,
    dueKind: task.dueKind,
    dueKindLabel: DUE_KIND_LABELS[task.dueKind],
    workingDayFallback: task.workingDayFallback,
    applicability: task.applicability,
    applicabilityLabel: APPLICABILITY_LABELS[task.applicability],
    applicable,
    conditional,
    status: task.status,
    statusLabel: TASK_STATUS_LABELS[task.status],
    doneAt: task.doneAt,
    doneBy: task.doneBy,
    doneByEmail: task.doneByEmail,
    observations: task.observations,
    reason: task.reason,
    // Only the fields the rule reads: copying the whole row for each task is costly on big pages.
    overdue: isOverdue(
      { status: task.status, dueDate: task.dueDate, applicable, conditional, provenByData },
      ctx.today,
    ),
    daysLeft: daysLeft(task, ctx.today),
    verifiedByData: verified,
    provenByData,
    version: task.version,
  };
}

export function toTaskView(task: SessionTask, ctx: TaskViewContext): TaskView {
  return {
    ...toTaskCoreView(task, ctx),
    templateVersion: task.templateVersion,
    sourceText: task.sourceText,
    references: task.references,
    notes: task.notes,
  };
}

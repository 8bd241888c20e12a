/** The items of « Mes échéances » as the page shows them: a checklist row, or a centre's obligation. */
import { APPLICABILITY_LABELS } from '../../checklist/checklist-template.js';
import { daysLeft } from '../../checklist/checklist-progress.js';
import { authorityWording } from '../../checklist/authority-wording.js';
import { DUE_KIND_LABELS } from '../../checklist/due-date.js';
import type { SessionTask } from '../../checklist/session-task.entity.js';
import { isConditionalTask } from '../../checklist/task-applicability.js';
import { TASK_STATUS_LABELS, type TaskCoreView } from '../../checklist/task-view.js';
import type { CalendarDate } from '../../common/calendar-date.js';
import type { FrenchRegion } from '../../common/french-holidays.js';
import type { Obligation } from '../../obligations/obligation-rules.js';
import { movedDueDate } from '../calendar/calendar-view.js';
import type { Deadline } from '../calendar/calendar.query.js';
import { taskRowView, type TaskRowView } from '../sessions/session-views.js';
import { isOverdue, lateText, type DueItem } from './deadline-rules.js';
import type { ReturnTargetKey } from './return-target.js';

/**
 * A checklist row on « Mes échéances »: its form says where to come back to (hidden field
 * `retour`), so that a tick without JavaScript lands back here and an htmx tick answers with this
 * page's counts.
 */
export type DueTaskRowView = TaskRowView & { returnTo: ReturnTargetKey };

export interface TaskItem extends DueItem {
  kind: 'task';
  key: string;
  sessionHref: string;
  sessionLabel: string;
  late: boolean;
  lateText: string | null;
  moved: string | null;
  /** The checklist's own row (`partials/task-row.hbs`), ticked through the session page's route. */
  row: DueTaskRowView;
}

export interface ObligationItem extends DueItem {
  kind: 'obligation';
  key: string;
  centreName: string;
  label: string;
  href: string;
  linkLabel: string;
  late: boolean;
  lateText: string | null;
  moved: string | null;
}

export type DeadlineItem = TaskItem | ObligationItem;

/**
 * A stored task as the checklist row reads it. The calendar's query keeps only the tasks to do
 * that apply to their session, so the row is applicable; a task is late by the page's rule (never
 * when it is « vérifiée par les données »).
 */
export function taskCore(
  task: SessionTask,
  context: { region: FrenchRegion; today: CalendarDate; provenByData: boolean; late: boolean },
): TaskCoreView {
  return {
    id: task.id,
    code: task.code,
    phase: task.phase,
    phaseLabel: task.phase,
    position: task.position,
    parentCode: task.parentCode,
    label: authorityWording(task.label, context.region),
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
    applicable: true,
    conditional: isConditionalTask(task.applicability),
    status: task.status,
    statusLabel: TASK_STATUS_LABELS[task.status],
    doneAt: task.doneAt,
    doneBy: task.doneBy,
    doneByEmail: task.doneByEmail,
    observations: task.observations,
    reason: task.reason,
    overdue: context.late,
    daysLeft: daysLeft(task, context.today),
    verifiedByData: context.provenByData ? { verified: true, checks: [] } : null,
    provenByData: context.provenByData,
    version: task.version,
  };
}

export function taskItem(
  deadline: Deadline,
  task: SessionTask,
  context: {
    region: FrenchRegion;
    today: CalendarDate;
    editable: boolean;
    returnTo: ReturnTargetKey;
  },
): TaskItem {
  const due: DueItem = {
    kind: 'task',
    dueDate: deadline.dueDate,
    workingDayFallback: deadline.workingDayFallback,
    provenByData: deadline.provenByData,
    information: false,
  };
  const late = isOverdue(due, context.today);
  const core = taskCore(task, { ...context, provenByData: deadline.provenByData, late });
  return {
    ...due,
    kind: 'task',
    key: `task-${deadline.taskId}`,
    sessionHref: `/sessions/${deadline.sessionId}`,
    sessionLabel: `${deadline.titreCode} (${deadline.siteName})`,
    late,
    lateText: lateText(due, context.today),
    moved: movedDueDate(deadline),
    row: {
      ...taskRowView(deadline.sessionId, core, context.today, { editable: context.editable }),
      // Ticking several tasks at once is the session page's form: no selection box here.
      selectable: false,
      returnTo: context.returnTo,
    },
  };
}

/** What the link of an obligation says: where it is recorded, or what it is about. */
export function obligationLinkLabel(obligation: Obligation, writable: boolean): string {
  switch (obligation.code) {
    case 'ANNUAL_PROGRAMME':
      return writable ? 'Enregistrer la communication' : 'Voir les obligations de l’année';
    case 'PROVIDER_AVENANT':
      return writable ? 'Enregistrer l’envoi de l’avenant' : 'Voir les conventions';
    case 'AGREMENT_END':
      return 'Voir l’agrément';
    case 'TITRE_VERSION_END':
      return 'Voir le titre';
  }
}

export function obligationItem(
  obligation: Obligation,
  context: { centreName: string; today: CalendarDate; writable: boolean },
): ObligationItem {
  const due: DueItem = {
    kind: 'obligation',
    dueDate: obligation.dueDate,
    workingDayFallback: obligation.workingDayFallback,
    provenByData: false,
    information: obligation.information,
  };
  return {
    ...due,
    kind: 'obligation',
    key: `obligation-${obligation.key}`,
    centreName: context.centreName,
    label: obligation.label,
    href: obligation.link.href,
    linkLabel: obligationLinkLabel(obligation, context.writable),
    late: isOverdue(due, context.today),
    lateText: lateText(due, context.today),
    moved: movedDueDate(obligation),
  };
}

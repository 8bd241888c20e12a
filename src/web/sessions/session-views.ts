/** View models of the sessions pages: plain functions of the queried data and today's date. */
import { daysBetween, formatFrenchDate, type CalendarDate } from '../../common/calendar-date.js';
import { DUE_SOON_DAYS } from '../../checklist/checklist-progress.js';
import type { TaskCoreView } from '../../checklist/task-view.js';
import {
  ANNUAL_PROGRAMME_TASK_CODE,
  PV_SEND_TASK_CODE,
  UD_INFORM_TASK_CODE,
  type Finding,
} from '../../compliance/compliance-rules.js';
import type { SessionListRow } from '../queries/session-list.query.js';
import {
  percent,
  personLabel,
  SESSION_NATURE_LABELS,
  SESSION_STATUS_LABELS,
} from '../views/labels.js';

export function frDate(date: CalendarDate | null): string {
  return date ? formatFrenchDate(date) : '';
}

/** « dans 3 jours », « aujourd'hui », « il y a 2 jours ». */
export function relativeDays(days: number): string {
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  if (days === -1) return 'hier';
  const n = Math.abs(days);
  return days > 0 ? `dans ${n} jours` : `il y a ${n} jours`;
}

export interface ProgressView {
  done: number;
  total: number;
  percent: number;
  text: string;
}

export function progressView(done: number, total: number): ProgressView {
  const value = total === 0 ? 100 : Math.floor((done * 100) / total);
  return { done, total, percent: value, text: `${percent(value)} (${done}/${total})` };
}

export interface SessionRowView {
  href: string;
  titre: string;
  titreLabel: string;
  centreName: string;
  siteName: string;
  nature: string;
  status: string;
  cancelled: boolean;
  dates: string;
  manager: string;
  overall: ProgressView;
  regulatory: ProgressView;
  nextDue: string;
  nextDueHint: string;
  overdue: number;
}

export function sessionRowView(row: SessionListRow, today: CalendarDate): SessionRowView {
  const manager =
    row.managerEmail === null
      ? '—'
      : personLabel({
          firstName: row.managerFirstName,
          lastName: row.managerLastName,
          email: row.managerEmail,
        });
  return {
    href: `/sessions/${row.id}`,
    titre: row.titreCode,
    titreLabel: row.titreLabel,
    centreName: row.centreName,
    siteName: row.siteName,
    nature: SESSION_NATURE_LABELS[row.nature],
    status: SESSION_STATUS_LABELS[row.status],
    cancelled: row.status === 'CANCELLED',
    dates:
      row.startDate === row.endDate
        ? frDate(row.startDate)
        : `du ${frDate(row.startDate)} au ${frDate(row.endDate)}`,
    manager,
    overall: progressView(row.counts.done, row.counts.total),
    regulatory: progressView(row.counts.regulatoryDone, row.counts.regulatoryTotal),
    nextDue: row.counts.nextDue ? frDate(row.counts.nextDue) : '—',
    nextDueHint: row.counts.nextDue ? relativeDays(daysBetween(today, row.counts.nextDue)) : '',
    overdue: row.counts.overdue,
  };
}

export interface TaskMessage {
  kind: 'ok' | 'error';
  text: string;
}

/** What the user typed, shown again when a save is refused (400). */
export interface TaskInput {
  done: boolean;
  notApplicable: boolean;
  doneAt: string;
  observations: string;
  reason: string;
}

export interface TaskRowView {
  id: string;
  anchor: string;
  action: string;
  code: string;
  label: string;
  items: string[];
  regulatory: boolean;
  dueDate: string;
  dueKindLabel: string;
  workingDayFallback: string;
  statusLabel: string;
  done: boolean;
  notApplicable: boolean;
  doneAt: string;
  doneAtMax: string;
  /** « jj/mm/aaaa » of the stored date, for the line « Fait le … par … ». */
  doneAtText: string;
  doneBy: string;
  observations: string;
  reason: string;
  version: number;
  overdue: boolean;
  soon: boolean;
  deadlineText: string;
  conditional: boolean;
  applicable: boolean;
  applicabilityLabel: string;
  verified: { ok: boolean; text: string } | null;
  cssClass: string;
  open: boolean;
  message: TaskMessage | null;
  editable: boolean;
  /** May be selected for the bulk tick (editable and not done). */
  selectable: boolean;
  /** After an edit conflict: what the other person saved, shown beside the typed values kept. */
  conflict: TaskConflictView | null;
}

/** The stored state of a task another person saved meanwhile. */
export interface TaskConflictView {
  statusLabel: string;
  doneAtText: string;
  doneBy: string;
  observations: string;
  reason: string;
}

export function taskConflictView(task: TaskCoreView): TaskConflictView {
  return {
    statusLabel: task.statusLabel,
    doneAtText: task.status === 'todo' ? '' : frDate(task.doneAt),
    doneBy: task.status === 'todo' ? '' : (task.doneByEmail ?? ''),
    observations: task.observations,
    reason: task.reason,
  };
}

export function taskRowView(
  sessionId: string,
  task: TaskCoreView,
  today: CalendarDate,
  options: {
    editable: boolean;
    message?: TaskMessage | null;
    input?: TaskInput | null;
    conflict?: TaskCoreView | null;
  },
): TaskRowView {
  const input = options.input ?? null;
  const done = input ? input.done && !input.notApplicable : task.status === 'done';
  const notApplicable = input ? input.notApplicable : task.status === 'not_applicable';
  const left = task.status === 'todo' ? daysBetween(today, task.dueDate) : null;
  const open = task.status === 'todo' && task.applicable && !task.conditional;
  const overdue = task.overdue;
  const soon = open && left !== null && left >= 0 && left <= DUE_SOON_DAYS;
  let deadlineText = '';
  if (overdue && left !== null) deadlineText = `En retard de ${-left} jour${left < -1 ? 's' : ''}`;
  else if (soon && left !== null) deadlineText = `Échéance ${relativeDays(left)}`;
  const verified = task.verifiedByData
    ? {
        ok: task.verifiedByData.verified,
        text: task.verifiedByData.verified
          ? 'Vérifié par les données'
          : 'Contrôle non satisfait : ' +
            task.verifiedByData.checks
              .flatMap((c) => c.findings.map((f) => f.message))
              .slice(0, 3)
              .join(' '),
      }
    : null;
  const state = notApplicable
    ? 'task-na'
    : done
      ? 'task-done'
      : overdue
        ? 'task-overdue'
        : soon
          ? 'task-soon'
          : '';
  const observations = input ? input.observations : task.observations;
  const reason = input ? input.reason : task.reason;
  return {
    id: task.id,
    anchor: `task-${task.id}`,
    action: `/sessions/${sessionId}/tasks/${task.id}`,
    code: task.code,
    label: task.label,
    items: task.items,
    regulatory: task.regulatory,
    dueDate: frDate(task.dueDate),
    dueKindLabel: task.dueKindLabel,
    workingDayFallback: task.workingDayFallback ? frDate(task.workingDayFallback) : '',
    statusLabel: task.statusLabel,
    done,
    notApplicable,
    doneAt: input ? input.doneAt : (task.doneAt ?? today),
    doneAtMax: today,
    doneAtText: frDate(task.doneAt),
    doneBy: task.status !== 'todo' ? (task.doneByEmail ?? '') : '',
    observations,
    reason,
    version: task.version,
    overdue,
    soon,
    deadlineText,
    conditional: task.conditional,
    applicable: task.applicable,
    applicabilityLabel: task.applicabilityLabel,
    verified,
    cssClass: `task ${state}`.trim(),
    open: observations !== '' || reason !== '' || options.message?.kind === 'error',
    message: options.message ?? null,
    editable: options.editable,
    selectable: options.editable && !done,
    conflict: options.conflict ? taskConflictView(options.conflict) : null,
  };
}

export interface FindingView {
  message: string;
  fixHref: string;
  fixLabel: string;
}

/** Each compliance finding with a link to the page (or the task) that fixes it. */
export function findingView(
  sessionId: string,
  finding: Finding,
  taskIdsByCode: ReadonlyMap<string, string>,
): FindingView {
  const base = `/sessions/${sessionId}`;
  const subject = finding.subject;
  const candidate = subject?.type === 'candidate' ? `#candidate-${subject.id}` : '';
  const task = (code: string) => {
    const id = taskIdsByCode.get(code);
    return id ? `#task-${id}` : base;
  };
  switch (finding.code) {
    case 'AGREMENT_VALID':
      return { message: finding.message, fixHref: '/agrements', fixLabel: 'Voir les agréments' };
    case 'TITRE_VALID':
      return { message: finding.message, fixHref: '/titres', fixLabel: 'Voir les titres' };
    case 'JURY_MINIMUM':
    case 'JURY_HABILITATIONS':
    case 'JURY_CONVENED':
      return { message: finding.message, fixHref: `${base}/jury`, fixLabel: 'Gérer le jury' };
    case 'JURY_NO_LINK':
      return {
        message: finding.message,
        fixHref: `${base}/jury#declarations`,
        fixLabel: 'Déclarations de liens',
      };
    case 'VAE_RECEVABILITE':
    case 'CANDIDATES_CONVENED':
    case 'CANDIDATE_FILES':
      return {
        message: finding.message,
        fixHref: `${base}/candidates${candidate}`,
        fixLabel: 'Compléter les candidats',
      };
    case 'UD_INFORMED':
      return {
        message: finding.message,
        fixHref: task(UD_INFORM_TASK_CODE),
        fixLabel: 'Voir la tâche',
      };
    case 'PV_SENT':
      return {
        message: finding.message,
        fixHref: task(PV_SEND_TASK_CODE),
        fixLabel: 'Voir la tâche',
      };
    case 'ANNUAL_PROGRAMME':
      return {
        message: finding.message,
        fixHref: task(ANNUAL_PROGRAMME_TASK_CODE),
        fixLabel: 'Voir la tâche',
      };
    default:
      return { message: finding.message, fixHref: base, fixLabel: 'Voir la session' };
  }
}

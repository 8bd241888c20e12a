/** The filled checklist (« Guide de préparation de la session ») for the session's file. */
import type { TaskView } from '../checklist/task-view.js';
import { formatFrenchDate } from '../common/calendar-date.js';
import type { SessionDossier } from './session-dossier.js';
import {
  documentFooter,
  sessionIdentity,
  type FooterView,
  type IdentityView,
} from './session-identity.js';

export type ChecklistRow = Pick<
  TaskView,
  | 'phase'
  | 'phaseLabel'
  | 'label'
  | 'items'
  | 'parentCode'
  | 'regulatory'
  | 'advised'
  | 'dueDate'
  | 'applicable'
  | 'status'
  | 'doneAt'
  | 'doneByEmail'
  | 'observations'
  | 'reason'
  | 'overdue'
  | 'verifiedByData'
>;

export interface ChecklistSource {
  title: string;
  version: number;
  tasks: ChecklistRow[];
}

export interface ChecklistTaskLine {
  label: string;
  items: string[];
  sub: boolean;
  regulatory: boolean;
  advised: boolean;
  due: string;
  status: string;
  late: boolean;
  doneAt: string;
  doneBy: string;
  notes: string[];
}

export interface FilledChecklistView {
  title: string;
  identity: IdentityView;
  footer: FooterView;
  guide: string;
  summary: string;
  phases: { label: string; tasks: ChecklistTaskLine[] }[];
  emptyNotice: string | null;
}

function statusOf(task: ChecklistRow): string {
  if (task.status === 'done') return 'Fait';
  if (task.status === 'not_applicable') return 'Sans objet';
  if (!task.applicable) return 'Ne concerne pas la session';
  return task.overdue ? 'En retard' : 'À faire';
}

function notesOf(task: ChecklistRow): string[] {
  const notes: string[] = [];
  if (task.observations.trim() !== '') notes.push(task.observations.trim());
  if (task.reason.trim() !== '') {
    notes.push(
      task.status === 'not_applicable'
        ? `Sans objet : ${task.reason.trim()}`
        : `Motif : ${task.reason.trim()}`,
    );
  }
  if (task.verifiedByData?.verified) notes.push('Vérifié par les données de Jalon.');
  return notes;
}

function line(task: ChecklistRow): ChecklistTaskLine {
  return {
    label: task.label,
    items: task.items,
    sub: task.parentCode !== null,
    regulatory: task.regulatory,
    advised: task.advised,
    due: formatFrenchDate(task.dueDate),
    status: statusOf(task),
    late: task.status === 'todo' && task.applicable && task.overdue,
    doneAt: task.doneAt ? formatFrenchDate(task.doneAt) : '',
    doneBy: task.status === 'todo' ? '' : (task.doneByEmail ?? ''),
    notes: notesOf(task),
  };
}

/** Tasks in the order given (phase then position), grouped by phase. */
export function filledChecklist(
  dossier: SessionDossier,
  checklist: ChecklistSource,
): FilledChecklistView {
  const title = 'Liste de contrôle de la session';
  const phases: FilledChecklistView['phases'] = [];
  for (const task of checklist.tasks) {
    let phase = phases.at(-1);
    if (!phase || phase.label !== task.phaseLabel) {
      phase = { label: task.phaseLabel, tasks: [] };
      phases.push(phase);
    }
    phase.tasks.push(line(task));
  }
  const count = (status: ChecklistRow['status']) =>
    checklist.tasks.filter((t) => t.status === status).length;
  const late = checklist.tasks.filter((t) => t.status === 'todo' && t.applicable && t.overdue);
  return {
    title,
    identity: sessionIdentity(dossier),
    footer: documentFooter(dossier, title),
    guide: `${checklist.title} — version ${checklist.version} du modèle`,
    summary:
      `${count('done')} tâche(s) faite(s) sur ${checklist.tasks.length} ; ` +
      `${count('not_applicable')} sans objet ; ${late.length} en retard au ${formatFrenchDate(dossier.today)}.`,
    phases,
    emptyNotice:
      checklist.tasks.length === 0 ? 'La liste de contrôle de cette session est vide.' : null,
  };
}

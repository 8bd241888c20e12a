/** The filled checklist (« Guide de préparation de la session ») for the session's file. */
import type { TaskView } from '../checklist/task-view.js';
import { formatFrenchDate } from '../common/calendar-date.js';
import { nameForEmail, splitForSignatures } from './document-format.js';
import type { SessionDossier } from './session-dossier.js';
import {
  documentFooter,
  sessionCcps,
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

/** The header of the official « Guide de préparation de la session », filled. */
export interface ChecklistHeaderView {
  centre: string;
  site: string;
  titreLabel: string;
  titreCode: string;
  version: string;
  /** Which of TITRE, CCP, CCS the session is (ticked box). */
  nature: { titre: boolean; ccp: boolean; ccs: boolean };
  /** The CCP or CCS the session covers: labels, then codes. */
  ccpLabels: string;
  ccpCodes: string;
  startDate: string;
  endDate: string;
  formation: number;
  vae: number;
  /** Candidates on another pathway (suite de parcours, parcours progressif, équivalence). */
  otherPathways: number;
  manager: string;
  deputyManager: string;
}

export interface FilledChecklistView {
  title: string;
  identity: IdentityView;
  header: ChecklistHeaderView;
  footer: FooterView;
  guide: string;
  summary: string;
  /**
   * The tasks by phase; the last phase's last tasks in `tail`, kept on the page of the visa
   * (`closing`), so that the visa never stands alone on a page.
   */
  phases: {
    label: string;
    tasks: ChecklistTaskLine[];
    tail: ChecklistTaskLine[];
    closing: boolean;
  }[];
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

function header(dossier: SessionDossier, identity: IdentityView): ChecklistHeaderView {
  const { session, titre, candidates } = dossier;
  const covered = session.nature === 'TITRE' ? [] : sessionCcps(dossier);
  const count = (pathway: string) => candidates.filter((c) => c.pathway === pathway).length;
  return {
    centre: dossier.centre.name,
    site: dossier.site.name,
    titreLabel: titre.label,
    titreCode: titre.code,
    version: titre.version,
    nature: {
      titre: session.nature === 'TITRE',
      ccp: session.nature === 'CCP',
      ccs: session.nature === 'CCS',
    },
    ccpLabels: covered.map((ccp) => ccp.label).join(' ; '),
    ccpCodes: covered.map((ccp) => ccp.code).join(', '),
    startDate: formatFrenchDate(session.startDate),
    endDate: formatFrenchDate(session.endDate),
    formation: count('FORMATION'),
    vae: count('VAE'),
    otherPathways: candidates.length - count('FORMATION') - count('VAE'),
    manager: identity.manager,
    deputyManager: identity.deputyManager ?? 'non désigné(e)',
  };
}

function line(task: ChecklistRow, people: SessionDossier['people']): ChecklistTaskLine {
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
    doneBy:
      task.status === 'todo' || !task.doneByEmail
        ? ''
        : nameForEmail(task.doneByEmail, people ?? []),
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
      phase = { label: task.phaseLabel, tasks: [], tail: [], closing: false };
      phases.push(phase);
    }
    phase.tasks.push(line(task, dossier.people));
  }
  const last = phases.at(-1);
  if (last) {
    const { rows, tail } = splitForSignatures(last.tasks);
    Object.assign(last, { tasks: rows, tail, closing: true });
  }
  const count = (status: ChecklistRow['status']) =>
    checklist.tasks.filter((t) => t.status === status).length;
  const late = checklist.tasks.filter((t) => t.status === 'todo' && t.applicable && t.overdue);
  const identity = sessionIdentity(dossier);
  return {
    title,
    identity,
    header: header(dossier, identity),
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

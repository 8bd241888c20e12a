/**
 * What a deletion asks before it happens: the question naming the item, one sentence saying what
 * goes with it, and what stays. Shown on a confirmation page (GET …/supprimer) whose form posts
 * the deletion with `confirm=1`: never a one-click delete, and it works without JavaScript.
 */

export interface DeleteConfirmation {
  /** « Supprimer Anaïs DUPONT de la session ? » */
  question: string;
  /** What goes, as one sentence. */
  consequence: string;
  /** What stays, one sentence each (may be empty). */
  kept: string[];
  /** The label of the button that deletes. */
  button: string;
}

/** The page's model: the texts, where the form posts and where « Annuler » goes back. */
export interface DeleteConfirmationView extends DeleteConfirmation {
  action: string;
  cancel: string;
}

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * « X, Y et Z seront supprimés. » with the agreement of the participle: feminine only when every
 * item is; singular for one item.
 */
export function willBeDeleted(items: readonly { text: string; feminine: boolean }[]): string {
  const feminine = items.every((i) => i.feminine);
  const plural = items.length > 1;
  const verb = plural ? 'seront' : 'sera';
  const participle = `supprimé${feminine ? 'e' : ''}${plural ? 's' : ''}`;
  return `${capitalized(frenchList(items.map((i) => i.text)))} ${verb} ${participle}.`;
}

export interface CandidateDeletionFacts {
  /** « Anaïs DUPONT » */
  name: string;
  /** Results already entered, as « CCP1 : acquis ». */
  results: string[];
  /** The convocation's date, jj/mm/aaaa, or null when not convened. */
  convocationDate: string | null;
  /** The attendance recorded (« présent »…), or null. */
  attendance: string | null;
  /** How many items of the candidate's file are ticked. */
  fileItems: number;
  /** The session's titre gives the CQC: the driver's Hub Pro Transport data go too. */
  cqc: boolean;
}

export function candidateDeletion(f: CandidateDeletionFacts): DeleteConfirmation {
  const items = [{ text: 'son inscription à la session', feminine: true }];
  if (f.results.length > 0)
    items.push({ text: `ses résultats (${f.results.join(', ')})`, feminine: false });
  if (f.convocationDate)
    items.push({ text: `sa convocation du ${f.convocationDate}`, feminine: true });
  if (f.attendance) items.push({ text: `son émargement (${f.attendance})`, feminine: false });
  if (f.fileItems > 0) items.push({ text: 'les pièces cochées de son dossier', feminine: true });
  items.push({ text: 'les déclarations de liens des jurés à son égard', feminine: true });
  if (f.cqc) items.push({ text: 'ses données CQC (Hub Pro Transport)', feminine: true });
  return {
    question: `Supprimer ${f.name} de la session ?`,
    consequence: willBeDeleted(items),
    kept: [
      'Sa fiche de personne reste, avec son parcours dans les autres sessions.',
      'Un incident qui la ou le nomme reste au procès-verbal, sans candidat désigné.',
    ],
    button: 'Supprimer de la session',
  };
}

export interface StaffDeletionFacts {
  /** « Jean MARTIN » */
  name: string;
  /** « juré », « surveillant », « comédien » (lower case). */
  role: string;
  convocationDate: string | null;
  attendanceRecorded: boolean;
}

export function staffDeletion(f: StaffDeletionFacts): DeleteConfirmation {
  const items = [{ text: `son affectation comme ${f.role}`, feminine: true }];
  if (f.convocationDate)
    items.push({ text: `sa convocation du ${f.convocationDate}`, feminine: true });
  if (f.attendanceRecorded) items.push({ text: 'sa présence relevée', feminine: true });
  return {
    question: `Retirer ${f.name} du jury de la session ?`,
    consequence: willBeDeleted(items),
    kept: [
      'Sa fiche de membre du jury et ses habilitations restent.',
      'Ses déclarations de liens avec les candidats restent enregistrées.',
    ],
    button: 'Retirer du jury',
  };
}

export interface IncidentDeletionFacts {
  fraud: boolean;
  /** jj/mm/aaaa */
  occurredOn: string;
  /** « COLIN Maël », or null for an incident of the whole session. */
  candidate: string | null;
}

export function incidentDeletion(f: IncidentDeletionFacts): DeleteConfirmation {
  const what = f.fraud ? 'le signalement de fraude' : 'l’incident';
  const about = f.candidate ? ` concernant ${f.candidate}` : '';
  return {
    question: `Supprimer ${what} du ${f.occurredOn}${about} ?`,
    consequence: `${capitalized(what)}, sa description et les mesures prises seront supprimés : ${
      f.fraud
        ? 'il ne figurera plus au procès-verbal ni au rapport de fraude'
        : 'il ne figurera plus au procès-verbal'
    } de la session.`,
    kept: [],
    button: f.fraud ? 'Supprimer le signalement' : 'Supprimer l’incident',
  };
}

/** The documents of a session: names, French titles, routes and file names. */
import { fileSlug, ofName, personName, ROLE_LABELS } from './document-format.js';
import type { SessionDossier } from './session-dossier.js';

export const SESSION_DOCUMENTS = [
  { kind: 'convocations', title: 'Convocations des candidats', file: 'convocations-candidats' },
  {
    kind: 'jury-convocations',
    title: 'Convocations du jury, des surveillants et des comédiens',
    file: 'convocations-jury',
  },
  { kind: 'emargement', title: 'Feuilles d’émargement (une par jour)', file: 'emargement' },
  { kind: 'pv', title: 'Procès-verbal de session', file: 'pv-session' },
  { kind: 'pv-individuels', title: 'Procès-verbaux individuels', file: 'pv-individuels' },
  { kind: 'carence', title: 'Procès-verbal de carence', file: 'pv-carence' },
  { kind: 'fraude', title: 'Rapport de fraude (formulaire)', file: 'rapport-fraude' },
  { kind: 'checklist', title: 'Liste de contrôle renseignée', file: 'liste-de-controle' },
  { kind: 'laureats', title: 'Liste des lauréats à afficher', file: 'laureats' },
] as const;

export type SessionDocumentKind = (typeof SESSION_DOCUMENTS)[number]['kind'];

/** One document: a whole-session one, or the one of a candidate or of an assigned person. */
export type DocumentRequest =
  | { kind: SessionDocumentKind }
  | { kind: 'convocation'; candidateId: string }
  | { kind: 'pv-individuel'; candidateId: string }
  | { kind: 'jury-convocation'; assignmentId: string };

export interface DocumentLink {
  name: string;
  title: string;
  url: string;
  format: 'pdf' | 'zip';
  candidateId?: string;
  assignmentId?: string;
}

type Dossier = Pick<SessionDossier, 'session' | 'titre' | 'candidates' | 'staff'>;

/** 'cda-2027-06-14': the titre and start date, to name the files of a session. */
export function sessionTag(dossier: Pick<SessionDossier, 'session' | 'titre'>): string {
  return fileSlug(`${dossier.titre.code} ${dossier.session.startDate}`);
}

export function sessionDocumentUrl(sessionId: string, kind: SessionDocumentKind): string {
  return `/api/sessions/${sessionId}/documents/${kind}.pdf`;
}

export function zipFileName(dossier: Pick<SessionDossier, 'session' | 'titre'>): string {
  return `documents-session_${sessionTag(dossier)}.zip`;
}

/** The PDF file name of a document, e.g. 'convocation_nguyen-thi-huong_cda-2027-06-14.pdf'. */
export function documentFileName(dossier: Dossier, request: DocumentRequest): string {
  const tag = sessionTag(dossier);
  switch (request.kind) {
    case 'convocation':
    case 'pv-individuel': {
      const candidate = dossier.candidates.find((c) => c.id === request.candidateId);
      const who = candidate ? fileSlug(personName(candidate)) : 'candidat';
      const what = request.kind === 'convocation' ? 'convocation' : 'pv-individuel';
      return `${what}_${who}_${tag}.pdf`;
    }
    case 'jury-convocation': {
      const staff = dossier.staff.find((s) => s.assignmentId === request.assignmentId);
      return `convocation_${staff ? fileSlug(personName(staff)) : 'intervenant'}_${tag}.pdf`;
    }
    default: {
      const kind = request.kind;
      const file = SESSION_DOCUMENTS.find((d) => d.kind === kind)?.file ?? kind;
      return `${file}_${tag}.pdf`;
    }
  }
}

/** Every document the dashboard offers for a session, the ZIP of all of them last. */
export function documentLinks(dossier: Dossier): DocumentLink[] {
  const sessionId = dossier.session.id;
  const base = `/api/sessions/${sessionId}`;
  return [
    ...SESSION_DOCUMENTS.map((d): DocumentLink => ({
      name: d.kind,
      title: d.title,
      url: sessionDocumentUrl(sessionId, d.kind),
      format: 'pdf',
    })),
    ...dossier.candidates.flatMap((c): DocumentLink[] => [
      {
        name: 'convocation',
        title: `Convocation ${ofName(personName(c))}`,
        url: `${base}/candidates/${c.id}/convocation.pdf`,
        format: 'pdf',
        candidateId: c.id,
      },
      {
        name: 'pv-individuel',
        title: `Procès-verbal individuel ${ofName(personName(c))}`,
        url: `${base}/candidates/${c.id}/pv.pdf`,
        format: 'pdf',
        candidateId: c.id,
      },
    ]),
    ...dossier.staff.map((s): DocumentLink => ({
      name: 'jury-convocation',
      title: `Convocation ${ofName(personName(s))} (${ROLE_LABELS[s.role].toLowerCase()})`,
      url: `${base}/jury/${s.assignmentId}/convocation.pdf`,
      format: 'pdf',
      assignmentId: s.assignmentId,
    })),
    {
      name: 'documents',
      title: 'Tous les documents de la session (ZIP)',
      url: `${base}/documents/documents.zip`,
      format: 'zip',
    },
  ];
}

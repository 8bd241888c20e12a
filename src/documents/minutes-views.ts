/**
 * The procès-verbaux (session, individual, carence), the fraud report form and the list of the
 * successful candidates to display.
 */
import { formatFrenchDate } from '../common/calendar-date.js';
import {
  candidateResult,
  evaluatorsOf,
  type CandidateResult,
  type ResultCell,
} from './candidate-results.js';
import { PATHWAY_LABELS, personName, ROLE_LABELS } from './document-format.js';
import type { DossierIncident, DossierStaff, SessionDossier } from './session-dossier.js';
import {
  documentFooter,
  sessionCcps,
  sessionIdentity,
  type FooterView,
  type IdentityView,
} from './session-identity.js';

interface DocumentBase {
  title: string;
  identity: IdentityView;
  footer: FooterView;
}

export interface Signatory {
  name: string;
  role: string;
}

export interface IncidentLine {
  date: string;
  kind: string;
  candidate: string | null;
  description: string;
  measures: string | null;
  reportedBy: string;
}

export interface SessionMinutesView extends DocumentBase {
  ccps: { code: string; label: string }[];
  jury: { name: string; employer: string; habilitation: string }[];
  others: { name: string; role: string }[];
  candidates: {
    number: number;
    name: string;
    pathway: string;
    attendance: string;
    cells: ResultCell[];
    decision: string;
    /** The session (date) that gave each CCP when the titre is obtained, else the CCP acquired earlier. */
    record: string[];
  }[];
  summary: string;
  absences: string[];
  incidents: IncidentLine[];
  frauds: IncidentLine[];
  signatories: Signatory[];
  candidatesNotice: string | null;
  juryNotice: string | null;
}

export interface IndividualMinutesView extends DocumentBase {
  minutes: {
    name: string;
    birthDate: string | null;
    pathway: string;
    recevabilite: string | null;
    attendance: string;
    results: { code: string; label: string; outcome: string }[];
    decision: string;
    /** The session (date) that gave each CCP when the titre is obtained, else the CCP acquired earlier. */
    record: string[];
    evaluators: Signatory[];
    withLink: string[];
    evaluatorsNotice: string | null;
  }[];
  emptyNotice: string;
}

export interface CarenceView extends DocumentBase {
  jury: { name: string; employer: string }[];
  juryNotice: string | null;
  candidates: { number: number; name: string }[];
  candidatesNotice: string | null;
  manager: string;
}

export interface FraudReportView extends DocumentBase {
  ccps: { code: string; label: string }[];
  /** The fraud reports recorded for the session; none: one blank form to fill in by hand. */
  reports: IncidentLine[];
  blankNotice: string | null;
  signatories: Signatory[];
  juryNotice: string | null;
}

export interface LaureatesView extends DocumentBase {
  laureates: { name: string; achievements: string[] }[];
  emptyNotice: string | null;
  pendingNotice: string | null;
}

const NO_CANDIDATE = 'Aucun candidat n’est inscrit à cette session.';

function base(dossier: SessionDossier, title: string): DocumentBase {
  return { title, identity: sessionIdentity(dossier), footer: documentFooter(dossier, title) };
}

function jurors(dossier: SessionDossier): DossierStaff[] {
  return dossier.staff.filter((s) => s.role === 'JURY');
}

function managerSignatory(identity: IdentityView): Signatory {
  return { name: identity.manager, role: 'Responsable de session' };
}

export const INCIDENT_KIND_LABELS: Record<DossierIncident['kind'], string> = {
  INCIDENT: 'Incident',
  FRAUD: 'Fraude ou tentative de fraude',
};

function incidentLine(dossier: SessionDossier, incident: DossierIncident): IncidentLine {
  const candidate = dossier.candidates.find((c) => c.id === incident.candidateId);
  return {
    date: formatFrenchDate(incident.occurredOn),
    kind: INCIDENT_KIND_LABELS[incident.kind],
    candidate: candidate ? personName(candidate) : null,
    description: incident.description,
    measures: incident.measures.trim() === '' ? null : incident.measures,
    reportedBy: incident.reportedBy,
  };
}

function incidentsOf(dossier: SessionDossier, kind: DossierIncident['kind']): IncidentLine[] {
  return dossier.incidents
    .filter((incident) => incident.kind === kind)
    .map((incident) => incidentLine(dossier, incident));
}

/** Each candidate with their result at the session, read with their record as of the session. */
function resultsOf(dossier: SessionDossier, scope: ReturnType<typeof sessionCcps>) {
  return dossier.candidates.map((c) => ({
    candidate: c,
    result: candidateResult(c, dossier, scope, dossier.records[c.id] ?? null),
  }));
}

/** What a document says of the record beside the decision. */
function recordLines(result: CandidateResult): string[] {
  return result.titreObtained ? result.ccpSessions : result.earlier;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

export function sessionMinutes(dossier: SessionDossier): SessionMinutesView {
  const document = base(dossier, 'Procès-verbal de session d’examen');
  const scope = sessionCcps(dossier);
  const results = resultsOf(dossier, scope);
  const jury = jurors(dossier);
  const absent = results.filter((r) => r.result.absent);
  const present = results.filter((r) => r.candidate.attendance !== null && !r.result.absent);
  const titres = results.filter((r) => r.result.titreObtained).length;
  const summaryParts = [
    plural(results.length, 'candidat inscrit', 'candidats inscrits'),
    plural(present.length, 'présent', 'présents'),
    plural(absent.length, 'absent', 'absents'),
  ];
  if (dossier.session.nature === 'TITRE' || titres > 0) {
    summaryParts.push(`${titres} titre${titres > 1 ? 's' : ''} obtenu${titres > 1 ? 's' : ''}`);
  }
  return {
    ...document,
    ccps: scope.map(({ code, label }) => ({ code, label })),
    jury: jury.map((s) => ({
      name: personName(s),
      employer: s.employer,
      habilitation: s.habilitationUntil ? formatFrenchDate(s.habilitationUntil) : '—',
    })),
    others: dossier.staff
      .filter((s) => s.role !== 'JURY')
      .map((s) => ({ name: personName(s), role: ROLE_LABELS[s.role] })),
    candidates: results.map(({ candidate, result }, index) => ({
      number: index + 1,
      name: personName(candidate),
      pathway: PATHWAY_LABELS[candidate.pathway],
      attendance: result.attendance,
      cells: result.cells,
      decision: result.decision,
      record: recordLines(result),
    })),
    summary: `${summaryParts.join(' ; ')}.`,
    absences: absent.map(
      ({ candidate, result }) => `${personName(candidate)} : ${result.decision}`,
    ),
    incidents: incidentsOf(dossier, 'INCIDENT'),
    frauds: incidentsOf(dossier, 'FRAUD'),
    signatories: [
      ...jury.map((s) => ({ name: personName(s), role: ROLE_LABELS.JURY })),
      managerSignatory(document.identity),
    ],
    candidatesNotice: dossier.candidates.length === 0 ? NO_CANDIDATE : null,
    juryNotice:
      jury.length === 0
        ? 'Aucun membre de jury n’est affecté à cette session : le procès-verbal ne peut pas être signé par un jury (voir le procès-verbal de carence).'
        : null,
  };
}

/** The PV of each candidate (or of the one given), signed by the jurors who evaluated them. */
export function individualMinutes(
  dossier: SessionDossier,
  candidateId?: string,
): IndividualMinutesView {
  const document = base(dossier, 'Procès-verbal individuel');
  const scope = sessionCcps(dossier);
  const candidates = candidateId
    ? dossier.candidates.filter((c) => c.id === candidateId)
    : dossier.candidates;
  return {
    ...document,
    minutes: candidates.map((candidate) => {
      const result = candidateResult(
        candidate,
        dossier,
        scope,
        dossier.records[candidate.id] ?? null,
      );
      const { evaluators, withLink } = evaluatorsOf(
        candidate.id,
        dossier.staff,
        dossier.declarations,
      );
      return {
        name: personName(candidate),
        birthDate: candidate.birthDate ? formatFrenchDate(candidate.birthDate) : null,
        pathway: PATHWAY_LABELS[candidate.pathway],
        recevabilite:
          candidate.pathway === 'VAE' && candidate.vaeValidUntil
            ? `Recevabilité VAE valable jusqu’au ${formatFrenchDate(candidate.vaeValidUntil)}`
            : null,
        attendance: result.attendance,
        results: scope.map((ccp, index) => ({
          code: ccp.code,
          label: ccp.label,
          outcome: result.cells[index].outcome,
        })),
        decision: result.decision,
        record: recordLines(result),
        evaluators: evaluators.map((s) => ({ name: personName(s), role: ROLE_LABELS.JURY })),
        withLink: withLink.map(personName),
        evaluatorsNotice:
          evaluators.length === 0
            ? 'Aucun membre du jury ne peut évaluer ce candidat (aucun juré affecté, ou lien déclaré par chacun).'
            : null,
      };
    }),
    emptyNotice: `${NO_CANDIDATE} Aucun procès-verbal individuel n’est à établir.`,
  };
}

export function carenceMinutes(dossier: SessionDossier): CarenceView {
  const document = base(dossier, 'Procès-verbal de carence');
  const jury = jurors(dossier);
  return {
    ...document,
    jury: jury.map((s) => ({ name: personName(s), employer: s.employer })),
    juryNotice: jury.length === 0 ? 'Aucun membre de jury n’était affecté à cette session.' : null,
    candidates: dossier.candidates.map((c, index) => ({ number: index + 1, name: personName(c) })),
    candidatesNotice: dossier.candidates.length === 0 ? NO_CANDIDATE : null,
    manager: document.identity.manager,
  };
}

export function fraudReport(dossier: SessionDossier): FraudReportView {
  const document = base(dossier, 'Rapport de fraude ou de tentative de fraude');
  const jury = jurors(dossier);
  return {
    ...document,
    ccps: sessionCcps(dossier).map(({ code, label }) => ({ code, label })),
    reports: incidentsOf(dossier, 'FRAUD'),
    blankNotice: dossier.incidents.some((incident) => incident.kind === 'FRAUD')
      ? null
      : 'Aucune fraude n’est enregistrée pour cette session : formulaire vierge à remplir à la main si nécessaire.',
    signatories: [
      ...jury.map((s) => ({ name: personName(s), role: ROLE_LABELS.JURY })),
      managerSignatory(document.identity),
    ],
    juryNotice:
      jury.length === 0
        ? 'Aucun membre de jury n’est affecté à cette session : le rapport est signé par le responsable de session.'
        : null,
  };
}

/** The candidates who obtained the titre or acquired at least one CCP or CCS, to display. */
export function laureatesList(dossier: SessionDossier): LaureatesView {
  const document = base(
    dossier,
    'Liste des candidats ayant validé un titre professionnel, un CCP ou un CCS',
  );
  const scope = sessionCcps(dossier);
  const results = resultsOf(dossier, scope);
  const laureates = results
    .filter(({ result }) => result.titreObtained || result.acquired.length > 0)
    .map(({ candidate, result }) => ({
      name: personName(candidate),
      achievements: result.titreObtained
        ? [
            `Titre professionnel ${dossier.titre.label} (${dossier.titre.code})`,
            ...result.ccpSessions,
          ]
        : result.acquired.map((ccp) => `${ccp.kind} ${ccp.code} — ${ccp.label}`),
    }));
  const pending = results.filter(
    ({ candidate, result }) => !result.absent && candidate.results.length === 0,
  ).length;
  return {
    ...document,
    laureates,
    emptyNotice:
      dossier.candidates.length === 0
        ? NO_CANDIDATE
        : laureates.length === 0
          ? 'Aucun candidat n’a validé de titre, de CCP ou de CCS à cette session.'
          : null,
    pendingNotice:
      pending > 0
        ? `Résultats non saisis pour ${plural(pending, 'candidat')} : la liste est incomplète.`
        : null,
  };
}

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
import {
  nameForEmail,
  PATHWAY_LABELS,
  personName,
  ROLE_LABELS,
  splitForSignatures,
  withoutDoubledWord,
} from './document-format.js';
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

/** Written across every page of a procès-verbal printed before the results are entered. */
export const DRAFT_MARK = 'PROJET — résultats non saisis';

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

export interface SessionMinutesLine {
  number: number;
  name: string;
  pathway: string;
  attendance: string;
  cells: ResultCell[];
  decision: string;
  /** The session (date) that gave each CCP when the titre is obtained, else the CCP acquired earlier. */
  record: string[];
}

export interface SessionMinutesView extends DocumentBase {
  ccps: { code: string; label: string }[];
  jury: { name: string; employer: string; habilitation: string }[];
  others: { name: string; role: string }[];
  /** The candidates but the last ones, then the last ones (kept with what follows). */
  candidates: SessionMinutesLine[];
  candidatesTail: SessionMinutesLine[];
  /** Columns of the candidates' table. */
  candidateColumns: number;
  summary: string;
  absences: string[];
  incidents: IncidentLine[];
  incidentsTail: IncidentLine[];
  frauds: IncidentLine[];
  fraudsTail: IncidentLine[];
  /**
   * The table the signatures close — the last one before them — whose last rows share the
   * signatures' page: all false when the PV has no table of candidates, incidents or frauds.
   */
  closing: { candidates: boolean; incidents: boolean; frauds: boolean };
  signatories: Signatory[];
  candidatesNotice: string | null;
  juryNotice: string | null;
  /** DRAFT_MARK while some present candidate has no result; null once all are entered. */
  draft: string | null;
}

export interface IndividualMinutesView extends DocumentBase {
  minutes: {
    name: string;
    birthDate: string | null;
    pathway: string;
    recevabilite: string | null;
    attendance: string;
    /** The CCP but the last ones, then the last ones (kept with the decision and signatures). */
    results: { code: string; label: string; outcome: string }[];
    resultsTail: { code: string; label: string; outcome: string }[];
    /** DRAFT_MARK while the candidate, present, has no result; else null. */
    draft: string | null;
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
  juryTail: { name: string; employer: string }[];
  juryNotice: string | null;
  candidates: { number: number; name: string }[];
  candidatesTail: { number: number; name: string }[];
  /** The table the signature closes: the candidates', else the jury's; none without either. */
  closing: { candidates: boolean; jury: boolean };
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

/** Whether the candidate, present (or not marked absent), still has no result recorded. */
function resultsPending(candidate: SessionDossier['candidates'][number], absent: boolean): boolean {
  return !absent && candidate.results.length === 0;
}

function incidentLine(dossier: SessionDossier, incident: DossierIncident): IncidentLine {
  const candidate = dossier.candidates.find((c) => c.id === incident.candidateId);
  return {
    date: formatFrenchDate(incident.occurredOn),
    kind: INCIDENT_KIND_LABELS[incident.kind],
    candidate: candidate ? personName(candidate) : null,
    description: incident.description,
    measures: incident.measures.trim() === '' ? null : incident.measures,
    reportedBy: nameForEmail(incident.reportedBy, dossier.people ?? []),
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
  const lines = results.map(({ candidate, result }, index) => ({
    number: index + 1,
    name: personName(candidate),
    pathway: PATHWAY_LABELS[candidate.pathway],
    attendance: result.attendance,
    cells: result.cells,
    decision: result.decision,
    record: recordLines(result),
  }));
  const candidates = splitForSignatures(lines);
  const incidents = splitForSignatures(incidentsOf(dossier, 'INCIDENT'));
  const frauds = splitForSignatures(incidentsOf(dossier, 'FRAUD'));
  const hasFrauds = frauds.tail.length > 0;
  const hasIncidents = incidents.tail.length > 0;
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
    candidates: candidates.rows,
    candidatesTail: candidates.tail,
    candidateColumns: 5 + scope.length,
    summary: `${summaryParts.join(' ; ')}.`,
    absences: absent.map(
      ({ candidate, result }) => `${personName(candidate)} : ${result.decision}`,
    ),
    incidents: incidents.rows,
    incidentsTail: incidents.tail,
    frauds: frauds.rows,
    fraudsTail: frauds.tail,
    closing: {
      frauds: hasFrauds,
      incidents: !hasFrauds && hasIncidents,
      candidates: !hasFrauds && !hasIncidents && lines.length > 0,
    },
    signatories: [
      ...jury.map((s) => ({ name: personName(s), role: ROLE_LABELS.JURY })),
      managerSignatory(document.identity),
    ],
    candidatesNotice: dossier.candidates.length === 0 ? NO_CANDIDATE : null,
    juryNotice:
      jury.length === 0
        ? 'Aucun membre de jury n’est affecté à cette session : le procès-verbal ne peut pas être signé par un jury (voir le procès-verbal de carence).'
        : null,
    draft: results.some(({ candidate, result }) => resultsPending(candidate, result.absent))
      ? DRAFT_MARK
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
      const lines = splitForSignatures(
        scope.map((ccp, index) => ({
          code: ccp.code,
          label: ccp.label,
          outcome: result.cells[index].outcome,
        })),
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
        results: lines.rows,
        resultsTail: lines.tail,
        draft: resultsPending(candidate, result.absent) ? DRAFT_MARK : null,
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
  const jury = splitForSignatures(
    jurors(dossier).map((s) => ({ name: personName(s), employer: s.employer })),
  );
  const candidates = splitForSignatures(
    dossier.candidates.map((c, index) => ({ number: index + 1, name: personName(c) })),
  );
  return {
    ...document,
    jury: jury.rows,
    juryTail: jury.tail,
    juryNotice:
      jury.tail.length === 0 ? 'Aucun membre de jury n’était affecté à cette session.' : null,
    candidates: candidates.rows,
    candidatesTail: candidates.tail,
    closing: {
      candidates: candidates.tail.length > 0,
      jury: candidates.tail.length === 0 && jury.tail.length > 0,
    },
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
        : result.acquired.map((ccp) => `${withoutDoubledWord(ccp.kind, ccp.code)} — ${ccp.label}`),
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

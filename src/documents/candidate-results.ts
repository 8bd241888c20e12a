/** Presence, result per CCP and decision of a candidate, and who may evaluate them. */
import { ATTENDANCE_LABELS, OUTCOME_LABELS } from './document-format.js';
import type {
  DossierCandidate,
  DossierCcp,
  DossierDeclaration,
  DossierStaff,
  SessionDossier,
} from './session-dossier.js';

export interface ResultCell {
  code: string;
  /** 'Acquis', 'Non acquis', 'Non évalué', or '—' when nothing is recorded. */
  outcome: string;
  acquired: boolean;
}

export interface CandidateResult {
  attendance: string;
  /** Absent, or late and refused: did not sit the tests. */
  absent: boolean;
  cells: ResultCell[];
  /** The CCP acquired at this session, in the titre's order. */
  acquired: DossierCcp[];
  titreObtained: boolean;
  decision: string;
}

const NOT_RECORDED = '—';

export function candidateResult(
  candidate: Pick<DossierCandidate, 'attendance' | 'results'>,
  dossier: Pick<SessionDossier, 'session' | 'titre'>,
  scope: readonly DossierCcp[],
): CandidateResult {
  const outcomes = new Map(candidate.results.map((r) => [r.ccpCode, r.outcome]));
  const cells = scope.map((ccp) => {
    const outcome = outcomes.get(ccp.code);
    return {
      code: ccp.code,
      outcome: outcome ? OUTCOME_LABELS[outcome] : NOT_RECORDED,
      acquired: outcome === 'ACQUIRED',
    };
  });
  const acquired = dossier.titre.ccps.filter((ccp) => outcomes.get(ccp.code) === 'ACQUIRED');
  const absent = candidate.attendance === 'ABSENT' || candidate.attendance === 'LATE_REFUSED';
  const titreObtained =
    !absent &&
    dossier.session.nature === 'TITRE' &&
    scope.length > 0 &&
    cells.every((cell) => cell.acquired);
  return {
    attendance: candidate.attendance ? ATTENDANCE_LABELS[candidate.attendance] : 'Non renseignée',
    absent,
    cells,
    acquired: absent ? [] : acquired,
    titreObtained,
    decision: decision(candidate, dossier, acquired, absent, titreObtained),
  };
}

function decision(
  candidate: Pick<DossierCandidate, 'attendance' | 'results'>,
  dossier: Pick<SessionDossier, 'session' | 'titre'>,
  acquired: readonly DossierCcp[],
  absent: boolean,
  titreObtained: boolean,
): string {
  if (candidate.attendance === 'ABSENT') return 'Absent(e)';
  if (candidate.attendance === 'LATE_REFUSED') return 'Non admis(e) : retard';
  if (candidate.results.length === 0) return 'Résultats non saisis';
  if (titreObtained) return `Titre professionnel ${dossier.titre.code} obtenu`;
  const codes = acquired.map((ccp) => ccp.code).join(', ');
  if (dossier.session.nature === 'TITRE') {
    return acquired.length > 0 ? `Validation partielle : ${codes}` : 'Titre non obtenu';
  }
  return acquired.length > 0 ? `Acquis : ${codes}` : 'Aucun certificat acquis';
}

/**
 * The jurors who evaluate a candidate: the members of the jury (role JURY) who have not declared
 * a personal or professional link with them.
 */
export function evaluatorsOf(
  candidateId: string,
  staff: readonly DossierStaff[],
  declarations: readonly DossierDeclaration[],
): { evaluators: DossierStaff[]; withLink: DossierStaff[] } {
  const linked = new Set(
    declarations
      .filter((d) => d.candidateId === candidateId && d.hasLink)
      .map((d) => d.juryMemberId),
  );
  const jury = staff.filter((s) => s.role === 'JURY');
  return {
    evaluators: jury.filter((s) => !linked.has(s.juryMemberId)),
    withLink: jury.filter((s) => linked.has(s.juryMemberId)),
  };
}

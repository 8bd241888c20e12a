/**
 * Compliance checks computed from the session's data, not from the ticks of the checklist.
 *
 * Every check is a pure function of a `ComplianceInput` (the date comes in as `today`).
 * Status semantics:
 * - 'pass': the data proves the rule and nothing needs attention (no finding); `evidence`
 *   lists the French sentences naming what proves it;
 * - 'fail': at least one finding (blocking, or a warning that calls for attention);
 * - 'pending': the rule cannot be decided yet (deadline not reached, no candidate yet…);
 *   it may carry warnings (e.g. a deadline within 14 days);
 * - 'not_applicable': the rule does not concern this session (no VAE candidate, cancelled session).
 */
import { byName, personName } from '../common/person-order.js';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  formatFrenchDate,
  isoDayOfWeek,
  LAST_CALENDAR_DATE,
  type CalendarDate,
} from '../common/calendar-date.js';
import {
  ELIGIBILITY_GROUND_LABELS,
  prolongationVerdict,
  titrePhaseOn,
  type ProlongationVerdict,
} from '../certification/prolongation-rules.js';
import type { SessionAttempt, TitreScope } from '../certification/record-rules.js';
import { checkVaeRecevabilite as checkVaeDecision } from '../certification/vae-rules.js';
import { providerConventionDefect, type ConventionFacts } from '../providers/convention-rules.js';
import {
  DEFAULT_REGION,
  frenchPublicHolidayName,
  workingDayFallback,
  type FrenchRegion,
} from '../common/french-holidays.js';
import {
  HABILITATION_BASIS_LABELS,
  describeRequirements,
  hasRequirements,
  unmetJuryRequirements,
  type HabilitationBasis,
  type JuryRequirements,
} from '../jury/jury-requirements.js';

export type Severity = 'blocking' | 'warning';

export type SessionNature = 'TITRE' | 'CCP' | 'CCS';
export type SessionStatus = 'PLANNED' | 'HELD' | 'CLOSED' | 'CANCELLED';
export type SessionStaffRole = 'JURY' | 'SURVEILLANT' | 'COMEDIEN';
export type CandidatePathway =
  'FORMATION' | 'VAE' | 'SUITE_PARCOURS' | 'PARCOURS_PROGRESSIF' | 'EQUIVALENCE';
export type ConvocationMode = 'HAND_DELIVERED' | 'REGISTERED_MAIL';
export type ConvocationProofKind = 'SIGNED_DISCHARGE' | 'RECEIPT_ACKNOWLEDGEMENT';
export type ComplianceTaskStatus = 'todo' | 'done' | 'not_applicable';

export interface ComplianceJuryMember {
  juryMemberId: string;
  lastName: string;
  firstName: string;
  role: SessionStaffRole;
  /** Day the member was convened; null: not recorded. */
  convocationDate: CalendarDate | null;
  /** Attendance recorded on the day; null: not recorded. */
  attendance: 'PRESENT' | 'ABSENT' | null;
  /** Arrival time 'HH:MM' of a member present, null when not recorded. */
  arrivalTime: string | null;
  habilitations: {
    titreId: string;
    validUntil: CalendarDate;
    ccpCodes: string[];
    /** What the habilitation rests on; null or absent: not recorded. */
    basis?: HabilitationBasis | null;
  }[];
  /** Driving-licence categories held (JURY_REQUIREMENTS); absent: none recorded. */
  licenceCategories?: string[];
  /** End of validity of the juror's CQC; null or absent: none recorded. */
  cqcValidUntil?: CalendarDate | null;
}

export interface ComplianceCandidate {
  id: string;
  /** The person enrolled (a candidate is a person's enrolment in the session). */
  personId: string;
  lastName: string;
  firstName: string;
  pathway: CandidatePathway;
  /** First day of their training, null when unknown (prolongation year). */
  trainingStartDate: CalendarDate | null;
  /** Day the VAE recevabilité was notified, null when not recorded. */
  vaeNotifiedOn: CalendarDate | null;
  /** The session natures the recevabilité allows; empty: not stated (no nature check). */
  vaeAllowedNatures: SessionNature[];
  /** Effective last day of validity of the VAE recevabilité (computed or set by hand). */
  vaeValidUntil: CalendarDate | null;
  /** Why `vaeValidUntil` was set by hand; empty when computed. */
  vaeOverrideReason: string;
  /** Jury members of the centre who trained the candidate (pedagogical link). */
  trainerIds: string[];
  /**
   * Their other sessions of this titre version (the checked session left out), with their results.
   * Only read for a session of the titre's prolongation year: the service fills it only then.
   */
  titreSessions: SessionAttempt[];
  /** The training provider who trained them; null or absent: the centre itself. */
  trainingProviderId?: string | null;
  convocationDate: CalendarDate | null;
  convocationMode: ConvocationMode | null;
  /** The signed décharge or the accusé de réception, with its date; null: not received yet. */
  convocationProofKind: ConvocationProofKind | null;
  convocationProofOn: CalendarDate | null;
  files: {
    ecfSignedByTrainingManager: boolean;
    ecfSignedByTrainer: boolean;
    ecfSignedByCandidate: boolean;
    dpSigned: boolean;
    recevabiliteCollected: boolean;
    /** Livret de certification collected (suite de parcours, parcours progressif, équivalence). */
    certificationBooklet: boolean;
  };
}

export interface ComplianceInput {
  today: CalendarDate;
  session: {
    id: string;
    nature: SessionNature;
    ccpCodes: string[];
    startDate: CalendarDate;
    endDate: CalendarDate;
    status: SessionStatus;
    /** Day the session was recorded as created in CERES, null when not recorded. */
    ceresCreatedOn: CalendarDate | null;
    /**
     * The centre's region: its weekends and public holidays move a deadline to the previous
     * working day (`workingDayFallback`). Absent: metropolitan France.
     */
    region?: FrenchRegion;
  };
  titre: {
    id: string;
    code: string;
    label: string;
    version: string;
    validUntil: CalendarDate;
    /** End of the prolongation year when set by hand; null: validUntil + 1 year. */
    prolongationUntil: CalendarDate | null;
    ccps: { code: string; label: string; kind: 'CCP' | 'CCS' }[];
    /** What the titre asks of its jurors (licence, CQC), with its source; null: nothing. */
    juryRequirements?: JuryRequirements | null;
  };
  /**
   * Every agrément of the session's centre + site + titre: the titre's own (`ccsCode` null) and
   * those of its CCS (a CCS session needs the agrément of each of its CCS).
   */
  agrements: ComplianceAgrement[];
  jury: ComplianceJuryMember[];
  candidates: ComplianceCandidate[];
  linkDeclarations: { juryMemberId: string; candidateId: string; hasLink: boolean }[];
  tasks: { code: string; status: ComplianceTaskStatus; doneAt: CalendarDate | null }[];
  /** The training providers the session's candidates come from, with their conventions. */
  providers?: ComplianceProvider[];
  /**
   * The annual programme of the session's centre for the year the session starts (`sentOn` null:
   * not recorded). Absent: not read (the check is then not applicable).
   */
  annualProgramme?: ComplianceAnnualProgramme;
}

export interface ComplianceAnnualProgramme {
  centreId: string;
  year: number;
  sentOn: CalendarDate | null;
}

export interface ComplianceProvider {
  id: string;
  name: string;
  conventions: ConventionFacts[];
}

export interface ComplianceAgrement {
  id: string;
  /** Null: the agrément of the titre; a code: the agrément of that CCS. */
  ccsCode: string | null;
  /** First day of validity; null or absent: not recorded (no check of the start). */
  validFrom?: CalendarDate | null;
  validUntil: CalendarDate;
  maxCandidates: number;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  subject?: {
    type: 'candidate' | 'juryMember' | 'agrement' | 'titre' | 'session';
    id: string;
  };
}

export interface CheckResult {
  code: string;
  label: string;
  taskCodes: string[];
  status: 'pass' | 'fail' | 'pending' | 'not_applicable';
  findings: Finding[];
  evidence: string[];
  /** French sentence explaining a 'pending' or 'not_applicable' status. */
  note?: string;
}

export interface ComplianceReport {
  checks: CheckResult[];
  blocking: Finding[];
  warnings: Finding[];
}

export type ComplianceCheckCode =
  | 'AGREMENT_VALID'
  | 'TITRE_VALID'
  | 'JURY_MINIMUM'
  | 'JURY_HABILITATIONS'
  | 'JURY_NO_LINK'
  | 'JURY_CONVENED'
  | 'JURY_REQUIREMENTS'
  | 'VAE_RECEVABILITE'
  | 'CANDIDATES_CONVENED'
  | 'CANDIDATE_FILES'
  | 'UD_INFORMED'
  | 'PV_SENT'
  | 'PROVIDER_CONVENTION'
  | 'ANNUAL_PROGRAMME';

export interface ComplianceCheckDefinition {
  code: ComplianceCheckCode;
  label: string;
  taskCodes: string[];
  evaluate: (input: ComplianceInput) => CheckResult;
}

/** Minimum number of jurors for a session, and for each candidate (règlement des sessions). */
export const MINIMUM_JURORS = 2;
/** Calendar days before the session by which a juror is convened (JURY_CONVOCATION_NOTICE). */
export const JURY_CONVOCATION_DAYS_BEFORE_START = 15;
/** Days before the convocation deadline from which a missing convocation raises a warning. */
export const CONVOCATION_WARNING_DAYS = 14;
/** Months before the start date by which candidates must be convened. */
export const CONVOCATION_MONTHS_BEFORE_START = 1;
/** Months before the start date by which the UD must be informed of the session. */
export const UD_INFORMATION_MONTHS_BEFORE_START = 3;
/** Days after the end date by which the original PV must be sent to the UD. */
export const PV_DAYS_AFTER_END = 15;

export const UD_INFORM_TASK_CODE = 'PLAN_INFORM_UD_SESSION';
export const PV_SEND_TASK_CODE = 'AFTER_SEND_PV_UD';
export const ANNUAL_PROGRAMME_TASK_CODE = 'PLAN_ANNUAL_PROGRAMME';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type CheckMeta = Pick<CheckResult, 'code' | 'label' | 'taskCodes'>;

const META: Record<ComplianceCheckCode, CheckMeta> = {
  AGREMENT_VALID: {
    code: 'AGREMENT_VALID',
    label: 'Agrément valide sur toute la session et nombre de candidats dans la limite autorisée',
    taskCodes: ['PLAN_CHECK_AGREMENT_CERES', 'PLAN_CHECK_AGREMENT_LETTER'],
  },
  TITRE_VALID: {
    code: 'TITRE_VALID',
    label: 'Version du titre valide à la date de la session',
    taskCodes: ['PLAN_CHECK_AGREMENT_CERES'],
  },
  JURY_MINIMUM: {
    code: 'JURY_MINIMUM',
    label:
      'Au moins deux membres de jury : affectés avant la session, présents une fois la session commencée',
    taskCodes: ['DAY_CHECK_TWO_JURORS'],
  },
  JURY_HABILITATIONS: {
    code: 'JURY_HABILITATIONS',
    label: "Habilitations des membres du jury valides jusqu'à la fin de la session",
    taskCodes: ['JURY_CHECK_HABILITATIONS'],
  },
  JURY_NO_LINK: {
    code: 'JURY_NO_LINK',
    label: 'Absence de lien entre les membres du jury et les candidats',
    taskCodes: ['JURY_CHECK_NO_LINK', 'DAY_WELCOME_NO_LINK'],
  },
  JURY_CONVENED: {
    code: 'JURY_CONVENED',
    label: 'Membres du jury convoqués au moins quinze jours avant la session',
    taskCodes: ['JURY_CONVENE_JURY'],
  },
  JURY_REQUIREMENTS: {
    code: 'JURY_REQUIREMENTS',
    label:
      'Membres du jury conformes aux exigences du titre (permis, CQC) et fondement de leur habilitation',
    taskCodes: [],
  },
  VAE_RECEVABILITE: {
    code: 'VAE_RECEVABILITE',
    label: 'Recevabilité des candidats VAE valide au début de la session',
    taskCodes: ['JURY_CHECK_VAE_RECEVABILITE', 'FILES_COLLECT_VAE_RECEVABILITE'],
  },
  CANDIDATES_CONVENED: {
    code: 'CANDIDATES_CONVENED',
    label:
      'Candidats convoqués au moins un mois avant la session, mode de remise enregistré, décharge signée ou accusé de réception conservé',
    taskCodes: ['PACK_CONVENE_CANDIDATES'],
  },
  CANDIDATE_FILES: {
    code: 'CANDIDATE_FILES',
    label:
      'Dossiers des candidats complets (livret ECF, DP, recevabilité VAE, livret de certification)',
    taskCodes: [
      'FILES_CHECK_ECF_SIGNATURES',
      'FILES_CHECK_DP_SIGNATURE',
      'FILES_COLLECT_CERTIFICATION_RECORD',
      'DAY_CHECK_CANDIDATE_FILES',
    ],
  },
  UD_INFORMED: {
    code: 'UD_INFORMED',
    label: "Informations de la session transmises à l'UD trois mois avant le début",
    taskCodes: [UD_INFORM_TASK_CODE],
  },
  PV_SENT: {
    code: 'PV_SENT',
    label: "Original du PV de session adressé à l'UD dans les quinze jours suivant la fin",
    taskCodes: [PV_SEND_TASK_CODE],
  },
  PROVIDER_CONVENTION: {
    code: 'PROVIDER_CONVENTION',
    label:
      'Convention en vigueur avec l’organisme de formation de chaque candidat formé hors du centre (arrêté du 1er octobre 2024)',
    taskCodes: [],
  },
  ANNUAL_PROGRAMME: {
    code: 'ANNUAL_PROGRAMME',
    label:
      'Programme annuel des sessions de l’année communiqué par le centre avant le 31 janvier (et avant l’échéance d’information de l’UD de la session)',
    taskCodes: [ANNUAL_PROGRAMME_TASK_CODE],
  },
};

interface Outcome {
  findings: Finding[];
  evidence: string[];
  /** Some item cannot be decided yet. */
  pending?: boolean;
  notApplicable?: boolean;
  note?: string;
}

/**
 * Status from an outcome: not applicable wins; then any blocking finding fails the check;
 * then an undecidable item leaves it pending (possibly with warnings); then any warning fails it.
 */
function result(code: ComplianceCheckCode, outcome: Outcome): CheckResult {
  const meta = META[code];
  let status: CheckResult['status'];
  if (outcome.notApplicable) status = 'not_applicable';
  else if (outcome.findings.some((f) => f.severity === 'blocking')) status = 'fail';
  else if (outcome.pending) status = 'pending';
  else if (outcome.findings.length > 0) status = 'fail';
  else status = 'pass';
  const check: CheckResult = {
    code: meta.code,
    label: meta.label,
    taskCodes: [...meta.taskCodes],
    status,
    findings: outcome.findings,
    evidence: status === 'pass' ? outcome.evidence : [],
  };
  if (outcome.note !== undefined) check.note = outcome.note;
  return check;
}

function finding(
  code: ComplianceCheckCode,
  severity: Severity,
  message: string,
  subject?: Finding['subject'],
): Finding {
  return subject ? { code, severity, message, subject } : { code, severity, message };
}

/** "Prénom NOM": we have no civility field. */
export { personName };

const fr = formatFrenchDate;

/** French plural: 0 and 1 take the singular. */
function count(n: number, singular: string, plural: string): string {
  return `${n} ${n > 1 ? plural : singular}`;
}

/** 'a', 'a et b', 'a, b et c'. */
function frenchList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) < 0;
}

function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) > 0;
}

/** Members with role JURY, each once. */
function jurors(input: ComplianceInput): ComplianceJuryMember[] {
  const seen = new Set<string>();
  return input.jury.filter((member) => {
    if (member.role !== 'JURY' || seen.has(member.juryMemberId)) return false;
    seen.add(member.juryMemberId);
    return true;
  });
}

function candidateSubject(candidate: ComplianceCandidate): Finding['subject'] {
  return { type: 'candidate', id: candidate.id };
}

function jurorSubject(member: ComplianceJuryMember): Finding['subject'] {
  return { type: 'juryMember', id: member.juryMemberId };
}

function sessionSubject(input: ComplianceInput): Finding['subject'] {
  return { type: 'session', id: input.session.id };
}

// ---------------------------------------------------------------------------
// Deadlines used by the checks
// ---------------------------------------------------------------------------

export function convocationDeadline(startDate: CalendarDate): CalendarDate {
  return addMonths(startDate, -CONVOCATION_MONTHS_BEFORE_START);
}

export function udInformationDeadline(startDate: CalendarDate): CalendarDate {
  return addMonths(startDate, -UD_INFORMATION_MONTHS_BEFORE_START);
}

export function pvDeadline(endDate: CalendarDate): CalendarDate {
  // A deadline past the last nameable day (data stored before dates were bounded) is that day.
  return daysBetween(endDate, LAST_CALENDAR_DATE) < PV_DAYS_AFTER_END
    ? LAST_CALENDAR_DATE
    : addDays(endDate, PV_DAYS_AFTER_END);
}

// ---------------------------------------------------------------------------
// Titre lifecycle (prolongation year)
// ---------------------------------------------------------------------------

/** The titre version as the certification rules read it. */
export function titreScopeOf(titre: ComplianceInput['titre']): TitreScope {
  return {
    code: titre.code,
    validUntil: titre.validUntil,
    prolongationUntil: titre.prolongationUntil,
    ccps: titre.ccps.map((ccp) => ({ code: ccp.code, kind: ccp.kind })),
  };
}

/**
 * Where the session falls in the life of its titre version, and whether the prolongation year
 * allows it for its candidates (`prolongationVerdict` of the certification rules).
 */
export function titreVerdict(input: ComplianceInput): ProlongationVerdict {
  const { session } = input;
  return prolongationVerdict(
    titreScopeOf(input.titre),
    {
      sessionId: session.id,
      nature: session.nature,
      startDate: session.startDate,
      endDate: session.endDate,
      ceresCreatedOn: session.ceresCreatedOn,
    },
    input.candidates.map((candidate) => ({
      personId: candidate.personId,
      lastName: candidate.lastName,
      firstName: candidate.firstName,
      trainingStartDate: candidate.trainingStartDate,
      sessions: candidate.titreSessions,
    })),
  );
}

/** The evidence of a session allowed in the prolongation year: CERES date, each candidate's ground. */
function prolongationEvidence(input: ComplianceInput, verdict: ProlongationVerdict): string[] {
  const { titre, session } = input;
  const lines = [
    `Session du délai de prolongation du titre ${titre.code} (version ${titre.version}) : fin de validité le ${fr(titre.validUntil)}, prolongation jusqu'au ${fr(verdict.prolongationEnd)}.`,
  ];
  if (session.ceresCreatedOn !== null) {
    lines.push(
      `Session créée dans CERES le ${fr(session.ceresCreatedOn)}, au plus tard à la fin de validité du titre le ${fr(titre.validUntil)}.`,
    );
  }
  for (const eligibility of verdict.candidates) {
    const candidate = input.candidates.find((c) => c.personId === eligibility.personId);
    if (!candidate || eligibility.ground === null) continue;
    const ground = ELIGIBILITY_GROUND_LABELS[eligibility.ground];
    const earlier = candidate.titreSessions.find(
      (s) => s.sessionId === eligibility.groundSessionId,
    );
    const detail = earlier
      ? ` (session ${earlier.nature} du ${fr(earlier.startDate)} au ${fr(earlier.endDate)})`
      : candidate.trainingStartDate !== null
        ? ` (le ${fr(candidate.trainingStartDate)})`
        : '';
    lines.push(`${personName(candidate)} : ${ground}${detail}.`);
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

/** The most durable of these agréments, null if none. */
function mostDurable(agrements: readonly ComplianceAgrement[]): ComplianceAgrement | null {
  return agrements.reduce<ComplianceAgrement | null>(
    (best, a) => (best === null || isAfter(a.validUntil, best.validUntil) ? a : best),
    null,
  );
}

/**
 * A TITRE or CCP session needs the titre's agrément (`ccsCode` null); a CCS session needs the
 * agrément of each of its CCS. Each one covers the session's end — or, when it ends with the
 * titre, a session of the prolongation year that the titre's lifecycle allows — and its capacity.
 */
export function checkAgrementValid(input: ComplianceInput): CheckResult {
  const { session, titre, candidates } = input;
  const ccsCodes = session.nature === 'CCS' ? [...new Set(session.ccpCodes)] : [];
  const scopes: (string | null)[] = ccsCodes.length > 0 ? ccsCodes : [null];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  let verdict: ProlongationVerdict | null = null;
  const lifecycle = () => (verdict ??= titreVerdict(input));

  for (const ccsCode of scopes) {
    const ofScope = input.agrements.filter((a) => a.ccsCode === ccsCode);
    // Only an agrément in force on the session's first day counts (its start, when recorded).
    const started = ofScope.filter((a) => !a.validFrom || !isAfter(a.validFrom, session.startDate));
    const agrement = mostDurable(started);
    const notYet = mostDurable(ofScope);
    if (agrement === null && notYet !== null && notYet.validFrom) {
      findings.push(
        finding(
          'AGREMENT_VALID',
          'blocking',
          `${ccsCode === null ? "L'agrément" : `L'agrément du CCS ${ccsCode}`} ne prend effet que le ${fr(notYet.validFrom)}, après le début de la session le ${fr(session.startDate)}.`,
          { type: 'agrement', id: notYet.id },
        ),
      );
      continue;
    }
    if (agrement === null) {
      const titreAgrement = input.agrements.some((a) => a.ccsCode === null);
      findings.push(
        finding(
          'AGREMENT_VALID',
          'blocking',
          ccsCode === null
            ? `Aucun agrément n'est enregistré pour le centre, le site et le titre ${titre.code} de la session.`
            : `Aucun agrément n'est enregistré pour le CCS ${ccsCode} du titre ${titre.code} au centre et au site de la session : une session CCS nécessite l'agrément de chacun de ses CCS${titreAgrement ? ', celui du titre ne suffit pas' : ''}.`,
          sessionSubject(input),
        ),
      );
      continue;
    }
    const subject: Finding['subject'] = { type: 'agrement', id: agrement.id };
    const capitalised = ccsCode === null ? "L'agrément" : `L'agrément du CCS ${ccsCode}`;
    const named = ccsCode === null ? 'Agrément' : `Agrément du CCS ${ccsCode}`;
    const ofIt = ccsCode === null ? "l'agrément" : `l'agrément du CCS ${ccsCode}`;
    if (agrement.validFrom) {
      evidence.push(
        `${named} en vigueur depuis le ${fr(agrement.validFrom)}, au plus tard le début de la session le ${fr(session.startDate)}.`,
      );
    }
    if (!isBefore(agrement.validUntil, session.endDate)) {
      evidence.push(
        `${named} valable jusqu'au ${fr(agrement.validUntil)}, au-delà de la fin de la session le ${fr(session.endDate)}.`,
      );
    } else {
      const tooShort = `${capitalised} n'est valable que jusqu'au ${fr(agrement.validUntil)}, avant la fin de la session le ${fr(session.endDate)}`;
      const { phase, allowed, prolongationEnd } = lifecycle();
      const endsWithTitre = !isBefore(agrement.validUntil, titre.validUntil);
      if (phase === 'PROLONGATION' && endsWithTitre && allowed) {
        evidence.push(
          `${named} valable jusqu'au ${fr(agrement.validUntil)}, fin de validité du titre ${titre.code} : il couvre la session, qui se tient pendant le délai de prolongation du titre (jusqu'au ${fr(prolongationEnd)}) et y est admise.`,
        );
      } else if (phase === 'PROLONGATION' && endsWithTitre) {
        findings.push(
          finding(
            'AGREMENT_VALID',
            'blocking',
            `${tooShort} : il ne couvre une session du délai de prolongation du titre ${titre.code} (jusqu'au ${fr(prolongationEnd)}) que si celle-ci y est admise, ce qui n'est pas le cas (voir la vérification de la version du titre).`,
            subject,
          ),
        );
      } else if (phase === 'CLOSED') {
        findings.push(
          finding(
            'AGREMENT_VALID',
            'blocking',
            `${tooShort} ; le délai de prolongation du titre ${titre.code} a pris fin le ${fr(prolongationEnd)}.`,
            subject,
          ),
        );
      } else {
        findings.push(finding('AGREMENT_VALID', 'blocking', `${tooShort}.`, subject));
      }
    }
    const registered = candidates.length;
    if (registered > agrement.maxCandidates) {
      findings.push(
        finding(
          'AGREMENT_VALID',
          'blocking',
          `La session compte ${count(registered, 'candidat inscrit', 'candidats inscrits')} alors que ${ofIt} en autorise au plus ${agrement.maxCandidates}.`,
          subject,
        ),
      );
    } else {
      evidence.push(
        `${count(registered, 'candidat inscrit', 'candidats inscrits')} pour un maximum de ${agrement.maxCandidates} autorisé par ${ofIt}.`,
      );
    }
  }
  return result('AGREMENT_VALID', { findings, evidence });
}

/**
 * The titre version is valid at the session's start; after its end date, the prolongation year
 * allows the session only for eligible candidates and a session created in CERES by the end date
 * (`prolongationVerdict`); after the prolongation end, no session.
 */
export function checkTitreValid(input: ComplianceInput): CheckResult {
  const { titre, session } = input;
  const name = `Le titre ${titre.code} (version ${titre.version})`;
  const subject: Finding['subject'] = { type: 'titre', id: titre.id };
  const phase = titrePhaseOn(titreScopeOf(titre), session.startDate);
  if (phase === 'CLOSED') {
    const verdict = titreVerdict(input);
    return result('TITRE_VALID', {
      findings: [
        finding(
          'TITRE_VALID',
          'blocking',
          `${name} n'est valable que jusqu'au ${fr(titre.validUntil)} et son délai de prolongation a pris fin le ${fr(verdict.prolongationEnd)}, avant le début de la session le ${fr(session.startDate)} : aucune session ne peut plus être organisée sur cette version du titre.`,
          subject,
        ),
      ],
      evidence: [],
    });
  }
  if (phase === 'PROLONGATION') {
    const verdict = titreVerdict(input);
    const findings = verdict.reasons.map((reason) => {
      const candidate =
        reason.personId === undefined
          ? undefined
          : input.candidates.find((c) => c.personId === reason.personId);
      return finding(
        'TITRE_VALID',
        reason.severity,
        reason.message,
        candidate ? candidateSubject(candidate) : subject,
      );
    });
    if (input.candidates.length === 0) {
      return result('TITRE_VALID', {
        findings,
        evidence: [],
        pending: true,
        note: `Session du délai de prolongation du titre ${titre.code} (fin de validité le ${fr(titre.validUntil)}) : aucun candidat n'est encore inscrit ; chacun devra avoir échoué ou réussi partiellement à une session précédente de cette version du titre, ou avoir commencé sa formation au plus tard le ${fr(titre.validUntil)}.`,
      });
    }
    return result('TITRE_VALID', { findings, evidence: prolongationEvidence(input, verdict) });
  }
  if (isBefore(titre.validUntil, session.endDate)) {
    return result('TITRE_VALID', {
      findings: [
        finding(
          'TITRE_VALID',
          'warning',
          `${name} prend fin le ${fr(titre.validUntil)}, pendant la session (du ${fr(session.startDate)} au ${fr(session.endDate)}).`,
          subject,
        ),
      ],
      evidence: [],
    });
  }
  return result('TITRE_VALID', {
    findings: [],
    evidence: [
      `Titre ${titre.code} (version ${titre.version}) valable jusqu'au ${fr(titre.validUntil)}, au-delà de la fin de la session le ${fr(session.endDate)}.`,
    ],
  });
}

/**
 * At least two jurors (JURY_SOURCES.JURY_TWO_PRESENT): before the session starts, by assignment;
 * from its first day, by the attendance recorded on the day (present members only).
 */
export function checkJuryMinimum(input: ComplianceInput): CheckResult {
  const assigned = jurors(input);
  if (!isBefore(input.today, input.session.startDate) && assigned.length > 0) {
    return checkJuryAttendance(input, assigned);
  }
  const names = assigned.map(personName);
  if (assigned.length === 0) {
    return result('JURY_MINIMUM', {
      findings: [
        finding(
          'JURY_MINIMUM',
          'blocking',
          `Aucun membre de jury n'est affecté à la session : il en faut au moins ${MINIMUM_JURORS}.`,
          sessionSubject(input),
        ),
      ],
      evidence: [],
    });
  }
  if (assigned.length < MINIMUM_JURORS) {
    return result('JURY_MINIMUM', {
      findings: [
        finding(
          'JURY_MINIMUM',
          'blocking',
          `Seulement ${count(assigned.length, 'membre de jury est affecté', 'membres de jury sont affectés')} à la session (${frenchList(names)}) : il en faut au moins ${MINIMUM_JURORS}.`,
          sessionSubject(input),
        ),
      ],
      evidence: [],
    });
  }
  return result('JURY_MINIMUM', {
    findings: [],
    evidence: [
      `${count(assigned.length, 'membre de jury affecté', 'membres de jury affectés')} à la session : ${frenchList(names)}.`,
    ],
  });
}

/** Once the session has started: the jurors recorded present, named with their arrival time. */
function checkJuryAttendance(
  input: ComplianceInput,
  assigned: ComplianceJuryMember[],
): CheckResult {
  // By name: the assignment order is not meaningful on the day.
  const sorted = [...assigned].sort((a, b) =>
    byName({ ...a, id: a.juryMemberId }, { ...b, id: b.juryMemberId }),
  );
  const present = sorted.filter((m) => m.attendance === 'PRESENT');
  const absent = sorted.filter((m) => m.attendance === 'ABSENT');
  const unrecorded = sorted.filter((m) => m.attendance === null);
  const presentNames = present.map(
    (m) =>
      `${personName(m)}${m.arrivalTime ? ` (arrivée à ${m.arrivalTime.replace(':', 'h')})` : ''}`,
  );
  if (present.length >= MINIMUM_JURORS) {
    return result('JURY_MINIMUM', {
      findings: [],
      evidence: [
        `${count(present.length, 'membre de jury présent', 'membres de jury présents')} : ${frenchList(presentNames)}.`,
      ],
    });
  }
  const others = [
    absent.length > 0
      ? `${absent.length > 1 ? 'absents' : 'absent(e)'} : ${frenchList(absent.map(personName))}`
      : '',
    unrecorded.length > 0
      ? `présence non enregistrée : ${frenchList(unrecorded.map(personName))}`
      : '',
  ].filter((part) => part !== '');
  const head =
    present.length === 0
      ? "Aucun membre de jury n'est enregistré présent"
      : `Seulement 1 membre de jury est enregistré présent (${presentNames[0]})`;
  return result('JURY_MINIMUM', {
    findings: [
      finding(
        'JURY_MINIMUM',
        'blocking',
        `${head} : il en faut au moins ${MINIMUM_JURORS}${others.length > 0 ? ` (${others.join(' ; ')})` : ''}.`,
        sessionSubject(input),
      ),
    ],
    evidence: [],
  });
}

/** A check that cannot be decided before a juror is assigned. */
function noJurorYet(code: ComplianceCheckCode): CheckResult {
  return result(code, {
    findings: [],
    evidence: [],
    pending: true,
    note: "Aucun membre de jury n'est encore affecté à la session.",
  });
}

/** A check that cannot be decided before a candidate is enrolled. */
function noCandidateYet(code: ComplianceCheckCode): CheckResult {
  return result(code, {
    findings: [],
    evidence: [],
    pending: true,
    note: "Aucun candidat n'est encore inscrit à la session.",
  });
}

export function checkJuryHabilitations(input: ComplianceInput): CheckResult {
  const { session, titre } = input;
  const assigned = jurors(input);
  if (assigned.length === 0) {
    return noJurorYet('JURY_HABILITATIONS');
  }
  const findings: Finding[] = [];
  const evidence: string[] = [];
  // A TITRE session evaluates the titre's CCP, not its CCS.
  const titreCcpCodes = titre.ccps.filter((ccp) => ccp.kind === 'CCP').map((ccp) => ccp.code);

  for (const member of assigned) {
    const name = personName(member);
    const forTitre = member.habilitations.filter((h) => h.titreId === titre.id);
    if (forTitre.length === 0) {
      findings.push(
        finding(
          'JURY_HABILITATIONS',
          'blocking',
          `${name} n'a pas d'habilitation pour le titre ${titre.code}.`,
          jurorSubject(member),
        ),
      );
      continue;
    }
    // A juror's habilitation is valid at most until the titre's end of validity.
    const withEffective = forTitre.map((h) => {
      const cappedByTitre = isBefore(titre.validUntil, h.validUntil);
      return {
        ...h,
        effectiveUntil: cappedByTitre ? titre.validUntil : h.validUntil,
        cappedByTitre,
      };
    });
    const valid = withEffective.filter((h) => !isBefore(h.effectiveUntil, session.endDate));
    if (valid.length === 0) {
      const latest = withEffective.reduce((a, b) =>
        isBefore(a.effectiveUntil, b.effectiveUntil) ? b : a,
      );
      const cap = latest.cappedByTitre ? ' (fin de validité du titre)' : '';
      findings.push(
        finding(
          'JURY_HABILITATIONS',
          'blocking',
          `L'habilitation de ${name} pour le titre ${titre.code} n'est valable que jusqu'au ${fr(latest.effectiveUntil)}${cap}, avant la fin de la session le ${fr(session.endDate)}.`,
          jurorSubject(member),
        ),
      );
      continue;
    }

    const unrestricted = valid.filter((h) => h.ccpCodes.length === 0);
    const best = (unrestricted.length > 0 ? unrestricted : valid).reduce((a, b) =>
      isBefore(a.effectiveUntil, b.effectiveUntil) ? b : a,
    );
    const validity = `habilitation pour le titre ${titre.code} valable jusqu'au ${fr(best.effectiveUntil)}${best.cappedByTitre ? ' (fin de validité du titre)' : ''}`;

    if (unrestricted.length > 0) {
      evidence.push(`${name} : ${validity}.`);
      continue;
    }
    const covered = [...new Set(valid.flatMap((h) => h.ccpCodes))];
    if (session.nature === 'TITRE') {
      const uncovered = titreCcpCodes.filter((code) => !covered.includes(code));
      if (titreCcpCodes.length === 0 || uncovered.length > 0) {
        findings.push(
          finding(
            'JURY_HABILITATIONS',
            'warning',
            `L'habilitation de ${name} est limitée à ${frenchList(covered)} : ce membre du jury ne pourra évaluer que ces CCP.`,
            jurorSubject(member),
          ),
        );
      } else {
        evidence.push(`${name} : ${validity}, couvrant tous les CCP du titre.`);
      }
      continue;
    }
    const missing = session.ccpCodes.filter((code) => !covered.includes(code));
    if (missing.length > 0) {
      findings.push(
        finding(
          'JURY_HABILITATIONS',
          'blocking',
          `L'habilitation de ${name} est limitée à ${frenchList(covered)} et ne couvre pas ${frenchList(missing)}, au programme de la session.`,
          jurorSubject(member),
        ),
      );
    } else {
      evidence.push(`${name} : ${validity}, couvrant ${frenchList(session.ccpCodes)}.`);
    }
  }
  return result('JURY_HABILITATIONS', { findings, evidence });
}

export function checkJuryNoLink(input: ComplianceInput): CheckResult {
  const assigned = jurors(input);
  const { candidates, linkDeclarations } = input;
  if (candidates.length === 0) {
    return noCandidateYet('JURY_NO_LINK');
  }
  if (assigned.length === 0) {
    return noJurorYet('JURY_NO_LINK');
  }
  const findings: Finding[] = [];
  const linkedFindings: Finding[] = [];
  const evidence: string[] = [];

  // A juror recorded as the candidate's trainer has a pedagogical link, whatever was declared.
  const trained = (member: ComplianceJuryMember, candidate: ComplianceCandidate) =>
    candidate.trainerIds.includes(member.juryMemberId);
  const declarationOf = (member: ComplianceJuryMember, candidate: ComplianceCandidate) => {
    if (trained(member, candidate)) return 'trainer' as const;
    const found = linkDeclarations.filter(
      (d) => d.juryMemberId === member.juryMemberId && d.candidateId === candidate.id,
    );
    if (found.length === 0) return 'missing' as const;
    return found.some((d) => d.hasLink) ? ('link' as const) : ('noLink' as const);
  };

  for (const member of assigned) {
    const name = personName(member);
    let allDeclaredNoLink = true;
    for (const candidate of candidates) {
      const declaration = declarationOf(member, candidate);
      if (declaration === 'missing') {
        allDeclaredNoLink = false;
        findings.push(
          finding(
            'JURY_NO_LINK',
            'blocking',
            `${name} n'a pas déclaré l'absence de lien avec ${personName(candidate)}.`,
            jurorSubject(member),
          ),
        );
      } else if (declaration === 'trainer') {
        allDeclaredNoLink = false;
        findings.push(
          finding(
            'JURY_NO_LINK',
            'blocking',
            `${name} a formé ${personName(candidate)} (lien pédagogique enregistré sur son inscription) : ce membre du jury est exclu de son évaluation.`,
            jurorSubject(member),
          ),
        );
      } else if (declaration === 'link') {
        allDeclaredNoLink = false;
        findings.push(
          finding(
            'JURY_NO_LINK',
            'warning',
            `${name} a déclaré un lien avec ${personName(candidate)} et ne peut donc pas l'évaluer.`,
            jurorSubject(member),
          ),
        );
      }
    }
    if (allDeclaredNoLink) {
      evidence.push(
        candidates.length === 1
          ? `${name} a déclaré l'absence de lien avec ${personName(candidates[0])}.`
          : `${name} a déclaré l'absence de lien avec chacun des ${candidates.length} candidats.`,
      );
    }
  }

  // A juror with a declared link cannot evaluate that candidate: each candidate needs two others.
  for (const candidate of candidates) {
    const hasLink = (m: ComplianceJuryMember) =>
      declarationOf(m, candidate) === 'link' || trained(m, candidate);
    const linked = assigned.filter(hasLink);
    if (linked.length === 0) continue;
    const available = assigned.filter((m) => !hasLink(m));
    if (available.length >= MINIMUM_JURORS) continue;
    const who = personName(candidate);
    const message =
      available.length === 0
        ? `Aucun membre du jury sans lien déclaré ne peut évaluer ${who} : il en faut au moins ${MINIMUM_JURORS}.`
        : `Seul ${count(available.length, 'membre', 'membres')} du jury sans lien déclaré (${frenchList(available.map(personName))}) peut évaluer ${who} : il en faut au moins ${MINIMUM_JURORS}.`;
    linkedFindings.push(finding('JURY_NO_LINK', 'blocking', message, candidateSubject(candidate)));
  }
  return result('JURY_NO_LINK', { findings: [...findings, ...linkedFindings], evidence });
}

/**
 * Each juror convened at least 15 calendar days before the start (JURY_SOURCES.JURY_CONVOCATION_NOTICE):
 * an employed juror needs the convocation to ask for leave. Warnings only: a late convocation does
 * not forbid the session, it puts the juror's presence at risk.
 */
export function checkJuryConvened(input: ComplianceInput): CheckResult {
  const assigned = jurors(input);
  const start = input.session.startDate;
  const deadline = addDays(start, -JURY_CONVOCATION_DAYS_BEFORE_START);
  if (assigned.length === 0) {
    return noJurorYet('JURY_CONVENED');
  }
  const findings: Finding[] = [];
  const evidence: string[] = [];
  let pending = false;
  for (const member of assigned) {
    const name = personName(member);
    const date = member.convocationDate;
    if (date === null) {
      if (isBefore(input.today, deadline)) {
        pending = true;
        continue;
      }
      findings.push(
        finding(
          'JURY_CONVENED',
          'warning',
          `${name} n'est pas enregistré(e) comme convoqué(e) : la convocation devait partir au plus tard le ${fr(deadline)}, ${JURY_CONVOCATION_DAYS_BEFORE_START} jours avant le début de la session le ${fr(start)}.`,
          jurorSubject(member),
        ),
      );
      continue;
    }
    const days = daysBetween(date, start);
    if (days < JURY_CONVOCATION_DAYS_BEFORE_START) {
      findings.push(
        finding(
          'JURY_CONVENED',
          'warning',
          `${name} a été convoqué(e) le ${fr(date)}, ${count(days, 'jour', 'jours')} seulement avant le début de la session le ${fr(start)} : un juré salarié demande son autorisation d'absence au moins ${JURY_CONVOCATION_DAYS_BEFORE_START} jours avant.`,
          jurorSubject(member),
        ),
      );
    } else {
      evidence.push(
        `${name} convoqué(e) le ${fr(date)}, ${days} jours avant le début de la session.`,
      );
    }
  }
  return result('JURY_CONVENED', {
    findings,
    evidence,
    pending,
    note: pending
      ? `Convocations des membres du jury à envoyer au plus tard le ${fr(deadline)}.`
      : undefined,
  });
}

/**
 * Each assigned juror meets the titre's own jury requirements over the whole session
 * (JURY_SOURCES.JURY_REQUIREMENTS: licence category, CQC valid through the last day): blocking
 * otherwise, naming the juror and what is missing. A CCP or CCS session is evaluated by
 * professionals of the métier (JURY_SOURCES.JURY_HABILITATION_BASIS): a juror habilitated only
 * as « formateur du titre » raises a warning. Not applicable when neither concerns the session.
 */
export function checkJuryRequirements(input: ComplianceInput): CheckResult {
  const { session, titre } = input;
  const assigned = jurors(input);
  if (assigned.length === 0) {
    return noJurorYet('JURY_REQUIREMENTS');
  }
  const requirements = hasRequirements(titre.juryRequirements) ? titre.juryRequirements : null;
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const member of assigned) {
    const name = personName(member);
    if (requirements) {
      const missing = unmetJuryRequirements(
        requirements,
        {
          licenceCategories: member.licenceCategories ?? [],
          cqcValidUntil: member.cqcValidUntil ?? null,
        },
        session,
      );
      if (missing.length > 0) {
        findings.push(
          finding(
            'JURY_REQUIREMENTS',
            'blocking',
            `${name} ne remplit pas les exigences du titre ${titre.code} pour le jury (${describeRequirements(requirements)}) : ${missing.join(' ; ')}.`,
            jurorSubject(member),
          ),
        );
      } else {
        const held: string[] = [];
        if (requirements.licenceCategories.length > 0) {
          held.push(`permis ${(member.licenceCategories ?? []).join(', ')}`);
        }
        if (requirements.cqc && member.cqcValidUntil) {
          held.push(`CQC valable jusqu'au ${fr(member.cqcValidUntil)}`);
        }
        evidence.push(`${name} : ${held.join(', ')}.`);
      }
    }
    const bases = [
      ...new Set(
        member.habilitations
          .filter((h) => h.titreId === titre.id && h.basis)
          .map((h) => h.basis as HabilitationBasis),
      ),
    ];
    if (session.nature !== 'TITRE' && bases.length > 0 && bases.every((b) => b === 'FORMATEUR')) {
      findings.push(
        finding(
          'JURY_REQUIREMENTS',
          'warning',
          `${name} est habilité(e) pour le titre ${titre.code} en qualité de ${HABILITATION_BASIS_LABELS.FORMATEUR} : le jury d'une session ${session.nature} est composé de professionnels du métier.`,
          jurorSubject(member),
        ),
      );
    } else if (bases.length > 0) {
      evidence.push(
        `${name} : habilitation au titre de ${frenchList(bases.map((b) => HABILITATION_BASIS_LABELS[b]))}.`,
      );
    }
  }
  if (!requirements && findings.length === 0) {
    return result('JURY_REQUIREMENTS', {
      findings,
      evidence: [],
      notApplicable: true,
      note: `Le titre ${titre.code} ne fixe aucune exigence particulière aux membres du jury (permis, CQC).`,
    });
  }
  return result('JURY_REQUIREMENTS', { findings, evidence });
}

/**
 * Each VAE candidate's recevabilité: valid at the session's start (`vaeValidUntil`, the effective
 * end of validity) and, when the decision names the session types it allows, for this nature.
 * With the notification date recorded, the decision is checked by `checkVaeRecevabilite` of the
 * certification rules (start not before the notification either).
 */
export function checkVaeRecevabilite(input: ComplianceInput): CheckResult {
  const { session } = input;
  const vaeCandidates = input.candidates.filter((c) => c.pathway === 'VAE');
  if (vaeCandidates.length === 0) {
    return result('VAE_RECEVABILITE', {
      findings: [],
      evidence: [],
      notApplicable: true,
      note: 'Aucun candidat de la session ne se présente par la voie de la VAE.',
    });
  }
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const candidate of vaeCandidates) {
    const name = personName(candidate);
    const subject = candidateSubject(candidate);
    const natures = candidate.vaeAllowedNatures;
    const forNatures = natures.length > 0 ? `, pour une session ${natures.join(' ou ')}` : '';
    if (candidate.vaeNotifiedOn !== null) {
      const notifiedOn = candidate.vaeNotifiedOn;
      const computed = addYears(notifiedOn, 1);
      const stored = candidate.vaeValidUntil;
      const override =
        stored === null || stored === computed
          ? null
          : {
              validUntil: stored,
              reason:
                candidate.vaeOverrideReason.trim() ||
                'date de fin de validité enregistrée pour le candidat',
            };
      const check = checkVaeDecision(
        candidate,
        // No nature stated: the decision is not checked against the session's nature.
        { notifiedOn, allowedNatures: natures.length > 0 ? natures : [session.nature], override },
        session,
      );
      for (const message of check.messages) {
        findings.push(finding('VAE_RECEVABILITE', 'blocking', message, subject));
      }
      if (check.ok) {
        evidence.push(
          `${name} : recevabilité VAE notifiée le ${fr(notifiedOn)}${forNatures}, valable jusqu'au ${fr(check.validity.validUntil)}.`,
        );
      }
      continue;
    }
    const before = findings.length;
    if (natures.length > 0 && !natures.includes(session.nature)) {
      findings.push(
        finding(
          'VAE_RECEVABILITE',
          'blocking',
          `La recevabilité VAE de ${name} autorise une session ${natures.join(' ou ')} ; la session est une session ${session.nature}.`,
          subject,
        ),
      );
    }
    if (candidate.vaeValidUntil === null) {
      findings.push(
        finding(
          'VAE_RECEVABILITE',
          'blocking',
          `La date de fin de validité de la recevabilité VAE de ${name} n'est pas renseignée.`,
          subject,
        ),
      );
    } else if (isBefore(candidate.vaeValidUntil, session.startDate)) {
      findings.push(
        finding(
          'VAE_RECEVABILITE',
          'blocking',
          `La recevabilité VAE de ${name} n'est valable que jusqu'au ${fr(candidate.vaeValidUntil)}, avant le début de la session le ${fr(session.startDate)}.`,
          subject,
        ),
      );
    }
    if (findings.length === before && candidate.vaeValidUntil !== null) {
      evidence.push(
        `${name} : recevabilité VAE valable jusqu'au ${fr(candidate.vaeValidUntil)}${forNatures}.`,
      );
    }
  }
  return result('VAE_RECEVABILITE', { findings, evidence });
}

const CONVOCATION_MODE_LABELS: Record<ConvocationMode, string> = {
  HAND_DELIVERED: 'remise en main propre contre décharge',
  REGISTERED_MAIL: 'envoyée par lettre recommandée avec accusé de réception',
};

const PROOF_LABELS: Record<ConvocationProofKind, string> = {
  SIGNED_DISCHARGE: 'décharge signée',
  RECEIPT_ACKNOWLEDGEMENT: 'accusé de réception',
};

const EXPECTED_PROOF: Record<ConvocationMode, string> = {
  HAND_DELIVERED: 'décharge signée par le candidat',
  REGISTERED_MAIL: 'accusé de réception de la lettre recommandée',
};

/**
 * The proof of a recorded convocation (guide, seed 003: « par lettre remise en mains propres
 * contre décharge ou par lettre recommandée avec AR », marked réglementaire; règlement général
 * des sessions, arrêté du 21 juillet 2016, annexe): none once the convocation deadline is past is
 * a warning; none on the first day of the session, or a proof dated after it, is blocking (the
 * centre cannot show the candidate was convened).
 */
function convocationProofFinding(
  input: ComplianceInput,
  candidate: ComplianceCandidate,
  mode: ConvocationMode,
  deadline: CalendarDate,
): { finding: Finding | null; evidence: string } {
  const { today, session } = input;
  const name = personName(candidate);
  const subject = candidateSubject(candidate);
  const { convocationProofKind: kind, convocationProofOn: on } = candidate;
  if (kind !== null && on !== null) {
    const evidence = ` ; ${PROOF_LABELS[kind]} du ${fr(on)}`;
    if (isAfter(on, session.startDate)) {
      return {
        finding: finding(
          'CANDIDATES_CONVENED',
          'blocking',
          `La preuve de la convocation de ${name} (${PROOF_LABELS[kind]}) est datée du ${fr(on)}, après le début de la session le ${fr(session.startDate)}.`,
          subject,
        ),
        evidence,
      };
    }
    return { finding: null, evidence };
  }
  const expected = EXPECTED_PROOF[mode];
  if (!isBefore(today, session.startDate)) {
    return {
      finding: finding(
        'CANDIDATES_CONVENED',
        'blocking',
        `Aucune preuve de la convocation de ${name} n'est enregistrée (${expected}) alors que la session a commencé le ${fr(session.startDate)}.`,
        subject,
      ),
      evidence: '',
    };
  }
  if (isAfter(today, deadline)) {
    return {
      finding: finding(
        'CANDIDATES_CONVENED',
        'warning',
        `La preuve de la convocation de ${name} (${expected}) n'est pas encore enregistrée : elle doit l'être au plus tard le ${fr(session.startDate)}, premier jour de la session.`,
        subject,
      ),
      evidence: '',
    };
  }
  return { finding: null, evidence: '' };
}

export function checkCandidatesConvened(input: ComplianceInput): CheckResult {
  const { today, session, candidates } = input;
  // A deadline on a weekend day or a public holiday of the centre's region is met by the working
  // day before: the checks compare with that day and the wording names both dates.
  const due = effectiveDeadline(convocationDeadline(session.startDate), session.region);
  const deadline = due.effective;
  /** « 14/05/2027 », or « vendredi 14/05/2027 (échéance du 15/05/2027 ; le 15/05 est un samedi) ». */
  const byWords =
    due.reason === null
      ? fr(deadline)
      : `${dayName(deadline)} ${fr(deadline)} (échéance du ${fr(due.deadline)} ; ${due.reason})`;
  if (candidates.length === 0) {
    return result('CANDIDATES_CONVENED', {
      findings: [
        finding(
          'CANDIDATES_CONVENED',
          'warning',
          "Aucun candidat n'est inscrit à la session.",
          sessionSubject(input),
        ),
      ],
      evidence: [],
      pending: !isAfter(today, deadline),
      note: `Les candidats doivent être convoqués au plus tard le ${byWords}.`,
    });
  }
  const findings: Finding[] = [];
  const evidence: string[] = [];
  let pending = false;
  for (const candidate of candidates) {
    const name = personName(candidate);
    const subject = candidateSubject(candidate);
    if (candidate.convocationDate === null) {
      if (isAfter(today, deadline)) {
        findings.push(
          finding(
            'CANDIDATES_CONVENED',
            'blocking',
            `${name} n'a pas reçu de convocation alors que l'échéance du ${due.words} est dépassée.`,
            subject,
          ),
        );
      } else {
        pending = true;
        const remaining = daysBetween(today, deadline);
        if (remaining <= CONVOCATION_WARNING_DAYS) {
          const when =
            remaining === 0 ? "aujourd'hui" : `dans ${count(remaining, 'jour', 'jours')}`;
          findings.push(
            finding(
              'CANDIDATES_CONVENED',
              'warning',
              due.reason === null
                ? `${name} n'a pas encore reçu de convocation : l'échéance est le ${fr(deadline)} (${when}).`
                : `${name} n'a pas encore reçu de convocation : l'échéance du ${fr(due.deadline)} est ramenée au ${dayName(deadline)} ${fr(deadline)} (${when} ; ${due.reason}).`,
              subject,
            ),
          );
        }
      }
      continue;
    }
    let compliant = true;
    if (isAfter(candidate.convocationDate, deadline)) {
      compliant = false;
      findings.push(
        finding(
          'CANDIDATES_CONVENED',
          'blocking',
          `La convocation de ${name} date du ${fr(candidate.convocationDate)}, après l'échéance du ${due.words}.`,
          subject,
        ),
      );
    }
    if (candidate.convocationMode === null) {
      compliant = false;
      findings.push(
        finding(
          'CANDIDATES_CONVENED',
          'blocking',
          `Le mode de remise de la convocation de ${name} n'est pas renseigné (remise en main propre contre décharge ou lettre recommandée avec accusé de réception).`,
          subject,
        ),
      );
    }
    let proofText = '';
    if (candidate.convocationMode !== null) {
      const proof = convocationProofFinding(input, candidate, candidate.convocationMode, deadline);
      if (proof.finding) {
        findings.push(proof.finding);
        if (proof.finding.severity === 'blocking') compliant = false;
      }
      proofText = proof.evidence;
    }
    if (compliant && candidate.convocationMode !== null) {
      evidence.push(
        `${name} : convocation du ${fr(candidate.convocationDate)} ${CONVOCATION_MODE_LABELS[candidate.convocationMode]}, avant l'échéance du ${due.words}${proofText}.`,
      );
    }
  }
  return result('CANDIDATES_CONVENED', {
    findings,
    evidence,
    pending,
    note: pending ? `Des candidats restent à convoquer au plus tard le ${byWords}.` : undefined,
  });
}

const ECF_SIGNATORIES: {
  key: 'ecfSignedByTrainingManager' | 'ecfSignedByTrainer' | 'ecfSignedByCandidate';
  label: string;
}[] = [
  { key: 'ecfSignedByTrainingManager', label: 'le responsable de formation' },
  { key: 'ecfSignedByTrainer', label: 'le formateur évaluateur' },
  { key: 'ecfSignedByCandidate', label: 'le candidat' },
];

/** The pathways as the findings name them. */
const PATHWAY_WORDS: Readonly<Record<CandidatePathway, string>> = {
  FORMATION: 'formation',
  VAE: 'VAE',
  SUITE_PARCOURS: 'suite de parcours',
  PARCOURS_PROGRESSIF: 'parcours progressif',
  EQUIVALENCE: 'équivalence',
};

export function checkCandidateFiles(input: ComplianceInput): CheckResult {
  const { today, session, candidates } = input;
  if (candidates.length === 0) {
    return noCandidateYet('CANDIDATE_FILES');
  }
  // Files can still be completed before the first day; from the start date on, they must be.
  const severity: Severity = isBefore(today, session.startDate) ? 'warning' : 'blocking';
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const candidate of candidates) {
    const name = personName(candidate);
    const subject = candidateSubject(candidate);
    const { files } = candidate;
    const before = findings.length;
    const proofs: string[] = [];
    if (candidate.pathway === 'FORMATION') {
      const missing = ECF_SIGNATORIES.filter((s) => !files[s.key]).map((s) => s.label);
      if (missing.length > 0) {
        findings.push(
          finding(
            'CANDIDATE_FILES',
            severity,
            `Le livret ECF de ${name} n'est pas signé par ${frenchList(missing)}.`,
            subject,
          ),
        );
      }
      proofs.push(
        'livret ECF signé par le responsable de formation, le formateur évaluateur et le candidat',
      );
    }
    // The DP comes with the training or the VAE; a livret de certification for the others.
    if (candidate.pathway === 'FORMATION' || candidate.pathway === 'VAE') {
      if (!files.dpSigned) {
        findings.push(
          finding(
            'CANDIDATE_FILES',
            severity,
            `Le dossier professionnel (DP) de ${name} n'est pas signé.`,
            subject,
          ),
        );
      }
      proofs.push('DP signé');
    } else if (!files.certificationBooklet) {
      findings.push(
        finding(
          'CANDIDATE_FILES',
          severity,
          `Le livret de certification de ${name} (${PATHWAY_WORDS[candidate.pathway]}) n'est pas versé au dossier.`,
          subject,
        ),
      );
    } else {
      proofs.push('livret de certification versé au dossier');
    }
    if (candidate.pathway === 'VAE') {
      if (!files.recevabiliteCollected) {
        findings.push(
          finding(
            'CANDIDATE_FILES',
            severity,
            `La décision de recevabilité VAE de ${name} n'est pas versée au dossier.`,
            subject,
          ),
        );
      }
      proofs.push('décision de recevabilité versée au dossier');
    }
    if (findings.length === before) {
      evidence.push(`${name} (${PATHWAY_WORDS[candidate.pathway]}) : ${proofs.join(' ; ')}.`);
    }
  }
  return result('CANDIDATE_FILES', { findings, evidence });
}

interface TaskDeadlineWording {
  /** e.g. "Les informations de la session ont été transmises à l'UD" */
  doneSentence: string;
  /** e.g. "Les informations de la session n'ont pas été transmises à l'UD" */
  notDoneSentence: string;
  /** e.g. "transmettre les informations de la session à l'UD" */
  action: string;
}

/**
 * A regulatory deadline and the day it must actually be met by: the previous working day of the
 * centre's region when it falls on a weekend or a public holiday (`workingDayFallback`).
 */
export interface EffectiveDeadline {
  deadline: CalendarDate;
  effective: CalendarDate;
  /** « 14/03/2027 ramenée au vendredi 12/03/2027 (le 14/03 est un dimanche) », or the date. */
  words: string;
  /** « le 14/03 est un dimanche », « le 25/12 est férié : Noël »; null on a working day. */
  reason: string | null;
}

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function dayName(date: CalendarDate): string {
  return DAY_NAMES[isoDayOfWeek(date) - 1] ?? '';
}

export function effectiveDeadline(
  deadline: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): EffectiveDeadline {
  // The last nameable day (data stored before dates were bounded) is kept as it is.
  const fallback = deadline === LAST_CALENDAR_DATE ? null : workingDayFallback(deadline, region);
  if (fallback === null) {
    return { deadline, effective: deadline, words: fr(deadline), reason: null };
  }
  const holiday = frenchPublicHolidayName(deadline, region);
  const day = fr(deadline).slice(0, 5);
  const why = holiday
    ? `le ${day} est férié : ${holiday}`
    : `le ${day} est un ${dayName(deadline)}`;
  return {
    deadline,
    effective: fallback,
    words: `${fr(deadline)} ramenée au ${dayName(fallback)} ${fr(fallback)} (${why})`,
    reason: why,
  };
}

function checkTaskDeadline(
  code: 'UD_INFORMED' | 'PV_SENT',
  input: ComplianceInput,
  taskCode: string,
  regulatoryDeadline: CalendarDate,
  wording: TaskDeadlineWording,
): CheckResult {
  const task = input.tasks.find((t) => t.code === taskCode);
  const subject = sessionSubject(input);
  const due = effectiveDeadline(regulatoryDeadline, input.session.region);
  const deadline = due.effective;
  if (task?.status === 'not_applicable') {
    return result(code, {
      findings: [
        finding(
          code,
          'warning',
          `La tâche « ${wording.action} » est marquée sans objet alors qu'elle est réglementaire (échéance le ${due.words}).`,
          subject,
        ),
      ],
      evidence: [],
    });
  }
  if (task?.status === 'done') {
    if (task.doneAt === null) {
      return result(code, {
        findings: [
          finding(
            code,
            'warning',
            `La tâche « ${wording.action} » est cochée sans date de réalisation : le respect de l'échéance du ${due.words} ne peut pas être vérifié.`,
            subject,
          ),
        ],
        evidence: [],
      });
    }
    if (isAfter(task.doneAt, deadline)) {
      return result(code, {
        findings: [
          finding(
            code,
            'warning',
            `${wording.doneSentence} le ${fr(task.doneAt)}, après l'échéance du ${due.words}.`,
            subject,
          ),
        ],
        evidence: [],
      });
    }
    return result(code, {
      findings: [],
      evidence: [
        `${wording.doneSentence} le ${fr(task.doneAt)}, avant l'échéance du ${due.words}.`,
      ],
    });
  }
  if (isAfter(input.today, deadline)) {
    return result(code, {
      findings: [
        finding(
          code,
          'blocking',
          `${wording.notDoneSentence} alors que l'échéance du ${due.words} est dépassée.`,
          subject,
        ),
      ],
      evidence: [],
    });
  }
  return result(code, {
    findings: [],
    evidence: [],
    pending: true,
    note:
      due.reason === null
        ? `Échéance non atteinte : ${wording.action} au plus tard le ${fr(deadline)}.`
        : `Échéance non atteinte : ${wording.action} au plus tard le ${dayName(deadline)} ${fr(deadline)} (échéance du ${fr(regulatoryDeadline)} ; ${due.reason}).`,
  });
}

export function checkUdInformed(input: ComplianceInput): CheckResult {
  return checkTaskDeadline(
    'UD_INFORMED',
    input,
    UD_INFORM_TASK_CODE,
    udInformationDeadline(input.session.startDate),
    {
      doneSentence: "Les informations de la session ont été transmises à l'UD",
      notDoneSentence: "Les informations de la session n'ont pas été transmises à l'UD",
      action: "transmettre à l'UD les informations de la session",
    },
  );
}

export function checkPvSent(input: ComplianceInput): CheckResult {
  return checkTaskDeadline('PV_SENT', input, PV_SEND_TASK_CODE, pvDeadline(input.session.endDate), {
    doneSentence: "L'original du PV de session a été adressé à l'UD",
    notDoneSentence: "L'original du PV de session n'a pas été adressé à l'UD",
    action: "adresser l'original du PV de session à l'UD",
  });
}

/**
 * Each candidate trained by another organisation comes from a provider with a written convention
 * in force on the session's dates: signed, sent to the préfet before taking effect, covering the
 * session's titre, with the avenant of the year sent before 1 January when one is due (arrêté du
 * 21 juillet 2016 relatif aux modalités d’agrément, article 3, modifié par l’arrêté du 1er octobre
 * 2024: `CONVENTION_SOURCES`).
 */
export function checkProviderConvention(input: ComplianceInput): CheckResult {
  const trained = input.candidates.filter(
    (c): c is ComplianceCandidate & { trainingProviderId: string } =>
      typeof c.trainingProviderId === 'string',
  );
  if (trained.length === 0) {
    return result('PROVIDER_CONVENTION', {
      findings: [],
      evidence: [],
      notApplicable: true,
      note: 'Aucun candidat de la session n’a été formé par un autre organisme que le centre.',
    });
  }
  const providers = new Map((input.providers ?? []).map((p) => [p.id, p]));
  const dates = [input.session.startDate, input.session.endDate];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const candidate of trained) {
    const provider = providers.get(candidate.trainingProviderId);
    const name = provider?.name ?? 'organisme inconnu';
    const defect = providerConventionDefect(provider?.conventions ?? [], input.titre.id, dates);
    if (defect === null) {
      evidence.push(
        `${personName(candidate)} : formé par ${name}, convention en vigueur pour le titre ${input.titre.code} aux dates de la session.`,
      );
    } else {
      findings.push(
        finding(
          'PROVIDER_CONVENTION',
          'blocking',
          `${personName(candidate)} a été formé par ${name} sans convention en vigueur aux dates de la session : ${defect}.`,
          candidateSubject(candidate),
        ),
      );
    }
  }
  return result('PROVIDER_CONVENTION', { findings, evidence });
}

/**
 * Last day to communicate the annual programme that announces a session: 31 January of the year
 * it starts, or its UD deadline (3 months before the start) when that comes first — the due rule
 * of the v2 template's task PLAN_ANNUAL_PROGRAMME (« notAfter », source RGS-UD-3-MOIS).
 */
export function annualProgrammeDeadline(startDate: CalendarDate): CalendarDate {
  const january31 = `${startDate.slice(0, 4)}-01-31`;
  const ud = udInformationDeadline(startDate);
  return isBefore(ud, january31) ? ud : january31;
}

/**
 * Whether ANNUAL_PROGRAMME passes for a session (the same rule as `checkAnnualProgramme`, for
 * lists that must not evaluate every session's whole report): a session not cancelled whose
 * centre's programme of its year was communicated by `annualProgrammeDeadline`.
 */
export function annualProgrammeProves(
  session: { startDate: CalendarDate; status: string },
  sentOn: CalendarDate | null,
): boolean {
  return (
    session.status !== 'CANCELLED' &&
    sentOn !== null &&
    !isAfter(sentOn, annualProgrammeDeadline(session.startDate))
  );
}

/**
 * The centre's annual programme of the session's year is recorded as communicated (a yearly
 * obligation of the centre, see the page « Obligations de l'année »): the task
 * PLAN_ANNUAL_PROGRAMME is then proven by the data. Not recorded: a note before the deadline,
 * a warning once it has passed; recorded after the deadline: a warning.
 */
export function checkAnnualProgramme(input: ComplianceInput): CheckResult {
  const programme = input.annualProgramme;
  if (programme === undefined) {
    return result('ANNUAL_PROGRAMME', {
      findings: [],
      evidence: [],
      notApplicable: true,
      note: 'Le programme annuel du centre n’a pas été lu pour cette vérification.',
    });
  }
  const { year, sentOn } = programme;
  const deadline = annualProgrammeDeadline(input.session.startDate);
  const page = `/centres/${programme.centreId}/obligations?year=${year}`;
  const subject = sessionSubject(input);
  if (sentOn === null) {
    if (isAfter(input.today, deadline)) {
      return result('ANNUAL_PROGRAMME', {
        findings: [
          finding(
            'ANNUAL_PROGRAMME',
            'warning',
            `Le programme annuel ${year} du centre n’est pas enregistré comme communiqué alors que l’échéance du ${fr(deadline)} est dépassée (à enregistrer sur ${page}).`,
            subject,
          ),
        ],
        evidence: [],
      });
    }
    return result('ANNUAL_PROGRAMME', {
      findings: [],
      evidence: [],
      pending: true,
      note: `Programme annuel ${year} du centre à communiquer au plus tard le ${fr(deadline)} (à enregistrer sur ${page}).`,
    });
  }
  if (isAfter(sentOn, deadline)) {
    return result('ANNUAL_PROGRAMME', {
      findings: [
        finding(
          'ANNUAL_PROGRAMME',
          'warning',
          `Programme annuel ${year} du centre communiqué le ${fr(sentOn)}, après l’échéance du ${fr(deadline)} pour cette session (voir ${page}).`,
          subject,
        ),
      ],
      evidence: [],
    });
  }
  return result('ANNUAL_PROGRAMME', {
    findings: [],
    evidence: [`Programme annuel ${year} du centre communiqué le ${fr(sentOn)} (voir ${page}).`],
  });
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

const EVALUATORS: Record<ComplianceCheckCode, (input: ComplianceInput) => CheckResult> = {
  AGREMENT_VALID: checkAgrementValid,
  TITRE_VALID: checkTitreValid,
  JURY_MINIMUM: checkJuryMinimum,
  JURY_HABILITATIONS: checkJuryHabilitations,
  JURY_NO_LINK: checkJuryNoLink,
  JURY_CONVENED: checkJuryConvened,
  JURY_REQUIREMENTS: checkJuryRequirements,
  VAE_RECEVABILITE: checkVaeRecevabilite,
  CANDIDATES_CONVENED: checkCandidatesConvened,
  CANDIDATE_FILES: checkCandidateFiles,
  UD_INFORMED: checkUdInformed,
  PV_SENT: checkPvSent,
  PROVIDER_CONVENTION: checkProviderConvention,
  ANNUAL_PROGRAMME: checkAnnualProgramme,
};

/** Every check, in report order. */
export const COMPLIANCE_CHECKS: readonly ComplianceCheckDefinition[] = (
  Object.keys(META) as ComplianceCheckCode[]
).map((code) => ({
  code,
  label: META[code].label,
  taskCodes: [...META[code].taskCodes],
  evaluate: EVALUATORS[code],
}));

export function runComplianceChecks(input: ComplianceInput): ComplianceReport {
  if (input.session.status === 'CANCELLED') {
    const checks = COMPLIANCE_CHECKS.map((definition) =>
      result(definition.code, {
        findings: [],
        evidence: [],
        notApplicable: true,
        note: 'La session est annulée : cette vérification est sans objet.',
      }),
    );
    return { checks, blocking: [], warnings: [] };
  }
  const checks = COMPLIANCE_CHECKS.map((definition) => definition.evaluate(input));
  const findings = checks.flatMap((check) => check.findings);
  return {
    checks,
    blocking: findings.filter((f) => f.severity === 'blocking'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/** Task code → the checks supporting it, in report order. */
export function complianceChecksByTask(report: ComplianceReport): Map<string, CheckResult[]> {
  const byTask = new Map<string, CheckResult[]>();
  for (const check of report.checks) {
    for (const taskCode of check.taskCodes) {
      const list = byTask.get(taskCode);
      if (list) list.push(check);
      else byTask.set(taskCode, [check]);
    }
  }
  return byTask;
}

/** A task is "vérifiée par les données" when it has supporting checks and all of them pass. */
export function isVerifiedByData(checks: readonly CheckResult[] | undefined): boolean {
  return checks !== undefined && checks.length > 0 && checks.every((c) => c.status === 'pass');
}

/**
 * Split of a Bac Pro CTRM class into its two kinds of fiche session (seed 000):
 * - the CAP CLM session, for the CQC given through the intermediate certification to pupils of
 *   age in May who hold their licence, and to pupils who will not obtain the Bac Pro;
 * - the Bac Pro session, for pupils still minors in May who will obtain the Bac Pro.
 *
 * « Majeurs en mai » is read as « of age on 15 May »: the fiches of the CAP CLM session are
 * completed at mid-May (licence number, date, signature), which a minor cannot do. A pupil who
 * turns 18 after 15 May but by 30 May (the envelope's posting deadline) is proposed in the Bac Pro
 * session with a warning, and may be moved to the CAP CLM session by the user.
 *
 * Jalon proposes the split from birth dates and licences; the user then moves pupils, and each
 * move is checked (a pupil who cannot sign by 30 May goes to the CAP CLM session only if they
 * will not obtain the Bac Pro; an adult with a licence goes to the Bac Pro session only if they
 * did not obtain the CAP CLM). Sessions hold at most 32 fiches: a kind with more pupils is cut
 * into balanced sessions.
 */
import {
  compareDates,
  formatFrenchDate,
  isInputCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { FICHES_PER_SESSION } from './campaign-fiches.js';
import {
  DEFAULT_LEAP_DAY_RULE,
  isOfAgeOn,
  majorityDate,
  type LeapDayRule,
} from './campaign-majority.js';
import { accepted, refused, type CampaignResult } from './campaign-result.js';
import { CQC_CAMPAIGN_SOURCES } from './campaign-sources.js';

/** The school year, named by the calendar year it starts in (2026 for 2026-2027). */
export type SchoolYear = number;

export const FIRST_SCHOOL_YEAR: SchoolYear = 2000;
export const LAST_SCHOOL_YEAR: SchoolYear = 2098;

export function isSchoolYear(value: unknown): value is SchoolYear {
  return (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= FIRST_SCHOOL_YEAR &&
    value <= LAST_SCHOOL_YEAR
  );
}

/** « 2026-2027 ». */
export function schoolYearLabel(schoolYear: SchoolYear): string {
  return `${schoolYear}-${schoolYear + 1}`;
}

function assertSchoolYear(schoolYear: SchoolYear): void {
  if (!isSchoolYear(schoolYear)) {
    throw new RangeError(
      `Année scolaire invalide : ${String(schoolYear)} (année de la rentrée attendue, de ${FIRST_SCHOOL_YEAR} à ${LAST_SCHOOL_YEAR}).`,
    );
  }
}

/** A day of May in the spring of the school year, with why it was chosen and its source. */
export interface MayDay {
  readonly day: number;
  readonly interpretation: string;
  readonly source: RuleSource;
}

/** The day pupils must be of age on to be proposed in the CAP CLM session: 15 May. */
export const MAY_MAJORITY_REFERENCE: MayDay = {
  day: 15,
  interpretation:
    '« Majeurs en mai » est lu comme « majeurs à la mi-mai », le 15 mai : c’est à la mi-mai que l’établissement fait compléter les fiches CAP CLM (n° de permis, date, signature), ce qu’un élève encore mineur ne peut pas faire. Un élève qui a 18 ans le 15 mai exactement est majeur.',
  source: CQC_CAMPAIGN_SOURCES.MID_MAY_COMPLETION,
};

/** The envelope's posting deadline: 30 May at the latest. */
export const ENVELOPE_DEADLINE: MayDay = {
  day: 30,
  interpretation:
    'L’enveloppe de l’établissement part par voie postale pour le 30 mai au plus tard (cachet de la poste) : un élève qui a 18 ans entre le 16 et le 30 mai peut encore compléter sa fiche CAP CLM avant l’envoi.',
  source: CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY,
};

/** The May day of the spring of `schoolYear` ('2027-05-15' for 2026 and the reference). */
export function mayDate(schoolYear: SchoolYear, mayDay: MayDay): CalendarDate {
  assertSchoolYear(schoolYear);
  return `${schoolYear + 1}-05-${String(mayDay.day).padStart(2, '0')}`;
}

export type FicheSessionKind = 'CAP_CLM' | 'BAC_PRO';

export const FICHE_SESSION_KINDS: readonly FicheSessionKind[] = ['CAP_CLM', 'BAC_PRO'];

export const FICHE_SESSION_KIND_LABELS: Readonly<Record<FicheSessionKind, string>> = {
  CAP_CLM: 'Session CAP CLM',
  BAC_PRO: 'Session Bac Pro',
};

export interface CampaignPupil {
  readonly id: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  /** Whether the pupil holds the driving licence (card), or null when not known yet. */
  readonly licenceHeld: boolean | null;
}

/** Why a pupil is in a session: the proposal's reasons, then the user's. */
export type PlacementBasis =
  /** Proposed CAP CLM: of age on 15 May and holds the licence. */
  | 'OF_AGE_WITH_LICENCE'
  /** Proposed CAP CLM: of age on 15 May, licence not known yet (to check). */
  | 'OF_AGE_LICENCE_UNKNOWN'
  /** Proposed Bac Pro: still a minor on 15 May. */
  | 'MINOR_IN_MAY'
  /** Proposed Bac Pro: of age on 15 May but without a licence. */
  | 'OF_AGE_WITHOUT_LICENCE'
  /** Moved to CAP CLM: turns 18 after 15 May but by 30 May. */
  | 'OF_AGE_BEFORE_ENVELOPE'
  /** Moved to CAP CLM: will not obtain the Bac Pro (any age; a minor completes at majority). */
  | 'BAC_PRO_FAILURE'
  /** Moved to Bac Pro: did not obtain the CAP CLM (intermediate certification). */
  | 'CAP_CLM_NOT_OBTAINED';

export const PLACEMENT_BASIS_LABELS: Readonly<Record<PlacementBasis, string>> = {
  OF_AGE_WITH_LICENCE: 'Majeur à la mi-mai, titulaire du permis',
  OF_AGE_LICENCE_UNKNOWN: 'Majeur à la mi-mai, permis à vérifier',
  MINOR_IN_MAY: 'Mineur à la mi-mai',
  OF_AGE_WITHOUT_LICENCE: 'Majeur à la mi-mai, sans permis',
  OF_AGE_BEFORE_ENVELOPE: 'Majeur avant l’envoi du 30 mai',
  BAC_PRO_FAILURE: 'N’obtiendra pas le Bac Pro',
  CAP_CLM_NOT_OBTAINED: 'CAP CLM non obtenu',
};

export interface PupilPlacement {
  readonly pupil: CampaignPupil;
  readonly kind: FicheSessionKind;
  readonly basis: PlacementBasis;
  /** The day the pupil turns 18. */
  readonly majorityDate: CalendarDate;
  /** Of age on the reference day (15 May). */
  readonly ofAgeOnReference: boolean;
  /** Of age on the envelope's posting deadline (30 May). */
  readonly ofAgeByEnvelope: boolean;
  /** True once the user has moved or confirmed the pupil. */
  readonly setByUser: boolean;
  /** What the user should check, in French. */
  readonly warnings: readonly string[];
}

export interface SplitProposal {
  readonly schoolYear: SchoolYear;
  /** The day pupils must be of age on for the CAP CLM session (15 May). */
  readonly referenceDate: CalendarDate;
  /** The envelope's posting deadline (30 May). */
  readonly envelopeDeadline: CalendarDate;
  readonly leapDayRule: LeapDayRule;
  /** One per pupil, in name order. */
  readonly placements: readonly PupilPlacement[];
}

export interface SplitOptions {
  readonly reference?: MayDay;
  readonly envelope?: MayDay;
  readonly leapDayRule?: LeapDayRule;
}

function fullName(pupil: CampaignPupil): string {
  const part = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return `${part(pupil.lastName)} ${part(pupil.firstName)}`.trim();
}

/** Name order (French collation), then birth date, then id. */
export function comparePupils(a: CampaignPupil, b: CampaignPupil): number {
  return (
    a.lastName.localeCompare(b.lastName, 'fr', { sensitivity: 'base' }) ||
    a.firstName.localeCompare(b.firstName, 'fr', { sensitivity: 'base' }) ||
    a.birthDate.localeCompare(b.birthDate) ||
    a.id.localeCompare(b.id)
  );
}

/** Every problem in a class list, one French message each (empty when the list is usable). */
export function validateCampaignPupils(
  pupils: readonly CampaignPupil[],
  referenceDate?: CalendarDate,
): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  pupils.forEach((pupil, index) => {
    const who =
      typeof pupil.lastName === 'string' && pupil.lastName.trim() !== ''
        ? `L’élève « ${fullName(pupil)} »`
        : `L’élève n° ${index + 1}`;
    if (typeof pupil.id !== 'string' || pupil.id === '')
      errors.push(`${who} n’a pas d’identifiant.`);
    else if (ids.has(pupil.id)) errors.push(`${who} figure deux fois dans la liste.`);
    else ids.add(pupil.id);
    if (typeof pupil.lastName !== 'string' || pupil.lastName.trim() === '')
      errors.push(`L’élève n° ${index + 1} : le nom est obligatoire.`);
    if (typeof pupil.firstName !== 'string' || pupil.firstName.trim() === '')
      errors.push(`${who} : le prénom est obligatoire.`);
    if (!isInputCalendarDate(pupil.birthDate)) {
      errors.push(`${who} : la date de naissance est invalide (format attendu AAAA-MM-JJ).`);
    } else if (referenceDate !== undefined && compareDates(pupil.birthDate, referenceDate) >= 0) {
      errors.push(
        `${who} : la date de naissance (${formatFrenchDate(pupil.birthDate)}) n’est pas antérieure au ${formatFrenchDate(referenceDate)}.`,
      );
    }
    if (pupil.licenceHeld !== null && typeof pupil.licenceHeld !== 'boolean')
      errors.push(`${who} : la détention du permis doit être oui, non ou inconnue.`);
  });
  return errors;
}

function ageFacts(pupil: CampaignPupil, proposal: Omit<SplitProposal, 'placements'>) {
  const majority = majorityDate(pupil.birthDate, proposal.leapDayRule);
  return {
    majorityDate: majority,
    ofAgeOnReference: isOfAgeOn(pupil.birthDate, proposal.referenceDate, proposal.leapDayRule),
    ofAgeByEnvelope: isOfAgeOn(pupil.birthDate, proposal.envelopeDeadline, proposal.leapDayRule),
  };
}

function proposedPlacement(
  pupil: CampaignPupil,
  context: Omit<SplitProposal, 'placements'>,
): PupilPlacement {
  const facts = ageFacts(pupil, context);
  const warnings: string[] = [];
  let kind: FicheSessionKind;
  let basis: PlacementBasis;
  if (facts.ofAgeOnReference && pupil.licenceHeld !== false) {
    kind = 'CAP_CLM';
    basis = pupil.licenceHeld === true ? 'OF_AGE_WITH_LICENCE' : 'OF_AGE_LICENCE_UNKNOWN';
    if (pupil.licenceHeld === null) {
      warnings.push(
        'Permis non renseigné : la session CAP CLM suppose que l’élève soit titulaire du permis à la mi-mai.',
      );
    }
  } else if (facts.ofAgeOnReference) {
    kind = 'BAC_PRO';
    basis = 'OF_AGE_WITHOUT_LICENCE';
    warnings.push(
      'Majeur mais sans permis : il ne peut pas compléter sa fiche CAP CLM à la mi-mai ; il la complétera avec son permis s’il obtient le Bac Pro.',
    );
  } else {
    kind = 'BAC_PRO';
    basis = 'MINOR_IN_MAY';
    if (facts.ofAgeByEnvelope) {
      warnings.push(
        `Aura 18 ans le ${formatFrenchDate(facts.majorityDate)}, avant l’envoi de l’enveloppe (${formatFrenchDate(context.envelopeDeadline)}) : peut être placé dans la session CAP CLM s’il complète sa fiche entre sa majorité et l’envoi.`,
      );
    }
  }
  return { pupil, kind, basis, ...facts, setByUser: false, warnings };
}

/**
 * Jalon's proposal for a class: CAP CLM session for pupils of age on 15 May whose licence is not
 * known to be missing, Bac Pro session for the others. Refused with every problem of the list.
 */
export function proposeSplit(
  pupils: readonly CampaignPupil[],
  schoolYear: SchoolYear,
  options: SplitOptions = {},
): CampaignResult<SplitProposal> {
  if (!isSchoolYear(schoolYear)) {
    return refused([
      `L’année scolaire est invalide (année de la rentrée attendue, de ${FIRST_SCHOOL_YEAR} à ${LAST_SCHOOL_YEAR}).`,
    ]);
  }
  const context = {
    schoolYear,
    referenceDate: mayDate(schoolYear, options.reference ?? MAY_MAJORITY_REFERENCE),
    envelopeDeadline: mayDate(schoolYear, options.envelope ?? ENVELOPE_DEADLINE),
    leapDayRule: options.leapDayRule ?? DEFAULT_LEAP_DAY_RULE.rule,
  };
  const errors = validateCampaignPupils(pupils, context.referenceDate);
  if (errors.length > 0) return refused(errors);
  const placements = [...pupils].sort(comparePupils).map((p) => proposedPlacement(p, context));
  return accepted({ ...context, placements });
}

/** What the user may give when moving a pupil. */
export type MoveReason = 'BAC_PRO_FAILURE' | 'CAP_CLM_NOT_OBTAINED';

export interface PupilMove {
  readonly pupilId: string;
  readonly to: FicheSessionKind;
  /** Needed only where the pupil's age or licence does not already justify the session. */
  readonly reason?: MoveReason | null;
}

function moveOutcome(
  placement: PupilPlacement,
  move: PupilMove,
  proposal: SplitProposal,
): { basis: PlacementBasis; warnings: string[] } | string {
  const { pupil } = placement;
  const who = fullName(pupil);
  const majority = formatFrenchDate(placement.majorityDate);
  const reference = formatFrenchDate(proposal.referenceDate);
  const envelope = formatFrenchDate(proposal.envelopeDeadline);
  const reason = move.reason ?? null;
  if (move.to === 'CAP_CLM') {
    if (reason === 'CAP_CLM_NOT_OBTAINED') {
      return `${who} : un élève qui n’a pas obtenu le CAP CLM ne peut pas figurer dans la session CAP CLM.`;
    }
    if (reason === 'BAC_PRO_FAILURE') {
      const warnings: string[] = [];
      if (!placement.ofAgeByEnvelope) {
        warnings.push(
          `Encore mineur à l’envoi de l’enveloppe : l’établissement le convoquera dès sa majorité, le ${majority}, pour compléter sa fiche CAP CLM.`,
        );
      }
      if (pupil.licenceHeld === false) {
        warnings.push(
          'Sans permis : il ne pourra compléter sa fiche qu’une fois titulaire du permis.',
        );
      }
      return { basis: 'BAC_PRO_FAILURE', warnings };
    }
    if (pupil.licenceHeld === false) {
      return `${who} n’a pas le permis : la session CAP CLM est réservée aux élèves majeurs en mai titulaires du permis, ou à ceux qui n’obtiendront pas le Bac Pro (motif « N’obtiendra pas le Bac Pro »).`;
    }
    if (placement.ofAgeOnReference) {
      return {
        basis: pupil.licenceHeld === true ? 'OF_AGE_WITH_LICENCE' : 'OF_AGE_LICENCE_UNKNOWN',
        warnings:
          pupil.licenceHeld === true
            ? []
            : [
                'Permis non renseigné : la session CAP CLM suppose que l’élève soit titulaire du permis à la mi-mai.',
              ],
      };
    }
    if (placement.ofAgeByEnvelope) {
      return {
        basis: 'OF_AGE_BEFORE_ENVELOPE',
        warnings: [
          `Majeur le ${majority} seulement : sa fiche CAP CLM sera complétée entre cette date et l’envoi de l’enveloppe (${envelope} au plus tard).`,
        ],
      };
    }
    return `${who} aura 18 ans le ${majority}, après l’envoi de l’enveloppe (${envelope}) : il ne peut figurer dans la session CAP CLM que s’il n’obtient pas le Bac Pro (motif « N’obtiendra pas le Bac Pro ») ; il complétera alors sa fiche dès sa majorité.`;
  }
  if (reason === 'BAC_PRO_FAILURE') {
    return `${who} : un élève qui n’obtiendra pas le Bac Pro relève de la session CAP CLM, pas de la session Bac Pro.`;
  }
  if (reason === 'CAP_CLM_NOT_OBTAINED') return { basis: 'CAP_CLM_NOT_OBTAINED', warnings: [] };
  if (!placement.ofAgeOnReference) {
    return {
      basis: 'MINOR_IN_MAY',
      warnings: placement.ofAgeByEnvelope
        ? [
            `Aura 18 ans le ${majority}, avant l’envoi de l’enveloppe (${envelope}) : peut être placé dans la session CAP CLM s’il complète sa fiche entre sa majorité et l’envoi.`,
          ]
        : [],
    };
  }
  if (pupil.licenceHeld === false) {
    return {
      basis: 'OF_AGE_WITHOUT_LICENCE',
      warnings: [
        'Majeur mais sans permis : il complétera sa fiche Bac Pro avec son permis s’il obtient le Bac Pro.',
      ],
    };
  }
  return `${who} est majeur le ${reference} (18 ans le ${majority})${
    pupil.licenceHeld === true ? ' et titulaire du permis' : ''
  } : il relève de la session CAP CLM. Pour le placer dans la session Bac Pro, indiquez le motif « CAP CLM non obtenu » ou qu’il n’a pas le permis.`;
}

/**
 * Applies the user's moves (pupil → session) to a proposal. Each move is checked against the
 * pupil's age on 15 May and 30 May, their licence and the reason given; the moves are refused as
 * a whole, with one French message per refused move. A move to the pupil's current session
 * confirms it (and may change its reason).
 */
export function applyMoves(
  proposal: SplitProposal,
  moves: readonly PupilMove[],
): CampaignResult<SplitProposal> {
  const errors: string[] = [];
  const byId = new Map(proposal.placements.map((p) => [p.pupil.id, p]));
  const updated = new Map<string, PupilPlacement>();
  for (const move of moves) {
    const placement = byId.get(move.pupilId);
    if (!placement) {
      errors.push(`Aucun élève « ${String(move.pupilId)} » dans cette classe.`);
      continue;
    }
    if (updated.has(move.pupilId)) {
      errors.push(
        `${fullName(placement.pupil)} est déplacé deux fois : un seul déplacement par élève.`,
      );
      continue;
    }
    if (!FICHE_SESSION_KINDS.includes(move.to)) {
      errors.push(
        `${fullName(placement.pupil)} : session inconnue « ${String(move.to)} » (CAP CLM ou Bac Pro).`,
      );
      continue;
    }
    const outcome = moveOutcome(placement, move, proposal);
    if (typeof outcome === 'string') {
      errors.push(outcome);
      continue;
    }
    updated.set(move.pupilId, {
      ...placement,
      kind: move.to,
      basis: outcome.basis,
      setByUser: true,
      warnings: outcome.warnings,
    });
  }
  if (errors.length > 0) return refused(errors);
  return accepted({
    ...proposal,
    placements: proposal.placements.map((p) => updated.get(p.pupil.id) ?? p),
  });
}

export interface ProposedFicheSession {
  readonly kind: FicheSessionKind;
  /** 1, 2, … among the sessions of this kind. */
  readonly index: number;
  /** « Session CAP CLM », or « Session Bac Pro 2/2 » when a kind needs several sessions. */
  readonly label: string;
  /** Pupils of the session, in name order. */
  readonly placements: readonly PupilPlacement[];
}

/**
 * The fiche sessions to ask the delegation for: at least one of each kind (the seed asks for two
 * sessions per class, the CAP CLM one also serving pupils who fail the Bac Pro later); a kind with
 * more pupils than `capacity` (32) is cut into the fewest sessions, balanced in size so that each
 * keeps free numbers for replacements.
 */
export function ficheSessionsOf(
  proposal: SplitProposal,
  capacity: number = FICHES_PER_SESSION.max,
): ProposedFicheSession[] {
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw new RangeError(
      `Capacité de session invalide : ${capacity} (nombre entier positif attendu).`,
    );
  }
  const sessions: ProposedFicheSession[] = [];
  for (const kind of FICHE_SESSION_KINDS) {
    const members = proposal.placements.filter((p) => p.kind === kind);
    const count = Math.max(1, Math.ceil(members.length / capacity));
    const base = Math.floor(members.length / count);
    const larger = members.length % count;
    let start = 0;
    for (let index = 1; index <= count; index++) {
      const size = base + (index <= larger ? 1 : 0);
      sessions.push({
        kind,
        index,
        label:
          count === 1
            ? FICHE_SESSION_KIND_LABELS[kind]
            : `${FICHE_SESSION_KIND_LABELS[kind]} ${index}/${count}`,
        placements: members.slice(start, start + size),
      });
      start += size;
    }
  }
  return sessions;
}

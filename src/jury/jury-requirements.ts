/**
 * What a titre asks of its jurors beyond the habilitation (road-transport titres: a driving
 * licence category and a valid CQC), and the basis of a habilitation. Plain functions, no I/O.
 * Sources: JURY_SOURCES.JURY_HABILITATION_BASIS and JURY_SOURCES.JURY_REQUIREMENTS.
 */
import { compareDates, formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';

/** The basis of a habilitation: professional of the métier, manager of such professionals, trainer. */
export const HABILITATION_BASES = ['METIER', 'ENCADREMENT', 'FORMATEUR'] as const;
export type HabilitationBasis = (typeof HABILITATION_BASES)[number];

export const HABILITATION_BASIS_LABELS: Record<HabilitationBasis, string> = {
  METIER: 'professionnel du métier',
  ENCADREMENT: 'encadrement de professionnels du métier',
  FORMATEUR: 'formateur du titre',
};

/** Driving-licence categories (code de la route, art. R. 221-4). */
export const LICENCE_CATEGORIES = [
  'AM',
  'A1',
  'A2',
  'A',
  'B1',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
] as const;
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

/** A category held also gives the lighter one it contains (CE gives C, C gives C1…). */
const GIVES: Partial<Record<LicenceCategory, LicenceCategory[]>> = {
  CE: ['C', 'C1E'],
  C: ['C1'],
  C1E: ['C1'],
  DE: ['D', 'D1E'],
  D: ['D1'],
  D1E: ['D1'],
};

/** Per-titre jury requirements, kept as data on the titre with their source. */
export interface JuryRequirements {
  /** The juror holds at least one of these categories; empty: no licence asked. */
  licenceCategories: LicenceCategory[];
  /** The juror holds a carte de qualification de conducteur valid through the session's end. */
  cqc: boolean;
  /** Text and article the requirement comes from, or what could not be confirmed. */
  source: string;
}

/** What a juror records so that the requirements can be checked. */
export interface JurorQualifications {
  licenceCategories: readonly string[];
  cqcValidUntil: CalendarDate | null;
}

/** The categories a juror holds, with those their categories contain. */
export function heldCategories(categories: readonly string[]): Set<string> {
  const held = new Set<string>(categories);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of [...held]) {
      for (const given of GIVES[category as LicenceCategory] ?? []) {
        if (!held.has(given)) {
          held.add(given);
          grew = true;
        }
      }
    }
  }
  return held;
}

/** « C ou D », « C, CE ou D ». */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/** A requirement that asks nothing (no category, no CQC) is no requirement. */
export function hasRequirements(requirements: JuryRequirements | null | undefined): boolean {
  return (
    requirements !== null &&
    requirements !== undefined &&
    (requirements.licenceCategories.length > 0 || requirements.cqc)
  );
}

/** The requirements in one French phrase: « permis de catégorie C ou D et CQC en cours de validité ». */
export function describeRequirements(requirements: JuryRequirements): string {
  const parts: string[] = [];
  if (requirements.licenceCategories.length > 0) {
    parts.push(`permis de conduire de catégorie ${orList(requirements.licenceCategories)}`);
  }
  if (requirements.cqc) {
    parts.push('carte de qualification de conducteur (CQC) en cours de validité');
  }
  return parts.join(' et ');
}

/**
 * What the juror lacks for the titre's requirements over the whole session, one French phrase
 * each (empty: the juror meets them). The CQC must be valid through the session's last day.
 */
export function unmetJuryRequirements(
  requirements: JuryRequirements | null | undefined,
  juror: JurorQualifications,
  session: { endDate: CalendarDate },
): string[] {
  if (!requirements || !hasRequirements(requirements)) return [];
  const missing: string[] = [];
  const wanted = requirements.licenceCategories;
  if (wanted.length > 0) {
    const held = heldCategories(juror.licenceCategories);
    if (!wanted.some((category) => held.has(category))) {
      missing.push(
        juror.licenceCategories.length === 0
          ? `permis de catégorie ${orList(wanted)} (aucune catégorie de permis enregistrée)`
          : `permis de catégorie ${orList(wanted)} (catégories enregistrées : ${juror.licenceCategories.join(', ')})`,
      );
    }
  }
  if (requirements.cqc) {
    if (juror.cqcValidUntil === null) {
      missing.push('CQC (carte de qualification de conducteur) non enregistrée');
    } else if (compareDates(juror.cqcValidUntil, session.endDate) < 0) {
      missing.push(
        `CQC valable seulement jusqu’au ${formatFrenchDate(juror.cqcValidUntil)}, avant la fin de la session le ${formatFrenchDate(session.endDate)}`,
      );
    }
  }
  return missing;
}

/** The warning where the juror is chosen and on their convocation, or null. */
export function requirementsWarning(
  requirements: JuryRequirements | null | undefined,
  juror: JurorQualifications,
  session: { endDate: CalendarDate },
  titreCode: string,
): string | null {
  const missing = unmetJuryRequirements(requirements, juror, session);
  if (missing.length === 0) return null;
  return `exigences du titre ${titreCode} pour le jury non remplies : ${missing.join(' ; ')}`;
}

/** Form and API check: a requirement asks for something and states its source. */
export function juryRequirementsError(
  requirements: JuryRequirements | null | undefined,
): { field: string; message: string } | null {
  if (!requirements) return null;
  if (
    Array.isArray(requirements.licenceCategories) &&
    requirements.licenceCategories.length === 0 &&
    requirements.cqc === false
  ) {
    return {
      field: 'juryRequirements',
      message:
        'Le champ « juryRequirements » doit demander au moins une catégorie de permis ou une CQC ; sans exigence, indiquez null.',
    };
  }
  return null;
}

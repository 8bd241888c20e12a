/**
 * The driving-licence number a centre enters to register a driver on Hub Pro Transport: the
 * NEPH (Numéro d’Enregistrement Préfectoral Harmonisé, seed 002, Étape 2). With the birth date
 * it identifies the driver: a wrong number and the driver cannot order the card, so it is checked
 * before the export and never corrected silently.
 *
 * Accepted (sources: CQC_SOURCES.LICENCE_NUMBER_NEPH and LICENCE_NUMBER_FORMER):
 * - the NEPH of the licences delivered as a card since 2013: 12 characters, digits only except
 *   the département (positions 5 and 6), which may be « 2A » or « 2B » (Corse);
 * - the number of an older paper licence: 1 to 15 capital letters (A to Z, no accent) and digits,
 *   e.g. the seed's « 7E9R8T7ZE9E8A9 ».
 * The month and département inside a NEPH are not checked: the pages found disagree on the codes
 * (overseas départements), and refusing a true number would stop the driver's registration.
 *
 * Only spaces are normalised (removed: the card prints the NEPH on two lines, people type it in
 * groups). Anything else — lower-case letters, hyphens, dots, accents — is refused with a message
 * that says which formats are accepted, never changed.
 */
import {
  codePointLabel,
  findTextProblem,
  revealRefusedCharacters,
} from '../common/validation/text-policy.js';
import { CQC_SOURCES } from './cqc-sources.js';

export type LicenceNumberKind = 'NEPH' | 'FORMER';

export type LicenceNumberProblem = 'EMPTY' | 'LOWER_CASE' | 'CHARACTERS' | 'LENGTH';

export type LicenceNumberCheck =
  | { readonly ok: true; readonly value: string; readonly kind: LicenceNumberKind }
  | { readonly ok: false; readonly problem: LicenceNumberProblem; readonly message: string };

/** Longest number accepted (an older paper licence's number). */
export const LICENCE_NUMBER_MAX_LENGTH = 15;

export const LICENCE_NUMBER_SOURCES = [
  CQC_SOURCES.LICENCE_NUMBER_NEPH,
  CQC_SOURCES.LICENCE_NUMBER_FORMER,
] as const;

/** The formats, as the messages name them. */
export const LICENCE_NUMBER_FORMATS_LABEL =
  'le NEPH à 12 chiffres des permis au format carte délivrés depuis 2013 (par exemple 210692106990 ; « 2A » ou « 2B » en 5e et 6e positions pour la Corse), ou le numéro d’un ancien permis papier : 1 à 15 lettres majuscules sans accent ou chiffres (par exemple 7E9R8T7ZE9E8A9)';

const NEPH = /^\d{4}(?:\d{2}|2A|2B)\d{6}$/;
const FORMER = /^[A-Z0-9]+$/;
/** Every Unicode space (no-break and narrow no-break spaces included) and line break. */
const SPACES = /\s+/gu;

function refused(problem: LicenceNumberProblem, what: string): LicenceNumberCheck {
  return {
    ok: false,
    problem,
    message: `${what} Formats acceptés : ${LICENCE_NUMBER_FORMATS_LABEL}.`,
  };
}

/** A refused character as the message shows it: itself, or « U+200B » when it cannot be seen. */
function shown(character: string): string {
  return findTextProblem(character) ? codePointLabel(character.codePointAt(0) ?? 0) : character;
}

/** The number with its spaces removed, nothing else changed. */
export function normalizeLicenceNumber(raw: string): string {
  return raw.replace(SPACES, '');
}

/**
 * Checks a driving-licence number: the normalised value and its kind, or the French message
 * refusing it (« Le numéro de permis de conduire … Formats acceptés : … »). `label` names the
 * field in the message (e.g. « Le numéro de permis de conduire de Camille DUPONT »).
 */
export function checkLicenceNumber(
  raw: string,
  label = 'Le numéro de permis de conduire',
): LicenceNumberCheck {
  const value = normalizeLicenceNumber(raw);
  const quoted = `« ${revealRefusedCharacters(value)} »`;
  if (value === '') return refused('EMPTY', `${label} est obligatoire.`);
  if (/[a-z]/.test(value) && /^[A-Za-z0-9]+$/.test(value)) {
    return refused(
      'LOWER_CASE',
      `${label} (${quoted}) contient des lettres minuscules : saisissez-le en majuscules, tel qu’il figure sur le permis.`,
    );
  }
  if (!FORMER.test(value)) {
    const bad = [...value].find((c) => !/[A-Za-z0-9]/.test(c)) ?? '';
    return refused(
      'CHARACTERS',
      `${label} (${quoted}) contient le caractère « ${shown(bad)} » : seuls les chiffres et les lettres majuscules sans accent sont admis, sans tiret ni point.`,
    );
  }
  if (value.length > LICENCE_NUMBER_MAX_LENGTH) {
    return refused(
      'LENGTH',
      `${label} (${quoted}) compte ${value.length} caractères, au plus ${LICENCE_NUMBER_MAX_LENGTH} sont admis.`,
    );
  }
  return { ok: true, value, kind: NEPH.test(value) ? 'NEPH' : 'FORMER' };
}

import type { CalendarDate } from '../common/calendar-date.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { FieldError } from '../common/validation/field-errors.js';
import { vaeRecevabiliteErrors, vaeValidity } from '../certification/vae-rules.js';
import { SESSION_NATURES, type SessionNature } from '../sessions/exam-session.entity.js';
import type { CcpResult, Pathway } from './candidate.entity.js';

/** What an enrolment says of how the candidate comes to the session. */
export interface PathwayValues {
  pathway: Pathway;
  trainingStartDate: CalendarDate | null;
  vaeNotifiedOn: CalendarDate | null;
  vaeAllowedNatures: string[];
  /**
   * The end of validity entered: null to compute it from the notification; a date equal to the
   * computed one is no override; another date needs `vaeOverrideReason`.
   */
  vaeValidUntil: CalendarDate | null;
  vaeOverrideReason: string;
}

/** The recevabilité as stored: the effective end of validity and the override's reason. */
export interface ResolvedRecevabilite {
  vaeValidUntil: CalendarDate | null;
  vaeOverrideReason: string;
}

const VAE_FIELDS = [
  'vaeNotifiedOn',
  'vaeAllowedNatures',
  'vaeValidUntil',
  'vaeOverrideReason',
] as const;

function isSet(values: PathwayValues, field: (typeof VAE_FIELDS)[number]): boolean {
  const value = values[field];
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The rules of a pathway, one error per field: the VAE recevabilité (its notification date, the
 * session types it allows, its end of validity one year later unless set by hand with a reason —
 * or, for a recevabilité recorded before the notification date was kept, its end of validity
 * alone) only for a VAE candidate; the dates not in the future.
 */
export function pathwayErrors(values: PathwayValues, today: CalendarDate): FieldError[] {
  const errors: FieldError[] = [];
  const future = (field: string, value: CalendarDate | null) => {
    const error = futureDateError(field, value, today);
    if (error) errors.push(error);
  };
  future('trainingStartDate', values.trainingStartDate);
  if (values.pathway !== 'VAE') {
    for (const field of VAE_FIELDS) {
      if (!isSet(values, field)) continue;
      errors.push({
        field,
        message: `Le champ « ${field} » ne s’applique qu’au parcours VAE : laissez-le vide pour un candidat en parcours ${values.pathway}.`,
      });
    }
    return errors;
  }
  if (values.vaeNotifiedOn === null) {
    // A recevabilité recorded by its end of validity only (before the notification was kept).
    if (values.vaeValidUntil === null) {
      errors.push({
        field: 'vaeValidUntil',
        message:
          'Le champ « vaeValidUntil » est obligatoire pour un candidat en parcours VAE (fin de validité de la recevabilité), sauf si « vaeNotifiedOn » (date de notification) est renseigné.',
      });
    }
    if (values.vaeOverrideReason.trim() !== '') {
      errors.push({
        field: 'vaeOverrideReason',
        message:
          'Le champ « vaeOverrideReason » ne s’applique que si la fin de validité diffère de celle calculée depuis la notification (champ « vaeNotifiedOn »).',
      });
    }
    const unknown = values.vaeAllowedNatures.filter(
      (n) => !(SESSION_NATURES as readonly string[]).includes(n),
    );
    if (unknown.length > 0) {
      errors.push({
        field: 'vaeAllowedNatures',
        message: `Le champ « vaeAllowedNatures » contient un type de session inconnu (${unknown.join(', ')}) : valeurs possibles ${SESSION_NATURES.join(', ')}.`,
      });
    }
    return errors;
  }
  future('vaeNotifiedOn', values.vaeNotifiedOn);
  const computed = vaeValidity({ notifiedOn: values.vaeNotifiedOn, override: null });
  const override =
    values.vaeValidUntil !== null && values.vaeValidUntil !== computed.computedValidUntil
      ? values.vaeValidUntil
      : null;
  errors.push(
    ...vaeRecevabiliteErrors({
      notifiedOn: values.vaeNotifiedOn,
      allowedNatures: values.vaeAllowedNatures,
      overrideValidUntil: override,
      overrideReason: values.vaeOverrideReason,
    }),
  );
  return errors.filter(
    (error, index) => errors.findIndex((e) => e.field === error.field) === index,
  );
}

/**
 * The stored recevabilité of valid values: one year from the notification, or the date set by
 * hand with its reason, or the end of validity alone of an older record; nothing off the VAE
 * pathway.
 */
export function resolveRecevabilite(values: PathwayValues): ResolvedRecevabilite {
  if (values.pathway !== 'VAE') return { vaeValidUntil: null, vaeOverrideReason: '' };
  if (values.vaeNotifiedOn === null) {
    return { vaeValidUntil: values.vaeValidUntil, vaeOverrideReason: '' };
  }
  const computed = vaeValidity({ notifiedOn: values.vaeNotifiedOn, override: null });
  if (values.vaeValidUntil === null || values.vaeValidUntil === computed.computedValidUntil) {
    return { vaeValidUntil: computed.computedValidUntil, vaeOverrideReason: '' };
  }
  return {
    vaeValidUntil: values.vaeValidUntil,
    vaeOverrideReason: values.vaeOverrideReason.trim(),
  };
}

/** What the rules of a candidate's identity read (a new candidate, or the values of an edit). */
export interface CandidateIdentity {
  birthDate?: CalendarDate | null;
  convocationDate?: CalendarDate | null;
}

/**
 * The rules of a candidate's dates that need no database (birth date and convocation date not
 * in the future): one error per field.
 */
export function candidateErrors(values: CandidateIdentity, today: CalendarDate): FieldError[] {
  return [
    futureDateError('birthDate', values.birthDate, today),
    futureDateError('convocationDate', values.convocationDate, today),
  ].filter((e): e is FieldError => e !== null);
}

export interface ResultScope {
  /** The codes of the CCP (and CCS) of the session's titre. */
  titreCcpCodes: readonly string[];
  nature: SessionNature;
  /** The session's CCP codes, for a CCP or CCS session. */
  sessionCcpCodes: readonly string[];
}

/** Each result names a CCP of the titre — of the session for a CCP/CCS session — at most once. */
export function resultsErrors(results: readonly CcpResult[], scope: ResultScope): FieldError[] {
  const known = new Set(scope.titreCcpCodes);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const [index, result] of results.entries()) {
    const field = `results[${index}].ccpCode`;
    if (!known.has(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » (${result.ccpCode}) ne désigne aucun CCP du titre de la session.`,
      });
    } else if (scope.nature !== 'TITRE' && !scope.sessionCcpCodes.includes(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » (${result.ccpCode}) ne fait pas partie des CCP de la session : ${scope.sessionCcpCodes.join(', ')}.`,
      });
    } else if (seen.has(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » reprend le CCP ${result.ccpCode}, déjà présent dans « results ».`,
      });
    }
    seen.add(result.ccpCode);
  }
  return errors;
}

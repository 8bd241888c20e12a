/**
 * VAE recevabilité: the decision notified to a VAE candidate allows them to sit one type of
 * session (TITRE, or CCP/CCS) for one year from its notification. The end of validity is
 * computed; it may be set by hand (an extension granted by the authority, a correction), and such
 * an override always carries its reason.
 */
import {
  addYears,
  compareDates,
  formatFrenchDate,
  isValidCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { FieldError } from '../common/validation/field-errors.js';
import { personName } from '../common/person-order.js';
import { SESSION_NATURES, type SessionNature } from '../sessions/exam-session.entity.js';
import {
  VAE_RECEVABILITE_VALIDITY,
  type RuleSource,
  type YearsRule,
} from './certification-sources.js';

/** An end of validity set by hand, with why. */
export interface ValidityOverride {
  readonly validUntil: CalendarDate;
  /** Why the computed end does not apply (mandatory, non-blank). */
  readonly reason: string;
}

export interface VaeRecevabilite {
  /** Day the decision was notified to the candidate. */
  readonly notifiedOn: CalendarDate;
  /** The session types the decision allows (the letter names the type of session). */
  readonly allowedNatures: readonly SessionNature[];
  readonly override: ValidityOverride | null;
}

export interface VaeValidity {
  /** Last day the recevabilité is valid: the override, or the computed end. */
  readonly validUntil: CalendarDate;
  /** Notification + 1 year. */
  readonly computedValidUntil: CalendarDate;
  readonly overridden: boolean;
  /** The override's reason, null when not overridden. */
  readonly overrideReason: string | null;
  readonly source: RuleSource;
}

/**
 * The validity of a recevabilité: from its notification to notification + 1 year (29 February →
 * 28 February of a common year), or to the override's date.
 *
 * @throws RangeError when the override has a blank reason.
 */
export function vaeValidity(
  recevabilite: Pick<VaeRecevabilite, 'notifiedOn' | 'override'>,
  period: YearsRule = VAE_RECEVABILITE_VALIDITY,
): VaeValidity {
  const computedValidUntil = addYears(recevabilite.notifiedOn, period.years);
  const { override } = recevabilite;
  if (override !== null && override.reason.trim() === '') {
    throw new RangeError(
      'La fin de validité de la recevabilité VAE ne peut être modifiée sans motif.',
    );
  }
  return {
    validUntil: override?.validUntil ?? computedValidUntil,
    computedValidUntil,
    overridden: override !== null,
    overrideReason: override?.reason.trim() ?? null,
    source: period.source,
  };
}

/** Field names of a recevabilité in a form or a request body. */
export interface VaeFieldNames {
  readonly notifiedOn: string;
  readonly allowedNatures: string;
  readonly overrideValidUntil: string;
  readonly overrideReason: string;
}

/** The names of an enrolment's fields (API bodies and the candidate form). */
export const DEFAULT_VAE_FIELD_NAMES: VaeFieldNames = {
  notifiedOn: 'vaeNotifiedOn',
  allowedNatures: 'vaeAllowedNatures',
  overrideValidUntil: 'vaeValidUntil',
  overrideReason: 'vaeOverrideReason',
};

/** The values entered for a recevabilité, before they are trusted. */
export interface VaeRecevabiliteInput {
  readonly notifiedOn: string | null;
  readonly allowedNatures: readonly string[];
  readonly overrideValidUntil: string | null;
  readonly overrideReason: string | null;
}

/**
 * Every error of the values entered for a recevabilité, one per field, in French naming the field:
 * notification date required and valid, at least one known session type, an override date valid
 * and not before the notification, and a reason whenever the end of validity is set by hand (and
 * only then).
 */
export function vaeRecevabiliteErrors(
  input: VaeRecevabiliteInput,
  fields: VaeFieldNames = DEFAULT_VAE_FIELD_NAMES,
): FieldError[] {
  const errors: FieldError[] = [];
  const notified = input.notifiedOn;
  if (notified === null || notified.trim() === '') {
    errors.push({
      field: fields.notifiedOn,
      message: `Le champ « ${fields.notifiedOn} » est obligatoire pour une recevabilité VAE (date de notification de la décision).`,
    });
  } else if (!isValidCalendarDate(notified)) {
    errors.push({
      field: fields.notifiedOn,
      message: `Le champ « ${fields.notifiedOn} » doit être une date valide au format AAAA-MM-JJ.`,
    });
  }
  const known: readonly string[] = SESSION_NATURES;
  if (input.allowedNatures.length === 0) {
    errors.push({
      field: fields.allowedNatures,
      message: `Le champ « ${fields.allowedNatures} » doit indiquer le type de session autorisé par la recevabilité (${SESSION_NATURES.join(', ')}).`,
    });
  } else {
    const unknown = input.allowedNatures.filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      errors.push({
        field: fields.allowedNatures,
        message: `Le champ « ${fields.allowedNatures} » contient un type de session inconnu (${unknown.join(', ')}) : valeurs possibles ${SESSION_NATURES.join(', ')}.`,
      });
    }
  }
  const override = input.overrideValidUntil;
  const reason = input.overrideReason?.trim() ?? '';
  if (override !== null && override.trim() !== '') {
    if (!isValidCalendarDate(override)) {
      errors.push({
        field: fields.overrideValidUntil,
        message: `Le champ « ${fields.overrideValidUntil} » doit être une date valide au format AAAA-MM-JJ.`,
      });
    } else if (
      notified !== null &&
      isValidCalendarDate(notified) &&
      compareDates(override, notified) < 0
    ) {
      errors.push({
        field: fields.overrideValidUntil,
        message: `Le champ « ${fields.overrideValidUntil} » (${formatFrenchDate(override)}) ne peut précéder la notification de la recevabilité (${formatFrenchDate(notified)}).`,
      });
    }
    if (reason === '') {
      errors.push({
        field: fields.overrideReason,
        message: `Le champ « ${fields.overrideReason} » est obligatoire quand la fin de validité de la recevabilité est fixée à la main.`,
      });
    }
  } else if (reason !== '') {
    errors.push({
      field: fields.overrideReason,
      message: `Le champ « ${fields.overrideReason} » ne s’applique que si la fin de validité est fixée à la main (champ « ${fields.overrideValidUntil} »).`,
    });
  }
  return errors;
}

/** The session a VAE candidate is enrolled in. */
export interface VaeSession {
  readonly nature: SessionNature;
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
}

export interface VaeCheck {
  readonly ok: boolean;
  readonly validity: VaeValidity;
  /** French messages, one per problem (empty when ok). */
  readonly messages: readonly string[];
}

/**
 * Checks a recevabilité against a session: the session must be of a type the decision allows and
 * start within the validity (from the notification to its end of validity, included) — as the
 * compliance check VAE_RECEVABILITE reads it at the session's start date.
 */
export function checkVaeRecevabilite(
  person: { readonly firstName: string; readonly lastName: string },
  recevabilite: VaeRecevabilite,
  session: VaeSession,
  period: YearsRule = VAE_RECEVABILITE_VALIDITY,
): VaeCheck {
  const validity = vaeValidity(recevabilite, period);
  const name = personName(person);
  const fr = formatFrenchDate;
  const notified = `notifiée le ${fr(recevabilite.notifiedOn)}`;
  const messages: string[] = [];
  if (!recevabilite.allowedNatures.includes(session.nature)) {
    const allowed = recevabilite.allowedNatures.join(' ou ');
    messages.push(
      allowed === ''
        ? `La recevabilité VAE de ${name} (${notified}) n’indique aucun type de session autorisé ; la session est une session ${session.nature}.`
        : `La recevabilité VAE de ${name} (${notified}) autorise une session ${allowed} ; la session est une session ${session.nature}.`,
    );
  }
  if (compareDates(session.startDate, recevabilite.notifiedOn) < 0) {
    messages.push(
      `La session commence le ${fr(session.startDate)}, avant la notification de la recevabilité VAE de ${name} (${fr(recevabilite.notifiedOn)}).`,
    );
  } else if (compareDates(session.startDate, validity.validUntil) > 0) {
    const basis = validity.overridden
      ? `date fixée à la main : ${validity.overrideReason ?? ''}`
      : `un an après sa notification le ${fr(recevabilite.notifiedOn)}`;
    messages.push(
      `La recevabilité VAE de ${name} n’est valable que jusqu’au ${fr(validity.validUntil)} (${basis}), avant le début de la session le ${fr(session.startDate)}.`,
    );
  }
  return { ok: messages.length === 0, validity, messages };
}

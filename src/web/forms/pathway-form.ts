/** The pathway and VAE recevabilité fields, shared by the candidate form and the person page. */
import { PATHWAYS } from '../../candidates/candidate.entity.js';
import { pathwayErrors } from '../../candidates/candidate-rules.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { SESSION_NATURE_LABELS, optionsOf } from '../views/labels.js';
import type { FieldSpec } from './form-fields.js';
import { wellFormedDate } from './form-input.js';

export const VAE_RECEVABILITE_SPECS: readonly FieldSpec[] = [
  {
    name: 'vaeNotifiedOn',
    label: 'Notification de la recevabilité VAE',
    kind: 'date',
    hint: 'VAE seulement : la recevabilité vaut un an à compter de cette date.',
  },
  {
    name: 'vaeAllowedNatures',
    label: 'Session autorisée par la recevabilité',
    kind: 'checkboxes',
    options: optionsOf(SESSION_NATURE_LABELS),
    hint: 'VAE seulement : le type de session indiqué dans la décision.',
  },
  {
    name: 'vaeValidUntil',
    label: 'Fin de validité de la recevabilité',
    kind: 'date',
    hint: 'VAE seulement : laissez vide pour la calculer (un an après la notification) ; une autre date demande un motif.',
  },
  {
    name: 'vaeOverrideReason',
    label: 'Motif de la fin de validité fixée à la main',
    kind: 'text',
  },
];

/**
 * The pathway's rules (VAE recevabilité, training start) on a form's values, run with the DTO so
 * that every error shows at once: a malformed value is the DTO's to report and reads as not
 * given; an unknown pathway too (no rule runs).
 */
export function formPathwayErrors(plain: Record<string, unknown>, today: string): FieldError[] {
  const pathway = PATHWAYS.find((p) => p === plain.pathway);
  if (pathway === undefined) return [];
  const date = (value: unknown) => wellFormedDate(value) ?? null;
  const natures = Array.isArray(plain.vaeAllowedNatures)
    ? plain.vaeAllowedNatures.filter((n): n is string => typeof n === 'string')
    : [];
  return pathwayErrors(
    {
      pathway,
      trainingStartDate: date(plain.trainingStartDate),
      vaeNotifiedOn: date(plain.vaeNotifiedOn),
      vaeAllowedNatures: natures,
      vaeValidUntil: date(plain.vaeValidUntil),
      vaeOverrideReason: typeof plain.vaeOverrideReason === 'string' ? plain.vaeOverrideReason : '',
    },
    today,
  );
}

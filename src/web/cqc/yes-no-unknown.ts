/**
 * The « oui / non / inconnu » selects of the pupil's form (licence held, CAP CLM obtained), for
 * the nullable booleans of `PatchPupilDto`: null is « not known yet ».
 */
import { optionalText, type FormBody } from '../forms/form-input.js';

export const YES_NO_UNKNOWN = [
  { value: '', label: 'Inconnu (à vérifier)' },
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
] as const;

/** The select's value for a stored answer. */
export function yesNo(value: boolean | null): string {
  return value === null ? '' : value ? 'oui' : 'non';
}

/**
 * The select read for the DTO: « oui » true, « non » false, empty null (not known yet), absent
 * undefined (unchanged); anything else is passed as typed, for the DTO to refuse (never guessed).
 */
export function yesNoUnknown(body: FormBody, name: string): boolean | null | string | undefined {
  const value = optionalText(body, name);
  if (value === undefined) return name in body ? null : undefined;
  if (value === 'oui') return true;
  if (value === 'non') return false;
  return value;
}

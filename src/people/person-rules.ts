import type { FieldError } from '../common/validation/field-errors.js';

/** The identity and contact details a person and each of their enrolments carry. */
export interface IdentityValues {
  lastName: string;
  firstName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string;
}

/** The identity fields a candidate takes from the person when enrolled by `personId`. */
export const IDENTITY_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
] as const satisfies readonly (keyof IdentityValues)[];

/**
 * An enrolment by `personId` copies the person's identity: identity fields sent beside it are
 * refused, each by name, rather than silently ignored.
 */
export function identityBesidePersonIdErrors(dto: Readonly<Record<string, unknown>>): FieldError[] {
  return IDENTITY_FIELDS.filter((field) => dto[field] !== undefined).map((field) => ({
    field,
    message: `Le champ « ${field} » ne peut pas accompagner « personId » : l’identité est reprise de la fiche de la personne.`,
  }));
}

/**
 * The changes a new enrolment (or an edit of a candidate's identity) brings to the person: the
 * names and birth date as now given, and each contact detail when it is given (an enrolment
 * without an e-mail does not erase the one known).
 */
export function identityChanges(
  person: Readonly<IdentityValues>,
  given: Readonly<Partial<IdentityValues>>,
  options: { keepKnownContacts: boolean },
): Partial<IdentityValues> {
  const changes: Partial<IdentityValues> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = given[field];
    if (value === undefined) continue;
    const empty = value === null || value === '';
    if (empty && options.keepKnownContacts && field !== 'birthDate') continue;
    if (value !== person[field]) Object.assign(changes, { [field]: value });
  }
  return changes;
}

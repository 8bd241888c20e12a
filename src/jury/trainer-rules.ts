import type { FieldError } from '../common/validation/field-errors.js';

/**
 * A candidate's trainers are jury members of the centre (JURY_SOURCES.JURY_NO_LINK: a trainer
 * does not evaluate the candidate they trained); `centreMemberIds` are the centre's members.
 */
export function trainerIdsError(
  trainerIds: readonly string[],
  centreMemberIds: readonly string[],
): FieldError | null {
  const known = new Set(centreMemberIds);
  const unknown = trainerIds.filter((id) => !known.has(id));
  if (unknown.length === 0) return null;
  return {
    field: 'trainerIds',
    message: `Le champ « trainerIds » doit désigner des membres du jury du centre : ${unknown.join(', ')} n’en ${unknown.length > 1 ? 'sont' : 'est'} pas.`,
  };
}

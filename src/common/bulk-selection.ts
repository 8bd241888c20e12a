/** The rules every bulk action shares: what is selected, and that each item exists. */
import type { FieldError } from './validation/field-errors.js';

/** Most items a bulk action takes at once (a checklist has fewer tasks, a session fewer candidates). */
export const BULK_MAX = 500;

/**
 * The selection of a bulk action: at least one item (`nothing`: the French message saying what to
 * select), at most BULK_MAX, each once.
 */
export function selectionErrors(
  field: string,
  ids: readonly string[],
  nothing: string,
): FieldError[] {
  if (ids.length === 0) return [{ field, message: nothing }];
  if (ids.length > BULK_MAX) {
    return [
      {
        field,
        message: `Le champ « ${field} » ne doit pas contenir plus de ${BULK_MAX} éléments à la fois.`,
      },
    ];
  }
  if (new Set(ids).size !== ids.length) {
    return [{ field, message: `Le champ « ${field} » contient deux fois le même élément.` }];
  }
  return [];
}

/** The selected ids that are not among the known ones (another session's, or deleted). */
export function unknownIds(ids: readonly string[], known: Iterable<string>): string[] {
  const set = new Set(known);
  return ids.filter((id) => !set.has(id));
}

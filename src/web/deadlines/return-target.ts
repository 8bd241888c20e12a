/**
 * Where a tick sent from « Mes échéances » comes back to without JavaScript. The form names a
 * target by a fixed key (hidden field `retour`), never by an address: only these pages can be
 * reached, so the route cannot be turned into an open redirect.
 */
export const RETURN_TARGETS = {
  echeances: { path: '/echeances', view: 'all' },
  'echeances-miennes': { path: '/echeances?view=mine', view: 'mine' },
} as const;

export type ReturnTargetKey = keyof typeof RETURN_TARGETS;

export interface ReturnTarget {
  key: ReturnTargetKey;
  path: string;
  /** The view of « Mes échéances » whose counts follow the tick. */
  view: 'all' | 'mine';
}

export const UNKNOWN_RETURN_TARGET = 'Page de retour : cette page de retour n’est pas reconnue.';

/** The form field's name. */
export const RETURN_FIELD = 'retour';

/** The key « Mes échéances » puts in its rows' forms for its current view. */
export function returnTargetKey(mine: boolean): ReturnTargetKey {
  return mine ? 'echeances-miennes' : 'echeances';
}

/**
 * The return target a form asks for: none when the field is absent or empty (the session page),
 * a known target, or a French message for anything else (an address, a list, an unknown key).
 */
export function parseReturnTarget(
  value: unknown,
): { ok: true; target: ReturnTarget | null } | { ok: false; message: string } {
  if (value === undefined || value === '') return { ok: true, target: null };
  if (typeof value !== 'string' || !Object.hasOwn(RETURN_TARGETS, value)) {
    return { ok: false, message: UNKNOWN_RETURN_TARGET };
  }
  const key = value as ReturnTargetKey;
  return { ok: true, target: { key, ...RETURN_TARGETS[key] } };
}

/**
 * The outcome of a campaign rule applied to what a user asked: the new value, or every French
 * message explaining why it was refused (all of them at once, nothing changed).
 */
export type CampaignResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly string[] };

export function accepted<T>(value: T): CampaignResult<T> {
  return { ok: true, value };
}

export function refused<T>(errors: readonly string[]): CampaignResult<T> {
  return { ok: false, errors };
}

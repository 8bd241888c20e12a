/**
 * Between the stored rows of a fiche session and the immutable state the rules of
 * campaign-fiches.ts work on: load the state, and find what a rule's new state adds or changes.
 */
import type { Fiche, FicheEvent, FicheSession } from '../campaign-fiches.js';

/** A fiche as stored (the row's own columns). */
export type StoredFiche = Fiche;

/** The state of a session from its rows (fiches in number order, history in sequence order). */
export function ficheSessionState(
  label: string,
  capacity: number,
  fiches: readonly StoredFiche[],
  events: readonly FicheEvent[],
): FicheSession {
  return {
    label,
    capacity,
    fiches: [...fiches]
      .sort((a, b) => a.number - b.number)
      .map((f) => ({
        number: f.number,
        pupilId: f.pupilId,
        status: f.status,
        edition: f.edition,
        editedOn: f.editedOn,
        voidedOn: f.voidedOn,
        voidReason: f.voidReason,
        replacedBy: f.replacedBy,
        replaces: f.replaces,
      })),
    history: [...events].sort((a, b) => a.sequence - b.sequence),
  };
}

export interface FicheSessionChanges {
  /** Fiches with a number not stored yet. */
  readonly inserted: readonly Fiche[];
  /** Stored fiches whose state changed. */
  readonly updated: readonly Fiche[];
  /** Events after the stored history. */
  readonly events: readonly FicheEvent[];
}

function sameFiche(a: Fiche, b: Fiche): boolean {
  return (
    a.pupilId === b.pupilId &&
    a.status === b.status &&
    a.edition === b.edition &&
    a.editedOn === b.editedOn &&
    a.voidedOn === b.voidedOn &&
    a.voidReason === b.voidReason &&
    a.replacedBy === b.replacedBy &&
    a.replaces === b.replaces
  );
}

/** What the rule's `after` state adds to or changes in `before`. */
export function ficheSessionChanges(
  before: FicheSession,
  after: FicheSession,
): FicheSessionChanges {
  const stored = new Map(before.fiches.map((f) => [f.number, f]));
  const inserted: Fiche[] = [];
  const updated: Fiche[] = [];
  for (const fiche of after.fiches) {
    const old = stored.get(fiche.number);
    if (!old) inserted.push(fiche);
    else if (!sameFiche(old, fiche)) updated.push(fiche);
  }
  return {
    inserted,
    updated,
    events: after.history.filter((e) => e.sequence > before.history.length),
  };
}

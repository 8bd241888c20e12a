/**
 * How far the packs being built are: files done out of the total, per caller, session and a token
 * the client chose when asking for the pack (the dashboard polls it while the ZIP is prepared).
 * A finished pack's figures stay readable for a while, then are forgotten.
 */

export type PackState = 'pending' | 'running' | 'done' | 'failed';

export interface PackProgressView {
  state: PackState;
  done: number;
  total: number;
}

/** How long the figures of a finished pack stay readable. */
export const PROGRESS_KEPT_MS = 2 * 60_000;

/** Packs followed per user at most: the oldest finished ones are forgotten first. */
export const PROGRESS_PER_USER = 20;

export interface PackTracker {
  update(done: number, total: number): void;
  finish(state: 'done' | 'failed'): void;
}

interface Entry extends PackProgressView {
  user: string;
  finishedAt: number | null;
}

export class PackProgress {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Follows a pack from now on; a pack already followed under the same key starts over. */
  start(user: string, sessionId: string, token: string): PackTracker {
    this.prune(user);
    const entry: Entry = { user, state: 'running', done: 0, total: 0, finishedAt: null };
    this.entries.set(key(user, sessionId, token), entry);
    return {
      update: (done, total) => {
        if (entry.finishedAt !== null) return;
        entry.done = done;
        entry.total = total;
      },
      finish: (state) => {
        if (entry.finishedAt !== null) return;
        entry.state = state;
        entry.finishedAt = this.now();
      },
    };
  }

  /** Where the pack stands; `pending` (0 / 0) when it has not started or is forgotten. */
  read(user: string, sessionId: string, token: string): PackProgressView {
    this.prune(user);
    const entry = this.entries.get(key(user, sessionId, token));
    if (!entry) return { state: 'pending', done: 0, total: 0 };
    return { state: entry.state, done: entry.done, total: entry.total };
  }

  /** Packs followed now (finished ones not yet forgotten included). */
  get size(): number {
    return this.entries.size;
  }

  private prune(user: string): void {
    const now = this.now();
    const mine: [string, Entry][] = [];
    for (const [k, entry] of this.entries) {
      if (entry.finishedAt !== null && now - entry.finishedAt > PROGRESS_KEPT_MS) {
        this.entries.delete(k);
      } else if (entry.user === user) {
        mine.push([k, entry]);
      }
    }
    const finished = mine
      .filter(([, e]) => e.finishedAt !== null)
      .sort(([, a], [, b]) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
    for (let extra = mine.length - PROGRESS_PER_USER + 1; extra > 0 && finished.length; extra--) {
      const oldest = finished.shift();
      if (oldest) this.entries.delete(oldest[0]);
    }
  }
}

function key(user: string, sessionId: string, token: string): string {
  return `${user} ${sessionId} ${token}`;
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql-rows.js';
import { Database } from '../database/database.js';
import { LoginThrottle, type LoginThrottleKind } from './login-throttle.entity.js';

/** A counter to take one attempt from: refused once it holds `limit` in its open window. */
export interface ThrottleCounter {
  key: string;
  kind: Exclude<LoginThrottleKind, 'known'>;
  limit: number;
}

/** An attempt counted in a counter's window (which closes at `expiresAt`). */
export interface HeldSlot {
  key: string;
  kind: ThrottleCounter['kind'];
  expiresAt: string;
}

export type ReserveOutcome =
  | { reserved: true; slots: HeldSlot[] }
  /** `retryAt`: when the window of the full counter closes. */
  | { reserved: false; retryAt: string };

/** Keys are always locked in this order, so that two transactions never wait for each other. */
function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Thrown inside the reservation's transaction to roll back the counters already taken. */
class CounterFull extends Error {
  constructor(readonly retryAt: string) {
    super('login counter full');
  }
}

/** Rows deleted per purge transaction (each stays short), and batches per purge at most. */
const PURGE_BATCH = 500;
const PURGE_MAX_BATCHES = 20;

/**
 * Every database access of the login limiter: writes go through `Database.transaction`, the
 * only read through `read`. Each statement that counts an attempt is one atomic conditional
 * upsert per key, so the limit holds whatever the number of parallel requests and of
 * application instances sharing the database: PostgreSQL locks the row for the rest of the
 * transaction (keys are always taken in the same order, so two reservations never deadlock),
 * SQLite has a single writer.
 */
@Injectable()
export class LoginThrottleStore {
  constructor(private readonly db: Database) {}

  private read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.read(work);
  }

  /** Whether `key` has a row that has not expired at `now` (e.g. a known pair). */
  isLive(key: string, now: string): Promise<boolean> {
    return this.read(async (m) => {
      const rows = await sqlRows<{ key: string }>(
        m,
        'SELECT "key" FROM "login_throttle" WHERE "key" = :key AND "expiresAt" > :now',
        { key, now },
      );
      return rows.length > 0;
    });
  }

  /**
   * Counts one attempt in each counter, all or none: a counter whose window closed starts a new
   * one ending at `windowEnd`; a counter already at its limit in an open window refuses, and then
   * nothing is counted anywhere.
   */
  async reserve(
    counters: ThrottleCounter[],
    now: string,
    windowEnd: string,
  ): Promise<ReserveOutcome> {
    const ordered = [...counters].sort(byKey);
    try {
      const slots = await this.db.transaction(async (m) => {
        const held: HeldSlot[] = [];
        for (const counter of ordered) {
          const rows = await sqlRows<{ expiresAt: string }>(
            m,
            `INSERT INTO "login_throttle" ("key", "kind", "failures", "expiresAt")
             VALUES (:key, :kind, 1, :windowEnd)
             ON CONFLICT ("key") DO UPDATE SET
               "failures" = CASE WHEN "login_throttle"."expiresAt" <= :now
                                 THEN 1 ELSE "login_throttle"."failures" + 1 END,
               "expiresAt" = CASE WHEN "login_throttle"."expiresAt" <= :now
                                  THEN :windowEnd ELSE "login_throttle"."expiresAt" END
             WHERE "login_throttle"."expiresAt" <= :now
                OR "login_throttle"."failures" < :limit
             RETURNING "expiresAt"`,
            { key: counter.key, kind: counter.kind, now, windowEnd, limit: counter.limit },
          );
          if (rows.length === 0) {
            const [full] = await sqlRows<{ expiresAt: string }>(
              m,
              'SELECT "expiresAt" FROM "login_throttle" WHERE "key" = :key',
              { key: counter.key },
            );
            throw new CounterFull(full?.expiresAt ?? windowEnd);
          }
          held.push({ key: counter.key, kind: counter.kind, expiresAt: rows[0].expiresAt });
        }
        return held;
      });
      return { reserved: true, slots };
    } catch (error) {
      if (error instanceof CounterFull) return { reserved: false, retryAt: error.retryAt };
      throw error;
    }
  }

  /**
   * After a successful login: gives back the attempts counted in `release` (only in the window
   * they were counted in), deletes the counters of `clear`, and marks `remember` live until
   * `until`.
   */
  async settle(
    release: HeldSlot[],
    clear: string[],
    remember: { key: string; until: string },
  ): Promise<void> {
    type Step =
      | { key: string; op: 'release'; slot: HeldSlot }
      | { key: string; op: 'clear' }
      | { key: string; op: 'remember'; until: string };
    const steps: Step[] = [
      ...release.map((slot): Step => ({ key: slot.key, op: 'release', slot })),
      ...clear.map((key): Step => ({ key, op: 'clear' })),
      { key: remember.key, op: 'remember' as const, until: remember.until },
    ].sort(byKey);
    await this.db.transaction(async (m) => {
      for (const step of steps) {
        if (step.op === 'release') {
          await m
            .createQueryBuilder()
            .update(LoginThrottle)
            .set({ failures: () => '"failures" - 1' })
            .where('"key" = :key AND "expiresAt" = :expiresAt AND "failures" > 0', {
              key: step.key,
              expiresAt: step.slot.expiresAt,
            })
            .execute();
        } else if (step.op === 'clear') {
          await m
            .createQueryBuilder()
            .delete()
            .from(LoginThrottle)
            .where({ key: step.key })
            .execute();
        } else {
          await sqlRows(
            m,
            `INSERT INTO "login_throttle" ("key", "kind", "failures", "expiresAt")
             VALUES (:key, 'known', 0, :until)
             ON CONFLICT ("key") DO UPDATE SET "expiresAt" = :until`,
            { key: step.key, until: step.until },
          );
        }
      }
    });
  }

  /**
   * Deletes the rows expired at `now`, a batch per transaction. On PostgreSQL, rows another
   * transaction holds are skipped (`SKIP LOCKED`): a purge never waits for a login, so it
   * cannot deadlock with one. At most PURGE_MAX_BATCHES batches: what remains goes at the next
   * purge. Returns how many rows were deleted.
   */
  async purgeExpired(now: string): Promise<number> {
    const lock = this.db.isSqlite ? '' : 'FOR UPDATE SKIP LOCKED';
    let deleted = 0;
    for (let round = 0; round < PURGE_MAX_BATCHES; round++) {
      const batch = await this.db.transaction(async (m) => {
        const expired = await sqlRows<{ key: string }>(
          m,
          `SELECT "key" FROM "login_throttle" WHERE "expiresAt" <= :now LIMIT ${PURGE_BATCH} ${lock}`,
          { now },
        );
        if (expired.length === 0) return 0;
        await m
          .createQueryBuilder()
          .delete()
          .from(LoginThrottle)
          .where('"key" IN (:...keys) AND "expiresAt" <= :now', {
            keys: expired.map((row) => row.key),
            now,
          })
          .execute();
        return expired.length;
      });
      deleted += batch;
      if (batch < PURGE_BATCH) break;
    }
    return deleted;
  }
}

import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import { afterFailure, type DeliveryFailure } from './delivery-failure.js';
import { deterministicMessageId, type OutboxKey } from './message-id.js';
import { OUTBOX_STATUSES, OutboxMessage, type OutboxStatus } from './outbox-message.entity.js';
import { checkOutboxLease } from './outbox-timing.js';
import { foldLines } from './mail-templates.js';

export interface NewOutboxMessage extends OutboxKey {
  kind: OutboxMessage['kind'];
  recipientEmail: string;
  subject: string;
  html: string;
  text: string;
}

export interface OutboxListing {
  messages: Omit<OutboxMessage, 'html' | 'text' | 'claimToken'>[];
  emlFiles: { name: string; path: string; size: number; modifiedAt: string }[];
}

/** How a failed try was settled; `lost` when this claim no longer held the message. */
export type FailureOutcome = 'retry' | 'failed' | 'lost';

/**
 * The outbox table: enqueue inside a transaction, claim with a lease, renew the lease while
 * sending, settle after sending. Every change to a claimed message is conditional on its claim
 * token: once a claim is lost (its lease expired and another sender took the message), the old
 * holder can neither renew nor settle it.
 */
@Injectable()
export class OutboxService {
  private readonly leaseMs: number;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.leaseMs = checkOutboxLease(config.outboxLease).leaseMs;
  }

  /**
   * Adds a message unless one with the same key exists. Returns its id when this call created
   * it, null when the key was already taken (by an earlier pass or another instance).
   */
  async enqueue(m: EntityManager, message: NewOutboxMessage): Promise<string | null> {
    const id = randomUUID();
    const now = this.clock.nowIso();
    await m
      .createQueryBuilder()
      .insert()
      .into(OutboxMessage)
      .values({
        id,
        recipientId: message.recipientId,
        recipientEmail: message.recipientEmail,
        kind: message.kind,
        ref: message.ref,
        step: message.step,
        date: message.date,
        messageId: deterministicMessageId(message),
        // One line: user text (a titre's code, a task's label) must not break the header.
        subject: foldLines(message.subject),
        html: message.html,
        text: message.text,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      .orIgnore()
      .execute();
    const stored = await m.getRepository(OutboxMessage).findOne({
      select: { id: true },
      where: {
        recipientId: message.recipientId,
        kind: message.kind,
        ref: message.ref,
        step: message.step,
        date: message.date,
      },
    });
    return stored?.id === id ? id : null;
  }

  /**
   * Reserves up to `limit` messages that are due (pending and past their retry time, or whose
   * lease expired after a crash), for one lease, each try counted in `attempts`. PostgreSQL
   * skips rows another instance is claiming (`FOR UPDATE SKIP LOCKED`); the conditional update
   * makes the claim atomic on SQLite too. The sender claims one message at a time, just before
   * sending it, and renews the lease while it sends (`renewLease`).
   */
  async claim(limit: number): Promise<OutboxMessage[]> {
    const token = randomUUID();
    const now = this.clock.nowIso();
    const leaseUntil = this.leaseEnd();
    const params = { pending: 'pending', sending: 'sending', now };
    // Written with plain column names: UPDATE statements take no table alias.
    const claimable = new Brackets((qb) =>
      qb
        .where('("status" = :pending AND "nextAttemptAt" <= :now)', params)
        .orWhere('("status" = :sending AND "leaseUntil" < :now)', params),
    );
    await this.db.transaction(async (m) => {
      let select = m
        .getRepository(OutboxMessage)
        .createQueryBuilder()
        .select('"id"', 'id')
        .where(claimable)
        .orderBy('"createdAt"', 'ASC')
        .addOrderBy('"id"', 'ASC')
        .limit(limit);
      if (!this.db.isSqlite)
        select = select.setLock('pessimistic_write').setOnLocked('skip_locked');
      const ids = (await select.getRawMany<{ id: string }>()).map((row) => row.id);
      if (ids.length === 0) return;
      await m
        .createQueryBuilder()
        .update(OutboxMessage)
        .set({ status: 'sending', leaseUntil, claimToken: token, attempts: () => '"attempts" + 1' })
        .where({ id: In(ids) })
        .andWhere(claimable)
        .execute();
    });
    return this.db.read((m) =>
      m
        .getRepository(OutboxMessage)
        .find({ where: { claimToken: token, status: 'sending' }, order: { createdAt: 'ASC' } }),
    );
  }

  /**
   * Pushes the lease of a message being sent forward by a full lease. False when this claim no
   * longer holds it (the lease expired and another sender claimed it).
   */
  async renewLease(message: OutboxMessage): Promise<boolean> {
    const result = await this.db.transaction((m) =>
      m.getRepository(OutboxMessage).update(this.heldBy(message), { leaseUntil: this.leaseEnd() }),
    );
    return (result.affected ?? 0) > 0;
  }

  /** Marks a claimed message sent; only the claim holder can (false when the claim was lost). */
  async markSent(message: OutboxMessage, emlPath: string | null): Promise<boolean> {
    const result = await this.db.transaction((m) =>
      m.getRepository(OutboxMessage).update(this.heldBy(message), {
        status: 'sent',
        sentAt: this.clock.nowIso(),
        leaseUntil: null,
        lastError: null,
        emlPath,
      }),
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Settles a failed try: back to `pending` with exponential backoff, or `failed` for good once
   * the tries allowed for this kind of failure are used up (see `afterFailure`). The reason
   * (the server's reply) is kept as `lastError`.
   */
  async markFailed(message: OutboxMessage, failure: DeliveryFailure): Promise<FailureOutcome> {
    const decision = afterFailure(message.attempts, failure);
    const lastError = failure.reason.slice(0, 2000);
    const result = await this.db.transaction((m) =>
      m.getRepository(OutboxMessage).update(
        this.heldBy(message),
        decision.giveUp
          ? { status: 'failed', leaseUntil: null, claimToken: null, lastError }
          : {
              status: 'pending',
              leaseUntil: null,
              claimToken: null,
              lastError,
              nextAttemptAt: new Date(
                this.clock.now().getTime() + decision.retryInMs,
              ).toISOString(),
            },
      ),
    );
    if ((result.affected ?? 0) === 0) return 'lost';
    return decision.giveUp ? 'failed' : 'retry';
  }

  /** The rows a claim holds: this message, still being sent under this claim's token. */
  private heldBy(message: OutboxMessage) {
    return { id: message.id, claimToken: message.claimToken ?? '', status: 'sending' as const };
  }

  private leaseEnd(): string {
    return new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
  }

  /** For administrators: the latest messages (optionally of one status) and the `.eml` files. */
  async list(status?: OutboxStatus, limit = 200): Promise<OutboxListing> {
    const messages = await this.db.read((m) =>
      m.getRepository(OutboxMessage).find({
        select: {
          id: true,
          recipientId: true,
          recipientEmail: true,
          kind: true,
          ref: true,
          step: true,
          date: true,
          messageId: true,
          subject: true,
          status: true,
          attempts: true,
          lastError: true,
          nextAttemptAt: true,
          leaseUntil: true,
          sentAt: true,
          emlPath: true,
          createdAt: true,
        },
        where: status && OUTBOX_STATUSES.includes(status) ? { status } : {},
        order: { createdAt: 'DESC', id: 'ASC' },
        take: limit,
      }),
    );
    return { messages, emlFiles: this.emlFiles() };
  }

  private emlFiles(): OutboxListing['emlFiles'] {
    let names: string[];
    try {
      names = readdirSync(this.config.mailDir).filter((name) => name.endsWith('.eml'));
    } catch {
      return [];
    }
    return names
      .map((name) => {
        const path = join(this.config.mailDir, name);
        const stat = statSync(path);
        return { name, path, size: stat.size, modifiedAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
  }
}

import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { deterministicMessageId, retryDelayMs, type OutboxKey } from './message-id.js';
import { OUTBOX_STATUSES, OutboxMessage, type OutboxStatus } from './outbox-message.entity.js';
import { Database } from '../database/database.js';

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

/** How long a claimed message stays reserved for the instance sending it. */
export const LEASE_MS = 10 * 60_000;

/** The outbox table: enqueue inside a transaction, claim with a lease, settle after sending. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
        subject: message.subject,
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
   * lease expired after a crash). PostgreSQL skips rows another instance is claiming
   * (`FOR UPDATE SKIP LOCKED`); the conditional update makes the claim atomic on SQLite too.
   */
  async claim(limit: number): Promise<OutboxMessage[]> {
    const token = randomUUID();
    const now = this.clock.nowIso();
    const leaseUntil = new Date(this.clock.now().getTime() + LEASE_MS).toISOString();
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

  /** Marks a claimed message sent; only the instance holding the claim can. */
  async markSent(message: OutboxMessage, emlPath: string | null): Promise<void> {
    await this.db.transaction((m) =>
      m.getRepository(OutboxMessage).update(
        { id: message.id, claimToken: message.claimToken ?? '' },
        {
          status: 'sent',
          sentAt: this.clock.nowIso(),
          leaseUntil: null,
          lastError: null,
          emlPath,
        },
      ),
    );
  }

  /** Puts a claimed message back for a later attempt, with exponential backoff. */
  async markFailed(message: OutboxMessage, error: string): Promise<void> {
    const next = new Date(this.clock.now().getTime() + retryDelayMs(message.attempts));
    await this.db.transaction((m) =>
      m.getRepository(OutboxMessage).update(
        { id: message.id, claimToken: message.claimToken ?? '' },
        {
          status: 'pending',
          leaseUntil: null,
          claimToken: null,
          lastError: error.slice(0, 2000),
          nextAttemptAt: next.toISOString(),
        },
      ),
    );
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

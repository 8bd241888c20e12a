import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { Changes } from './audit-diff.js';
import { Database } from '../database/database.js';

export interface AuditEvent {
  sessionId: string | null;
  centreId: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'cancel' | 'postpone' | 'purge' | string;
  changes?: Changes;
  snapshot?: unknown;
}

export interface AuditFilter {
  /** Only these entities. */
  entities?: string[];
  /** All but these entities (when `entities` is not given). */
  excludeEntities?: string[];
  actorId?: string;
}

function encode(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

@Injectable()
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Records an event inside the caller's transaction: one row per changed field. */
  async record(manager: EntityManager, caller: Caller, event: AuditEvent): Promise<void> {
    const at = this.clock.nowIso();
    const base = {
      sessionId: event.sessionId,
      centreId: event.centreId,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      actorId: caller.userId,
      actorEmail: caller.email,
      at,
    };
    const rows: Partial<AuditEntry>[] = Object.entries(event.changes ?? {}).map(
      ([field, change]) => ({
        ...base,
        field,
        before: encode(change.before),
        after: encode(change.after),
      }),
    );
    if (rows.length === 0)
      rows.push({ ...base, field: null, before: null, after: encode(event.snapshot) });
    await manager.getRepository(AuditEntry).insert(rows);
  }

  /**
   * The rows of a session, oldest first: the one read path of the API's JSON and of the
   * dashboard's journal (page and PDF), optionally narrowed to some entities or to one actor.
   */
  listForSession(sessionId: string, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where: FindOptionsWhere<AuditEntry> = { sessionId };
    if (filter.entities) where.entity = In(filter.entities);
    else if (filter.excludeEntities) where.entity = Not(In(filter.excludeEntities));
    if (filter.actorId) where.actorId = filter.actorId;
    return this.db.read((m) => m.getRepository(AuditEntry).find({ where, order: { seq: 'ASC' } }));
  }

  /** Who acted on a session (for the journal's filter), each once. */
  async actorsOfSession(
    sessionId: string,
  ): Promise<{ actorId: string | null; actorEmail: string }[]> {
    const rows = await this.db.read((m) =>
      m
        .getRepository(AuditEntry)
        .createQueryBuilder('a')
        .select('a.actorId', 'actorId')
        .addSelect('MAX(a.actorEmail)', 'actorEmail')
        .where('a.sessionId = :sessionId', { sessionId })
        .groupBy('a.actorId')
        .getRawMany<{ actorId: string | null; actorEmail: string }>(),
    );
    return rows;
  }
}

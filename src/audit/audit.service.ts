import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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

  listForSession(sessionId: string): Promise<AuditEntry[]> {
    return this.db.read((m) =>
      m.getRepository(AuditEntry).find({ where: { sessionId }, order: { seq: 'ASC' } }),
    );
  }
}

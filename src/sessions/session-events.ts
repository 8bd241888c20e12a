import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../common/caller.js';
import type { ExamSession } from './exam-session.entity.js';

export type SessionListener = (
  manager: EntityManager,
  caller: Caller,
  session: ExamSession,
) => Promise<void>;

/**
 * Lets other modules (the checklist) act inside the transaction that creates a session or
 * changes its dates, without the sessions module knowing them.
 */
@Injectable()
export class SessionEvents {
  private readonly created: SessionListener[] = [];
  private readonly datesChanged: SessionListener[] = [];

  onCreated(listener: SessionListener): void {
    this.created.push(listener);
  }

  onDatesChanged(listener: SessionListener): void {
    this.datesChanged.push(listener);
  }

  async emitCreated(manager: EntityManager, caller: Caller, session: ExamSession): Promise<void> {
    for (const listener of this.created) await listener(manager, caller, session);
  }

  async emitDatesChanged(
    manager: EntityManager,
    caller: Caller,
    session: ExamSession,
  ): Promise<void> {
    for (const listener of this.datesChanged) await listener(manager, caller, session);
  }
}

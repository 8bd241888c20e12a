import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AuditService } from './audit.service.js';

export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

function decode(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}

/** The audit log of a session, read-only: no route edits or deletes it. */
@ApiTags('journal')
@ApiBearerAuth()
@Controller('api/sessions/:id/audit')
export class AuditController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<AuditEntryView[]> {
    await this.sessions.findForCaller(caller, id);
    const entries = await this.audit.listForSession(id);
    return entries.map((e) => ({ ...e, before: decode(e.before), after: decode(e.after) }));
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Candidate } from '../candidates/candidate.entity.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type { CreateIncidentDto } from './dto/incident.dto.js';
import { occurredOnError } from './incident-rules.js';
import { SessionIncident } from './session-incident.entity.js';
import { Database } from '../database/database.js';

@Injectable()
export class IncidentsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async create(
    caller: Caller,
    sessionId: string,
    dto: CreateIncidentDto,
  ): Promise<SessionIncident> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses incidents ne peuvent plus être modifiés',
    );
    refuseFieldErrors([occurredOnError(dto.occurredOn, session, this.clock.today())]);
    const candidateId = dto.candidateId ?? null;
    return this.db.transaction(async (m) => {
      if (
        candidateId !== null &&
        !(await m.getRepository(Candidate).exists({ where: { id: candidateId, sessionId } }))
      ) {
        throw fieldError(
          'candidateId',
          'Le champ « candidateId » doit désigner un candidat de cette session.',
        );
      }
      const repository = m.getRepository(SessionIncident);
      const incident = await repository.save(
        repository.create({
          sessionId,
          kind: dto.kind,
          candidateId,
          occurredOn: dto.occurredOn,
          description: dto.description,
          measures: dto.measures ?? '',
          createdAt: this.clock.nowIso(),
          createdBy: caller.userId,
          createdByEmail: caller.email,
        }),
      );
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'session_incident',
        entityId: incident.id,
        action: 'create',
        snapshot: incident,
      });
      return incident;
    });
  }

  async list(caller: Caller, sessionId: string): Promise<SessionIncident[]> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.listForSession(sessionId);
  }

  async remove(caller: Caller, sessionId: string, id: string): Promise<void> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses incidents ne peuvent plus être modifiés',
    );
    await this.db.transaction(async (m) => {
      const repository = m.getRepository(SessionIncident);
      const incident = await repository.findOne({ where: { id, sessionId } });
      if (!incident) throw notFound('Incident');
      await repository.delete({ id });
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'session_incident',
        entityId: id,
        action: 'delete',
        changes: { incident: { before: incident, after: null } },
      });
    });
  }

  /** The session's incidents in the order they happened, without access check: for other modules. */
  listForSession(sessionId: string): Promise<SessionIncident[]> {
    return this.db.read((m) =>
      m.getRepository(SessionIncident).find({
        where: { sessionId },
        order: { occurredOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { Candidate } from '../candidates/candidate.entity.js';
import { byName } from '../common/person-order.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { SessionsService } from '../sessions/sessions.service.js';
import type {
  AssignStaffDto,
  DeclareLinkDto,
  RecordAttendanceDto,
  RecordConvocationDto,
} from './dto/session-jury.dto.js';
import { attendanceErrors } from './attendance-rules.js';
import type { Habilitation } from './habilitation.entity.js';
import { isUniqueViolation } from './habilitation-rules.js';
import { JuryMember } from './jury-member.entity.js';
import { LinkDeclaration } from './link-declaration.entity.js';
import { SessionStaff } from './session-staff.entity.js';
import { Database } from '../database/database.js';

/** An assignment with the member's identity and habilitations. */
export interface StaffView extends SessionStaff {
  juryMember: JuryMember & { habilitations: Habilitation[] };
}

const DECLARATION_FIELDS = ['hasLink', 'linkKind', 'details', 'declaredOn'] as const;
const ATTENDANCE_FIELDS = ['attendance', 'arrivalTime'] as const;

@Injectable()
export class SessionJuryService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async assign(caller: Caller, sessionId: string, dto: AssignStaffDto): Promise<StaffView> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'son jury ne peut plus être modifié',
    );
    const member = await this.db.read((m) =>
      m
        .getRepository(JuryMember)
        .findOne({ where: { id: dto.juryMemberId, centreId: session.centreId } }),
    );
    if (!member) throw notFound('Membre de jury');
    refuseFieldErrors([
      futureDateError('convocationDate', dto.convocationDate, this.clock.today()),
    ]);
    const duplicate = fieldError(
      'juryMemberId',
      `${member.firstName} ${member.lastName} est déjà affecté(e) à cette session (champ « juryMemberId »).`,
      409,
    );
    const id = await this.db
      .transaction(async (m) => {
        const repository = m.getRepository(SessionStaff);
        if (await repository.exists({ where: { sessionId, juryMemberId: member.id } })) {
          throw duplicate;
        }
        const staff = await repository.save(
          repository.create({
            sessionId,
            juryMemberId: member.id,
            role: dto.role,
            convocationDate: dto.convocationDate ?? null,
            createdAt: this.clock.nowIso(),
          }),
        );
        await this.audit.record(m, caller, {
          sessionId,
          centreId: session.centreId,
          entity: 'session_staff',
          entityId: staff.id,
          action: 'create',
          snapshot: { ...staff, lastName: member.lastName, firstName: member.firstName },
        });
        return staff.id;
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? duplicate : error;
      });
    const [view] = (await this.listStaff(sessionId)).filter((s) => s.id === id);
    return view;
  }

  async staff(caller: Caller, sessionId: string): Promise<StaffView[]> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.listStaff(sessionId);
  }

  async unassign(caller: Caller, sessionId: string, assignmentId: string): Promise<void> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'son jury ne peut plus être modifié',
    );
    await this.db.transaction(async (m) => {
      const staff = await m
        .getRepository(SessionStaff)
        .findOne({ where: { id: assignmentId, sessionId } });
      if (!staff) throw notFound('Affectation');
      await m.getRepository(SessionStaff).delete({ id: assignmentId });
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'session_staff',
        entityId: assignmentId,
        action: 'delete',
        snapshot: staff,
      });
    });
  }

  /** Records the day a member was sent or handed their convocation (null: not convened). */
  async recordConvocation(
    caller: Caller,
    sessionId: string,
    assignmentId: string,
    dto: RecordConvocationDto,
  ): Promise<StaffView> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'son jury ne peut plus être modifié',
    );
    refuseFieldErrors([
      futureDateError('convocationDate', dto.convocationDate, this.clock.today()),
    ]);
    const next = { convocationDate: dto.convocationDate };
    await this.db.transaction(async (m) => {
      const staff = await m
        .getRepository(SessionStaff)
        .findOne({ where: { id: assignmentId, sessionId } });
      if (!staff) throw notFound('Affectation');
      const changes = diffFields(staff, next, ['convocationDate'] as const);
      if (Object.keys(changes).length === 0) return;
      await m.getRepository(SessionStaff).update({ id: assignmentId }, next);
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'session_staff',
        entityId: assignmentId,
        action: 'update',
        changes,
      });
    });
    const [view] = (await this.listStaff(sessionId)).filter((s) => s.id === assignmentId);
    return view;
  }

  /** Records a member's attendance on the day (present with an arrival time, absent, or cleared). */
  async recordAttendance(
    caller: Caller,
    sessionId: string,
    assignmentId: string,
    dto: RecordAttendanceDto,
  ): Promise<StaffView> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'la présence du jury ne peut plus être relevée',
    );
    const next = { attendance: dto.attendance, arrivalTime: dto.arrivalTime ?? null };
    refuseFieldErrors(
      attendanceErrors(this.clock.today(), session.startDate, next.attendance, next.arrivalTime),
    );
    await this.db.transaction(async (m) => {
      const staff = await m
        .getRepository(SessionStaff)
        .findOne({ where: { id: assignmentId, sessionId } });
      if (!staff) throw notFound('Affectation');
      const changes = diffFields(staff, next, ATTENDANCE_FIELDS);
      if (Object.keys(changes).length === 0) return;
      await m.getRepository(SessionStaff).update({ id: assignmentId }, next);
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'session_staff',
        entityId: assignmentId,
        action: 'update',
        changes,
      });
    });
    const [view] = (await this.listStaff(sessionId)).filter((s) => s.id === assignmentId);
    return view;
  }

  /** Records a juror's declaration about a candidate; a second one for the pair replaces it. */
  async declare(caller: Caller, sessionId: string, dto: DeclareLinkDto): Promise<LinkDeclaration> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'son jury ne peut plus être modifié',
    );
    const today = this.clock.today();
    refuseFieldErrors([futureDateError('declaredOn', dto.declaredOn, today)]);
    refuseFieldErrors([
      !dto.hasLink && dto.linkKind
        ? {
            field: 'linkKind',
            message: 'Le champ « linkKind » ne s’indique que pour un lien déclaré (« hasLink »).',
          }
        : null,
    ]);
    const next = {
      hasLink: dto.hasLink,
      linkKind: dto.hasLink ? (dto.linkKind ?? null) : null,
      details: dto.details ?? '',
      declaredOn: dto.declaredOn ?? today,
    };
    return this.db.transaction(async (m) => {
      const assigned = await m
        .getRepository(SessionStaff)
        .exists({ where: { sessionId, juryMemberId: dto.juryMemberId } });
      if (!assigned) {
        throw fieldError(
          'juryMemberId',
          'Le champ « juryMemberId » doit désigner un membre affecté à la session.',
        );
      }
      const enrolled = await m
        .getRepository(Candidate)
        .findOne({ where: { sessionId, id: dto.candidateId } });
      if (!enrolled) {
        throw fieldError(
          'candidateId',
          'Le champ « candidateId » doit désigner un candidat de la session.',
        );
      }
      // The trainer recorded on the enrolment has a pedagogical link: it cannot be declared absent.
      if (enrolled.trainerIds.includes(dto.juryMemberId) && !dto.hasLink) {
        throw fieldError(
          'hasLink',
          `Ce membre du jury a formé ${enrolled.firstName} ${enrolled.lastName} (formateur enregistré sur son inscription) : le lien pédagogique ne peut pas être déclaré absent (champ « hasLink »).`,
        );
      }
      const repository = m.getRepository(LinkDeclaration);
      const pair = { sessionId, juryMemberId: dto.juryMemberId, candidateId: dto.candidateId };
      const current = await repository.findOne({ where: pair });
      if (!current) {
        const created = await repository.save(
          repository.create({ ...pair, ...next, createdAt: this.clock.nowIso() }),
        );
        await this.audit.record(m, caller, {
          sessionId,
          centreId: session.centreId,
          entity: 'link_declaration',
          entityId: created.id,
          action: 'create',
          snapshot: created,
        });
        return created;
      }
      const changes = diffFields(current, next, DECLARATION_FIELDS);
      if (Object.keys(changes).length === 0) return current;
      await repository.update({ id: current.id }, next);
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'link_declaration',
        entityId: current.id,
        action: 'update',
        changes,
      });
      return { ...current, ...next };
    });
  }

  async declarations(caller: Caller, sessionId: string): Promise<LinkDeclaration[]> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.listDeclarations(sessionId);
  }

  /** The session's staff by name, with habilitations, without access check: for other modules. */
  async listStaff(sessionId: string): Promise<StaffView[]> {
    const staff = await this.db.read((m) =>
      m.getRepository(SessionStaff).find({
        where: { sessionId },
        relations: { juryMember: { habilitations: true } },
        order: { juryMember: { habilitations: { validUntil: 'ASC' } } },
      }),
    );
    return (staff as StaffView[]).sort((a, b) => byName(a.juryMember, b.juryMember));
  }

  /** The session's link declarations, without access check: for other modules. */
  listDeclarations(sessionId: string): Promise<LinkDeclaration[]> {
    return this.db.read((m) =>
      m.getRepository(LinkDeclaration).find({
        where: { sessionId },
        order: { declaredOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }
}

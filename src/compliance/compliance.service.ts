import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AgrementsService } from '../agrements/agrements.service.js';
import { Candidate } from '../candidates/candidate.entity.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import { Habilitation } from '../jury/habilitation.entity.js';
import { JuryMember } from '../jury/jury-member.entity.js';
import { LinkDeclaration } from '../jury/link-declaration.entity.js';
import { SessionStaff } from '../jury/session-staff.entity.js';
import type { ExamSession } from '../sessions/exam-session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { Titre } from '../titres/titre.entity.js';
import {
  runComplianceChecks,
  type ComplianceInput,
  type ComplianceReport,
} from './compliance-rules.js';

export interface ComplianceView extends ComplianceReport {
  sessionId: string;
  /** The date the checks were evaluated at (Europe/Paris). */
  today: CalendarDate;
}

export type ComplianceTasks = ComplianceInput['tasks'];

@Injectable()
export class ComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly agrements: AgrementsService,
  ) {}

  async forSession(caller: Caller, sessionId: string): Promise<ComplianceView> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const input = await this.input(session);
    return { sessionId, today: input.today, ...runComplianceChecks(input) };
  }

  /**
   * The compliance report of a session the caller was already allowed to read. `tasks` replaces
   * the stored ticks (the checklist passes the rows it has loaded, or a tick about to be made).
   */
  async evaluate(session: ExamSession, tasks?: ComplianceTasks): Promise<ComplianceReport> {
    return runComplianceChecks(await this.input(session, tasks));
  }

  /** The data the checks need, read from the database: one query per table. */
  async input(session: ExamSession, tasks?: ComplianceTasks): Promise<ComplianceInput> {
    const sessionId = session.id;
    const [titre, agrement, staff, candidates, declarations, storedTasks] = await Promise.all([
      this.dataSource.getRepository(Titre).findOneOrFail({
        where: { id: session.titreId },
        relations: { ccps: true },
        order: { ccps: { position: 'ASC' } },
      }),
      this.agrements.findFor(session.centreId, session.siteId, session.titreId),
      this.dataSource
        .getRepository(SessionStaff)
        .find({ where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(Candidate)
        .find({ where: { sessionId }, order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(LinkDeclaration).find({ where: { sessionId } }),
      tasks
        ? Promise.resolve(tasks)
        : this.dataSource.getRepository(SessionTask).find({
            where: { sessionId },
            select: { code: true, status: true, doneAt: true },
          }),
    ]);
    const memberIds = [...new Set(staff.map((s) => s.juryMemberId))];
    const [members, habilitations] =
      memberIds.length === 0
        ? [[], []]
        : await Promise.all([
            this.dataSource.getRepository(JuryMember).find({ where: { id: In(memberIds) } }),
            this.dataSource
              .getRepository(Habilitation)
              .find({ where: { juryMemberId: In(memberIds) } }),
          ]);
    const membersById = new Map(members.map((m) => [m.id, m]));

    return {
      today: this.clock.today(),
      session: {
        id: session.id,
        nature: session.nature,
        ccpCodes: session.ccpCodes,
        startDate: session.startDate,
        endDate: session.endDate,
        // A postponed session is still to be held: the checks treat it as planned.
        status: session.status === 'POSTPONED' ? 'PLANNED' : session.status,
      },
      titre: {
        id: titre.id,
        code: titre.code,
        label: titre.label,
        version: titre.version,
        validUntil: titre.validUntil,
        ccps: (titre.ccps ?? []).map((c) => ({ code: c.code, label: c.label })),
      },
      agrement: agrement
        ? {
            id: agrement.id,
            validUntil: agrement.validUntil,
            maxCandidates: agrement.maxCandidates,
          }
        : null,
      jury: staff.flatMap((assignment) => {
        const member = membersById.get(assignment.juryMemberId);
        if (!member) return [];
        return [
          {
            juryMemberId: member.id,
            lastName: member.lastName,
            firstName: member.firstName,
            role: assignment.role,
            habilitations: habilitations
              .filter((h) => h.juryMemberId === member.id)
              .map((h) => ({ titreId: h.titreId, validUntil: h.validUntil, ccpCodes: h.ccpCodes })),
          },
        ];
      }),
      candidates: candidates.map((c) => ({
        id: c.id,
        lastName: c.lastName,
        firstName: c.firstName,
        pathway: c.pathway,
        vaeValidUntil: c.vaeValidUntil,
        convocationDate: c.convocationDate,
        convocationMode: c.convocationMode,
        files: {
          ecfSignedByTrainingManager: c.ecfSignedByTrainingManager,
          ecfSignedByTrainer: c.ecfSignedByTrainer,
          ecfSignedByCandidate: c.ecfSignedByCandidate,
          dpSigned: c.dpSigned,
          recevabiliteCollected: c.recevabiliteCollected,
        },
      })),
      linkDeclarations: declarations.map((d) => ({
        juryMemberId: d.juryMemberId,
        candidateId: d.candidateId,
        hasLink: d.hasLink,
      })),
      tasks: storedTasks.map((t) => ({
        code: t.code,
        status: t.status,
        doneAt: t.doneAt,
      })),
    };
  }
}

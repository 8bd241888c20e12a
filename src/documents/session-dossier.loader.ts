/** Reads everything the documents of a session are made from, in one go. */
import { Injectable } from '@nestjs/common';
import { Agrement } from '../agrements/agrement.entity.js';
import type { Candidate } from '../candidates/candidate.entity.js';
import { CandidatesService } from '../candidates/candidates.service.js';
import { CertificationRecords } from '../certification/certification-records.service.js';
import { certificationRecord } from '../certification/record-rules.js';
import { Centre } from '../centres/centre.entity.js';
import { Site } from '../centres/site.entity.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { SessionJuryService } from '../jury/session-jury.service.js';
import { habilitationWarning } from '../jury/habilitation-rules.js';
import { requirementsWarning } from '../jury/jury-requirements.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { TitresService } from '../titres/titres.service.js';
import { In, IsNull, Not } from 'typeorm';
import { SessionTask } from '../checklist/session-task.entity.js';
import { User } from '../users/user.entity.js';
import type { ExamSession } from '../sessions/exam-session.entity.js';
import { dossierRecord } from './candidate-results.js';
import type {
  DossierPlace,
  DossierRecord,
  DossierUser,
  SessionDossier,
} from './session-dossier.js';
import { Database } from '../database/database.js';

function place(row: Centre | Site | null): DossierPlace {
  return {
    name: row?.name ?? '',
    address: row?.address ?? '',
    postalCode: row?.postalCode ?? '',
    city: row?.city ?? '',
  };
}

function user(row: User | null): DossierUser | null {
  return row && { firstName: row.firstName, lastName: row.lastName, email: row.email };
}

@Injectable()
export class SessionDossierLoader {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly titres: TitresService,
    private readonly candidates: CandidatesService,
    private readonly jury: SessionJuryService,
    private readonly incidents: IncidentsService,
    private readonly records: CertificationRecords,
  ) {}

  /**
   * The record of each candidate's person for the session's titre version as of this session
   * (`asOfSessionId`: later sessions left out), read for all the candidates at once. None for a
   * cancelled session, which gives nothing to the record.
   */
  private async recordsAsOf(
    session: ExamSession,
    candidates: readonly Candidate[],
  ): Promise<Record<string, DossierRecord>> {
    const result: Record<string, DossierRecord> = {};
    if (session.status === 'CANCELLED' || candidates.length === 0) return result;
    const byPerson = await this.records.forPeople(candidates.map((c) => c.personId));
    for (const candidate of candidates) {
      const found = byPerson.get(candidate.personId)?.find((r) => r.titre.id === session.titreId);
      if (!found?.enrolments.some((e) => e.attempt.sessionId === session.id)) continue;
      const attempts = found.enrolments.map((e) => e.attempt);
      const record = certificationRecord(found.titre.scope, attempts, {
        asOfSessionId: session.id,
      });
      result[candidate.id] = dossierRecord(record, session.id, attempts);
    }
    return result;
  }

  /**
   * The users behind the e-mail addresses recorded on the session — who reported an incident, who
   * ticked a task — so that the documents name them (an address is unique among users).
   */
  private async people(sessionId: string, emails: readonly string[]): Promise<DossierUser[]> {
    const ticks = await this.db.read((m) =>
      m.getRepository(SessionTask).find({
        select: { doneByEmail: true },
        where: { sessionId, doneByEmail: Not(IsNull()) },
      }),
    );
    const wanted = [
      ...new Set([...emails, ...ticks.map((t) => t.doneByEmail).filter((e) => e !== null)]),
    ];
    if (wanted.length === 0) return [];
    const rows = await this.db.read((m) =>
      m.getRepository(User).find({ where: { email: In(wanted) } }),
    );
    return rows.map((row) => ({
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
    }));
  }

  /** The session's dossier; another centre's session answers 404. */
  async load(caller: Caller, sessionId: string): Promise<SessionDossier> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const findUser = (id: string | null) =>
      id ? this.db.read((m) => m.getRepository(User).findOne({ where: { id } })) : null;
    const [
      centre,
      site,
      titre,
      agrements,
      manager,
      deputy,
      candidates,
      staff,
      declarations,
      incidents,
    ] = await Promise.all([
      this.db.read((m) => m.getRepository(Centre).findOne({ where: { id: session.centreId } })),
      this.db.read((m) => m.getRepository(Site).findOne({ where: { id: session.siteId } })),
      this.titres.get(session.titreId),
      this.db.read((m) =>
        m.getRepository(Agrement).find({
          where: { centreId: session.centreId, siteId: session.siteId, titreId: session.titreId },
          order: { validUntil: 'DESC' },
        }),
      ),
      findUser(session.managerId),
      findUser(session.deputyManagerId),
      this.candidates.listForSession(sessionId),
      this.jury.listStaff(sessionId),
      this.jury.listDeclarations(sessionId),
      this.incidents.listForSession(sessionId),
    ]);
    const [records, people] = await Promise.all([
      this.recordsAsOf(session, candidates),
      this.people(
        sessionId,
        incidents.map((i) => i.createdByEmail),
      ),
    ]);
    return {
      today: this.clock.today(),
      session,
      centre: place(centre),
      site: place(site),
      titre: {
        code: titre.code,
        label: titre.label,
        version: titre.version,
        ccps: (titre.ccps ?? []).map(({ code, label, kind }) => ({ code, label, kind })),
        examTests: titre.examTests,
        convocationDocuments: titre.convocationDocuments,
      },
      agrementReference: agrements.find((a) => a.reference.trim() !== '')?.reference ?? null,
      manager: user(manager),
      deputyManager: user(deputy),
      candidates,
      records,
      staff: staff.map((s) => ({
        assignmentId: s.id,
        role: s.role,
        juryMemberId: s.juryMemberId,
        lastName: s.juryMember.lastName,
        firstName: s.juryMember.firstName,
        employer: s.juryMember.employer,
        habilitationUntil:
          s.juryMember.habilitations
            .filter((h) => h.titreId === session.titreId)
            .map((h) => h.validUntil)
            .sort()
            .at(-1) ?? null,
        // For the centre, before sending: the habilitation or the titre's requirements unmet.
        alerts:
          s.role !== 'JURY'
            ? []
            : [
                habilitationWarning(s.juryMember.habilitations, titre, session, this.clock.today()),
                requirementsWarning(titre.juryRequirements, s.juryMember, session, titre.code),
              ].filter((w): w is string => w !== null),
      })),
      declarations: declarations.map(({ juryMemberId, candidateId, hasLink }) => ({
        juryMemberId,
        candidateId,
        hasLink,
      })),
      incidents: incidents.map((i) => ({
        id: i.id,
        kind: i.kind,
        candidateId: i.candidateId,
        occurredOn: i.occurredOn,
        description: i.description,
        measures: i.measures,
        reportedBy: i.createdByEmail,
      })),
      people,
    };
  }
}

import type { HabilitationBasis, JuryRequirements } from '../jury/jury-requirements.js';
import { Injectable } from '@nestjs/common';
import { EntityNotFoundError } from 'typeorm';
import type { Candidate } from '../candidates/candidate.entity.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DEFAULT_REGION, isFrenchRegion } from '../common/french-holidays.js';
import type { SessionTask } from '../checklist/session-task.entity.js';
import type { SessionStaff } from '../jury/session-staff.entity.js';
import type { ExamSession } from '../sessions/exam-session.entity.js';
import { SESSION_NATURES, type SessionNature } from '../sessions/exam-session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { CertificationRecords } from '../certification/certification-records.service.js';
import { titrePhaseOn } from '../certification/prolongation-rules.js';
import type { SessionAttempt } from '../certification/record-rules.js';
import type { CcpKind } from '../titres/ccp.entity.js';
import { Titre } from '../titres/titre.entity.js';
import { bool, json, num, sqlRows } from '../database/sql-rows.js';
import {
  runComplianceChecks,
  type ComplianceAnnualProgramme,
  type ComplianceInput,
  type ComplianceProvider,
  type ComplianceReport,
} from './compliance-rules.js';
import { Database } from '../database/database.js';

export interface ComplianceView extends ComplianceReport {
  sessionId: string;
  /** The date the checks were evaluated at (Europe/Paris). */
  today: CalendarDate;
}

export type ComplianceTasks = ComplianceInput['tasks'];

@Injectable()
export class ComplianceService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly records: CertificationRecords,
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

  /**
   * The data the checks need, read from the database: one plain query per table with only the
   * columns the checks read (every session page and tick comes here: no entity hydration).
   */
  async input(session: ExamSession, tasks?: ComplianceTasks): Promise<ComplianceInput> {
    const sessionId = session.id;
    const [titres, ccps, agrements, staff, candidates, declarations, storedTasks, centres] =
      await Promise.all([
        this.db.read((m) =>
          sqlRows<
            Pick<
              Titre,
              'id' | 'code' | 'label' | 'version' | 'validUntil' | 'prolongationUntil'
            > & {
              juryRequirements: unknown;
            }
          >(
            m,
            `SELECT "id", "code", "label", "version", "validUntil", "prolongationUntil",
              "juryRequirements"
            FROM "titre" WHERE "id" = :id`,
            { id: session.titreId },
          ),
        ),
        this.db.read((m) =>
          sqlRows<{ code: string; label: string; kind: CcpKind }>(
            m,
            `SELECT "code", "label", "kind" FROM "ccp" WHERE "titreId" = :id ORDER BY "position" ASC, "id" ASC`,
            { id: session.titreId },
          ),
        ),
        // The agréments of the session's site for its titre: the titre's own and its CCS'.
        this.db.read((m) =>
          sqlRows<{
            id: string;
            ccsCode: string | null;
            validFrom: string | null;
            validUntil: string;
            maxCandidates: unknown;
          }>(
            m,
            `SELECT "id", "ccsCode", "validFrom", "validUntil", "maxCandidates" FROM "agrement"
            WHERE "centreId" = :centreId AND "siteId" = :siteId AND "titreId" = :titreId
            ORDER BY "validUntil" DESC, "id" ASC`,
            { centreId: session.centreId, siteId: session.siteId, titreId: session.titreId },
          ),
        ),
        this.db.read((m) =>
          sqlRows<{
            juryMemberId: string;
            role: SessionStaff['role'];
            attendance: SessionStaff['attendance'];
            arrivalTime: string | null;
            convocationDate: string | null;
          }>(
            m,
            `SELECT "juryMemberId", "role", "attendance", "arrivalTime", "convocationDate" FROM "session_staff" WHERE "sessionId" = :sessionId
            ORDER BY "createdAt" ASC, "id" ASC`,
            { sessionId },
          ),
        ),
        this.db.read((m) =>
          sqlRows<Record<string, unknown>>(
            m,
            `SELECT "id", "personId", "lastName", "firstName", "pathway", "trainingStartDate",
              "trainingProviderId",
              "vaeNotifiedOn", "vaeAllowedNatures", "vaeValidUntil", "vaeOverrideReason", "trainerIds",
              "convocationDate",
              "convocationMode", "convocationProofKind", "convocationProofOn",
              "ecfSignedByTrainingManager", "ecfSignedByTrainer",
              "ecfSignedByCandidate", "dpSigned", "recevabiliteCollected", "certificationBooklet"
            FROM "candidate" WHERE "sessionId" = :sessionId
            ORDER BY "lastName" ASC, "firstName" ASC, "id" ASC`,
            { sessionId },
          ),
        ),
        this.db.read((m) =>
          sqlRows<{ juryMemberId: string; candidateId: string; hasLink: unknown }>(
            m,
            `SELECT "juryMemberId", "candidateId", "hasLink" FROM "link_declaration"
            WHERE "sessionId" = :sessionId`,
            { sessionId },
          ),
        ),
        tasks
          ? Promise.resolve(tasks)
          : this.db.read((m) =>
              sqlRows<{ code: string; status: SessionTask['status']; doneAt: string | null }>(
                m,
                `SELECT "code", "status", "doneAt" FROM "session_task" WHERE "sessionId" = :sessionId`,
                { sessionId },
              ),
            ),
        // The centre's region: its public holidays move a deadline to the previous working day.
        this.db.read((m) =>
          sqlRows<{ region: string }>(m, `SELECT "region" FROM "centre" WHERE "id" = :id`, {
            id: session.centreId,
          }),
        ),
      ]);
    const titre = titres[0];
    if (!titre) throw new EntityNotFoundError(Titre, { id: session.titreId });
    const memberIds = [...new Set(staff.map((s) => s.juryMemberId))];
    const [members, habilitations] =
      memberIds.length === 0
        ? [[], []]
        : await Promise.all([
            this.db.read((m) =>
              sqlRows<{
                id: string;
                lastName: string;
                firstName: string;
                licenceCategories: unknown;
                cqcValidUntil: string | null;
              }>(
                m,
                `SELECT "id", "lastName", "firstName", "licenceCategories", "cqcValidUntil"
                FROM "jury_member" WHERE "id" IN (:...ids)`,
                { ids: memberIds },
              ),
            ),
            this.db.read((m) =>
              sqlRows<{
                juryMemberId: string;
                titreId: string;
                validUntil: string;
                ccpCodes: unknown;
                basis: HabilitationBasis | null;
              }>(
                m,
                `SELECT "juryMemberId", "titreId", "validUntil", "ccpCodes", "basis" FROM "habilitation"
                WHERE "juryMemberId" IN (:...ids)`,
                { ids: memberIds },
              ),
            ),
          ]);
    const membersById = new Map(members.map((m) => [m.id, m]));
    const titreSessions = await this.titreSessions(session, titre, candidates);
    const providers = await this.providers(candidates);
    const annualProgramme = await this.annualProgramme(session);

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
        ceresCreatedOn: session.ceresCreatedOn ?? null,
        region: isFrenchRegion(centres[0]?.region) ? centres[0].region : DEFAULT_REGION,
      },
      titre: {
        id: titre.id,
        code: titre.code,
        label: titre.label,
        version: titre.version,
        validUntil: titre.validUntil,
        prolongationUntil: titre.prolongationUntil ?? null,
        ccps: ccps.map((c) => ({ code: c.code, label: c.label, kind: c.kind })),
        juryRequirements: json<JuryRequirements | null>(titre.juryRequirements) ?? null,
      },
      agrements: agrements.map((a) => ({
        id: a.id,
        ccsCode: a.ccsCode ?? null,
        validFrom: a.validFrom ?? null,
        validUntil: a.validUntil,
        maxCandidates: num(a.maxCandidates),
      })),
      jury: staff.flatMap((assignment) => {
        const member = membersById.get(assignment.juryMemberId);
        if (!member) return [];
        return [
          {
            juryMemberId: member.id,
            lastName: member.lastName,
            firstName: member.firstName,
            role: assignment.role,
            convocationDate: assignment.convocationDate ?? null,
            attendance: assignment.attendance ?? null,
            arrivalTime: assignment.arrivalTime ?? null,
            habilitations: habilitations
              .filter((h) => h.juryMemberId === member.id)
              .map((h) => ({
                titreId: h.titreId,
                validUntil: h.validUntil,
                ccpCodes: json<string[]>(h.ccpCodes),
                basis: h.basis ?? null,
              })),
            licenceCategories: json<string[] | null>(member.licenceCategories) ?? [],
            cqcValidUntil: member.cqcValidUntil ?? null,
          },
        ];
      }),
      candidates: candidates.map((c) => ({
        id: String(c.id),
        personId: String(c.personId),
        lastName: String(c.lastName),
        firstName: String(c.firstName),
        pathway: c.pathway as Candidate['pathway'],
        trainingStartDate: (c.trainingStartDate ?? null) as string | null,
        vaeNotifiedOn: (c.vaeNotifiedOn ?? null) as string | null,
        vaeAllowedNatures: sessionNatures(c.vaeAllowedNatures),
        vaeValidUntil: (c.vaeValidUntil ?? null) as string | null,
        vaeOverrideReason: String(c.vaeOverrideReason ?? ''),
        trainerIds: json<string[] | null>(c.trainerIds) ?? [],
        titreSessions: titreSessions.get(String(c.personId)) ?? [],
        trainingProviderId: (c.trainingProviderId ?? null) as string | null,
        convocationDate: (c.convocationDate ?? null) as string | null,
        convocationMode: (c.convocationMode ?? null) as Candidate['convocationMode'],
        convocationProofKind: (c.convocationProofKind ?? null) as Candidate['convocationProofKind'],
        convocationProofOn: (c.convocationProofOn ?? null) as string | null,
        files: {
          ecfSignedByTrainingManager: bool(c.ecfSignedByTrainingManager),
          ecfSignedByTrainer: bool(c.ecfSignedByTrainer),
          ecfSignedByCandidate: bool(c.ecfSignedByCandidate),
          dpSigned: bool(c.dpSigned),
          recevabiliteCollected: bool(c.recevabiliteCollected),
          certificationBooklet: bool(c.certificationBooklet),
        },
      })),
      linkDeclarations: declarations.map((d) => ({
        juryMemberId: d.juryMemberId,
        candidateId: d.candidateId,
        hasLink: bool(d.hasLink),
      })),
      tasks: storedTasks.map((t) => ({
        code: t.code,
        status: t.status,
        doneAt: t.doneAt,
      })),
      providers,
      annualProgramme,
    };
  }

  /** The annual programme of the session's centre for the year the session starts. */
  private async annualProgramme(session: ExamSession): Promise<ComplianceAnnualProgramme> {
    const year = Number(session.startDate.slice(0, 4));
    const rows = await this.db.read((m) =>
      sqlRows<{ sentOn: string }>(
        m,
        `SELECT "sentOn" FROM "annual_programme" WHERE "centreId" = :centreId AND "year" = :year`,
        { centreId: session.centreId, year },
      ),
    );
    return { centreId: session.centreId, year, sentOn: rows[0]?.sentOn ?? null };
  }

  /** The training providers the candidates come from, with their conventions and avenants. */
  private async providers(
    candidates: readonly Record<string, unknown>[],
  ): Promise<ComplianceProvider[]> {
    const ids = [
      ...new Set(
        candidates
          .map((c) => c.trainingProviderId)
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    if (ids.length === 0) return [];
    const [providers, conventions] = await Promise.all([
      this.db.read((m) =>
        sqlRows<{ id: string; name: string }>(
          m,
          `SELECT "id", "name" FROM "training_provider" WHERE "id" IN (:...ids)`,
          { ids },
        ),
      ),
      this.db.read((m) =>
        sqlRows<{
          id: string;
          providerId: string;
          signedOn: string;
          effectiveFrom: string;
          sentToPrefectOn: string | null;
          titreIds: unknown;
        }>(
          m,
          `SELECT "id", "providerId", "signedOn", "effectiveFrom", "sentToPrefectOn", "titreIds"
          FROM "provider_convention" WHERE "providerId" IN (:...ids)`,
          { ids },
        ),
      ),
    ]);
    const conventionIds = conventions.map((c) => c.id);
    const avenants =
      conventionIds.length === 0
        ? []
        : await this.db.read((m) =>
            sqlRows<{ conventionId: string; year: unknown; sentToPrefectOn: string | null }>(
              m,
              `SELECT "conventionId", "year", "sentToPrefectOn" FROM "convention_avenant"
              WHERE "conventionId" IN (:...ids)`,
              { ids: conventionIds },
            ),
          );
    return providers.map((p) => ({
      id: p.id,
      name: p.name,
      conventions: conventions
        .filter((c) => c.providerId === p.id)
        .map((c) => ({
          id: c.id,
          signedOn: c.signedOn,
          effectiveFrom: c.effectiveFrom,
          sentToPrefectOn: c.sentToPrefectOn ?? null,
          titreIds: json<string[]>(c.titreIds),
          avenants: avenants
            .filter((a) => a.conventionId === c.id)
            .map((a) => ({ year: num(a.year), sentToPrefectOn: a.sentToPrefectOn ?? null })),
        })),
    }));
  }

  /**
   * Each enrolled person's other sessions of this titre version, with their results: only for a
   * session starting in the titre's prolongation year, the only check that reads them (the other
   * session pages are not slowed down by reading every candidate's history).
   */
  private async titreSessions(
    session: ExamSession,
    titre: Pick<Titre, 'validUntil' | 'prolongationUntil'>,
    candidates: readonly Record<string, unknown>[],
  ): Promise<Map<string, SessionAttempt[]>> {
    const byPerson = new Map<string, SessionAttempt[]>();
    const phase = titrePhaseOn(
      { validUntil: titre.validUntil, prolongationUntil: titre.prolongationUntil ?? null },
      session.startDate,
    );
    if (phase !== 'PROLONGATION' || candidates.length === 0) return byPerson;
    const records = await this.records.forPeople(candidates.map((c) => String(c.personId)));
    for (const [personId, list] of records) {
      const record = list.find((r) => r.titre.id === session.titreId);
      if (!record) continue;
      byPerson.set(
        personId,
        record.enrolments
          .map((e) => e.attempt)
          .filter((attempt) => attempt.sessionId !== session.id),
      );
    }
    return byPerson;
  }
}

/** The stored session natures of a VAE recevabilité, unknown values left out. */
function sessionNatures(value: unknown): SessionNature[] {
  const known: readonly string[] = SESSION_NATURES;
  const list = value === null || value === undefined ? [] : json<unknown[]>(value);
  return Array.isArray(list)
    ? list.filter((n): n is SessionNature => typeof n === 'string' && known.includes(n))
    : [];
}

import { Inject, Injectable } from '@nestjs/common';
import { Brackets, In, IsNull, type EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Candidate } from '../candidates/candidate.entity.js';
import type { CalendarDate } from '../common/calendar-date.js';
import { SYSTEM_CALLER } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { Person } from '../people/person.entity.js';
import {
  anonymisedCandidate,
  anonymisedPerson,
  PURGED_FIELDS,
  PURGED_PERSON_FIELDS,
  retentionCutoff,
} from './retention-rules.js';
import { Database } from '../database/database.js';

export interface RetentionSession {
  sessionId: string;
  centreId: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  candidates: number;
}

export interface RetentionReport {
  dryRun: boolean;
  /** Sessions that ended before this date are purged. */
  cutoff: CalendarDate;
  sessions: RetentionSession[];
  candidatesPurged: number;
}

/** What audit entries about a purged candidate keep of a personal value. */
const ERASED = JSON.stringify('[effacé : durée de conservation écoulée]');

/**
 * Purges the personal data of candidates of sessions that ended more than RETENTION_YEARS ago,
 * one session per transaction, audited. Younger sessions are never read for writing.
 */
/** Erases the personal values the audit trail kept for these rows (the entry itself stays). */
async function eraseAuditValues(
  m: EntityManager,
  entity: string,
  ids: readonly string[],
  fields: readonly string[],
): Promise<void> {
  await m
    .getRepository(AuditEntry)
    .createQueryBuilder()
    .update()
    .set({
      before: () => 'CASE WHEN "before" IS NULL THEN NULL ELSE :erased END',
      after: () => 'CASE WHEN "after" IS NULL THEN NULL ELSE :erased END',
    })
    .setParameter('erased', ERASED)
    .where({ entity, entityId: In([...ids]) })
    .andWhere(
      new Brackets((qb) =>
        qb.where('field IS NULL').orWhere('field IN (:...fields)', { fields: [...fields] }),
      ),
    )
    .execute();
}

@Injectable()
export class RetentionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async purge(options: { dryRun: boolean }): Promise<RetentionReport> {
    const cutoff = retentionCutoff(this.clock.today(), this.config.retentionYears);
    const sessions = await this.candidatesToPurge(cutoff);
    let candidatesPurged = 0;
    if (!options.dryRun) {
      for (const session of sessions) candidatesPurged += await this.purgeSession(session, cutoff);
    }
    return { dryRun: options.dryRun, cutoff, sessions, candidatesPurged };
  }

  private async candidatesToPurge(cutoff: CalendarDate): Promise<RetentionSession[]> {
    const rows = await this.db.read((m) =>
      m
        .getRepository(ExamSession)
        .createQueryBuilder('s')
        .innerJoin(Candidate, 'c', 'c.sessionId = s.id')
        .select([
          's.id AS "sessionId"',
          's.centreId AS "centreId"',
          's.startDate AS "startDate"',
          's.endDate AS "endDate"',
          'COUNT(c.id) AS "candidates"',
        ])
        .where('s.endDate < :cutoff', { cutoff })
        .andWhere('c.purgedAt IS NULL')
        .groupBy('s.id')
        .addGroupBy('s.centreId')
        .addGroupBy('s.startDate')
        .addGroupBy('s.endDate')
        .orderBy('s.endDate', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getRawMany<Omit<RetentionSession, 'candidates'> & { candidates: string | number }>(),
    );
    return rows.map((row) => ({ ...row, candidates: Number(row.candidates) }));
  }

  /**
   * Anonymises the people none of whose enrolments keeps personal data any more (a person still
   * enrolled in a more recent session keeps their record), and erases their personal values from
   * the audit trail. Returns how many were anonymised.
   */
  private async purgePeople(m: EntityManager, personIds: readonly string[]): Promise<number> {
    const candidates = [...new Set(personIds)];
    if (candidates.length === 0) return 0;
    const kept = await m.getRepository(Candidate).find({
      where: { personId: In(candidates), purgedAt: IsNull() },
      select: { id: true, personId: true },
    });
    const keep = new Set(kept.map((c) => c.personId));
    const erased = candidates.filter((id) => !keep.has(id));
    for (const id of erased) {
      await m
        .getRepository(Person)
        .update({ id }, { ...anonymisedPerson(id), version: () => '"version" + 1' });
    }
    if (erased.length === 0) return 0;
    await eraseAuditValues(m, 'person', erased, PURGED_PERSON_FIELDS);
    return erased.length;
  }

  private purgeSession(session: RetentionSession, cutoff: CalendarDate): Promise<number> {
    return this.db.transaction(async (m) => {
      const fresh = await m
        .getRepository(ExamSession)
        .findOne({ where: { id: session.sessionId }, select: { id: true, endDate: true } });
      if (!fresh || fresh.endDate >= cutoff) return 0;
      const all = await m.getRepository(Candidate).find({
        where: { sessionId: session.sessionId },
        select: { id: true, personId: true, purgedAt: true, createdAt: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const now = this.clock.nowIso();
      const purged: string[] = [];
      for (const [index, candidate] of all.entries()) {
        if (candidate.purgedAt !== null) continue;
        await m
          .getRepository(Candidate)
          .update(
            { id: candidate.id, purgedAt: IsNull() },
            { ...anonymisedCandidate(index + 1), purgedAt: now, version: () => '"version" + 1' },
          );
        purged.push(candidate.id);
      }
      if (purged.length === 0) return 0;
      const purgedIds = new Set(purged);
      const erasedPeople = await this.purgePeople(
        m,
        all.filter((c) => purgedIds.has(c.id)).map((c) => c.personId),
      );
      await eraseAuditValues(m, 'candidate', purged, PURGED_FIELDS);
      await this.audit.record(m, SYSTEM_CALLER, {
        sessionId: session.sessionId,
        centreId: session.centreId,
        entity: 'session',
        entityId: session.sessionId,
        action: 'purge',
        snapshot: {
          motif: `Durée de conservation de ${this.config.retentionYears} ans écoulée (fin de session avant le ${cutoff})`,
          candidatsAnonymises: purged.length,
          personnesAnonymisees: erasedPeople,
          champsEffaces: PURGED_FIELDS,
        },
      });
      return purged.length;
    });
  }
}

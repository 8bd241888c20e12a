import { Injectable, StreamableFile } from '@nestjs/common';
import { Between, In } from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { CentresService } from '../centres/centres.service.js';
import { Site } from '../centres/site.entity.js';
import type { Caller } from '../common/caller.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { Titre } from '../titres/titre.entity.js';
import { User } from '../users/user.entity.js';
import { planningCsv, SESSION_STATUS_LABELS, type PlanningEntry } from './planning-csv.js';
import { Database } from '../database/database.js';

/**
 * The annual planning of a centre: every session starting in the year, cancelled and postponed
 * ones included with their status (the centre communicates its forecast, then its changes).
 */
@Injectable()
export class PlanningService {
  constructor(
    private readonly db: Database,
    private readonly centres: CentresService,
  ) {}

  async list(caller: Caller, centreId: string, year: number): Promise<PlanningEntry[]> {
    await this.centres.get(caller, centreId);
    const sessions = await this.db.read((m) =>
      m.getRepository(ExamSession).find({
        where: { centreId, startDate: Between(`${year}-01-01`, `${year}-12-31`) },
        order: { startDate: 'ASC', endDate: 'ASC', id: 'ASC' },
      }),
    );
    if (sessions.length === 0) return [];
    const sessionIds = sessions.map((s) => s.id);
    const managerIds = [
      ...new Set(sessions.flatMap((s) => [s.managerId, s.deputyManagerId])),
    ].filter((id): id is string => id !== null);
    const [titres, sites, counts, managers] = await Promise.all([
      this.db.read((m) =>
        m
          .getRepository(Titre)
          .find({ where: { id: In([...new Set(sessions.map((s) => s.titreId))]) } }),
      ),
      this.db.read((m) =>
        m
          .getRepository(Site)
          .find({ where: { id: In([...new Set(sessions.map((s) => s.siteId))]) } }),
      ),
      this.db.read((m) =>
        m
          .getRepository(Candidate)
          .createQueryBuilder('c')
          .select('c.sessionId', 'sessionId')
          .addSelect('COUNT(*)', 'count')
          .where({ sessionId: In(sessionIds) })
          .groupBy('c.sessionId')
          .getRawMany<{ sessionId: string; count: string | number }>(),
      ),
      managerIds.length === 0
        ? Promise.resolve([])
        : this.db.read((m) =>
            m.getRepository(User).find({
              select: { id: true, firstName: true, lastName: true, email: true },
              where: { id: In(managerIds) },
            }),
          ),
    ]);
    const nameById = new Map(
      managers.map((u) => [u.id, `${u.firstName} ${u.lastName}`.trim() || u.email]),
    );
    const nameOf = (id: string | null): string => (id === null ? '' : (nameById.get(id) ?? ''));
    const titreById = new Map(titres.map((t) => [t.id, t]));
    const siteById = new Map(sites.map((s) => [s.id, s]));
    const countBySession = new Map(counts.map((c) => [c.sessionId, Number(c.count)]));
    return sessions.map((s) => {
      const titre = titreById.get(s.titreId);
      return {
        sessionId: s.id,
        titreCode: titre?.code ?? '',
        titreLabel: titre?.label ?? '',
        titreVersion: titre?.version ?? '',
        nature: s.nature,
        ccpCodes: s.ccpCodes,
        siteName: siteById.get(s.siteId)?.name ?? '',
        startDate: s.startDate,
        endDate: s.endDate,
        location: s.location,
        candidateCount: countBySession.get(s.id) ?? 0,
        managerName: nameOf(s.managerId),
        deputyManagerName: nameOf(s.deputyManagerId),
        status: s.status,
        statusLabel: SESSION_STATUS_LABELS[s.status],
      };
    });
  }

  async csv(caller: Caller, centreId: string, year: number): Promise<StreamableFile> {
    const entries = await this.list(caller, centreId, year);
    return new StreamableFile(Buffer.from(planningCsv(entries), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="planning-${year}.csv"`,
    });
  }
}

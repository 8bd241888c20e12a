import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import {
  DEFAULT_REGION,
  workingDayFallback,
  type FrenchRegion,
} from '../common/french-holidays.js';
import { forbidden, notFound } from '../common/errors.js';
import { Centre } from './centre.entity.js';
import type { CreateCentreDto, CreateSiteDto, UpdateCentreRegionDto } from './dto/centre.dto.js';
import { Site } from './site.entity.js';
import { Database } from '../database/database.js';

@Injectable()
export class CentresService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  create(dto: CreateCentreDto): Promise<Centre> {
    return this.db.transaction((m) =>
      m.getRepository(Centre).save(
        m.getRepository(Centre).create({
          name: dto.name,
          siret: dto.siret ?? null,
          address: dto.address ?? '',
          postalCode: dto.postalCode ?? '',
          city: dto.city ?? '',
          region: dto.region ?? DEFAULT_REGION,
          createdAt: this.clock.nowIso(),
        }),
      ),
    );
  }

  list(caller: Caller): Promise<Centre[]> {
    const ids = readableCentreIds(caller);
    return this.db.read((m) =>
      m.getRepository(Centre).find({
        where: ids === null ? {} : { id: In(ids) },
        relations: { sites: true },
        order: { name: 'ASC' },
      }),
    );
  }

  /** A centre the caller may read; another centre's answers 404 as if it did not exist. */
  async get(caller: Caller, id: string): Promise<Centre> {
    const centre = canReadCentre(caller, id)
      ? await this.db.read((m) =>
          m.getRepository(Centre).findOne({ where: { id }, relations: { sites: true } }),
        )
      : null;
    if (!centre) throw notFound('Centre');
    return centre;
  }

  /**
   * Sets the centre's region; the working-day fallback of the open tasks of its sessions follows
   * the region's public holidays (their due dates do not change).
   */
  async setRegion(caller: Caller, id: string, dto: UpdateCentreRegionDto): Promise<Centre> {
    const centre = await this.get(caller, id);
    if (!canWriteCentre(caller, id)) throw forbidden();
    if (centre.region === dto.region) return centre;
    await this.db.transaction(async (m) => {
      await m.getRepository(Centre).update({ id }, { region: dto.region });
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: id,
        entity: 'centre',
        entityId: id,
        action: 'update',
        changes: { region: { before: centre.region, after: dto.region } },
      });
      await refreshWorkingDayFallbacks(m, id, dto.region);
    });
    return this.get(caller, id);
  }

  async addSite(caller: Caller, centreId: string, dto: CreateSiteDto): Promise<Site> {
    await this.get(caller, centreId);
    if (!canWriteCentre(caller, centreId)) throw forbidden();
    return this.db.transaction((m) =>
      m.getRepository(Site).save(
        m.getRepository(Site).create({
          centreId,
          name: dto.name,
          address: dto.address ?? '',
          postalCode: dto.postalCode ?? '',
          city: dto.city ?? '',
          createdAt: this.clock.nowIso(),
        }),
      ),
    );
  }

  /** A site of a centre the caller may read, or 404. */
  async getSite(caller: Caller, siteId: string): Promise<Site> {
    const site = await this.db.read((m) =>
      m.getRepository(Site).findOne({ where: { id: siteId } }),
    );
    if (!site || !canReadCentre(caller, site.centreId)) throw notFound('Site');
    return site;
  }
}

/** The open tasks of a centre's sessions get the working-day fallback of its region. */
async function refreshWorkingDayFallbacks(
  m: EntityManager,
  centreId: string,
  region: FrenchRegion,
): Promise<void> {
  const sessions = await m.getRepository(ExamSession).find({
    select: { id: true },
    where: { centreId, status: Not(In(['CANCELLED', 'CLOSED'])) },
  });
  if (sessions.length === 0) return;
  const tasks = await m.getRepository(SessionTask).find({
    select: { id: true, dueDate: true, workingDayFallback: true },
    where: { sessionId: In(sessions.map((s) => s.id)), status: 'todo' },
  });
  for (const task of tasks) {
    const fallback = workingDayFallback(task.dueDate, region);
    if (fallback !== task.workingDayFallback) {
      await m.getRepository(SessionTask).update({ id: task.id }, { workingDayFallback: fallback });
    }
  }
}

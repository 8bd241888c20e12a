import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/errors.js';
import { Centre } from './centre.entity.js';
import type { CreateCentreDto, CreateSiteDto } from './dto/centre.dto.js';
import { Site } from './site.entity.js';
import { Database } from '../database/database.js';

@Injectable()
export class CentresService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
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

import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { agrementDateErrors } from './agrement-rules.js';
import { CentresService } from '../centres/centres.service.js';
import { TitresService } from '../titres/titres.service.js';
import { Agrement } from './agrement.entity.js';
import type { CreateAgrementDto, UpdateAgrementDto } from './dto/create-agrement.dto.js';
import { Database } from '../database/database.js';

const UPDATABLE = [
  'validFrom',
  'validUntil',
  'maxCandidates',
  'technicalPlatform',
  'reference',
] as const;

@Injectable()
export class AgrementsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
    private readonly titres: TitresService,
  ) {}

  async create(caller: Caller, dto: CreateAgrementDto): Promise<Agrement> {
    const site = await this.centres.getSite(caller, dto.siteId);
    await this.centres.get(caller, dto.centreId);
    if (site.centreId !== dto.centreId) {
      throw fieldError('siteId', 'Le champ « siteId » désigne un site d’un autre centre.');
    }
    if (!canWriteCentre(caller, dto.centreId)) throw forbidden();
    const titre = await this.titres.get(dto.titreId);
    const ccsCode = dto.ccsCode === undefined || dto.ccsCode === '' ? null : dto.ccsCode;
    if (ccsCode !== null) {
      const ccs = (titre.ccps ?? []).filter((c) => c.kind === 'CCS').map((c) => c.code);
      if (!ccs.includes(ccsCode)) {
        throw fieldError(
          'ccsCode',
          ccs.length === 0
            ? `Le champ « ccsCode » (${ccsCode}) doit être vide : le titre ${titre.code} n’a pas de CCS.`
            : `Le champ « ccsCode » (${ccsCode}) n’est pas un CCS du titre ${titre.code} : ${ccs.join(', ')}.`,
        );
      }
    }
    const validFrom = dto.validFrom ?? null;
    refuseFieldErrors(agrementDateErrors({ validFrom, validUntil: dto.validUntil }));
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(Agrement).save(
        m.getRepository(Agrement).create({
          ...dto,
          ccsCode,
          validFrom,
          technicalPlatform: dto.technicalPlatform ?? '',
          reference: dto.reference ?? '',
          createdAt: this.clock.nowIso(),
        }),
      );
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: saved.centreId,
        entity: 'agrement',
        entityId: saved.id,
        action: 'create',
        snapshot: saved,
      });
      return saved;
    });
  }

  /** Corrects an agrément of one of the caller's centres (dates, capacity, plateau, reference). */
  async update(caller: Caller, id: string, dto: UpdateAgrementDto): Promise<Agrement> {
    return this.db.transaction(async (m) => {
      const current = await this.readable(m, caller, id);
      if (!canWriteCentre(caller, current.centreId)) throw forbidden();
      const values: Partial<Agrement> = {};
      for (const field of UPDATABLE) {
        if (dto[field] !== undefined) Object.assign(values, { [field]: dto[field] });
      }
      refuseFieldErrors(agrementDateErrors({ ...current, ...values }));
      const changes = diffFields(current, values, UPDATABLE);
      if (Object.keys(changes).length === 0) return current;
      await m.getRepository(Agrement).update({ id }, values);
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: current.centreId,
        entity: 'agrement',
        entityId: id,
        action: 'update',
        changes,
      });
      return m.getRepository(Agrement).findOneOrFail({ where: { id } });
    });
  }

  /** An agrément of a centre the caller can read (404 otherwise, as if it did not exist). */
  async get(caller: Caller, id: string): Promise<Agrement> {
    return this.db.read((m) => this.readable(m, caller, id));
  }

  private async readable(m: EntityManager, caller: Caller, id: string): Promise<Agrement> {
    const agrement = await m.getRepository(Agrement).findOne({ where: { id } });
    if (!agrement || !canReadCentre(caller, agrement.centreId)) throw notFound('Agrément');
    return agrement;
  }

  list(caller: Caller, centreId?: string): Promise<Agrement[]> {
    const ids = readableCentreIds(caller);
    const scope = ids === null ? undefined : ids;
    const where =
      centreId !== undefined
        ? { centreId: scope === undefined || scope.includes(centreId) ? centreId : In([]) }
        : scope === undefined
          ? {}
          : { centreId: In(scope) };
    return this.db.read((m) =>
      m.getRepository(Agrement).find({ where, order: { validUntil: 'DESC' } }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden } from '../common/errors.js';
import { fieldError } from '../common/validation/field-errors.js';
import { CentresService } from '../centres/centres.service.js';
import { TitresService } from '../titres/titres.service.js';
import { Agrement } from './agrement.entity.js';
import type { CreateAgrementDto } from './dto/create-agrement.dto.js';
import { Database } from '../database/database.js';

@Injectable()
export class AgrementsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
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
    return this.db.transaction((m) =>
      m.getRepository(Agrement).save(
        m.getRepository(Agrement).create({
          ...dto,
          ccsCode,
          technicalPlatform: dto.technicalPlatform ?? '',
          reference: dto.reference ?? '',
          createdAt: this.clock.nowIso(),
        }),
      ),
    );
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

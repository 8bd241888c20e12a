import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { fieldError } from '../common/validation/field-errors.js';
import { Ccp } from './ccp.entity.js';
import type { CreateTitreDto } from './dto/create-titre.dto.js';
import { Titre } from './titre.entity.js';
import { Database } from '../database/database.js';

@Injectable()
export class TitresService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateTitreDto): Promise<Titre> {
    const codes = dto.ccps.map((c) => c.code);
    if (new Set(codes).size !== codes.length) {
      throw fieldError('ccps', 'Le champ « ccps » contient deux fois le même code de CCP.');
    }
    const id = await this.db.transaction(async (m) => {
      if (
        await m.getRepository(Titre).exists({ where: { code: dto.code, version: dto.version } })
      ) {
        throw fieldError(
          'code',
          `Le titre ${dto.code} millésime ${dto.version} existe déjà (champs « code » et « version »).`,
          409,
        );
      }
      const titre = await m.getRepository(Titre).save(
        m.getRepository(Titre).create({
          code: dto.code,
          label: dto.label,
          version: dto.version,
          validUntil: dto.validUntil,
          createdAt: this.clock.nowIso(),
        }),
      );
      await m.getRepository(Ccp).insert(
        dto.ccps.map((c, position) => ({
          titreId: titre.id,
          code: c.code,
          label: c.label,
          kind: c.kind ?? 'CCP',
          position,
        })),
      );
      return titre.id;
    });
    return this.get(id);
  }

  list(): Promise<Titre[]> {
    return this.db.read((m) =>
      m.getRepository(Titre).find({
        relations: { ccps: true },
        order: { code: 'ASC', version: 'DESC', ccps: { position: 'ASC' } },
      }),
    );
  }

  async get(id: string): Promise<Titre> {
    const titre = await this.db.read((m) =>
      m.getRepository(Titre).findOne({
        where: { id },
        relations: { ccps: true },
        order: { ccps: { position: 'ASC' } },
      }),
    );
    if (!titre) throw notFound('Titre');
    return titre;
  }
}

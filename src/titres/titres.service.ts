import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { Ccp } from './ccp.entity.js';
import type { CreateTitreDto, UpdateTitreDto } from './dto/create-titre.dto.js';
import { prolongationUntilError } from './titre-rules.js';
import { juryRequirementsError, type JuryRequirements } from '../jury/jury-requirements.js';
import { Titre } from './titre.entity.js';
import { ccpCqcChanges, cqcOf } from './ccp-cqc.js';
import { Database } from '../database/database.js';

@Injectable()
export class TitresService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateTitreDto): Promise<Titre> {
    refuseFieldErrors([
      prolongationUntilError(dto.validUntil, dto.prolongationUntil),
      juryRequirementsError(dto.juryRequirements),
    ]);
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
          prolongationUntil: dto.prolongationUntil ?? null,
          examTests: dto.examTests ?? [],
          convocationDocuments: dto.convocationDocuments ?? [],
          juryRequirements: juryRequirementsOf(dto.juryRequirements),
          cqc: cqcOf(dto.cqc),
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
          cqc: cqcOf(c.cqc),
        })),
      );
      return titre.id;
    });
    return this.get(id);
  }

  /**
   * Changes the end of validity or of the prolongation year, the tests or the documents to bring
   * of a titre version (audited).
   */
  async update(caller: Caller, id: string, dto: UpdateTitreDto): Promise<Titre> {
    const current = await this.get(id);
    const next = {
      validUntil: dto.validUntil ?? current.validUntil,
      prolongationUntil:
        dto.prolongationUntil === undefined ? current.prolongationUntil : dto.prolongationUntil,
      examTests: dto.examTests ?? current.examTests,
      convocationDocuments: dto.convocationDocuments ?? current.convocationDocuments,
      juryRequirements:
        dto.juryRequirements === undefined
          ? current.juryRequirements
          : juryRequirementsOf(dto.juryRequirements),
      cqc: dto.cqc === undefined ? current.cqc : cqcOf(dto.cqc),
    };
    const ccpChanges = ccpCqcChanges(current.ccps ?? [], dto.ccps ?? []);
    refuseFieldErrors([
      prolongationUntilError(next.validUntil, next.prolongationUntil),
      juryRequirementsError(dto.juryRequirements),
      ...ccpChanges.errors,
    ]);
    const changes = diffFields(current, next, [
      'validUntil',
      'prolongationUntil',
      'examTests',
      'convocationDocuments',
      'juryRequirements',
      'cqc',
    ] as const);
    for (const change of ccpChanges.changes) {
      changes[`ccps.${change.code}.cqc`] = { before: change.before, after: change.after };
    }
    if (Object.keys(changes).length === 0) return current;
    await this.db.transaction(async (m) => {
      await m.getRepository(Titre).update({ id }, next);
      for (const change of ccpChanges.changes) {
        await m.getRepository(Ccp).update({ id: change.id }, { cqc: change.after });
      }
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: null,
        entity: 'titre',
        entityId: id,
        action: 'update',
        changes,
      });
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

/** The stored requirements: the DTO's fields only, categories in the list's order. */
function juryRequirementsOf(
  dto: { licenceCategories: string[]; cqc: boolean; source: string } | null | undefined,
): JuryRequirements | null {
  if (!dto) return null;
  return {
    licenceCategories: [...dto.licenceCategories] as JuryRequirements['licenceCategories'],
    cqc: dto.cqc,
    source: dto.source,
  };
}

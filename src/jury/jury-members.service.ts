import { Injectable, NotFoundException } from '@nestjs/common';
import { In, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { byName } from '../common/person-order.js';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/errors.js';
import { fieldError } from '../common/validation/field-errors.js';
import { CentresService } from '../centres/centres.service.js';
import { TitresService } from '../titres/titres.service.js';
import type {
  CreateJuryMemberDto,
  HabilitationDto,
  ListJuryMembersQuery,
  UpdateJuryMemberDto,
} from './dto/jury-member.dto.js';
import { Habilitation } from './habilitation.entity.js';
import { unknownCcpCodes } from './habilitation-rules.js';
import { JuryMember } from './jury-member.entity.js';
import { Database } from '../database/database.js';

const AUDITED_FIELDS = [
  'lastName',
  'firstName',
  'email',
  'phone',
  'employer',
  'address',
  'professionalised',
  'licenceCategories',
  'cqcValidUntil',
] as const;

type NewHabilitation = Pick<Habilitation, 'titreId' | 'validUntil' | 'ccpCodes' | 'basis'>;

@Injectable()
export class JuryMembersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
    private readonly titres: TitresService,
  ) {}

  async create(caller: Caller, dto: CreateJuryMemberDto): Promise<JuryMember> {
    await this.centres.get(caller, dto.centreId);
    if (!canWriteCentre(caller, dto.centreId)) throw forbidden();
    const habilitations: NewHabilitation[] = [];
    for (const [index, habilitation] of (dto.habilitations ?? []).entries()) {
      habilitations.push(await this.checkHabilitation(habilitation, `habilitations[${index}].`));
    }
    const id = await this.db.transaction(async (m) => {
      const member = await m.getRepository(JuryMember).save(
        m.getRepository(JuryMember).create({
          centreId: dto.centreId,
          lastName: dto.lastName,
          firstName: dto.firstName,
          email: dto.email,
          phone: dto.phone || null,
          employer: dto.employer ?? '',
          address: dto.address ?? '',
          professionalised: dto.professionalised ?? false,
          licenceCategories: dto.licenceCategories ?? [],
          cqcValidUntil: dto.cqcValidUntil ?? null,
          createdAt: this.clock.nowIso(),
        }),
      );
      const saved = await m
        .getRepository(Habilitation)
        .save(
          habilitations.map((h) =>
            m.getRepository(Habilitation).create({ ...h, juryMemberId: member.id }),
          ),
        );
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: member.centreId,
        entity: 'jury_member',
        entityId: member.id,
        action: 'create',
        snapshot: { ...member, habilitations: saved },
      });
      return member.id;
    });
    return this.get(caller, id);
  }

  list(caller: Caller, query: ListJuryMembersQuery): Promise<JuryMember[]> {
    const ids = readableCentreIds(caller);
    const where: FindOptionsWhere<JuryMember> = {};
    if (query.centreId) {
      where.centreId = ids === null || ids.includes(query.centreId) ? query.centreId : In([]);
    } else if (ids !== null) {
      where.centreId = In(ids);
    }
    return this.findWithHabilitations(where);
  }

  /** A jury member of a centre the caller may read; another centre's answers 404. */
  async get(caller: Caller, id: string): Promise<JuryMember> {
    const [member] = await this.findWithHabilitations({ id });
    if (!member || !canReadCentre(caller, member.centreId)) throw notFound('Membre de jury');
    return member;
  }

  async update(caller: Caller, id: string, dto: UpdateJuryMemberDto): Promise<JuryMember> {
    const current = await this.writableMember(caller, id);
    const next: Partial<JuryMember> = { ...dto };
    if (next.phone === '') next.phone = null;
    const changes = diffFields(current, next, AUDITED_FIELDS);
    if (Object.keys(changes).length === 0) return current;
    await this.db.transaction(async (m) => {
      const values: Partial<JuryMember> = {};
      for (const field of Object.keys(changes) as (typeof AUDITED_FIELDS)[number][]) {
        Object.assign(values, { [field]: next[field] });
      }
      await m.getRepository(JuryMember).update({ id }, values);
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: current.centreId,
        entity: 'jury_member',
        entityId: id,
        action: 'update',
        changes,
      });
    });
    return this.get(caller, id);
  }

  async addHabilitation(caller: Caller, id: string, dto: HabilitationDto): Promise<JuryMember> {
    const member = await this.writableMember(caller, id);
    const values = await this.checkHabilitation(dto, '');
    await this.db.transaction(async (m) => {
      const habilitation = await m
        .getRepository(Habilitation)
        .save(m.getRepository(Habilitation).create({ ...values, juryMemberId: id }));
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: member.centreId,
        entity: 'habilitation',
        entityId: habilitation.id,
        action: 'create',
        snapshot: habilitation,
      });
    });
    return this.get(caller, id);
  }

  /** The members with their habilitations, by name. */
  private async findWithHabilitations(where: FindOptionsWhere<JuryMember>): Promise<JuryMember[]> {
    const members = await this.db.read((m) =>
      m.getRepository(JuryMember).find({
        where,
        relations: { habilitations: true },
        order: { habilitations: { validUntil: 'ASC' } },
      }),
    );
    return members.sort(byName);
  }

  private async writableMember(caller: Caller, id: string): Promise<JuryMember> {
    const member = await this.get(caller, id);
    if (!canWriteCentre(caller, member.centreId)) throw forbidden();
    return member;
  }

  /** The titre exists and each restricted CCP is one of its CCPs; `prefix` names the entry. */
  private async checkHabilitation(dto: HabilitationDto, prefix: string): Promise<NewHabilitation> {
    const titre = await this.titres.get(dto.titreId).catch((error: unknown) => {
      if (error instanceof NotFoundException) {
        throw fieldError(
          `${prefix}titreId`,
          `Le champ « ${prefix}titreId » ne désigne aucun titre professionnel connu.`,
        );
      }
      throw error;
    });
    const ccpCodes = [...new Set(dto.ccpCodes ?? [])];
    const unknown = unknownCcpCodes(
      (titre.ccps ?? []).map((c) => c.code),
      ccpCodes,
    );
    if (unknown.length > 0) {
      throw fieldError(
        `${prefix}ccpCodes`,
        `Le champ « ${prefix}ccpCodes » contient des codes inconnus pour le titre ${titre.code} : ${unknown.join(', ')}.`,
      );
    }
    return { titreId: titre.id, validUntil: dto.validUntil, ccpCodes, basis: dto.basis ?? null };
  }
}

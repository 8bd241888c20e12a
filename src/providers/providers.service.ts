import { ConflictException, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { Candidate } from '../candidates/candidate.entity.js';
import { CentresService } from '../centres/centres.service.js';
import { canWriteCentre, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/errors.js';
import { refuseFieldErrors, type FieldError } from '../common/validation/field-errors.js';
import { Database } from '../database/database.js';
import { Titre } from '../titres/titre.entity.js';
import { ConventionAvenant } from './convention-avenant.entity.js';
import type {
  CreateAvenantDto,
  CreateConventionDto,
  CreateProviderDto,
  UpdateAvenantDto,
  UpdateConventionDto,
  UpdateProviderDto,
} from './dto/provider.dto.js';
import { ProviderConvention } from './provider-convention.entity.js';
import { TrainingProvider } from './training-provider.entity.js';

export type ConventionView = ProviderConvention & { avenants: ConventionAvenant[] };
export type ProviderView = TrainingProvider & { conventions: ConventionView[] };

const PROVIDER_FIELDS = ['name', 'siret', 'address', 'contact'] as const;
const CONVENTION_FIELDS = [
  'signedOn',
  'effectiveFrom',
  'sentToPrefectOn',
  'titreIds',
  'certifications',
  'registrationTerms',
  'forecastCurrentYear',
  'forecastNextYear',
] as const;
const AVENANT_FIELDS = ['year', 'forecastCount', 'sentToPrefectOn'] as const;

/** Fields that may be set to null; null on another field of a change is refused. */
const NULLABLE = new Set(['siret', 'sentToPrefectOn']);

function nullErrors(dto: object): FieldError[] {
  return Object.entries(dto)
    .filter(([field, value]) => value === null && !NULLABLE.has(field))
    .map(([field]) => ({ field, message: `Le champ « ${field} » ne peut pas être vide.` }));
}

/** The dates of a convention must follow each other: signed, then in force. */
function conventionErrors(
  values: Pick<ProviderConvention, 'signedOn' | 'effectiveFrom'>,
): FieldError[] {
  return values.effectiveFrom < values.signedOn
    ? [
        {
          field: 'effectiveFrom',
          message:
            'Le champ « effectiveFrom » (entrée en vigueur) ne peut pas précéder la signature (« signedOn »).',
        },
      ]
    : [];
}

/**
 * A centre's training providers (organismes de formation), their written conventions and annual
 * avenants (arrêté du 21 juillet 2016 relatif aux modalités d’agrément, article 3, modifié par
 * l’arrêté du 1er octobre 2024). Reads are scoped to the caller's centres; writes are audited.
 */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
  ) {}

  async list(caller: Caller, centreId: string): Promise<ProviderView[]> {
    await this.centres.get(caller, centreId);
    return this.db.read((m) => this.providersOf(m, centreId));
  }

  /** The providers of a centre without access check: for other modules. */
  listForCentre(centreId: string): Promise<ProviderView[]> {
    return this.db.read((m) => this.providersOf(m, centreId));
  }

  /**
   * How many enrolled candidates each provider of the centre trained (providers without any are
   * left out): a provider still named by a candidate cannot be deleted.
   */
  async trainedCounts(caller: Caller, centreId: string): Promise<Map<string, number>> {
    await this.centres.get(caller, centreId);
    return this.db.read(async (m) => {
      const providers = await m
        .getRepository(TrainingProvider)
        .find({ select: { id: true }, where: { centreId } });
      const counts = new Map<string, number>();
      if (providers.length === 0) return counts;
      const trained = await m.getRepository(Candidate).find({
        select: { id: true, trainingProviderId: true },
        where: { trainingProviderId: In(providers.map((p) => p.id)) },
      });
      for (const { trainingProviderId: id } of trained) {
        if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    });
  }

  async create(
    caller: Caller,
    centreId: string,
    dto: CreateProviderDto,
  ): Promise<TrainingProvider> {
    await this.writable(caller, centreId);
    return this.db.transaction(async (m) => {
      const repository = m.getRepository(TrainingProvider);
      const provider = await repository.save(
        repository.create({
          centreId,
          name: dto.name,
          siret: dto.siret ?? null,
          address: dto.address ?? '',
          contact: dto.contact ?? '',
          createdAt: this.clock.nowIso(),
        }),
      );
      await this.record(m, caller, centreId, 'training_provider', provider.id, 'create', provider);
      return provider;
    });
  }

  async update(
    caller: Caller,
    centreId: string,
    providerId: string,
    dto: UpdateProviderDto,
  ): Promise<TrainingProvider> {
    await this.writable(caller, centreId);
    refuseFieldErrors(nullErrors(dto));
    return this.db.transaction(async (m) => {
      const current = await this.provider(m, centreId, providerId);
      const changes = diffFields(current, { ...dto }, PROVIDER_FIELDS);
      if (Object.keys(changes).length === 0) return current;
      await m.getRepository(TrainingProvider).update({ id: providerId }, { ...dto });
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId,
        entity: 'training_provider',
        entityId: providerId,
        action: 'update',
        changes,
      });
      return this.provider(m, centreId, providerId);
    });
  }

  async remove(caller: Caller, centreId: string, providerId: string): Promise<void> {
    await this.writable(caller, centreId);
    await this.db.transaction(async (m) => {
      const provider = await this.provider(m, centreId, providerId);
      const trained = await m.getRepository(Candidate).count({
        where: { trainingProviderId: providerId },
      });
      if (trained > 0) {
        throw new ConflictException(
          `L’organisme ${provider.name} a formé ${trained} candidat${trained > 1 ? 's' : ''} inscrit${trained > 1 ? 's' : ''} : il ne peut pas être supprimé.`,
        );
      }
      await m.getRepository(TrainingProvider).delete({ id: providerId });
      await this.record(m, caller, centreId, 'training_provider', providerId, 'delete', provider);
    });
  }

  async createConvention(
    caller: Caller,
    centreId: string,
    providerId: string,
    dto: CreateConventionDto,
  ): Promise<ProviderConvention> {
    await this.writable(caller, centreId);
    refuseFieldErrors(conventionErrors(dto));
    await this.checkTitres(dto.titreIds);
    return this.db.transaction(async (m) => {
      await this.provider(m, centreId, providerId);
      const repository = m.getRepository(ProviderConvention);
      const convention = await repository.save(
        repository.create({
          providerId,
          centreId,
          signedOn: dto.signedOn,
          effectiveFrom: dto.effectiveFrom,
          sentToPrefectOn: dto.sentToPrefectOn ?? null,
          titreIds: dto.titreIds,
          certifications: dto.certifications ?? '',
          registrationTerms: dto.registrationTerms ?? '',
          forecastCurrentYear: dto.forecastCurrentYear,
          forecastNextYear: dto.forecastNextYear,
          createdAt: this.clock.nowIso(),
        }),
      );
      await this.record(
        m,
        caller,
        centreId,
        'provider_convention',
        convention.id,
        'create',
        convention,
      );
      return convention;
    });
  }

  async updateConvention(
    caller: Caller,
    centreId: string,
    providerId: string,
    conventionId: string,
    dto: UpdateConventionDto,
  ): Promise<ProviderConvention> {
    await this.writable(caller, centreId);
    refuseFieldErrors(nullErrors(dto));
    if (dto.titreIds) await this.checkTitres(dto.titreIds);
    return this.db.transaction(async (m) => {
      const current = await this.convention(m, centreId, providerId, conventionId);
      refuseFieldErrors(conventionErrors({ ...current, ...dto }));
      const changes = diffFields(current, { ...dto }, CONVENTION_FIELDS);
      if (Object.keys(changes).length === 0) return current;
      await m.getRepository(ProviderConvention).update({ id: conventionId }, { ...dto });
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId,
        entity: 'provider_convention',
        entityId: conventionId,
        action: 'update',
        changes,
      });
      return this.convention(m, centreId, providerId, conventionId);
    });
  }

  async removeConvention(
    caller: Caller,
    centreId: string,
    providerId: string,
    conventionId: string,
  ): Promise<void> {
    await this.writable(caller, centreId);
    await this.db.transaction(async (m) => {
      const convention = await this.convention(m, centreId, providerId, conventionId);
      await m.getRepository(ProviderConvention).delete({ id: conventionId });
      await this.record(
        m,
        caller,
        centreId,
        'provider_convention',
        conventionId,
        'delete',
        convention,
      );
    });
  }

  async createAvenant(
    caller: Caller,
    centreId: string,
    providerId: string,
    conventionId: string,
    dto: CreateAvenantDto,
  ): Promise<ConventionAvenant> {
    await this.writable(caller, centreId);
    return this.db.transaction(async (m) => {
      await this.convention(m, centreId, providerId, conventionId);
      const repository = m.getRepository(ConventionAvenant);
      const avenant = await repository.save(
        repository.create({
          conventionId,
          year: dto.year,
          forecastCount: dto.forecastCount,
          sentToPrefectOn: dto.sentToPrefectOn ?? null,
          createdAt: this.clock.nowIso(),
        }),
      );
      await this.record(m, caller, centreId, 'convention_avenant', avenant.id, 'create', avenant);
      return avenant;
    });
  }

  async updateAvenant(
    caller: Caller,
    centreId: string,
    providerId: string,
    conventionId: string,
    avenantId: string,
    dto: UpdateAvenantDto,
  ): Promise<ConventionAvenant> {
    await this.writable(caller, centreId);
    refuseFieldErrors(nullErrors(dto));
    return this.db.transaction(async (m) => {
      const current = await this.avenant(m, centreId, providerId, conventionId, avenantId);
      const changes = diffFields(current, { ...dto }, AVENANT_FIELDS);
      if (Object.keys(changes).length === 0) return current;
      await m.getRepository(ConventionAvenant).update({ id: avenantId }, { ...dto });
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId,
        entity: 'convention_avenant',
        entityId: avenantId,
        action: 'update',
        changes,
      });
      return this.avenant(m, centreId, providerId, conventionId, avenantId);
    });
  }

  async removeAvenant(
    caller: Caller,
    centreId: string,
    providerId: string,
    conventionId: string,
    avenantId: string,
  ): Promise<void> {
    await this.writable(caller, centreId);
    await this.db.transaction(async (m) => {
      const avenant = await this.avenant(m, centreId, providerId, conventionId, avenantId);
      await m.getRepository(ConventionAvenant).delete({ id: avenantId });
      await this.record(m, caller, centreId, 'convention_avenant', avenantId, 'delete', avenant);
    });
  }

  /** Refuses a provider of another centre for a candidate of a session of `centreId`. */
  async checkForCandidate(m: EntityManager, centreId: string, providerId: string): Promise<void> {
    const found = await m
      .getRepository(TrainingProvider)
      .exists({ where: { id: providerId, centreId } });
    if (!found) {
      refuseFieldErrors([
        {
          field: 'trainingProviderId',
          message:
            'Le champ « trainingProviderId » ne désigne pas un organisme de formation du centre de la session.',
        },
      ]);
    }
  }

  private async writable(caller: Caller, centreId: string): Promise<void> {
    await this.centres.get(caller, centreId);
    if (!canWriteCentre(caller, centreId)) throw forbidden();
  }

  private async checkTitres(titreIds: readonly string[]): Promise<void> {
    if (titreIds.length === 0) {
      refuseFieldErrors([
        { field: 'titreIds', message: 'Le champ « titreIds » doit citer au moins un titre.' },
      ]);
    }
    const found = await this.db.read((m) =>
      m.getRepository(Titre).count({ where: { id: In([...titreIds]) } }),
    );
    if (found !== titreIds.length) {
      refuseFieldErrors([
        { field: 'titreIds', message: 'Le champ « titreIds » désigne un titre inconnu.' },
      ]);
    }
  }

  private async providersOf(m: EntityManager, centreId: string): Promise<ProviderView[]> {
    const providers = await m
      .getRepository(TrainingProvider)
      .find({ where: { centreId }, order: { name: 'ASC', id: 'ASC' } });
    const conventions = await m
      .getRepository(ProviderConvention)
      .find({ where: { centreId }, order: { signedOn: 'DESC', id: 'ASC' } });
    const avenants =
      conventions.length === 0
        ? []
        : await m.getRepository(ConventionAvenant).find({
            where: { conventionId: In(conventions.map((c) => c.id)) },
            order: { year: 'ASC' },
          });
    return providers.map((p) => ({
      ...p,
      conventions: conventions
        .filter((c) => c.providerId === p.id)
        .map((c) => ({ ...c, avenants: avenants.filter((a) => a.conventionId === c.id) })),
    }));
  }

  private async provider(
    m: EntityManager,
    centreId: string,
    providerId: string,
  ): Promise<TrainingProvider> {
    const provider = await m
      .getRepository(TrainingProvider)
      .findOne({ where: { id: providerId, centreId } });
    if (!provider) throw notFound('Organisme de formation');
    return provider;
  }

  private async convention(
    m: EntityManager,
    centreId: string,
    providerId: string,
    conventionId: string,
  ): Promise<ProviderConvention> {
    const convention = await m
      .getRepository(ProviderConvention)
      .findOne({ where: { id: conventionId, providerId, centreId } });
    if (!convention) throw notFound('Convention');
    return convention;
  }

  private async avenant(
    m: EntityManager,
    centreId: string,
    providerId: string,
    conventionId: string,
    avenantId: string,
  ): Promise<ConventionAvenant> {
    await this.convention(m, centreId, providerId, conventionId);
    const avenant = await m
      .getRepository(ConventionAvenant)
      .findOne({ where: { id: avenantId, conventionId } });
    if (!avenant) throw notFound('Avenant');
    return avenant;
  }

  private record(
    m: EntityManager,
    caller: Caller,
    centreId: string,
    entity: string,
    entityId: string,
    action: 'create' | 'delete',
    snapshot: unknown,
  ): Promise<void> {
    return this.audit.record(m, caller, {
      sessionId: null,
      centreId,
      entity,
      entityId,
      action,
      snapshot,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Between, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { Agrement } from '../agrements/agrement.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { CentresService } from '../centres/centres.service.js';
import { canWriteCentre, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { DEFAULT_REGION, isFrenchRegion } from '../common/french-holidays.js';
import { forbidden } from '../common/errors.js';
import { refuseFieldErrors } from '../common/validation/field-errors.js';
import { Database } from '../database/database.js';
import { ProvidersService } from '../providers/providers.service.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { AnnualProgramme } from './annual-programme.entity.js';
import type { RecordAnnualProgrammeDto } from './dto/obligations.dto.js';
import { centreObligations, type CentreYearFacts, type Obligation } from './obligation-rules.js';

/**
 * A centre's yearly obligations (annual programme, provider avenants, agrément and titre ends)
 * and the record of its annual programme. Reads are scoped to the caller; writes are audited.
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
    private readonly providers: ProvidersService,
  ) {}

  async list(caller: Caller, centreId: string, year: number): Promise<Obligation[]> {
    await this.centres.get(caller, centreId);
    return this.forCentre(centreId, year);
  }

  /** The obligations of a centre without access check: for reminders. */
  async forCentre(centreId: string, year: number): Promise<Obligation[]> {
    return centreObligations(await this.facts(centreId, year));
  }

  async recordProgramme(
    caller: Caller,
    centreId: string,
    year: number,
    dto: RecordAnnualProgrammeDto,
  ): Promise<AnnualProgramme> {
    await this.centres.get(caller, centreId);
    if (!canWriteCentre(caller, centreId)) throw forbidden();
    const today = this.clock.today();
    refuseFieldErrors(
      dto.sentOn > today
        ? [
            {
              field: 'sentOn',
              message: 'Le champ « sentOn » ne peut pas être une date future.',
            },
          ]
        : [],
    );
    return this.db.transaction(async (m) => {
      const repository = m.getRepository(AnnualProgramme);
      const current = await repository.findOne({ where: { centreId, year } });
      const values = {
        sentOn: dto.sentOn,
        observations: dto.observations ?? current?.observations ?? '',
        sentById: caller.userId,
      };
      if (!current) {
        const created = await repository.save(
          repository.create({ centreId, year, ...values, createdAt: this.clock.nowIso() }),
        );
        await this.audit.record(m, caller, {
          sessionId: null,
          centreId,
          entity: 'annual_programme',
          entityId: created.id,
          action: 'create',
          snapshot: created,
        });
        return created;
      }
      const changes = diffFields(current, values, ['sentOn', 'observations', 'sentById']);
      if (Object.keys(changes).length === 0) return current;
      await repository.save({ ...current, ...values });
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId,
        entity: 'annual_programme',
        entityId: current.id,
        action: 'update',
        changes,
      });
      return repository.findOneOrFail({ where: { id: current.id } });
    });
  }

  private async facts(centreId: string, year: number): Promise<CentreYearFacts> {
    const first = `${String(year).padStart(4, '0')}-01-01`;
    const last = `${String(year).padStart(4, '0')}-12-31`;
    const [centre, programme, providers, agrements, sessionsInYear] = await Promise.all([
      this.db.read((m) =>
        m
          .getRepository(Centre)
          .findOne({ select: { id: true, region: true }, where: { id: centreId } }),
      ),
      this.db.read((m) => m.getRepository(AnnualProgramme).findOne({ where: { centreId, year } })),
      this.providers.listForCentre(centreId),
      this.db.read((m) =>
        m.getRepository(Agrement).find({
          where: { centreId },
          relations: { titre: true, site: true },
          order: { validUntil: 'ASC', id: 'ASC' },
        }),
      ),
      this.db.read((m) =>
        m.getRepository(ExamSession).count({
          where: { centreId, startDate: Between(first, last), status: Not('CANCELLED') },
        }),
      ),
    ]);
    const titres = new Map(
      agrements.flatMap((a) => (a.titre ? [[a.titre.id, a.titre] as const] : [])),
    );
    return {
      centreId,
      year,
      today: this.clock.today(),
      region: isFrenchRegion(centre?.region) ? centre.region : DEFAULT_REGION,
      programme: programme ? { sentOn: programme.sentOn } : null,
      hasSessionInYear: sessionsInYear > 0,
      conventions: providers.flatMap((p) =>
        p.conventions.map((c) => ({
          id: c.id,
          providerId: p.id,
          providerName: p.name,
          signedOn: c.signedOn,
          avenants: c.avenants.map((a) => ({ year: a.year, sentToPrefectOn: a.sentToPrefectOn })),
        })),
      ),
      agrements: agrements.map((a) => ({
        id: a.id,
        validFrom: a.validFrom ?? null,
        validUntil: a.validUntil,
        titreId: a.titreId,
        titreCode: a.titre?.code ?? '',
        titreLabel: a.titre?.label ?? '',
        siteName: a.site?.name ?? '',
        ccsCode: a.ccsCode,
      })),
      titres: [...titres.values()].map((t) => ({
        id: t.id,
        code: t.code,
        label: t.label,
        version: t.version,
        validUntil: t.validUntil,
      })),
    };
  }
}

import { ConflictException, Injectable } from '@nestjs/common';
import { In, LessThanOrEqual, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { compareDates } from '../common/calendar-date.js';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound, staleWrite } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { CentresService } from '../centres/centres.service.js';
import { updateIfUnchanged } from '../database/optimistic-update.js';
import { TitresService } from '../titres/titres.service.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User } from '../users/user.entity.js';
import type {
  CancelSessionDto,
  CreateSessionDto,
  ListSessionsQuery,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { ExamSession, type SessionNature } from './exam-session.entity.js';
import { SessionDateChange } from './session-date-change.entity.js';
import {
  ccpCodesNatureError,
  ceresCreatedOnError,
  dateOrderError,
  unknownCcpCodesError,
} from './session-rules.js';
import { SessionHeaderQuery } from './session-header.query.js';
import { sessionHeading, type SessionHeading } from './session-heading.js';
import { SessionEvents } from './session-events.js';
import { Database } from '../database/database.js';

const AUDITED_FIELDS = [
  'siteId',
  'nature',
  'ccpCodes',
  'startDate',
  'endDate',
  'ceresCreatedOn',
  'startTime',
  'location',
  'managerId',
  'deputyManagerId',
  'status',
  'cancelReason',
] as const;

export interface SessionView extends ExamSession {
  dateHistory: SessionDateChange[];
}

/** The API's GET of one session: with its heading, as every tab of the dashboard shows it. */
export interface SessionDetailView extends SessionView {
  heading: SessionHeading;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
    private readonly titres: TitresService,
    private readonly events: SessionEvents,
    private readonly headers: SessionHeaderQuery,
  ) {}

  /** A session the caller may read (or write); another centre's answers 404. */
  async findForCaller(
    caller: Caller,
    id: string,
    mode: 'read' | 'write' = 'read',
  ): Promise<ExamSession> {
    const session = await this.db.read((m) =>
      m.getRepository(ExamSession).findOne({ where: { id } }),
    );
    if (!session || !canReadCentre(caller, session.centreId)) throw notFound('Session');
    if (mode === 'write' && !canWriteCentre(caller, session.centreId)) throw forbidden();
    return session;
  }

  /** A session the caller may change and that is not cancelled (409 otherwise). */
  async findWritable(
    caller: Caller,
    id: string,
    consequence = 'elle ne peut plus être modifiée',
  ): Promise<ExamSession> {
    const session = await this.findForCaller(caller, id, 'write');
    if (session.status === 'CANCELLED') {
      throw new ConflictException(`La session est annulée : ${consequence}.`);
    }
    return session;
  }

  private async checkCcps(
    titreId: string,
    nature: SessionNature,
    ccpCodes: string[],
  ): Promise<void> {
    const titre = await this.titres.get(titreId);
    refuseFieldErrors([
      ccpCodesNatureError(nature, ccpCodes) ??
        unknownCcpCodesError(
          titre.code,
          (titre.ccps ?? []).map((c) => c.code),
          ccpCodes,
        ),
    ]);
  }

  private async checkManager(field: string, userId: string, centreId: string): Promise<void> {
    const user = await this.db.read((m) =>
      m.getRepository(User).findOne({ where: { id: userId } }),
    );
    const member =
      user !== null &&
      user.active &&
      user.role !== 'viewer' &&
      (user.role === 'admin' ||
        (await this.db.read((m) =>
          m.getRepository(UserCentre).exists({ where: { userId, centreId } }),
        )));
    if (!member) {
      throw fieldError(
        field,
        `Le champ « ${field} » doit désigner un utilisateur actif (gestionnaire ou administrateur) du centre.`,
      );
    }
  }

  async create(caller: Caller, dto: CreateSessionDto): Promise<SessionView> {
    await this.centres.get(caller, dto.centreId);
    if (!canWriteCentre(caller, dto.centreId)) throw forbidden();
    const site = await this.centres.getSite(caller, dto.siteId);
    if (site.centreId !== dto.centreId) {
      throw fieldError('siteId', 'Le champ « siteId » désigne un site d’un autre centre.');
    }
    refuseFieldErrors([ceresCreatedOnError(dto.ceresCreatedOn, dto.startDate, this.clock.today())]);
    const ccpCodes = [...new Set(dto.ccpCodes ?? [])];
    await this.checkCcps(dto.titreId, dto.nature, ccpCodes);
    const managerId = dto.managerId ?? caller.userId;
    await this.checkManager('managerId', managerId, dto.centreId);
    if (dto.deputyManagerId)
      await this.checkManager('deputyManagerId', dto.deputyManagerId, dto.centreId);
    const now = this.clock.nowIso();
    const id = await this.db.transaction(async (m) => {
      const session = await m.getRepository(ExamSession).save(
        m.getRepository(ExamSession).create({
          centreId: dto.centreId,
          siteId: dto.siteId,
          titreId: dto.titreId,
          nature: dto.nature,
          ccpCodes,
          startDate: dto.startDate,
          endDate: dto.endDate,
          ceresCreatedOn: dto.ceresCreatedOn ?? null,
          startTime: dto.startTime ?? '09:00',
          location: dto.location ?? '',
          managerId,
          deputyManagerId: dto.deputyManagerId ?? null,
          status: 'PLANNED',
          cancelReason: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, caller, {
        sessionId: session.id,
        centreId: session.centreId,
        entity: 'session',
        entityId: session.id,
        action: 'create',
        snapshot: session,
      });
      await this.events.emitCreated(m, caller, session);
      return session.id;
    });
    return this.get(caller, id);
  }

  async list(caller: Caller, query: ListSessionsQuery): Promise<ExamSession[]> {
    const ids = readableCentreIds(caller);
    const centreFilter = query.centreId
      ? ids === null || ids.includes(query.centreId)
        ? query.centreId
        : In([])
      : ids === null
        ? undefined
        : In(ids);
    const where: FindOptionsWhere<ExamSession> = {};
    if (centreFilter !== undefined) where.centreId = centreFilter;
    if (query.siteId) where.siteId = query.siteId;
    if (query.titreId) where.titreId = query.titreId;
    if (query.status) where.status = query.status;
    if (query.from) where.endDate = MoreThanOrEqual(query.from);
    if (query.to) where.startDate = LessThanOrEqual(query.to);
    return this.db.read((m) =>
      m.getRepository(ExamSession).find({ where, order: { startDate: 'ASC', id: 'ASC' } }),
    );
  }

  async get(caller: Caller, id: string): Promise<SessionDetailView> {
    // The same read as the dashboard's tabs (SessionHeaderQuery), scoped the same way.
    const { session, header } = await this.headers.read(caller, id);
    const dateHistory = await this.db.read((m) =>
      m
        .getRepository(SessionDateChange)
        .find({ where: { sessionId: id }, order: { changedAt: 'ASC' } }),
    );
    return { ...session, dateHistory, heading: sessionHeading(session, header) };
  }

  async update(caller: Caller, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    const current = await this.findWritable(caller, id);
    if (dto.version !== undefined && dto.version !== current.version)
      throw staleWrite('La session');
    const next = { ...current, ...stripUndefined(dto) };
    refuseFieldErrors([
      dateOrderError(next.startDate, next.endDate),
      // Checked when entered (a date recorded earlier stays what CERES says).
      dto.ceresCreatedOn === undefined
        ? null
        : ceresCreatedOnError(dto.ceresCreatedOn, next.startDate, this.clock.today()),
    ]);
    if (dto.siteId && dto.siteId !== current.siteId) {
      const site = await this.centres.getSite(caller, dto.siteId);
      if (site.centreId !== current.centreId) {
        throw fieldError('siteId', 'Le champ « siteId » désigne un site d’un autre centre.');
      }
    }
    if (dto.nature !== undefined || dto.ccpCodes !== undefined) {
      await this.checkCcps(current.titreId, next.nature, next.ccpCodes);
    }
    if (dto.managerId) await this.checkManager('managerId', dto.managerId, current.centreId);
    if (dto.deputyManagerId)
      await this.checkManager('deputyManagerId', dto.deputyManagerId, current.centreId);

    const datesChanged = next.startDate !== current.startDate || next.endDate !== current.endDate;
    if (
      datesChanged &&
      compareDates(next.startDate, current.startDate) > 0 &&
      current.status === 'PLANNED'
    ) {
      next.status = dto.status ?? 'POSTPONED';
    }
    const changes = diffFields(current, next, AUDITED_FIELDS);
    if (Object.keys(changes).length === 0) return this.get(caller, id);

    await this.db.transaction(async (m) => {
      const values: Partial<ExamSession> = { updatedAt: this.clock.nowIso() };
      for (const field of Object.keys(changes) as (typeof AUDITED_FIELDS)[number][]) {
        Object.assign(values, { [field]: next[field] });
      }
      await updateIfUnchanged(m, ExamSession, current, values, 'La session');
      if (datesChanged) {
        await m.getRepository(SessionDateChange).insert({
          sessionId: id,
          previousStartDate: current.startDate,
          previousEndDate: current.endDate,
          newStartDate: next.startDate,
          newEndDate: next.endDate,
          reason: dto.reason ?? '',
          changedBy: caller.userId,
          changedAt: this.clock.nowIso(),
        });
      }
      await this.audit.record(m, caller, {
        sessionId: id,
        centreId: current.centreId,
        entity: 'session',
        entityId: id,
        action: datesChanged ? 'postpone' : 'update',
        changes,
      });
      if (datesChanged) {
        const updated = await m.getRepository(ExamSession).findOneOrFail({ where: { id } });
        await this.events.emitDatesChanged(m, caller, updated);
      }
    });
    return this.get(caller, id);
  }

  async cancel(caller: Caller, id: string, dto: CancelSessionDto): Promise<SessionView> {
    const current = await this.findForCaller(caller, id, 'write');
    if (current.status === 'CANCELLED') throw new ConflictException('La session est déjà annulée.');
    await this.db.transaction(async (m) => {
      await updateIfUnchanged(
        m,
        ExamSession,
        current,
        {
          status: 'CANCELLED',
          cancelReason: dto.reason,
          updatedAt: this.clock.nowIso(),
        },
        'La session',
      );
      await this.audit.record(m, caller, {
        sessionId: id,
        centreId: current.centreId,
        entity: 'session',
        entityId: id,
        action: 'cancel',
        changes: {
          status: { before: current.status, after: 'CANCELLED' },
          cancelReason: { before: current.cancelReason, after: dto.reason },
        },
      });
    });
    return this.get(caller, id);
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import { ConflictException, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { diffFields } from '../../audit/audit-diff.js';
import { Centre } from '../../centres/centre.entity.js';
import { addDays, compareDates, formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, readableCentreIds, type Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { forbidden, notFound, staleWrite } from '../../common/errors.js';
import {
  FieldErrorsException,
  fieldError,
  refuseFieldErrors,
  type FieldError,
} from '../../common/validation/field-errors.js';
import { Database } from '../../database/database.js';
import {
  FICHES_PER_SESSION,
  ficheSessionSummary,
  issueFiches,
  voidAndReEditFiche,
  voidAndReplaceFiche,
  type FicheEvent,
  type FicheSession,
  type FicheSessionSummary,
} from '../campaign-fiches.js';
import {
  FICHE_SESSION_KINDS,
  MAY_MAJORITY_REFERENCE,
  PLACEMENT_BASIS_LABELS,
  comparePupils,
  mayDate,
  schoolYearLabel,
  validateCampaignPupils,
  type CampaignPupil,
  type PlacementBasis,
  type PupilPlacement,
} from '../campaign-split.js';
import {
  buildCampaignTimeline,
  cardErrorReturnDeadline,
  isCardErrorReturnInTime,
  majorityDates,
  validateSpringHolidays,
  type CampaignStep,
} from '../campaign-timeline.js';
import { checkLicenceNumber } from '../licence-number.js';
import {
  CqcCampaign,
  CqcCampaignClass,
  CqcCampaignPupil,
  CqcCampaignSchool,
  CqcFiche,
  CqcFicheEvent,
  CqcFicheSession,
  CqcHandover,
} from './campaign.entity.js';
import { UnknownSchoolError, buildCampaignDocumentInput } from './campaign-document-input.js';
import type { CampaignDocumentInput, CampaignDocumentKind } from './campaign-documents.types.js';
import { classSplit, ficheSessionLabel } from './class-split.js';
import { CampaignDocumentsService } from './documents/campaign-documents.service.js';
import type {
  CreateCampaignDto,
  CreateClassDto,
  CreateFicheSessionsDto,
  CreateHandoverDto,
  CreatePupilsDto,
  CreateSchoolDto,
  IssueFichesDto,
  MajorityQuery,
  PatchCampaignDto,
  PatchClassDto,
  PatchHandoverDto,
  PatchPupilDto,
  PatchSchoolDto,
  PlacePupilDto,
  PupilRowDto,
  VoidFicheDto,
} from './dto/campaign.dto.js';
import { ficheSessionChanges, ficheSessionState } from './fiche-state.js';
import { cardErrorNote, handoverErrors } from './handover-check.js';

export interface CampaignView {
  id: string;
  centreId: string;
  schoolYear: number;
  schoolYearLabel: string;
  label: string;
  springHolidaysStart: string;
  springHolidaysEnd: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The dated steps with their reminders (campaign-timeline.ts). */
  timeline: readonly CampaignStep[];
  counts: {
    schools: number;
    classes: number;
    pupils: number;
    ficheSessions: number;
    fichesIssued: number;
    fichesVoided: number;
    cardsReceived: number;
    cardsHandedOver: number;
  };
}

export interface PupilView {
  id: string;
  classId: string;
  className: string;
  schoolId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  licenceHeld: boolean | null;
  licenceNumber: string | null;
  licenceDate: string | null;
  capClmObtained: boolean | null;
  ficheSessionId: string | null;
  placementBasis: string | null;
  placementBasisLabel: string | null;
  moveReason: string | null;
}

export interface PlacementView {
  pupilId: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  kind: string;
  basis: PlacementBasis;
  basisLabel: string;
  majorityDate: string;
  ofAgeOnReference: boolean;
  ofAgeByEnvelope: boolean;
  setByUser: boolean;
  warnings: readonly string[];
}

export interface ClassSplitView {
  classId: string;
  className: string;
  diploma: string;
  /** True once the class's fiche sessions are created (the proposal is then only informative). */
  sessionsCreated: boolean;
  referenceDate: string | null;
  envelopeDeadline: string | null;
  placements: PlacementView[];
  sessions: { kind: string; label: string; pupilIds: string[] }[];
  /** Why the class cannot be split (its list), in French; empty when it can. */
  errors: readonly string[];
}

export interface FicheView {
  number: number;
  pupilId: string | null;
  pupilName: string | null;
  status: 'ISSUED' | 'VOIDED';
  edition: number;
  editedOn: string;
  voidedOn: string | null;
  voidReason: string | null;
  replacedBy: number | null;
  replaces: number | null;
}

export interface FicheSessionView {
  id: string;
  classId: string;
  className: string;
  kind: string;
  label: string;
  capacity: number;
  summary: FicheSessionSummary;
  pupils: { id: string; lastName: string; firstName: string; placementBasis: string | null }[];
  fiches: FicheView[];
  history: (Omit<FicheEvent, 'pupilId'> & { pupilId: string | null })[];
}

export interface HandoverView {
  id: string;
  pupilId: string;
  lastName: string;
  firstName: string;
  classId: string;
  className: string;
  cardReceivedOn: string;
  handedOverOn: string | null;
  signedBy: string | null;
  errorReportedOn: string | null;
  errorDescription: string | null;
  errorReturnPostmarkedOn: string | null;
  /** Last day to post the card back (one month after its receipt). */
  errorReturnDeadline: string;
  /** Whether the card was posted back in time; null while not posted back. */
  errorReturnInTime: boolean | null;
  /** The card error's deadline and outcome, in French; null without error. */
  errorNote: string | null;
}

export interface MajorityView {
  from: string;
  to: string;
  entries: {
    pupilId: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    className: string;
    majorityDate: string;
    leapDayBirth: boolean;
    message: string;
  }[];
}

/** Everything stored about a campaign (for the documents). */
export interface CampaignData {
  campaign: CqcCampaign;
  centreName: string;
  schools: CqcCampaignSchool[];
  classes: CqcCampaignClass[];
  pupils: CqcCampaignPupil[];
  ficheSessions: CqcFicheSession[];
  fiches: CqcFiche[];
  handovers: CqcHandover[];
}

/** A rule refused what was asked: 409 with each French reason. */
function ruleRefusal(errors: readonly string[]): ConflictException {
  return new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    message: errors.join(' '),
    errors,
  });
}

function asCampaignPupil(p: CqcCampaignPupil): CampaignPupil {
  return {
    id: p.id,
    lastName: p.lastName,
    firstName: p.firstName,
    birthDate: p.birthDate,
    licenceHeld: p.licenceHeld,
  };
}

function pupilName(p: { lastName: string; firstName: string }): string {
  return `${p.lastName} ${p.firstName}`;
}

/** The rules name pupils by id: the users read their names. */
function withNames(errors: readonly string[], pupils: readonly CqcCampaignPupil[]): string[] {
  return errors.map((e) => pupils.reduce((text, p) => text.split(p.id).join(pupilName(p)), e));
}

const nullable = <T>(value: T | null | undefined, current: T | null): T | null =>
  value === undefined ? current : value;

@Injectable()
export class CqcCampaignService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly documents: CampaignDocumentsService,
  ) {}

  /** One of the campaign's four PDFs, for a school or the whole campaign. */
  async document(
    caller: Caller,
    campaignId: string,
    kind: CampaignDocumentKind,
    schoolId: string | null,
    signal?: AbortSignal,
  ): Promise<{ body: Uint8Array; fileName: string }> {
    const data = await this.data(caller, campaignId);
    let input: CampaignDocumentInput;
    try {
      input = buildCampaignDocumentInput(kind, data, schoolId, this.clock.today());
    } catch (error) {
      if (error instanceof UnknownSchoolError) {
        throw fieldError(
          'schoolId',
          'Le champ « schoolId » ne désigne aucun établissement de cette campagne.',
        );
      }
      throw error;
    }
    return {
      body: await this.documents.render(input, signal),
      fileName: this.documents.fileName(input),
    };
  }

  // ---- access ------------------------------------------------------------------------------

  /** The campaign when the caller may read it (404 otherwise), and may write it when asked. */
  private async campaignFor(
    m: EntityManager,
    caller: Caller,
    id: string,
    write: boolean,
  ): Promise<CqcCampaign> {
    const campaign = await m.getRepository(CqcCampaign).findOne({ where: { id } });
    const readable = readableCentreIds(caller);
    if (!campaign || (readable !== null && !readable.includes(campaign.centreId))) {
      throw notFound('Campagne CQC');
    }
    if (write && !canWriteCentre(caller, campaign.centreId)) throw forbidden();
    return campaign;
  }

  private async record(
    m: EntityManager,
    caller: Caller,
    campaign: CqcCampaign,
    entity: string,
    entityId: string,
    action: string,
    details: { snapshot?: unknown; changes?: ReturnType<typeof diffFields> },
  ): Promise<void> {
    await this.audit.record(m, caller, {
      sessionId: null,
      centreId: campaign.centreId,
      entity,
      entityId,
      action,
      ...details,
    });
  }

  private async child<T extends { campaignId: string }>(
    m: EntityManager,
    target: new () => T,
    campaignId: string,
    id: string,
    what: string,
  ): Promise<T> {
    const row = (await m.getRepository(target).findOne({ where: { id } as never })) as T | null;
    if (!row || row.campaignId !== campaignId) throw notFound(what);
    return row;
  }

  // ---- campaigns ---------------------------------------------------------------------------

  private springErrors(schoolYear: number, start: string, end: string): FieldError[] {
    return validateSpringHolidays(schoolYear, { start, end }).map((message) => ({
      field: message.startsWith('Début')
        ? 'springHolidaysStart'
        : message.startsWith('Fin')
          ? 'springHolidaysEnd'
          : 'schoolYear',
      message,
    }));
  }

  async create(caller: Caller, dto: CreateCampaignDto): Promise<CampaignView> {
    const readable = readableCentreIds(caller);
    if (readable !== null && !readable.includes(dto.centreId)) {
      throw fieldError('centreId', 'Le champ « centreId » ne désigne aucun de vos centres.');
    }
    if (!canWriteCentre(caller, dto.centreId)) throw forbidden();
    refuseFieldErrors(
      this.springErrors(dto.schoolYear, dto.springHolidaysStart, dto.springHolidaysEnd),
    );
    const id = await this.db.transaction(async (m) => {
      const centre = await m.getRepository(Centre).findOne({ where: { id: dto.centreId } });
      if (!centre) throw fieldError('centreId', 'Le champ « centreId » ne désigne aucun centre.');
      const existing = await m
        .getRepository(CqcCampaign)
        .findOne({ where: { centreId: dto.centreId, schoolYear: dto.schoolYear } });
      if (existing) {
        throw fieldError(
          'schoolYear',
          `Ce centre a déjà une campagne CQC par équivalence pour l’année scolaire ${schoolYearLabel(dto.schoolYear)}.`,
          409,
        );
      }
      const now = this.clock.nowIso();
      const repository = m.getRepository(CqcCampaign);
      const campaign = await repository.save(
        repository.create({
          centreId: dto.centreId,
          schoolYear: dto.schoolYear,
          label: dto.label || `Campagne CQC par équivalence ${schoolYearLabel(dto.schoolYear)}`,
          springHolidaysStart: dto.springHolidaysStart,
          springHolidaysEnd: dto.springHolidaysEnd,
          createdById: caller.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.record(m, caller, campaign, 'cqc_campaign', campaign.id, 'create', {
        snapshot: campaign,
      });
      return campaign.id;
    });
    return this.get(caller, id);
  }

  async list(caller: Caller): Promise<CqcCampaign[]> {
    const readable = readableCentreIds(caller);
    if (readable !== null && readable.length === 0) return [];
    return this.db.read((m) =>
      m.getRepository(CqcCampaign).find({
        where: readable === null ? {} : { centreId: In(readable) },
        order: { schoolYear: 'DESC', createdAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  async get(caller: Caller, id: string): Promise<CampaignView> {
    return this.db.read(async (m) => {
      const campaign = await this.campaignFor(m, caller, id, false);
      return this.view(m, campaign);
    });
  }

  private async view(m: EntityManager, campaign: CqcCampaign): Promise<CampaignView> {
    const where = { campaignId: campaign.id };
    const sessions = await m.getRepository(CqcFicheSession).find({ where });
    const fiches = sessions.length
      ? await m
          .getRepository(CqcFiche)
          .find({ where: { ficheSessionId: In(sessions.map((s) => s.id)) } })
      : [];
    const handovers = await m.getRepository(CqcHandover).find({ where });
    const timeline = buildCampaignTimeline(campaign.schoolYear, {
      start: campaign.springHolidaysStart,
      end: campaign.springHolidaysEnd,
    });
    return {
      id: campaign.id,
      centreId: campaign.centreId,
      schoolYear: campaign.schoolYear,
      schoolYearLabel: schoolYearLabel(campaign.schoolYear),
      label: campaign.label,
      springHolidaysStart: campaign.springHolidaysStart,
      springHolidaysEnd: campaign.springHolidaysEnd,
      version: campaign.version,
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
      timeline: timeline.ok ? timeline.value.steps : [],
      counts: {
        schools: await m.getRepository(CqcCampaignSchool).count({ where }),
        classes: await m.getRepository(CqcCampaignClass).count({ where }),
        pupils: await m.getRepository(CqcCampaignPupil).count({ where }),
        ficheSessions: sessions.length,
        fichesIssued: fiches.filter((f) => f.status === 'ISSUED').length,
        fichesVoided: fiches.filter((f) => f.status === 'VOIDED').length,
        cardsReceived: handovers.length,
        cardsHandedOver: handovers.filter((h) => h.handedOverOn !== null).length,
      },
    };
  }

  async patch(caller: Caller, id: string, dto: PatchCampaignDto): Promise<CampaignView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, id, true);
      if (dto.version !== campaign.version) throw staleWrite('La campagne');
      const next = {
        label: dto.label ?? campaign.label,
        springHolidaysStart: dto.springHolidaysStart ?? campaign.springHolidaysStart,
        springHolidaysEnd: dto.springHolidaysEnd ?? campaign.springHolidaysEnd,
      };
      refuseFieldErrors(
        this.springErrors(campaign.schoolYear, next.springHolidaysStart, next.springHolidaysEnd),
      );
      const changes = diffFields(campaign, next, [
        'label',
        'springHolidaysStart',
        'springHolidaysEnd',
      ] as const);
      if (Object.keys(changes).length === 0) return;
      const result = await m
        .getRepository(CqcCampaign)
        .update(
          { id, version: campaign.version },
          { ...next, version: campaign.version + 1, updatedAt: this.clock.nowIso() },
        );
      if (result.affected === 0) throw staleWrite('La campagne');
      await this.record(m, caller, campaign, 'cqc_campaign', id, 'update', { changes });
    });
    return this.get(caller, id);
  }

  // ---- schools -----------------------------------------------------------------------------

  async createSchool(
    caller: Caller,
    campaignId: string,
    dto: CreateSchoolDto,
  ): Promise<CqcCampaignSchool> {
    return this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const now = this.clock.nowIso();
      const repository = m.getRepository(CqcCampaignSchool);
      const school = await repository.save(
        repository.create({
          campaignId,
          name: dto.name,
          city: dto.city || null,
          contactName: dto.contactName || null,
          contactRole: dto.contactRole || null,
          email: dto.email || null,
          phone: dto.phone || null,
          conventionReference: dto.conventionReference || null,
          conventionDate: dto.conventionDate ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.record(m, caller, campaign, 'cqc_campaign_school', school.id, 'create', {
        snapshot: school,
      });
      return school;
    });
  }

  async schools(caller: Caller, campaignId: string): Promise<CqcCampaignSchool[]> {
    return this.db.read(async (m) => {
      await this.campaignFor(m, caller, campaignId, false);
      return m
        .getRepository(CqcCampaignSchool)
        .find({ where: { campaignId }, order: { name: 'ASC', id: 'ASC' } });
    });
  }

  async patchSchool(
    caller: Caller,
    campaignId: string,
    schoolId: string,
    dto: PatchSchoolDto,
  ): Promise<CqcCampaignSchool> {
    return this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const school = await this.child(m, CqcCampaignSchool, campaignId, schoolId, 'Établissement');
      const text = (v: string | null | undefined, current: string | null) =>
        v === undefined ? current : v || null;
      const next = {
        name: dto.name ?? school.name,
        city: text(dto.city, school.city),
        contactName: text(dto.contactName, school.contactName),
        contactRole: text(dto.contactRole, school.contactRole),
        email: text(dto.email, school.email),
        phone: text(dto.phone, school.phone),
        conventionReference: text(dto.conventionReference, school.conventionReference),
        conventionDate: nullable(dto.conventionDate, school.conventionDate),
      };
      const changes = diffFields(school, next, [
        'name',
        'city',
        'contactName',
        'contactRole',
        'email',
        'phone',
        'conventionReference',
        'conventionDate',
      ] as const);
      if (Object.keys(changes).length === 0) return school;
      const updatedAt = this.clock.nowIso();
      await m.getRepository(CqcCampaignSchool).update({ id: schoolId }, { ...next, updatedAt });
      await this.record(m, caller, campaign, 'cqc_campaign_school', schoolId, 'update', {
        changes,
      });
      return { ...school, ...next, updatedAt };
    });
  }

  async deleteSchool(caller: Caller, campaignId: string, schoolId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const school = await this.child(m, CqcCampaignSchool, campaignId, schoolId, 'Établissement');
      const classes = await m.getRepository(CqcCampaignClass).count({ where: { schoolId } });
      if (classes > 0) {
        throw new ConflictException(
          `L’établissement « ${school.name} » a ${classes} classe${classes > 1 ? 's' : ''} : supprimez-les d’abord.`,
        );
      }
      await m.getRepository(CqcCampaignSchool).delete({ id: schoolId });
      await this.record(m, caller, campaign, 'cqc_campaign_school', schoolId, 'delete', {
        snapshot: school,
      });
    });
  }

  // ---- classes -----------------------------------------------------------------------------

  async createClass(
    caller: Caller,
    campaignId: string,
    dto: CreateClassDto,
  ): Promise<CqcCampaignClass> {
    return this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const school = await m.getRepository(CqcCampaignSchool).findOne({
        where: { id: dto.schoolId },
      });
      if (!school || school.campaignId !== campaignId) {
        throw fieldError(
          'schoolId',
          'Le champ « schoolId » ne désigne aucun établissement de cette campagne.',
        );
      }
      const repository = m.getRepository(CqcCampaignClass);
      const created = await repository.save(
        repository.create({
          campaignId,
          schoolId: dto.schoolId,
          name: dto.name,
          diploma: dto.diploma,
          createdAt: this.clock.nowIso(),
        }),
      );
      await this.record(m, caller, campaign, 'cqc_campaign_class', created.id, 'create', {
        snapshot: created,
      });
      return created;
    });
  }

  async classes(caller: Caller, campaignId: string): Promise<CqcCampaignClass[]> {
    return this.db.read(async (m) => {
      await this.campaignFor(m, caller, campaignId, false);
      return m
        .getRepository(CqcCampaignClass)
        .find({ where: { campaignId }, order: { name: 'ASC', id: 'ASC' } });
    });
  }

  async patchClass(
    caller: Caller,
    campaignId: string,
    classId: string,
    dto: PatchClassDto,
  ): Promise<CqcCampaignClass> {
    return this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const current = await this.child(m, CqcCampaignClass, campaignId, classId, 'Classe');
      const next = { name: dto.name ?? current.name, diploma: dto.diploma ?? current.diploma };
      if (next.diploma !== current.diploma) {
        const sessions = await m.getRepository(CqcFicheSession).count({ where: { classId } });
        if (sessions > 0) {
          throw fieldError(
            'diploma',
            `Les sessions de fiches de la classe « ${current.name} » sont créées : son diplôme ne peut plus changer.`,
            409,
          );
        }
      }
      const changes = diffFields(current, next, ['name', 'diploma'] as const);
      if (Object.keys(changes).length === 0) return current;
      await m.getRepository(CqcCampaignClass).update({ id: classId }, next);
      await this.record(m, caller, campaign, 'cqc_campaign_class', classId, 'update', {
        changes,
      });
      return { ...current, ...next };
    });
  }

  async deleteClass(caller: Caller, campaignId: string, classId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const current = await this.child(m, CqcCampaignClass, campaignId, classId, 'Classe');
      const pupils = await m.getRepository(CqcCampaignPupil).count({ where: { classId } });
      const sessions = await m.getRepository(CqcFicheSession).count({ where: { classId } });
      if (pupils > 0 || sessions > 0) {
        throw new ConflictException(
          `La classe « ${current.name} » a ${pupils} élève${pupils > 1 ? 's' : ''} et ${sessions} session${sessions > 1 ? 's' : ''} de fiches : elle ne peut pas être supprimée.`,
        );
      }
      await m.getRepository(CqcCampaignClass).delete({ id: classId });
      await this.record(m, caller, campaign, 'cqc_campaign_class', classId, 'delete', {
        snapshot: current,
      });
    });
  }

  // ---- pupils ------------------------------------------------------------------------------

  /** One field error per problem of a row: licence number, birth date before mid-May. */
  private rowErrors(
    row: PupilRowDto,
    path: string,
    who: string,
    referenceDate: string,
  ): { errors: FieldError[]; licenceNumber: string | null } {
    const errors: FieldError[] = [];
    let licenceNumber: string | null = null;
    if (row.licenceNumber) {
      const checked = checkLicenceNumber(row.licenceNumber);
      if (checked.ok) licenceNumber = checked.value;
      else errors.push({ field: `${path}licenceNumber`, message: `${who} : ${checked.message}` });
    }
    const ruleErrors = validateCampaignPupils(
      [
        {
          id: 'x',
          lastName: row.lastName,
          firstName: row.firstName,
          birthDate: row.birthDate,
          licenceHeld: row.licenceHeld ?? null,
        },
      ],
      referenceDate,
    );
    for (const message of ruleErrors) {
      errors.push({
        field: `${path}${message.includes('date de naissance') ? 'birthDate' : 'lastName'}`,
        message,
      });
    }
    if (row.licenceDate && compareDates(row.licenceDate, this.clock.today()) > 0) {
      errors.push({
        field: `${path}licenceDate`,
        message: `${who} : la date du permis (${formatFrenchDate(row.licenceDate)}) est dans le futur.`,
      });
    }
    if (row.licenceDate && compareDates(row.licenceDate, row.birthDate) <= 0) {
      errors.push({
        field: `${path}licenceDate`,
        message: `${who} : la date du permis (${formatFrenchDate(row.licenceDate)}) précède la naissance.`,
      });
    }
    return { errors, licenceNumber };
  }

  /** Adds the pupils of a class, all or none: every problem named by row and field at once. */
  async createPupils(
    caller: Caller,
    campaignId: string,
    dto: CreatePupilsDto,
  ): Promise<PupilView[]> {
    const ids = await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const klass = await m.getRepository(CqcCampaignClass).findOne({ where: { id: dto.classId } });
      if (!klass || klass.campaignId !== campaignId) {
        throw fieldError(
          'classId',
          'Le champ « classId » ne désigne aucune classe de cette campagne.',
        );
      }
      const referenceDate = mayDate(campaign.schoolYear, MAY_MAJORITY_REFERENCE);
      const existing = await m
        .getRepository(CqcCampaignPupil)
        .find({ where: { classId: dto.classId } });
      const key = (p: { lastName: string; firstName: string; birthDate: string }) =>
        `${p.lastName.toLocaleLowerCase('fr')}|${p.firstName.toLocaleLowerCase('fr')}|${p.birthDate}`;
      const seen = new Map(existing.map((p) => [key(p), 'already']));
      const errors: FieldError[] = [];
      const licences: (string | null)[] = [];
      dto.pupils.forEach((row, i) => {
        const who = `Ligne ${i + 1} (${row.lastName} ${row.firstName})`;
        const checked = this.rowErrors(row, `pupils[${i}].`, who, referenceDate);
        errors.push(
          ...checked.errors.map((e) => ({
            ...e,
            message: e.message.startsWith('Ligne') ? e.message : `Ligne ${i + 1} : ${e.message}`,
          })),
        );
        licences.push(checked.licenceNumber);
        const previous = seen.get(key(row));
        if (previous !== undefined) {
          errors.push({
            field: `pupils[${i}].lastName`,
            message:
              previous === 'already'
                ? `${who} : cet élève (même nom, prénom et date de naissance) est déjà dans la classe « ${klass.name} ».`
                : `${who} : cet élève figure déjà ${previous}.`,
          });
        } else {
          seen.set(key(row), `ligne ${i + 1}`);
        }
      });
      refuseFieldErrors(errors);
      const now = this.clock.nowIso();
      const repository = m.getRepository(CqcCampaignPupil);
      const created = await repository.save(
        dto.pupils.map((row, i) =>
          repository.create({
            campaignId,
            classId: klass.id,
            lastName: row.lastName,
            firstName: row.firstName,
            birthDate: row.birthDate,
            licenceHeld: row.licenceHeld ?? null,
            licenceNumber: licences[i] ?? null,
            licenceDate: row.licenceDate ?? null,
            capClmObtained: row.capClmObtained ?? null,
            ficheSessionId: null,
            placementBasis: null,
            moveReason: null,
            createdAt: now,
            updatedAt: now,
          }),
        ),
      );
      await this.record(m, caller, campaign, 'cqc_campaign_pupil', klass.id, 'create', {
        snapshot: { classId: klass.id, pupils: created },
      });
      return created.map((p) => p.id);
    });
    const all = await this.pupils(caller, campaignId);
    const wanted = new Set(ids);
    return all.filter((p) => wanted.has(p.id));
  }

  async pupils(caller: Caller, campaignId: string, classId?: string): Promise<PupilView[]> {
    return this.db.read(async (m) => {
      await this.campaignFor(m, caller, campaignId, false);
      const classes = await m.getRepository(CqcCampaignClass).find({ where: { campaignId } });
      const pupils = await m
        .getRepository(CqcCampaignPupil)
        .find({ where: classId ? { campaignId, classId } : { campaignId } });
      return this.pupilViews(pupils, classes);
    });
  }

  private pupilViews(pupils: CqcCampaignPupil[], classes: CqcCampaignClass[]): PupilView[] {
    const classOf = new Map(classes.map((c) => [c.id, c]));
    return [...pupils]
      .sort((a, b) => comparePupils(asCampaignPupil(a), asCampaignPupil(b)))
      .map((p) => ({
        id: p.id,
        classId: p.classId,
        className: classOf.get(p.classId)?.name ?? '',
        schoolId: classOf.get(p.classId)?.schoolId ?? '',
        lastName: p.lastName,
        firstName: p.firstName,
        birthDate: p.birthDate,
        licenceHeld: p.licenceHeld,
        licenceNumber: p.licenceNumber,
        licenceDate: p.licenceDate,
        capClmObtained: p.capClmObtained,
        ficheSessionId: p.ficheSessionId,
        placementBasis: p.placementBasis,
        placementBasisLabel:
          p.placementBasis === null
            ? null
            : (PLACEMENT_BASIS_LABELS[p.placementBasis as PlacementBasis] ?? null),
        moveReason: p.moveReason,
      }));
  }

  async patchPupil(
    caller: Caller,
    campaignId: string,
    pupilId: string,
    dto: PatchPupilDto,
  ): Promise<PupilView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const pupil = await this.child(m, CqcCampaignPupil, campaignId, pupilId, 'Élève');
      const next = {
        lastName: dto.lastName ?? pupil.lastName,
        firstName: dto.firstName ?? pupil.firstName,
        birthDate: dto.birthDate ?? pupil.birthDate,
        licenceHeld: nullable(dto.licenceHeld, pupil.licenceHeld),
        licenceNumber:
          dto.licenceNumber === undefined ? pupil.licenceNumber : dto.licenceNumber || null,
        licenceDate: nullable(dto.licenceDate, pupil.licenceDate),
        capClmObtained: nullable(dto.capClmObtained, pupil.capClmObtained),
      };
      const checked = this.rowErrors(
        next,
        '',
        pupilName(next),
        mayDate(campaign.schoolYear, MAY_MAJORITY_REFERENCE),
      );
      refuseFieldErrors(checked.errors);
      next.licenceNumber = checked.licenceNumber;
      const changes = diffFields(pupil, next, [
        'lastName',
        'firstName',
        'birthDate',
        'licenceHeld',
        'licenceNumber',
        'licenceDate',
        'capClmObtained',
      ] as const);
      if (Object.keys(changes).length === 0) return;
      await m
        .getRepository(CqcCampaignPupil)
        .update({ id: pupilId }, { ...next, updatedAt: this.clock.nowIso() });
      await this.record(m, caller, campaign, 'cqc_campaign_pupil', pupilId, 'update', {
        changes,
      });
    });
    const [view] = (await this.pupils(caller, campaignId)).filter((p) => p.id === pupilId);
    if (!view) throw notFound('Élève');
    return view;
  }

  async deletePupil(caller: Caller, campaignId: string, pupilId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const pupil = await this.child(m, CqcCampaignPupil, campaignId, pupilId, 'Élève');
      const fiches = await m.getRepository(CqcFiche).count({ where: { pupilId } });
      const handovers = await m.getRepository(CqcHandover).count({ where: { pupilId } });
      if (fiches > 0 || handovers > 0) {
        throw new ConflictException(
          `${pupilName(pupil)} a ${fiches > 0 ? 'une fiche navette numérotée' : 'une remise de CQC enregistrée'} : l’élève ne peut plus être supprimé (chaque numéro reste tracé).`,
        );
      }
      await m.getRepository(CqcCampaignPupil).delete({ id: pupilId });
      await this.record(m, caller, campaign, 'cqc_campaign_pupil', pupilId, 'delete', {
        snapshot: pupil,
      });
    });
  }

  /**
   * Places (or moves) a pupil in a fiche session of their class once the sessions exist: a pupil
   * added late, or one who will not obtain the Bac Pro after all. Checked by the rules of the
   * split (age on 15 and 30 May, licence, reason); refused while the pupil has a valid fiche in
   * another session (void it first).
   */
  async placePupil(
    caller: Caller,
    campaignId: string,
    pupilId: string,
    dto: PlacePupilDto,
  ): Promise<PupilView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const pupil = await this.child(m, CqcCampaignPupil, campaignId, pupilId, 'Élève');
      const target = await m
        .getRepository(CqcFicheSession)
        .findOne({ where: { id: dto.ficheSessionId } });
      if (!target || target.classId !== pupil.classId) {
        throw fieldError(
          'ficheSessionId',
          'Le champ « ficheSessionId » ne désigne aucune session de fiches de la classe de l’élève.',
        );
      }
      const klass = await this.child(m, CqcCampaignClass, campaignId, pupil.classId, 'Classe');
      if (pupil.ficheSessionId !== null && pupil.ficheSessionId !== target.id) {
        const current = await m.getRepository(CqcFiche).findOne({
          where: { ficheSessionId: pupil.ficheSessionId, pupilId, status: 'ISSUED' },
        });
        if (current) {
          throw fieldError(
            'ficheSessionId',
            `${pupilName(pupil)} a la fiche n° ${current.number} dans sa session actuelle : annulez-la d’abord, une fiche ne change pas de session.`,
            409,
          );
        }
      }
      const classmates = await m
        .getRepository(CqcCampaignPupil)
        .find({ where: { classId: pupil.classId } });
      const result = classSplit(
        klass.diploma,
        klass.name,
        classmates.map(asCampaignPupil),
        campaign.schoolYear,
        [{ pupilId, to: target.kind, reason: dto.reason ?? null }],
      );
      if (!result.ok) {
        throw new FieldErrorsException(
          withNames(result.errors, classmates).map((message) => ({ field: 'reason', message })),
          422,
        );
      }
      const placement = result.value.proposal.placements.find((p) => p.pupil.id === pupilId)!;
      const next = {
        ficheSessionId: target.id,
        placementBasis: placement.basis as string,
        moveReason: dto.reason ?? null,
      };
      const changes = diffFields(pupil, next, [
        'ficheSessionId',
        'placementBasis',
        'moveReason',
      ] as const);
      if (Object.keys(changes).length === 0) return;
      await m
        .getRepository(CqcCampaignPupil)
        .update({ id: pupilId }, { ...next, updatedAt: this.clock.nowIso() });
      await this.record(m, caller, campaign, 'cqc_campaign_pupil', pupilId, 'place', { changes });
    });
    const [view] = (await this.pupils(caller, campaignId)).filter((p) => p.id === pupilId);
    if (!view) throw notFound('Élève');
    return view;
  }

  // ---- split and fiche sessions ------------------------------------------------------------

  private placementView(p: PupilPlacement, pupils: Map<string, CqcCampaignPupil>): PlacementView {
    const stored = pupils.get(p.pupil.id);
    return {
      pupilId: p.pupil.id,
      lastName: stored?.lastName ?? p.pupil.lastName,
      firstName: stored?.firstName ?? p.pupil.firstName,
      birthDate: p.pupil.birthDate,
      kind: p.kind,
      basis: p.basis,
      basisLabel: PLACEMENT_BASIS_LABELS[p.basis],
      majorityDate: p.majorityDate,
      ofAgeOnReference: p.ofAgeOnReference,
      ofAgeByEnvelope: p.ofAgeByEnvelope,
      setByUser: p.setByUser,
      warnings: p.warnings,
    };
  }

  /** Jalon's proposal per class, from birth dates and licences. */
  async split(caller: Caller, campaignId: string, classId?: string): Promise<ClassSplitView[]> {
    return this.db.read(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, false);
      const classes = await m.getRepository(CqcCampaignClass).find({
        where: classId ? { campaignId, id: classId } : { campaignId },
        order: { name: 'ASC', id: 'ASC' },
      });
      if (classId && classes.length === 0) throw notFound('Classe');
      const views: ClassSplitView[] = [];
      for (const klass of classes) {
        const pupils = await m
          .getRepository(CqcCampaignPupil)
          .find({ where: { classId: klass.id } });
        const created =
          (await m.getRepository(CqcFicheSession).count({ where: { classId: klass.id } })) > 0;
        const byId = new Map(pupils.map((p) => [p.id, p]));
        const result = classSplit(
          klass.diploma,
          klass.name,
          pupils.map(asCampaignPupil),
          campaign.schoolYear,
        );
        views.push(
          result.ok
            ? {
                classId: klass.id,
                className: klass.name,
                diploma: klass.diploma,
                sessionsCreated: created,
                referenceDate: result.value.proposal.referenceDate,
                envelopeDeadline: result.value.proposal.envelopeDeadline,
                placements: result.value.proposal.placements.map((p) =>
                  this.placementView(p, byId),
                ),
                sessions: result.value.sessions.map((s) => ({
                  kind: s.kind,
                  label: ficheSessionLabel(s, klass.name),
                  pupilIds: s.placements.map((p) => p.pupil.id),
                })),
                errors: [],
              }
            : {
                classId: klass.id,
                className: klass.name,
                diploma: klass.diploma,
                sessionsCreated: created,
                referenceDate: null,
                envelopeDeadline: null,
                placements: [],
                sessions: [],
                errors: withNames(result.errors, pupils),
              },
        );
      }
      return views;
    });
  }

  /** Creates the class's fiche sessions from the proposal and the user's moves (audited). */
  async createFicheSessions(
    caller: Caller,
    campaignId: string,
    dto: CreateFicheSessionsDto,
  ): Promise<FicheSessionView[]> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const klass = await m.getRepository(CqcCampaignClass).findOne({ where: { id: dto.classId } });
      if (!klass || klass.campaignId !== campaignId) {
        throw fieldError(
          'classId',
          'Le champ « classId » ne désigne aucune classe de cette campagne.',
        );
      }
      if ((await m.getRepository(CqcFicheSession).count({ where: { classId: klass.id } })) > 0) {
        throw fieldError(
          'classId',
          `Les sessions de fiches de la classe « ${klass.name} » sont déjà créées.`,
          409,
        );
      }
      const pupils = await m.getRepository(CqcCampaignPupil).find({ where: { classId: klass.id } });
      if (pupils.length === 0) {
        throw fieldError('classId', `La classe « ${klass.name} » n’a encore aucun élève.`);
      }
      const moves = dto.moves ?? [];
      const byId = new Map(pupils.map((p) => [p.id, p]));
      refuseFieldErrors(
        moves.map((move, i) =>
          byId.has(move.pupilId)
            ? null
            : {
                field: `moves[${i}].pupilId`,
                message: `Le champ « moves[${i}].pupilId » ne désigne aucun élève de la classe « ${klass.name} ».`,
              },
        ),
      );
      const result = classSplit(
        klass.diploma,
        klass.name,
        pupils.map(asCampaignPupil),
        campaign.schoolYear,
        moves.map((mv) => ({ pupilId: mv.pupilId, to: mv.to, reason: mv.reason ?? null })),
      );
      if (!result.ok) {
        throw new FieldErrorsException(
          withNames(result.errors, pupils).map((message) => ({ field: 'moves', message })),
          422,
        );
      }
      const now = this.clock.nowIso();
      const reasons = new Map(moves.map((mv) => [mv.pupilId, mv.reason ?? null]));
      for (const proposed of result.value.sessions) {
        const repository = m.getRepository(CqcFicheSession);
        const session = await repository.save(
          repository.create({
            campaignId,
            classId: klass.id,
            kind: proposed.kind,
            label: ficheSessionLabel(proposed, klass.name),
            capacity: FICHES_PER_SESSION.max,
            createdAt: now,
          }),
        );
        for (const placement of proposed.placements) {
          await m.getRepository(CqcCampaignPupil).update(
            { id: placement.pupil.id },
            {
              ficheSessionId: session.id,
              placementBasis: placement.basis,
              moveReason: reasons.get(placement.pupil.id) ?? null,
              updatedAt: now,
            },
          );
        }
        await this.record(m, caller, campaign, 'cqc_fiche_session', session.id, 'create', {
          snapshot: {
            ...session,
            pupils: proposed.placements.map((p) => ({
              pupilId: p.pupil.id,
              basis: p.basis,
              setByUser: p.setByUser,
            })),
          },
        });
      }
    });
    return (await this.ficheSessions(caller, campaignId)).filter((s) => s.classId === dto.classId);
  }

  async ficheSessions(caller: Caller, campaignId: string): Promise<FicheSessionView[]> {
    return this.db.read(async (m) => {
      await this.campaignFor(m, caller, campaignId, false);
      const sessions = await m
        .getRepository(CqcFicheSession)
        .find({ where: { campaignId }, order: { createdAt: 'ASC', label: 'ASC', id: 'ASC' } });
      // A class's sessions in the rules' order: CAP CLM first, then Bac Pro (1/2, 2/2…).
      const ordered = [...sessions].sort(
        (a, b) =>
          a.createdAt.localeCompare(b.createdAt) ||
          a.classId.localeCompare(b.classId) ||
          FICHE_SESSION_KINDS.indexOf(a.kind) - FICHE_SESSION_KINDS.indexOf(b.kind) ||
          a.label.localeCompare(b.label, 'fr', { numeric: true }),
      );
      const views: FicheSessionView[] = [];
      for (const s of ordered) views.push(await this.ficheSessionView(m, s));
      return views;
    });
  }

  private async ficheSessionView(m: EntityManager, s: CqcFicheSession): Promise<FicheSessionView> {
    const klass = await m.getRepository(CqcCampaignClass).findOne({ where: { id: s.classId } });
    const { state } = await this.loadState(m, s);
    const pupils = await m
      .getRepository(CqcCampaignPupil)
      .find({ where: { campaignId: s.campaignId } });
    const byId = new Map(pupils.map((p) => [p.id, p]));
    const name = (id: string | null) => {
      const p = id === null ? undefined : byId.get(id);
      return p ? pupilName(p) : null;
    };
    return {
      id: s.id,
      classId: s.classId,
      className: klass?.name ?? '',
      kind: s.kind,
      label: s.label,
      capacity: s.capacity,
      summary: ficheSessionSummary(state),
      pupils: pupils
        .filter((p) => p.ficheSessionId === s.id)
        .sort((a, b) => comparePupils(asCampaignPupil(a), asCampaignPupil(b)))
        .map((p) => ({
          id: p.id,
          lastName: p.lastName,
          firstName: p.firstName,
          placementBasis: p.placementBasis,
        })),
      fiches: state.fiches.map((f) => ({ ...f, pupilName: name(f.pupilId) })),
      history: state.history.map((e) => ({ ...e })),
    };
  }

  private async loadState(m: EntityManager, s: CqcFicheSession): Promise<{ state: FicheSession }> {
    const fiches = await m.getRepository(CqcFiche).find({ where: { ficheSessionId: s.id } });
    const events = await m.getRepository(CqcFicheEvent).find({ where: { ficheSessionId: s.id } });
    return { state: ficheSessionState(s.label, s.capacity, fiches, events) };
  }

  private async sessionFor(
    m: EntityManager,
    campaignId: string,
    ficheSessionId: string,
  ): Promise<CqcFicheSession> {
    return this.child(m, CqcFicheSession, campaignId, ficheSessionId, 'Session de fiches');
  }

  /** Stores what a rule changed in a session's state: new fiches, changed ones, new events. */
  private async persist(
    m: EntityManager,
    caller: Caller,
    session: CqcFicheSession,
    before: FicheSession,
    after: FicheSession,
  ): Promise<void> {
    const changes = ficheSessionChanges(before, after);
    const fiches = m.getRepository(CqcFiche);
    if (changes.inserted.length > 0) {
      await fiches.insert(changes.inserted.map((f) => ({ ...f, ficheSessionId: session.id })));
    }
    for (const f of changes.updated) {
      await fiches.update({ ficheSessionId: session.id, number: f.number }, { ...f });
    }
    if (changes.events.length > 0) {
      const createdAt = this.clock.nowIso();
      await m.getRepository(CqcFicheEvent).insert(
        changes.events.map((e) => ({
          ...e,
          ficheSessionId: session.id,
          createdById: caller.userId,
          createdAt,
        })),
      );
    }
  }

  /** Issues numbered fiches to pupils of the session (audited); 409 past 32. */
  async issueFiches(
    caller: Caller,
    campaignId: string,
    ficheSessionId: string,
    dto: IssueFichesDto,
  ): Promise<FicheSessionView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const session = await this.sessionFor(m, campaignId, ficheSessionId);
      const { state } = await this.loadState(m, session);
      const members = await m.getRepository(CqcCampaignPupil).find({ where: { ficheSessionId } });
      const memberIds = new Set(members.map((p) => p.id));
      let pupilIds: string[];
      if (dto.pupilIds) {
        refuseFieldErrors(
          dto.pupilIds.map((id, i) =>
            memberIds.has(id)
              ? null
              : {
                  field: `pupilIds[${i}]`,
                  message: `Le champ « pupilIds[${i}] » ne désigne aucun élève de la « ${session.label} ».`,
                },
          ),
        );
        pupilIds = dto.pupilIds;
      } else {
        pupilIds = members
          .filter((p) => !state.fiches.some((f) => f.pupilId === p.id))
          .sort((a, b) => comparePupils(asCampaignPupil(a), asCampaignPupil(b)))
          .map((p) => p.id);
        if (pupilIds.length === 0) {
          throw ruleRefusal([`Chaque élève de la « ${session.label} » a déjà sa fiche.`]);
        }
      }
      const on = dto.on ?? this.clock.today();
      const result = issueFiches(state, pupilIds, on);
      if (!result.ok) throw ruleRefusal(withNames(result.errors, members));
      await this.persist(m, caller, session, state, result.value.session);
      await this.record(m, caller, campaign, 'cqc_fiche_session', session.id, 'issue_fiches', {
        snapshot: { on, fiches: result.value.fiches },
      });
    });
    return this.ficheSession(caller, campaignId, ficheSessionId);
  }

  async ficheSession(
    caller: Caller,
    campaignId: string,
    ficheSessionId: string,
  ): Promise<FicheSessionView> {
    return this.db.read(async (m) => {
      await this.campaignFor(m, caller, campaignId, false);
      return this.ficheSessionView(m, await this.sessionFor(m, campaignId, ficheSessionId));
    });
  }

  /** Voids a fiche and replaces it (new number) or re-edits it (same number), both traced. */
  async voidFiche(
    caller: Caller,
    campaignId: string,
    ficheSessionId: string,
    number: number,
    dto: VoidFicheDto,
  ): Promise<FicheSessionView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const session = await this.sessionFor(m, campaignId, ficheSessionId);
      const { state } = await this.loadState(m, session);
      if (!state.fiches.some((f) => f.number === number)) throw notFound(`Fiche n° ${number}`);
      const on = dto.on ?? this.clock.today();
      const rule = dto.followUp === 'REPLACE' ? voidAndReplaceFiche : voidAndReEditFiche;
      const result = rule(state, number, dto.reason, on);
      if (!result.ok) {
        const pupils = await m.getRepository(CqcCampaignPupil).find({ where: { ficheSessionId } });
        throw ruleRefusal(withNames(result.errors, pupils));
      }
      await this.persist(m, caller, session, state, result.value.session);
      await this.record(m, caller, campaign, 'cqc_fiche', session.id, 'void', {
        snapshot: {
          number,
          reason: dto.reason,
          on,
          followUp: dto.followUp,
          fiche: result.value.fiche,
        },
      });
    });
    return this.ficheSession(caller, campaignId, ficheSessionId);
  }

  // ---- majority ----------------------------------------------------------------------------

  /** Pupils turning 18 from `from` (default: the day after mid-May) to `to`. */
  async majority(caller: Caller, campaignId: string, query: MajorityQuery): Promise<MajorityView> {
    const data = await this.data(caller, campaignId);
    return majorityView(data, query.from, query.to);
  }

  // ---- hand-overs --------------------------------------------------------------------------

  async createHandover(
    caller: Caller,
    campaignId: string,
    dto: CreateHandoverDto,
  ): Promise<HandoverView> {
    const id = await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const pupil = await m.getRepository(CqcCampaignPupil).findOne({ where: { id: dto.pupilId } });
      if (!pupil || pupil.campaignId !== campaignId) {
        throw fieldError(
          'pupilId',
          'Le champ « pupilId » ne désigne aucun élève de cette campagne.',
        );
      }
      if (await m.getRepository(CqcHandover).findOne({ where: { pupilId: dto.pupilId } })) {
        throw fieldError(
          'pupilId',
          `La remise de la CQC de ${pupilName(pupil)} est déjà enregistrée : modifiez-la plutôt.`,
          409,
        );
      }
      const next = {
        cardReceivedOn: dto.cardReceivedOn,
        handedOverOn: dto.handedOverOn ?? null,
        signedBy: dto.signedBy || null,
        errorReportedOn: dto.errorReportedOn ?? null,
        errorDescription: dto.errorDescription || null,
        errorReturnPostmarkedOn: dto.errorReturnPostmarkedOn ?? null,
      };
      refuseFieldErrors(handoverErrors(next, this.clock.today()));
      const now = this.clock.nowIso();
      const repository = m.getRepository(CqcHandover);
      const handover = await repository.save(
        repository.create({
          campaignId,
          pupilId: dto.pupilId,
          ...next,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.record(m, caller, campaign, 'cqc_handover', handover.id, 'create', {
        snapshot: handover,
      });
      return handover.id;
    });
    return this.handover(caller, campaignId, id);
  }

  async patchHandover(
    caller: Caller,
    campaignId: string,
    handoverId: string,
    dto: PatchHandoverDto,
  ): Promise<HandoverView> {
    await this.db.transaction(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, true);
      const current = await this.child(m, CqcHandover, campaignId, handoverId, 'Remise de CQC');
      const text = (v: string | null | undefined, c: string | null) =>
        v === undefined ? c : v || null;
      const next = {
        cardReceivedOn: dto.cardReceivedOn ?? current.cardReceivedOn,
        handedOverOn: nullable(dto.handedOverOn, current.handedOverOn),
        signedBy: text(dto.signedBy, current.signedBy),
        errorReportedOn: nullable(dto.errorReportedOn, current.errorReportedOn),
        errorDescription: text(dto.errorDescription, current.errorDescription),
        errorReturnPostmarkedOn: nullable(
          dto.errorReturnPostmarkedOn,
          current.errorReturnPostmarkedOn,
        ),
      };
      refuseFieldErrors(handoverErrors(next, this.clock.today()));
      const changes = diffFields(current, next, [
        'cardReceivedOn',
        'handedOverOn',
        'signedBy',
        'errorReportedOn',
        'errorDescription',
        'errorReturnPostmarkedOn',
      ] as const);
      if (Object.keys(changes).length === 0) return;
      await m
        .getRepository(CqcHandover)
        .update({ id: handoverId }, { ...next, updatedAt: this.clock.nowIso() });
      await this.record(m, caller, campaign, 'cqc_handover', handoverId, 'update', { changes });
    });
    return this.handover(caller, campaignId, handoverId);
  }

  async handovers(caller: Caller, campaignId: string): Promise<HandoverView[]> {
    const data = await this.data(caller, campaignId);
    return handoverViews(data);
  }

  private async handover(caller: Caller, campaignId: string, id: string): Promise<HandoverView> {
    const view = (await this.handovers(caller, campaignId)).find((h) => h.id === id);
    if (!view) throw notFound('Remise de CQC');
    return view;
  }

  // ---- everything, for the documents --------------------------------------------------------

  async data(caller: Caller, campaignId: string): Promise<CampaignData> {
    return this.db.read(async (m) => {
      const campaign = await this.campaignFor(m, caller, campaignId, false);
      const where = { campaignId };
      const ficheSessions = await m.getRepository(CqcFicheSession).find({ where });
      const centre = await m.getRepository(Centre).findOne({ where: { id: campaign.centreId } });
      return {
        campaign,
        centreName: centre?.name ?? '',
        schools: await m.getRepository(CqcCampaignSchool).find({ where }),
        classes: await m.getRepository(CqcCampaignClass).find({ where }),
        pupils: await m.getRepository(CqcCampaignPupil).find({ where }),
        ficheSessions,
        fiches: ficheSessions.length
          ? await m
              .getRepository(CqcFiche)
              .find({ where: { ficheSessionId: In(ficheSessions.map((s) => s.id)) } })
          : [],
        handovers: await m.getRepository(CqcHandover).find({ where }),
      };
    });
  }
}

/** Who turns 18 from `from` (default: the day after mid-May) to `to` (default: 18 years later). */
export function majorityView(data: CampaignData, from?: string, to?: string): MajorityView {
  const reference = mayDate(data.campaign.schoolYear, MAY_MAJORITY_REFERENCE);
  const start = from ?? addDays(reference, 1);
  const end = to ?? `${data.campaign.schoolYear + 1 + 18}-12-31`;
  if (compareDates(start, end) > 0) {
    throw fieldError(
      'to',
      `Le champ « to » (${formatFrenchDate(end)}) précède le début de la période (${formatFrenchDate(start)}).`,
    );
  }
  const classOf = new Map(data.classes.map((c) => [c.id, c.name]));
  const byId = new Map(data.pupils.map((p) => [p.id, p]));
  return {
    from: start,
    to: end,
    entries: majorityDates(data.pupils.map(asCampaignPupil), start, end).map((e) => {
      const p = byId.get(e.pupil.id)!;
      return {
        pupilId: p.id,
        lastName: p.lastName,
        firstName: p.firstName,
        birthDate: p.birthDate,
        className: classOf.get(p.classId) ?? '',
        majorityDate: e.majorityDate,
        leapDayBirth: e.leapDayBirth,
        message: e.message,
      };
    }),
  };
}

export function handoverViews(data: CampaignData): HandoverView[] {
  const byId = new Map(data.pupils.map((p) => [p.id, p]));
  const classOf = new Map(data.classes.map((c) => [c.id, c.name]));
  return data.handovers
    .map((h) => {
      const p = byId.get(h.pupilId)!;
      const returned = h.errorReturnPostmarkedOn;
      return {
        id: h.id,
        pupilId: h.pupilId,
        lastName: p.lastName,
        firstName: p.firstName,
        classId: p.classId,
        className: classOf.get(p.classId) ?? '',
        cardReceivedOn: h.cardReceivedOn,
        handedOverOn: h.handedOverOn,
        signedBy: h.signedBy,
        errorReportedOn: h.errorReportedOn,
        errorDescription: h.errorDescription,
        errorReturnPostmarkedOn: returned,
        errorReturnDeadline: cardErrorReturnDeadline(h.cardReceivedOn),
        errorReturnInTime:
          returned === null || compareDates(returned, h.cardReceivedOn) < 0
            ? null
            : isCardErrorReturnInTime(h.cardReceivedOn, returned),
        errorNote: cardErrorNote(h),
      };
    })
    .sort(
      (a, b) =>
        a.className.localeCompare(b.className, 'fr') ||
        a.lastName.localeCompare(b.lastName, 'fr') ||
        a.firstName.localeCompare(b.firstName, 'fr') ||
        a.id.localeCompare(b.id),
    );
}

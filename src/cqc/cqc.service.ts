import { ConflictException, Injectable, StreamableFile } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Agrement } from '../agrements/agrement.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { Candidate } from '../candidates/candidate.entity.js';
import {
  FIRST_INPUT_DATE,
  compareDates,
  daysBetween,
  formatFrenchDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import { canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound } from '../common/errors.js';
import { fieldError } from '../common/validation/field-errors.js';
import { Database } from '../database/database.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { Titre } from '../titres/titre.entity.js';
import {
  certificateReminderMessage,
  certificateReminderStep,
  probationaryCertificateEndDate,
  type CertificateReminderStep,
} from './certificate-rules.js';
import { CqcCertificate } from './cqc-certificate.entity.js';
import { CqcDriver } from './cqc-driver.entity.js';
import { CqcRegistration } from './cqc-registration.entity.js';
import type {
  CqcCertificatesQuery,
  PatchCqcCertificateDto,
  PutCqcDriverDto,
  RecordCqcRegistrationDto,
} from './dto/cqc.dto.js';
import { hubRegistrationCsv, hubRegistrationFileName } from './hub-export.js';
import { checkLicenceNumber } from './licence-number.js';
import { cqcTrainingOfCandidate } from './registration-candidates.js';
import { totalCqcFees, type CqcFeeTotal } from './registration-fees.js';
import {
  checkCqcRegistrationBatch,
  cqcDriverLabel,
  cqcTrainingKindLabel,
  ofCqcDriver,
  type CqcRegistrationBatch,
  type CqcRegistrationError,
} from './registration-rules.js';
import type { TitreCqc } from './titre-cqc.js';

/** A registration batch as the API shows it: the rules' batch, keyed by candidate. */
export interface CqcRegistrationView {
  sessionId: string;
  /** The first training of the batch (the titre's when it gives the CQC). */
  training: CqcRegistrationBatch['training'] & { kindLabel: string };
  /**
   * Every training with drivers: the titre's, and each CCP giving the CQC on its own (FIMO-type)
   * that candidates acquired here without obtaining the titre. The Hub registers each one apart.
   */
  trainings: CqcTrainingView[];
  rows: {
    candidateId: string;
    /** 'TITRE' or the CCP's code: the training the driver is registered for. */
    trainingKey: string;
    reference: string;
    orderNumber: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    licenceNumber: string;
    ageAtEnd: number | null;
    errors: CqcErrorView[];
  }[];
  errors: CqcErrorView[];
  exportable: boolean;
  fee: CqcFeeTotal;
  /** The batch as recorded on the Hub, or null while it is not. */
  registration: { id: string; registeredOn: string; createdAt: string } | null;
}

export interface CqcTrainingView {
  /** 'TITRE' or the CCP's code (the CSV export's `training`). */
  key: string;
  ccpCode: string | null;
  label: string;
  kindLabel: string;
  qualification: TitreCqc['qualification'];
  type: TitreCqc['trainingType'];
  educationNationale: boolean;
  drivers: number;
  exportable: boolean;
  fee: CqcRegistrationBatch['fee'];
}

/** An enrolled candidate of the session and what the Hub asks of them (the dashboard's form). */
export interface CqcSessionDriverView {
  candidateId: string;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  licenceNumber: string | null;
  orderNumber: string | null;
  reference: string | null;
  /** The training the candidate is registered for ('TITRE' or a CCP's code), null: none (yet). */
  trainingKey: string | null;
}

export interface CqcErrorView {
  candidateId: string | null;
  field: CqcRegistrationError['field'];
  message: string;
  source: CqcRegistrationError['source'];
}

export interface CqcCertificateView {
  id: string;
  candidateId: string;
  lastName: string;
  firstName: string;
  centreId: string;
  session: { id: string; startDate: string; endDate: string; titreCode: string };
  registeredOn: string;
  validUntil: string;
  cardOrderedOn: string | null;
  /** Who recorded the order: the driver through their link, or the centre; null while not ordered. */
  cardOrderedBy: 'DRIVER' | 'CENTRE' | null;
  /** Days from today to the last day of validity (negative once expired). */
  daysLeft: number;
  /** D30, D7 or EXPIRED (certificate-rules.ts), null once ordered or while far from the end. */
  reminderStep: CertificateReminderStep | null;
  reminderMessage: string | null;
}

/** A training of the session giving the CQC: the titre's (ccpCode null) or a CCP's. */
interface CqcTrainingOption {
  ccpCode: string | null;
  label: string;
  cqc: TitreCqc;
  /** The agrément covering it: the titre's, or the CCS's own. */
  ccsCode: string | null;
}

interface Loaded {
  session: ExamSession;
  titre: Titre;
  trainings: CqcTrainingOption[];
}

/** A checked batch of one training. */
interface TrainingBatch {
  option: CqcTrainingOption;
  batch: CqcRegistrationBatch;
}

function trainingKey(option: { ccpCode: string | null }): string {
  return option.ccpCode ?? 'TITRE';
}

/** What cqcTrainingOfCandidate reads of the titre: which of it gives the CQC. */
function trainingShape(
  titre: Titre,
  trainings: readonly CqcTrainingOption[],
): Parameters<typeof cqcTrainingOfCandidate>[2] {
  const givesCqc = new Set(trainings.flatMap((t) => (t.ccpCode === null ? [] : [t.ccpCode])));
  return {
    givesCqc: titre.cqc !== null,
    ccps: (titre.ccps ?? []).map((c) => ({
      code: c.code,
      kind: c.kind,
      givesCqc: givesCqc.has(c.code),
    })),
  };
}

@Injectable()
export class CqcService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /** The session and its titre, which (or one of whose CCP) must give the CQC (409 otherwise). */
  private async load(session: ExamSession): Promise<Loaded> {
    const titre = await this.db.read((m) =>
      m.getRepository(Titre).findOne({
        where: { id: session.titreId },
        relations: { ccps: true },
        order: { ccps: { position: 'ASC' } },
      }),
    );
    if (!titre) throw notFound('Titre');
    const trainings: CqcTrainingOption[] = [];
    if (titre.cqc !== null) {
      trainings.push({ ccpCode: null, label: titre.label, cqc: titre.cqc, ccsCode: null });
    }
    for (const ccp of titre.ccps ?? []) {
      if (ccp.cqc === null || ccp.cqc === undefined) continue;
      trainings.push({
        ccpCode: ccp.code,
        label: `${ccp.label} (${ccp.code})`,
        cqc: ccp.cqc,
        ccsCode: ccp.kind === 'CCS' ? ccp.code : null,
      });
    }
    if (trainings.length === 0) {
      throw new ConflictException(
        `Ni le titre ${titre.code} (${titre.version}) ni aucun de ses CCP n’est marqué comme donnant la carte de qualification de conducteur (CQC) : renseignez le champ « cqc » du titre ou d’un CCP avant d’enregistrer les conducteurs de la session.`,
      );
    }
    return { session, titre, trainings };
  }

  /** True when the session's titre (or one of its CCP) gives the CQC: the dashboard's tab. */
  async givesCqc(session: ExamSession): Promise<boolean> {
    const titre = await this.db.read((m) =>
      m.getRepository(Titre).findOne({ where: { id: session.titreId }, relations: { ccps: true } }),
    );
    return titre !== null && (titre.cqc !== null || (titre.ccps ?? []).some((c) => c.cqc));
  }

  /**
   * The session's enrolled candidates with their Hub data and the training their results give
   * (null before results, or without success), for the dashboard's form.
   */
  async sessionDrivers(caller: Caller, sessionId: string): Promise<CqcSessionDriverView[]> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const { titre, trainings } = await this.load(session);
    return this.db.read(async (m) => {
      const candidates = await m.getRepository(Candidate).find({
        where: { sessionId, purgedAt: IsNull() },
        order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
      });
      const drivers = candidates.length
        ? await m
            .getRepository(CqcDriver)
            .find({ where: { candidateId: In(candidates.map((c) => c.id)) } })
        : [];
      const driverOf = new Map(drivers.map((d) => [d.candidateId, d]));
      const shape = trainingShape(titre, trainings);
      return candidates.map((c) => {
        const driver = driverOf.get(c.id);
        const choice = cqcTrainingOfCandidate(c, session.nature, shape);
        return {
          candidateId: c.id,
          firstName: c.firstName,
          lastName: c.lastName,
          birthDate: c.birthDate,
          licenceNumber: driver?.licenceNumber ?? null,
          orderNumber: driver?.orderNumber ?? null,
          reference: driver?.reference ?? null,
          trainingKey: choice === null ? null : trainingKey(choice),
        };
      });
    });
  }

  /** Records (or changes) the Hub's data of an enrolled candidate (audited). */
  async putDriver(
    caller: Caller,
    sessionId: string,
    candidateId: string,
    dto: PutCqcDriverDto,
  ): Promise<CqcDriver> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'les données de ses conducteurs ne peuvent plus être modifiées',
    );
    await this.load(session);
    const licence = checkLicenceNumber(dto.licenceNumber);
    if (!licence.ok) throw fieldError('licenceNumber', licence.message);
    const next = {
      licenceNumber: licence.value,
      orderNumber: dto.orderNumber ? dto.orderNumber : null,
      reference: dto.reference ? dto.reference : null,
    };
    return this.db.transaction(async (m) => {
      const candidate = await m
        .getRepository(Candidate)
        .findOne({ where: { id: candidateId, sessionId, purgedAt: IsNull() } });
      if (!candidate) throw notFound('Candidat');
      await this.refuseWhenRegistered(m, sessionId, 'les données des conducteurs sont figées');
      const repository = m.getRepository(CqcDriver);
      const current = await repository.findOne({ where: { candidateId } });
      const now = this.clock.nowIso();
      if (!current) {
        const driver = await repository.save(
          repository.create({ candidateId, ...next, createdAt: now, updatedAt: now }),
        );
        await this.audit.record(m, caller, {
          sessionId,
          centreId: session.centreId,
          entity: 'cqc_driver',
          entityId: driver.id,
          action: 'create',
          snapshot: driver,
        });
        return driver;
      }
      const changes = diffFields(current, next, [
        'licenceNumber',
        'orderNumber',
        'reference',
      ] as const);
      if (Object.keys(changes).length === 0) return current;
      await repository.update({ id: current.id }, { ...next, updatedAt: now });
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'cqc_driver',
        entityId: current.id,
        action: 'update',
        changes,
      });
      return { ...current, ...next, updatedAt: now };
    });
  }

  private async refuseWhenRegistered(
    m: EntityManager,
    sessionId: string,
    consequence: string,
  ): Promise<void> {
    const registration = await m.getRepository(CqcRegistration).findOne({ where: { sessionId } });
    if (registration) {
      throw new ConflictException(
        `Les conducteurs de la session ont été enregistrés sur Hub Pro Transport le ${formatFrenchDate(registration.registeredOn)} : ${consequence}.`,
      );
    }
  }

  /** The checked batch of the session's successful drivers (rows, errors, fee estimate). */
  async registration(caller: Caller, sessionId: string): Promise<CqcRegistrationView> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const loaded = await this.load(session);
    const { batches, registration } = await this.batch(loaded);
    return this.view(sessionId, batches, registration);
  }

  private async batch(
    loaded: Loaded,
  ): Promise<{ batches: TrainingBatch[]; registration: CqcRegistration | null }> {
    const { session, titre, trainings } = loaded;
    return this.db.read(async (m) => {
      const shape = trainingShape(titre, trainings);
      const byTraining = new Map<string, Candidate[]>();
      const all = await m.getRepository(Candidate).find({
        where: { sessionId: session.id, purgedAt: IsNull() },
        order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
      });
      for (const candidate of all) {
        const choice = cqcTrainingOfCandidate(candidate, session.nature, shape);
        if (choice === null) continue;
        const key = trainingKey(choice);
        byTraining.set(key, [...(byTraining.get(key) ?? []), candidate]);
      }
      const candidates = [...byTraining.values()].flat();
      const drivers = candidates.length
        ? await m
            .getRepository(CqcDriver)
            .find({ where: { candidateId: In(candidates.map((c) => c.id)) } })
        : [];
      const driverOf = new Map(drivers.map((d) => [d.candidateId, d]));
      const agrements = await m.getRepository(Agrement).find({
        where: { centreId: session.centreId, titreId: session.titreId },
      });
      const registration = await m
        .getRepository(CqcRegistration)
        .findOne({ where: { sessionId: session.id } });
      // Without any driver, the first training shows the batch's « aucun conducteur » error.
      const options =
        candidates.length === 0
          ? trainings.slice(0, 1)
          : trainings.filter((t) => byTraining.has(trainingKey(t)));
      const batches = options.map((option) => {
        const batch = checkCqcRegistrationBatch({
          training: {
            label: option.label,
            qualification: option.cqc.qualification,
            type: option.cqc.trainingType,
            educationNationale: option.cqc.educationNationale,
            endDate: session.endDate,
          },
          // An agrément recorded without its first day counts from the first date Jalon accepts.
          agrements: agrements
            .filter((a) => a.ccsCode === option.ccsCode)
            .map((a) => ({ validFrom: a.validFrom ?? FIRST_INPUT_DATE, validUntil: a.validUntil })),
          drivers: (byTraining.get(trainingKey(option)) ?? []).map((c) => {
            const driver = driverOf.get(c.id);
            return {
              key: c.id,
              reference: driver?.reference ?? null,
              orderNumber: driver?.orderNumber ?? null,
              firstName: c.firstName,
              lastName: c.lastName,
              birthDate: c.birthDate,
              licenceNumber: driver?.licenceNumber ?? null,
            };
          }),
          feeDate: registration?.registeredOn ?? this.clock.today(),
        });
        return { option, batch };
      });
      return { batches, registration };
    });
  }

  private view(
    sessionId: string,
    batches: readonly TrainingBatch[],
    registration: CqcRegistration | null,
  ): CqcRegistrationView {
    const error = (e: CqcRegistrationError): CqcErrorView => ({
      candidateId: e.key,
      field: e.field,
      message: e.message,
      source: e.source,
    });
    const first = batches[0].batch;
    return {
      sessionId,
      training: { ...first.training, kindLabel: cqcTrainingKindLabel(first.training) },
      trainings: batches.map(({ option, batch }) => ({
        key: trainingKey(option),
        ccpCode: option.ccpCode,
        label: option.label,
        kindLabel: cqcTrainingKindLabel(batch.training),
        qualification: option.cqc.qualification,
        type: option.cqc.trainingType,
        educationNationale: option.cqc.educationNationale,
        drivers: batch.rows.length,
        exportable: batch.exportable,
        fee: batch.fee,
      })),
      rows: batches.flatMap(({ option, batch }) =>
        batch.rows.map((r) => ({
          candidateId: r.key,
          trainingKey: trainingKey(option),
          reference: r.reference,
          orderNumber: r.orderNumber,
          firstName: r.firstName,
          lastName: r.lastName,
          birthDate: r.birthDate,
          licenceNumber: r.licenceNumber,
          ageAtEnd: r.ageAtEnd,
          errors: r.errors.map(error),
        })),
      ),
      errors: batches.flatMap(({ batch }) => batch.errors.map(error)),
      exportable: batches.every(({ batch }) => batch.exportable),
      fee: totalCqcFees(batches.map(({ batch }) => batch.fee)),
      registration: registration
        ? {
            id: registration.id,
            registeredOn: registration.registeredOn,
            createdAt: registration.createdAt,
          }
        : null,
    };
  }

  /**
   * The CSV file for the Hub of one training (`training`: 'TITRE' or a CCP's code, needed when
   * the session registers drivers for several); 409 while its batch has errors.
   */
  async registrationCsv(
    caller: Caller,
    sessionId: string,
    training?: string,
  ): Promise<StreamableFile> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const { batches } = await this.batch(await this.load(session));
    const keys = batches.map((b) => trainingKey(b.option));
    const chosen =
      training === undefined
        ? batches.length === 1
          ? batches[0]
          : undefined
        : batches.find((b) => trainingKey(b.option) === training);
    if (chosen === undefined) {
      throw fieldError(
        'training',
        training === undefined
          ? `La session enregistre des conducteurs pour plusieurs formations : précisez le champ « training » (${keys.join(', ')}).`
          : `Le champ « training » (« ${training} ») ne désigne aucune formation de la session ayant des conducteurs à enregistrer (${keys.join(', ')}).`,
      );
    }
    this.refuseErrors(chosen.batch, 'l’export');
    const name = hubRegistrationFileName(chosen.batch);
    return new StreamableFile(Buffer.from(hubRegistrationCsv(chosen.batch), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${chosen.option.ccpCode === null ? name : name.replace(/\.csv$/, `-${chosen.option.ccpCode}.csv`)}"`,
    });
  }

  private refuseErrors(batch: CqcRegistrationBatch | readonly TrainingBatch[], what: string): void {
    const all = 'rows' in batch ? [batch] : batch.map((b) => b.batch);
    if (all.every((b) => b.exportable)) return;
    const count = all.reduce((sum, b) => sum + b.errors.length, 0);
    const rows = all.reduce((sum, b) => sum + b.rows.length, 0);
    throw new ConflictException(
      rows === 0
        ? `L’enregistrement ne compte aucun conducteur (aucun candidat de la session n’a obtenu le titre) : ${what} est impossible.`
        : `L’enregistrement compte encore ${count} erreur${count > 1 ? 's' : ''} : corrigez-${count > 1 ? 'les' : 'la'} avant ${what}.`,
    );
  }

  /**
   * Records the day the batch was registered on the Hub and gives each driver a probationary
   * certificate valid 4 months (audited). Refused while the batch has errors, or twice.
   */
  async recordRegistration(
    caller: Caller,
    sessionId: string,
    dto: RecordCqcRegistrationDto,
  ): Promise<CqcRegistrationView> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'son enregistrement sur Hub Pro Transport ne peut pas être saisi',
    );
    const loaded = await this.load(session);
    const today = this.clock.today();
    if (compareDates(dto.registeredOn, today) > 0) {
      throw fieldError(
        'registeredOn',
        `Le champ « registeredOn » (${formatFrenchDate(dto.registeredOn)}) ne peut pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`,
      );
    }
    if (compareDates(dto.registeredOn, session.endDate) < 0) {
      throw fieldError(
        'registeredOn',
        `Le champ « registeredOn » (${formatFrenchDate(dto.registeredOn)}) ne peut pas être antérieur à la fin de la session (${formatFrenchDate(session.endDate)}) : les conducteurs sont enregistrés après leur réussite.`,
      );
    }
    const { batches } = await this.batch(loaded);
    this.refuseErrors(batches, 'l’enregistrement');
    const rows = batches.flatMap((b) => b.batch.rows);
    const validUntil = probationaryCertificateEndDate(dto.registeredOn);
    await this.db.transaction(async (m) => {
      await this.refuseWhenRegistered(
        m,
        sessionId,
        'l’enregistrement ne peut pas être saisi deux fois',
      );
      const registration = await m.getRepository(CqcRegistration).save(
        m.getRepository(CqcRegistration).create({
          sessionId,
          registeredOn: dto.registeredOn,
          createdById: caller.userId,
          createdAt: this.clock.nowIso(),
        }),
      );
      await m.getRepository(CqcCertificate).insert(
        rows.map((row) => ({
          candidateId: row.key,
          registrationId: registration.id,
          validUntil,
          cardOrderedOn: null,
          createdAt: registration.createdAt,
        })),
      );
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'cqc_registration',
        entityId: registration.id,
        action: 'create',
        snapshot: {
          ...registration,
          certificateValidUntil: validUntil,
          candidateIds: rows.map((r) => r.key),
        },
      });
    });
    return this.registration(caller, sessionId);
  }

  /** The certificates of the caller's centres, the soonest to end first. */
  async certificates(
    caller: Caller,
    query: CqcCertificatesQuery,
    only: { id?: string; sessionId?: string } = {},
  ): Promise<CqcCertificateView[]> {
    const centreIds = readableCentreIds(caller);
    if (centreIds !== null && centreIds.length === 0) return [];
    const rows = await this.db.read((m) => {
      const qb = m
        .getRepository(CqcCertificate)
        .createQueryBuilder('certificate')
        .innerJoinAndSelect('certificate.candidate', 'candidate')
        .innerJoinAndSelect('certificate.registration', 'registration')
        .innerJoinAndSelect('candidate.session', 'session')
        .innerJoin(Titre, 'titre', 'titre.id = session.titreId')
        .addSelect('titre.code', 'titre_code')
        .orderBy('certificate.validUntil', 'ASC')
        .addOrderBy('candidate.lastName', 'ASC')
        .addOrderBy('candidate.firstName', 'ASC')
        .addOrderBy('certificate.id', 'ASC');
      if (centreIds !== null) qb.andWhere('session.centreId IN (:...centreIds)', { centreIds });
      if (only.id !== undefined) qb.andWhere('certificate.id = :id', { id: only.id });
      if (only.sessionId !== undefined) {
        qb.andWhere('session.id = :sessionId', { sessionId: only.sessionId });
      }
      if (query.expiringBefore !== undefined) {
        qb.andWhere('certificate.validUntil < :before', { before: query.expiringBefore });
      }
      return qb.getRawAndEntities();
    });
    const titreCodes = new Map<string, string>();
    for (const raw of rows.raw as { certificate_id: string; titre_code: string }[]) {
      titreCodes.set(raw.certificate_id, raw.titre_code);
    }
    const today = this.clock.today();
    const orderedBy = await this.cardOrderedBy(rows.entities);
    return rows.entities.map((c) =>
      this.certificateView(c, titreCodes.get(c.id) ?? '', today, orderedBy.get(c.id) ?? null),
    );
  }

  /**
   * Who recorded each ordered card, from the audit log: the driver's confirmation link records
   * the candidate as its actor (cqc-confirm.service.ts), the centre its user.
   */
  private async cardOrderedBy(
    certificates: readonly CqcCertificate[],
  ): Promise<Map<string, 'DRIVER' | 'CENTRE'>> {
    const ordered = certificates.filter((c) => c.cardOrderedOn !== null);
    const found = new Map<string, 'DRIVER' | 'CENTRE'>();
    if (ordered.length === 0) return found;
    const entries = await this.db.read((m) =>
      m.getRepository(AuditEntry).find({
        where: {
          entity: 'cqc_certificate',
          entityId: In(ordered.map((c) => c.id)),
          field: 'cardOrderedOn',
        },
        order: { seq: 'DESC' },
      }),
    );
    const candidateOf = new Map(ordered.map((c) => [c.id, c.candidateId]));
    for (const entry of entries) {
      if (found.has(entry.entityId)) continue;
      found.set(
        entry.entityId,
        entry.actorId === candidateOf.get(entry.entityId) ? 'DRIVER' : 'CENTRE',
      );
    }
    return found;
  }

  private certificateView(
    c: CqcCertificate,
    titreCode: string,
    today: CalendarDate,
    orderedBy: 'DRIVER' | 'CENTRE' | null,
  ): CqcCertificateView {
    const candidate = c.candidate!;
    const session = candidate.session!;
    const step = certificateReminderStep(
      { endDate: c.validUntil, cardOrderedOn: c.cardOrderedOn },
      today,
    );
    return {
      id: c.id,
      candidateId: c.candidateId,
      lastName: candidate.lastName,
      firstName: candidate.firstName,
      centreId: session.centreId,
      session: {
        id: session.id,
        startDate: session.startDate,
        endDate: session.endDate,
        titreCode,
      },
      registeredOn: c.registration!.registeredOn,
      validUntil: c.validUntil,
      cardOrderedOn: c.cardOrderedOn,
      cardOrderedBy: c.cardOrderedOn === null ? null : (orderedBy ?? 'CENTRE'),
      daysLeft: daysBetween(today, c.validUntil),
      reminderStep: step,
      reminderMessage:
        step === null
          ? null
          : certificateReminderMessage(
              step,
              ofCqcDriver(cqcDriverLabel(candidate, 1)),
              c.validUntil,
              today,
            ),
    };
  }

  /** Records the day the card was ordered (or null: not ordered), audited. */
  async patchCertificate(
    caller: Caller,
    id: string,
    dto: PatchCqcCertificateDto,
  ): Promise<CqcCertificateView> {
    await this.db.transaction(async (m) => {
      const certificate = await m.getRepository(CqcCertificate).findOne({
        where: { id },
        relations: { candidate: { session: true }, registration: true },
      });
      const session = certificate?.candidate?.session;
      if (!certificate || !session) throw notFound('Certificat');
      const readable = readableCentreIds(caller);
      if (readable !== null && !readable.includes(session.centreId)) throw notFound('Certificat');
      if (!canWriteCentre(caller, session.centreId)) throw forbidden();
      const today = this.clock.today();
      const orderedOn = dto.cardOrderedOn;
      if (orderedOn !== null && compareDates(orderedOn, today) > 0) {
        throw fieldError(
          'cardOrderedOn',
          `Le champ « cardOrderedOn » (${formatFrenchDate(orderedOn)}) ne peut pas être postérieur à aujourd’hui (${formatFrenchDate(today)}).`,
        );
      }
      const registeredOn = certificate.registration!.registeredOn;
      if (orderedOn !== null && compareDates(orderedOn, registeredOn) < 0) {
        throw fieldError(
          'cardOrderedOn',
          `Le champ « cardOrderedOn » (${formatFrenchDate(orderedOn)}) ne peut pas être antérieur à l’enregistrement du conducteur sur Hub Pro Transport (${formatFrenchDate(registeredOn)}).`,
        );
      }
      const changes = diffFields(certificate, { cardOrderedOn: orderedOn }, [
        'cardOrderedOn',
      ] as const);
      if (Object.keys(changes).length === 0) return;
      await m.getRepository(CqcCertificate).update({ id }, { cardOrderedOn: orderedOn });
      await this.audit.record(m, caller, {
        sessionId: session.id,
        centreId: session.centreId,
        entity: 'cqc_certificate',
        entityId: id,
        action: 'update',
        changes,
      });
    });
    const [view] = await this.certificates(caller, {}, { id });
    if (!view) throw notFound('Certificat');
    return view;
  }
}

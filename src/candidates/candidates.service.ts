import { ConflictException, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound, staleWrite } from '../common/errors.js';
import { updateIfUnchanged } from '../database/optimistic-update.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { Ccp } from '../titres/ccp.entity.js';
import { Candidate } from './candidate.entity.js';
import { convocationProofErrors, type ConvocationProofValues } from './convocation-proof-rules.js';
import { byName } from '../common/person-order.js';
import { refuseFieldErrors, type FieldError } from '../common/validation/field-errors.js';
import {
  candidateErrors,
  pathwayErrors,
  resolveRecevabilite,
  resultsErrors,
  type PathwayValues,
} from './candidate-rules.js';
import type { CreateCandidateDto, UpdateCandidateDto } from './dto/candidate.dto.js';
import type { BulkAttendanceDto, BulkConvocationDto } from './dto/bulk-candidates.dto.js';
import {
  bulkAttendanceErrors,
  bulkConvocationErrors,
  convocationChange,
  convocationConflictsError,
  unknownCandidatesError,
} from './bulk-candidate-rules.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { ConvocationMode } from './candidate.entity.js';
import { Database } from '../database/database.js';
import { PeopleService } from '../people/people.service.js';
import { ProvidersService } from '../providers/providers.service.js';
import { identityBesidePersonIdErrors, IDENTITY_FIELDS } from '../people/person-rules.js';
import { fieldError } from '../common/validation/field-errors.js';
import type { Person } from '../people/person.entity.js';
import { JuryMember } from '../jury/jury-member.entity.js';
import { trainerIdsError } from '../jury/trainer-rules.js';

const AUDITED_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'pathway',
  'trainingProviderId',
  'trainingStartDate',
  'vaeNotifiedOn',
  'vaeAllowedNatures',
  'vaeValidUntil',
  'vaeOverrideReason',
  'trainerIds',
  'accommodationRequested',
  'accommodationDetails',
  'convocationDate',
  'convocationMode',
  'convocationProofKind',
  'convocationProofOn',
  'ecfSignedByTrainingManager',
  'ecfSignedByTrainer',
  'ecfSignedByCandidate',
  'dpSigned',
  'certificationBooklet',
  'recevabiliteCollected',
  'otherDocuments',
  'attendance',
  'results',
] as const;

type AuditedField = (typeof AUDITED_FIELDS)[number];

/** What a bulk action did: candidates changed (one audit entry each) and left as they were. */
export interface BulkCandidatesResult {
  updated: number;
  unchanged: number;
  candidates: Candidate[];
}

/** A new enrolment: the candidate, and whether its person was already known to the centre. */
export type CreatedCandidate = Candidate & { personKnown: boolean };

const ALREADY_ENROLLED_BY_IDENTITY =
  'Une personne de même nom, prénom et date de naissance est déjà inscrite à cette session (champs « lastName », « firstName » et « birthDate »).';
const ALREADY_ENROLLED_BY_ID =
  'Le champ « personId » désigne une personne déjà inscrite à cette session.';

@Injectable()
export class CandidatesService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly people: PeopleService,
    private readonly providers: ProvidersService,
  ) {}

  async create(
    caller: Caller,
    sessionId: string,
    dto: CreateCandidateDto,
  ): Promise<CreatedCandidate> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    refuseFieldErrors(this.newCandidateErrors(dto));
    return this.db.transaction((m) => this.insert(m, caller, session.centreId, sessionId, dto));
  }

  /**
   * Adds several candidates at once (a CSV import): every one is checked first, then all are
   * inserted and audited in one transaction — nothing is added when one is refused.
   */
  async createMany(
    caller: Caller,
    sessionId: string,
    dtos: readonly CreateCandidateDto[],
  ): Promise<CreatedCandidate[]> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    for (const dto of dtos) refuseFieldErrors(this.newCandidateErrors(dto));
    return this.db.transaction(async (m) => {
      const created: CreatedCandidate[] = [];
      for (const dto of dtos) {
        created.push(await this.insert(m, caller, session.centreId, sessionId, dto));
      }
      return created;
    });
  }

  /**
   * The business rules a new candidate breaks (VAE recevabilité, birth date; identity beside a
   * `personId`), each by field.
   */
  newCandidateErrors(dto: CreateCandidateDto): FieldError[] {
    const identity = dto.personId !== undefined ? identityBesidePersonIdErrors({ ...dto }) : [];
    const today = this.clock.today();
    const dates = candidateErrors(dto, today);
    const proof = convocationProofErrors(newConvocationValues(dto), today).filter(
      (e) => !dates.some((d) => d.field === e.field),
    );
    return [...identity, ...dates, ...proof, ...pathwayErrors(newPathwayValues(dto), today)];
  }

  /**
   * The person a new enrolment designates: the one named by `personId`, or the centre's person
   * with the same identity (the duplicate guard), or a new person. A person enrols once per session.
   */
  private async enrolledPerson(
    m: EntityManager,
    caller: Caller,
    centreId: string,
    sessionId: string,
    dto: CreateCandidateDto,
  ): Promise<{ person: Person; known: boolean }> {
    const resolved =
      dto.personId !== undefined
        ? { person: await this.people.personForEnrolment(m, centreId, dto.personId), known: true }
        : await this.people.personForIdentity(m, caller, centreId, sessionId, {
            lastName: dto.lastName,
            firstName: dto.firstName,
            birthDate: dto.birthDate ?? null,
            email: dto.email || null,
            phone: dto.phone || null,
            address: dto.address ?? '',
          });
    if (!resolved.known) return resolved;
    const person = await this.people.claimForEnrolment(m, resolved.person);
    if (await m.getRepository(Candidate).exists({ where: { sessionId, personId: person.id } })) {
      throw dto.personId !== undefined
        ? fieldError('personId', ALREADY_ENROLLED_BY_ID, 409)
        : fieldError('lastName', ALREADY_ENROLLED_BY_IDENTITY, 409);
    }
    return { person, known: true };
  }

  private async insert(
    m: EntityManager,
    caller: Caller,
    centreId: string,
    sessionId: string,
    dto: CreateCandidateDto,
  ): Promise<CreatedCandidate> {
    await checkTrainers(m, centreId, dto.trainerIds);
    const { person, known } = await this.enrolledPerson(m, caller, centreId, sessionId, dto);
    const repository = m.getRepository(Candidate);
    const candidate = await repository.save(
      repository.create({
        sessionId,
        personId: person.id,
        // The identity at enrolment, from the person (who now has the latest one).
        lastName: person.lastName,
        firstName: person.firstName,
        birthDate: person.birthDate,
        email: person.email,
        phone: person.phone,
        address: person.address,
        ...newPathwayValues(dto),
        ...resolveRecevabilite(newPathwayValues(dto)),
        trainingProviderId: await this.trainingProvider(m, centreId, dto.trainingProviderId),
        accommodationRequested: dto.accommodationRequested ?? false,
        accommodationDetails: dto.accommodationDetails ?? '',
        trainerIds: dto.trainerIds ?? [],
        ...newConvocationValues(dto),
        results: [],
        purgedAt: null,
        createdAt: this.clock.nowIso(),
      }),
    );
    await this.audit.record(m, caller, {
      sessionId,
      centreId,
      entity: 'candidate',
      entityId: candidate.id,
      action: 'create',
      snapshot: candidate,
    });
    return { ...candidate, personKnown: known };
  }

  async list(caller: Caller, sessionId: string): Promise<Candidate[]> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.listForSession(sessionId);
  }

  async get(caller: Caller, sessionId: string, id: string): Promise<Candidate> {
    await this.sessions.findForCaller(caller, sessionId);
    return this.db.read((m) => this.find(m, sessionId, id));
  }

  async update(
    caller: Caller,
    sessionId: string,
    id: string,
    dto: UpdateCandidateDto,
  ): Promise<Candidate> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    // The pathway is checked below, on the stored values merged with the changes.
    refuseFieldErrors(
      candidateErrors(
        { birthDate: dto.birthDate, convocationDate: dto.convocationDate },
        this.clock.today(),
      ),
    );
    if (dto.results) {
      const ccps = await this.db.read((m) =>
        m.getRepository(Ccp).find({ where: { titreId: session.titreId } }),
      );
      refuseFieldErrors(
        resultsErrors(dto.results, {
          titreCcpCodes: ccps.map((c) => c.code),
          nature: session.nature,
          sessionCcpCodes: session.ccpCodes,
        }),
      );
    }
    return this.db.transaction(async (m) => {
      const current = await this.find(m, sessionId, id);
      if (dto.version != null && dto.version !== current.version) throw staleWrite('Le candidat');
      await checkTrainers(m, session.centreId, dto.trainerIds);
      const next: Partial<Candidate> = {};
      for (const field of AUDITED_FIELDS) {
        if (dto[field] !== undefined) Object.assign(next, { [field]: dto[field] });
      }
      if (dto.trainingProviderId !== undefined) {
        next.trainingProviderId = await this.trainingProvider(
          m,
          session.centreId,
          dto.trainingProviderId,
        );
      }
      if (next.email === '') next.email = null;
      if (next.phone === '') next.phone = null;
      const pathway = mergedPathwayValues(current, dto);
      refuseFieldErrors(pathwayErrors(pathway, this.clock.today()));
      Object.assign(next, pathway, resolveRecevabilite(pathway));
      const merged = <K extends keyof ConvocationProofValues>(field: K) =>
        (field in next ? next[field] : current[field]) as ConvocationProofValues[K];
      refuseFieldErrors(
        convocationProofErrors(
          {
            convocationDate: merged('convocationDate'),
            convocationMode: merged('convocationMode'),
            convocationProofKind: merged('convocationProofKind'),
            convocationProofOn: merged('convocationProofOn'),
          },
          this.clock.today(),
        ),
      );
      const changes = diffFields(current, next, AUDITED_FIELDS);
      if (Object.keys(changes).length === 0) return current;
      const values: Partial<Candidate> = {};
      for (const field of Object.keys(changes) as AuditedField[]) {
        Object.assign(values, { [field]: next[field] });
      }
      await updateIfUnchanged(m, Candidate, current, values, 'Le candidat');
      // The person's identity follows the latest identity of their enrolments.
      if (IDENTITY_FIELDS.some((field) => field in values)) {
        const person = await this.people.personForEnrolment(m, session.centreId, current.personId);
        await this.people.applyIdentity(m, caller, person, sessionId, values, {
          keepKnownContacts: false,
        });
      }
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'candidate',
        entityId: id,
        action: 'update',
        changes,
      });
      return this.find(m, sessionId, id);
    });
  }

  async remove(caller: Caller, sessionId: string, id: string): Promise<void> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    if (session.status === 'CLOSED') {
      throw new ConflictException(
        'La session est clôturée : ses candidats ne peuvent plus être supprimés.',
      );
    }
    await this.db.transaction(async (m) => {
      const candidate = await this.find(m, sessionId, id);
      await m.getRepository(Candidate).delete({ id });
      await this.audit.record(m, caller, {
        sessionId,
        centreId: session.centreId,
        entity: 'candidate',
        entityId: id,
        action: 'delete',
        snapshot: candidate,
      });
    });
  }

  /** The candidates of a session by name, without access check: for other modules. */
  /** The same convocation date and mode for the selected candidates, all or nothing. */
  async bulkConvocation(
    caller: Caller,
    sessionId: string,
    dto: BulkConvocationDto,
  ): Promise<BulkCandidatesResult> {
    const today = this.clock.today();
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    const ids = dto.candidateIds;
    refuseFieldErrors(
      bulkConvocationErrors(
        {
          candidateIds: ids,
          convocationDate: dto.convocationDate,
          convocationMode: dto.convocationMode,
        },
        today,
      ),
    );
    const date = dto.convocationDate as CalendarDate;
    const mode = dto.convocationMode as ConvocationMode;
    return this.bulkWrite(caller, session.centreId, sessionId, ids, (current) => {
      refuseFieldErrors([
        unknownCandidatesError('candidateIds', ids, current),
        convocationConflictsError(current, date, mode, today),
      ]);
      return new Map(current.map((c) => [c.id, convocationChange(c, date, mode)]));
    });
  }

  /** The attendance of each candidate given on the day, all or nothing. */
  async bulkAttendance(
    caller: Caller,
    sessionId: string,
    dto: BulkAttendanceDto,
  ): Promise<BulkCandidatesResult> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'ses candidats ne peuvent plus être modifiés',
    );
    refuseFieldErrors(bulkAttendanceErrors(dto.entries));
    const ids = dto.entries.map((e) => e.candidateId);
    const wanted = new Map(dto.entries.map((e) => [e.candidateId, e.attendance]));
    return this.bulkWrite(caller, session.centreId, sessionId, ids, (current) => {
      refuseFieldErrors([unknownCandidatesError('entries', ids, current)]);
      return new Map(
        current.map((c) => {
          const attendance = wanted.get(c.id) ?? null;
          return [c.id, attendance === c.attendance ? null : { attendance }];
        }),
      );
    });
  }

  /**
   * Writes each selected candidate's changes in one transaction, each audited as an update of its
   * own; a concurrent change makes the request start again once from the stored state, so that two
   * identical requests write (and audit) each change once.
   */
  private async bulkWrite(
    caller: Caller,
    centreId: string,
    sessionId: string,
    ids: readonly string[],
    plan: (current: Candidate[]) => Map<string, Partial<Candidate> | null>,
  ): Promise<BulkCandidatesResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (m) => {
          const current = (
            await m.getRepository(Candidate).find({ where: { sessionId, id: In([...ids]) } })
          ).sort(byName);
          const changes = plan(current);
          let updated = 0;
          for (const candidate of current) {
            const next = changes.get(candidate.id);
            if (!next) continue;
            const diff = diffFields(candidate, next, AUDITED_FIELDS);
            if (Object.keys(diff).length === 0) continue;
            await updateIfUnchanged(m, Candidate, candidate, next, 'Le candidat');
            await this.audit.record(m, caller, {
              sessionId,
              centreId,
              entity: 'candidate',
              entityId: candidate.id,
              action: 'update',
              changes: diff,
            });
            updated++;
          }
          const after = await m
            .getRepository(Candidate)
            .find({ where: { sessionId, id: In([...ids]) } });
          return { updated, unchanged: ids.length - updated, candidates: after.sort(byName) };
        });
      } catch (error) {
        if (error instanceof ConflictException && attempt === 1) continue;
        throw error;
      }
    }
  }

  async listForSession(sessionId: string): Promise<Candidate[]> {
    const candidates = await this.db.read((m) =>
      m.getRepository(Candidate).find({ where: { sessionId } }),
    );
    return candidates.sort(byName);
  }

  async countsByPathway(sessionId: string): Promise<{ formation: number; vae: number }> {
    const [formation, vae] = await this.db.read((m) => {
      const repository = m.getRepository(Candidate);
      return Promise.all([
        repository.count({ where: { sessionId, pathway: 'FORMATION' } }),
        repository.count({ where: { sessionId, pathway: 'VAE' } }),
      ]);
    });
    return { formation, vae };
  }

  /** A training provider of the session's centre, or null (trained by the centre). */
  private async trainingProvider(
    m: EntityManager,
    centreId: string,
    providerId: string | null | undefined,
  ): Promise<string | null> {
    if (providerId === undefined || providerId === null) return null;
    await this.providers.checkForCandidate(m, centreId, providerId);
    return providerId;
  }

  private async find(m: EntityManager, sessionId: string, id: string): Promise<Candidate> {
    const candidate = await m.getRepository(Candidate).findOne({ where: { id, sessionId } });
    if (!candidate) throw notFound('Candidat');
    return candidate;
  }
}

/** The trainers given are jury members of the centre (refused by field otherwise). */
async function checkTrainers(
  m: EntityManager,
  centreId: string,
  trainerIds: readonly string[] | undefined,
): Promise<void> {
  if (!trainerIds || trainerIds.length === 0) return;
  const members = await m
    .getRepository(JuryMember)
    .find({ select: { id: true }, where: { centreId, id: In([...trainerIds]) } });
  refuseFieldErrors([
    trainerIdsError(
      trainerIds,
      members.map((member) => member.id),
    ),
  ]);
}

/** The pathway values of a new enrolment (FORMATION when not given). */
function newPathwayValues(dto: CreateCandidateDto): PathwayValues {
  return {
    pathway: dto.pathway ?? 'FORMATION',
    trainingStartDate: dto.trainingStartDate ?? null,
    vaeNotifiedOn: dto.vaeNotifiedOn ?? null,
    vaeAllowedNatures: dto.vaeAllowedNatures ?? [],
    vaeValidUntil: dto.vaeValidUntil ?? null,
    vaeOverrideReason: dto.vaeOverrideReason ?? '',
  };
}

/**
 * The pathway values of an edit: the stored ones with the changes. Leaving the VAE pathway drops
 * the recevabilité unless it is given (then refused); a changed notification date recomputes the
 * end of validity unless it was set by hand (with its reason) or is given.
 */
export function mergedPathwayValues(current: Candidate, dto: UpdateCandidateDto): PathwayValues {
  const pathway = dto.pathway ?? current.pathway;
  const leavingVae = pathway !== 'VAE';
  const pick = <T>(given: T | undefined, stored: T, cleared: T): T =>
    given !== undefined ? given : leavingVae ? cleared : stored;
  const vaeNotifiedOn = pick(dto.vaeNotifiedOn, current.vaeNotifiedOn, null);
  const overridden = current.vaeOverrideReason !== '';
  const keepsStoredEnd = overridden || vaeNotifiedOn === null;
  return {
    pathway,
    trainingStartDate:
      dto.trainingStartDate !== undefined ? dto.trainingStartDate : current.trainingStartDate,
    vaeNotifiedOn,
    vaeAllowedNatures: pick(dto.vaeAllowedNatures, current.vaeAllowedNatures, []),
    vaeValidUntil: pick(dto.vaeValidUntil, keepsStoredEnd ? current.vaeValidUntil : null, null),
    vaeOverrideReason: pick(dto.vaeOverrideReason ?? undefined, current.vaeOverrideReason, ''),
  };
}

/** The convocation a new enrolment may bring (an import of candidates already convened). */
function newConvocationValues(dto: CreateCandidateDto): ConvocationProofValues {
  return {
    convocationDate: dto.convocationDate ?? null,
    convocationMode: dto.convocationMode ?? null,
    convocationProofKind: dto.convocationProofKind ?? null,
    convocationProofOn: dto.convocationProofOn ?? null,
  };
}

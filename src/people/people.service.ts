import { Injectable } from '@nestjs/common';
import { In, Like, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Changes } from '../audit/audit-diff.js';
import { Candidate, type CcpResult, type Pathway } from '../candidates/candidate.entity.js';
import { CentresService } from '../centres/centres.service.js';
import { CertificationRecords } from '../certification/certification-records.service.js';
import { foldName, personMatchKey } from '../certification/person-key.js';
import type { SessionOutcome } from '../certification/record-rules.js';
import { canReadCentre, canWriteCentre, readableCentreIds, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden, notFound, staleWrite } from '../common/errors.js';
import { byName } from '../common/person-order.js';
import { futureDateError } from '../common/validation/date-rules.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { personCqcEntries, type PersonCqcEntry } from '../cqc/person-cqc.js';
import { Database } from '../database/database.js';
import { updateIfUnchanged } from '../database/optimistic-update.js';
import {
  ExamSession,
  type SessionNature,
  type SessionStatus,
} from '../sessions/exam-session.entity.js';
import { Titre } from '../titres/titre.entity.js';
import type { CreatePersonDto, ListPeopleQuery, UpdatePersonDto } from './dto/person.dto.js';
import { DUPLICATE_PERSON_MESSAGE, Person } from './person.entity.js';
import {
  enrolmentOutcomes,
  sessionOutcomeLabel,
  titreRecordView,
  type TitreRecordView,
} from './person-record-view.js';
import { identityChanges, type IdentityValues } from './person-rules.js';

/** At most this many people in one answer of `GET /api/people` (refine with `q`). */
export const PEOPLE_PAGE_SIZE = 100;

export interface Enrolment {
  candidateId: string;
  sessionId: string;
  titre: { code: string; label: string; version: string };
  nature: SessionNature;
  startDate: string;
  endDate: string;
  status: SessionStatus;
  pathway: Pathway;
  results: CcpResult[];
  /** The overall outcome of the session for the person; null for a cancelled session. */
  outcome: SessionOutcome | null;
  outcomeLabel: string | null;
}

/** A person as the API answers: without the internal duplicate-guard key. */
export type PublicPerson = Omit<Person, 'matchKey' | 'centre'>;

/**
 * A person with their enrolments, their certification record per titre version and, per session
 * giving the carte de qualification de conducteur, its Hub Pro Transport follow-up (`cqc`).
 */
export type PersonView = PublicPerson & {
  enrolments: Enrolment[];
  records: TitreRecordView[];
  cqc: PersonCqcEntry[];
};

/** The person without the internal `matchKey` (never part of an answer). */
export function publicPerson(person: Person): PublicPerson {
  return {
    id: person.id,
    centreId: person.centreId,
    lastName: person.lastName,
    firstName: person.firstName,
    birthDate: person.birthDate,
    email: person.email,
    phone: person.phone,
    address: person.address,
    drivingLicenceNumber: person.drivingLicenceNumber,
    createdAt: person.createdAt,
    version: person.version,
  };
}

/** The person a new enrolment designates, and whether the centre already knew them. */
export interface EnrolledPerson {
  person: Person;
  known: boolean;
}

function auditChanges(before: Person, changes: Partial<Person>): Changes {
  const result: Changes = {};
  for (const [field, after] of Object.entries(changes)) {
    if (field === 'matchKey') continue;
    result[field] = { before: before[field as keyof Person], after };
  }
  return result;
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
    private readonly records: CertificationRecords,
  ) {}

  async create(caller: Caller, dto: CreatePersonDto): Promise<PublicPerson> {
    await this.centres.get(caller, dto.centreId);
    if (!canWriteCentre(caller, dto.centreId)) throw forbidden();
    refuseFieldErrors([futureDateError('birthDate', dto.birthDate, this.clock.today())]);
    const identity = {
      lastName: dto.lastName,
      firstName: dto.firstName,
      birthDate: dto.birthDate ?? null,
    };
    return this.db.transaction(async (m) => {
      const matchKey = personMatchKey(identity);
      if (await m.getRepository(Person).exists({ where: { centreId: dto.centreId, matchKey } })) {
        throw fieldError('lastName', DUPLICATE_PERSON_MESSAGE, 409);
      }
      const person = await this.insert(m, caller, dto.centreId, null, {
        ...identity,
        email: dto.email || null,
        phone: dto.phone || null,
        address: dto.address ?? '',
        drivingLicenceNumber: dto.drivingLicenceNumber || null,
      });
      return publicPerson(person);
    });
  }

  /**
   * Changes a person's identity and contacts (not those of their enrolments): 404 out of the
   * caller's centres, 403 read-only, 409 on a stale version or when the new identity is another
   * person's of the centre; audited.
   */
  async update(caller: Caller, id: string, dto: UpdatePersonDto): Promise<PublicPerson> {
    refuseFieldErrors([futureDateError('birthDate', dto.birthDate, this.clock.today())]);
    return this.db.transaction(async (m) => {
      const person = await m.getRepository(Person).findOne({ where: { id } });
      if (!person || !canReadCentre(caller, person.centreId)) throw notFound('Personne');
      if (!canWriteCentre(caller, person.centreId)) throw forbidden();
      if (dto.version !== person.version) throw staleWrite('La fiche de la personne');
      const given: Partial<IdentityValues> = {
        lastName: dto.lastName,
        firstName: dto.firstName,
        birthDate: dto.birthDate,
        email: dto.email === undefined ? undefined : dto.email || null,
        phone: dto.phone === undefined ? undefined : dto.phone || null,
        address: dto.address,
      };
      const changes: Partial<Person> = identityChanges(person, given, {
        keepKnownContacts: false,
      });
      if (dto.drivingLicenceNumber !== undefined) {
        const licence = dto.drivingLicenceNumber || null;
        if (licence !== person.drivingLicenceNumber) changes.drivingLicenceNumber = licence;
      }
      return publicPerson(await this.write(m, caller, person, null, changes));
    });
  }

  async list(caller: Caller, query: ListPeopleQuery): Promise<PublicPerson[]> {
    const readable = readableCentreIds(caller);
    if (query.centreId && readable !== null && !readable.includes(query.centreId)) return [];
    const where: FindOptionsWhere<Person> = {};
    if (query.centreId) where.centreId = query.centreId;
    else if (readable !== null) where.centreId = In(readable);
    // The folded search holds letters and digits only: no LIKE wildcard can come from the query.
    const q = query.q ? foldName(query.q) : '';
    if (q !== '') where.matchKey = Like(`%${q}%`);
    const people = await this.db.read((m) => m.getRepository(Person).find({ where }));
    return people.sort(byName).slice(0, PEOPLE_PAGE_SIZE).map(publicPerson);
  }

  /**
   * The match keys of the centre's people, and of those enrolled in the session (for the CSV
   * import's preview); no access check: the caller checked the session.
   */
  async keysForImport(
    centreId: string,
    sessionId: string,
  ): Promise<{ known: Set<string>; enrolled: Set<string> }> {
    return this.db.read(async (m) => {
      const people = await m
        .getRepository(Person)
        .find({ where: { centreId }, select: { id: true, matchKey: true } });
      const candidates = await m
        .getRepository(Candidate)
        .find({ where: { sessionId }, select: { id: true, personId: true } });
      const enrolledIds = new Set(candidates.map((c) => c.personId));
      return {
        known: new Set(people.map((p) => p.matchKey)),
        enrolled: new Set(people.filter((p) => enrolledIds.has(p.id)).map((p) => p.matchKey)),
      };
    });
  }

  /**
   * A person the caller may read, with their enrolments (oldest session first, each with its
   * outcome) and their certification record per titre version (titres by their first session).
   */
  async get(caller: Caller, id: string): Promise<PersonView> {
    return this.db.read(async (m) => {
      const person = await m.getRepository(Person).findOne({ where: { id } });
      if (!person || !canReadCentre(caller, person.centreId)) throw notFound('Personne');
      const records = (await this.records.forPeople([id], m)).get(id) ?? [];
      const outcomes = enrolmentOutcomes(records);
      const enrolments = (await this.enrolments(m, id)).map((e) => {
        const outcome = outcomes.get(e.candidateId) ?? null;
        return { ...e, outcome, outcomeLabel: sessionOutcomeLabel(outcome) };
      });
      const cqc = await personCqcEntries(m, id, readableCentreIds(caller), this.clock.today());
      return { ...publicPerson(person), enrolments, records: records.map(titreRecordView), cqc };
    });
  }

  private async enrolments(
    m: EntityManager,
    personId: string,
  ): Promise<Omit<Enrolment, 'outcome' | 'outcomeLabel'>[]> {
    const candidates = await m.getRepository(Candidate).find({ where: { personId } });
    if (candidates.length === 0) return [];
    const sessions = await m
      .getRepository(ExamSession)
      .find({ where: { id: In(candidates.map((c) => c.sessionId)) } });
    const titres = await m
      .getRepository(Titre)
      .find({ where: { id: In([...new Set(sessions.map((s) => s.titreId))]) } });
    const sessionById = new Map(sessions.map((s) => [s.id, s]));
    const titreById = new Map(titres.map((t) => [t.id, t]));
    const enrolments: Omit<Enrolment, 'outcome' | 'outcomeLabel'>[] = [];
    for (const candidate of candidates) {
      const session = sessionById.get(candidate.sessionId);
      const titre = session && titreById.get(session.titreId);
      if (!session || !titre) continue;
      enrolments.push({
        candidateId: candidate.id,
        sessionId: session.id,
        titre: { code: titre.code, label: titre.label, version: titre.version },
        nature: session.nature,
        startDate: session.startDate,
        endDate: session.endDate,
        status: session.status,
        pathway: candidate.pathway,
        results: candidate.results,
      });
    }
    return enrolments.sort(
      (a, b) =>
        a.startDate.localeCompare(b.startDate) || a.candidateId.localeCompare(b.candidateId),
    );
  }

  /**
   * The person a new enrolment by identity designates (the duplicate guard): the centre's person
   * with the same key, their identity and contacts brought up to date, or a new person.
   */
  async personForIdentity(
    m: EntityManager,
    caller: Caller,
    centreId: string,
    sessionId: string,
    identity: IdentityValues,
  ): Promise<EnrolledPerson> {
    const matchKey = personMatchKey(identity);
    const known = await m.getRepository(Person).findOne({ where: { centreId, matchKey } });
    if (!known) {
      const person = await this.insert(m, caller, centreId, sessionId, {
        ...identity,
        drivingLicenceNumber: null,
      });
      return { person, known: false };
    }
    const person = await this.applyIdentity(m, caller, known, sessionId, identity, {
      keepKnownContacts: true,
    });
    return { person, known: true };
  }

  /** The centre's person designated by `personId` for an enrolment (404 naming the field). */
  async personForEnrolment(m: EntityManager, centreId: string, personId: string): Promise<Person> {
    const person = await m.getRepository(Person).findOne({ where: { id: personId, centreId } });
    if (!person) {
      throw fieldError(
        'personId',
        'Le champ « personId » ne désigne aucune personne du centre de la session.',
        404,
      );
    }
    return person;
  }

  /**
   * Marks a new enrolment of a known person on their row (version + 1): two enrolments of one
   * person at the same time are then serialised by the row lock, and the later one, whose read is
   * stale, answers 409 instead of enrolling the person twice in one session (PostgreSQL; SQLite
   * runs transactions one at a time).
   */
  async claimForEnrolment(m: EntityManager, person: Person): Promise<Person> {
    await updateIfUnchanged(m, Person, person, {}, 'La fiche de la personne');
    return { ...person, version: person.version + 1 };
  }

  /** Brings the person's identity to the values given (a candidate's edit), audited. */
  async applyIdentity(
    m: EntityManager,
    caller: Caller,
    person: Person,
    sessionId: string | null,
    given: Partial<IdentityValues>,
    options: { keepKnownContacts: boolean },
  ): Promise<Person> {
    return this.write(m, caller, person, sessionId, identityChanges(person, given, options));
  }

  /**
   * Writes changes of identity or contacts (version + 1, 409 when stale), refusing an identity
   * that is another person's of the centre (409 naming the fields), audited.
   */
  private async write(
    m: EntityManager,
    caller: Caller,
    person: Person,
    sessionId: string | null,
    changes: Partial<Person>,
  ): Promise<Person> {
    if (Object.keys(changes).length === 0) return person;
    const next = { ...person, ...changes };
    const matchKey = personMatchKey(next);
    if (matchKey !== person.matchKey) {
      const other = await m
        .getRepository(Person)
        .exists({ where: { centreId: person.centreId, matchKey } });
      if (other) throw fieldError('lastName', DUPLICATE_PERSON_MESSAGE, 409);
      changes.matchKey = matchKey;
    }
    await updateIfUnchanged(m, Person, person, changes, 'La fiche de la personne');
    await this.audit.record(m, caller, {
      sessionId,
      centreId: person.centreId,
      entity: 'person',
      entityId: person.id,
      action: 'update',
      changes: auditChanges(person, changes),
    });
    return { ...next, ...changes, version: person.version + 1 };
  }

  private async insert(
    m: EntityManager,
    caller: Caller,
    centreId: string,
    sessionId: string | null,
    values: IdentityValues & { drivingLicenceNumber: string | null },
  ): Promise<Person> {
    const repository = m.getRepository(Person);
    const person = await repository.save(
      repository.create({
        centreId,
        ...values,
        matchKey: personMatchKey(values),
        createdAt: this.clock.nowIso(),
      }),
    );
    await this.audit.record(m, caller, {
      sessionId,
      centreId,
      entity: 'person',
      entityId: person.id,
      action: 'create',
      snapshot: { ...person, matchKey: undefined },
    });
    return person;
  }
}

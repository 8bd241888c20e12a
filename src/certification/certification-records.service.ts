import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { chunks } from '../common/chunks.js';
import { Database } from '../database/database.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { Ccp } from '../titres/ccp.entity.js';
import { Titre } from '../titres/titre.entity.js';
import {
  certificationRecord,
  compareAttempts,
  sessionOutcomes,
  type CertificationRecord,
  type SessionAttempt,
  type SessionOutcome,
  type TitreScope,
} from './record-rules.js';

/** A titre version as the record reads it. */
export interface RecordTitre {
  id: string;
  code: string;
  label: string;
  version: string;
  scope: TitreScope;
  /** CCP and CCS labels by code. */
  labels: ReadonlyMap<string, string>;
}

/** One enrolment of the person in a session of the titre version, with its outcome. */
export interface RecordEnrolment {
  candidateId: string;
  attempt: SessionAttempt;
  outcome: SessionOutcome;
  trainingStartDate: string | null;
}

/** The certification record of one person for one titre version, with what it was built from. */
export interface PersonTitreRecord {
  personId: string;
  titre: RecordTitre;
  enrolments: RecordEnrolment[];
  record: CertificationRecord;
}

/**
 * Reads the enrolments of people in the sessions of the database (cancelled sessions left out) and
 * builds their certification record per titre version with the pure rules of `record-rules.ts`.
 * The record is computed, never stored: results entered on a session are in it at the next read.
 * No access check here: the callers check the person's or the session's centre.
 */
@Injectable()
export class CertificationRecords {
  constructor(private readonly db: Database) {}

  /** The records of these people, per person, titres in the order of their first session. */
  async forPeople(
    personIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, PersonTitreRecord[]>> {
    const work = (m: EntityManager) => this.read(m, personIds);
    return manager ? work(manager) : this.db.read(work);
  }

  /**
   * The record of one person for one titre version, read at a session (see `asOfSessionId`):
   * null when the person has no enrolment in that titre version, or none in that session.
   */
  async forPersonAndTitre(
    personId: string,
    titreId: string,
    options: { asOfSessionId?: string; manager?: EntityManager } = {},
  ): Promise<PersonTitreRecord | null> {
    const records = await this.forPeople([personId], options.manager);
    const found = records.get(personId)?.find((r) => r.titre.id === titreId) ?? null;
    if (found === null || options.asOfSessionId === undefined) return found;
    // Not enrolled in that session (or it was cancelled): no record as of it.
    if (!found.enrolments.some((e) => e.attempt.sessionId === options.asOfSessionId)) return null;
    return {
      ...found,
      record: certificationRecord(
        found.titre.scope,
        found.enrolments.map((e) => e.attempt),
        {
          asOfSessionId: options.asOfSessionId,
        },
      ),
    };
  }

  private async read(
    m: EntityManager,
    personIds: readonly string[],
  ): Promise<Map<string, PersonTitreRecord[]>> {
    const result = new Map<string, PersonTitreRecord[]>();
    if (personIds.length === 0) return result;
    const candidates: Candidate[] = [];
    for (const chunk of chunks([...new Set(personIds)])) {
      candidates.push(
        ...(await m.getRepository(Candidate).find({
          where: { personId: In(chunk), session: { status: Not('CANCELLED') } },
          relations: { session: true },
        })),
      );
    }
    const titreIds = [
      ...new Set(
        candidates.map((c) => c.session?.titreId).filter((id): id is string => id !== undefined),
      ),
    ];
    const titres = await this.titres(m, titreIds);
    const groups = new Map<string, { personId: string; titreId: string; rows: Candidate[] }>();
    for (const candidate of candidates) {
      const session = candidate.session;
      if (!session) continue;
      const key = `${candidate.personId}|${session.titreId}`;
      const group = groups.get(key) ?? {
        personId: candidate.personId,
        titreId: session.titreId,
        rows: [],
      };
      group.rows.push(candidate);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      const titre = titres.get(group.titreId);
      if (!titre) continue;
      const enrolled = group.rows.map((c) => ({ candidate: c, attempt: attemptOf(c) }));
      enrolled.sort((a, b) => compareAttempts(a.attempt, b.attempt));
      const attempts = enrolled.map((e) => e.attempt);
      const outcomes = sessionOutcomes(titre.scope, attempts);
      const record: PersonTitreRecord = {
        personId: group.personId,
        titre,
        enrolments: enrolled.map(({ candidate, attempt }) => ({
          candidateId: candidate.id,
          attempt,
          outcome: outcomes.get(attempt.sessionId) ?? 'PENDING',
          trainingStartDate: candidate.trainingStartDate,
        })),
        record: certificationRecord(titre.scope, attempts),
      };
      const list = result.get(group.personId) ?? [];
      list.push(record);
      result.set(group.personId, list);
    }
    for (const list of result.values()) {
      list.sort((a, b) => compareAttempts(a.enrolments[0]!.attempt, b.enrolments[0]!.attempt));
    }
    return result;
  }

  /** The titre versions with their CCP and CCS in the titre's order. */
  async titres(m: EntityManager, titreIds: readonly string[]): Promise<Map<string, RecordTitre>> {
    if (titreIds.length === 0) return new Map();
    const titres = await m.getRepository(Titre).find({ where: { id: In([...titreIds]) } });
    const ccps = await m
      .getRepository(Ccp)
      .find({ where: { titreId: In([...titreIds]) }, order: { position: 'ASC', code: 'ASC' } });
    return new Map(
      titres.map((titre) => {
        const own = ccps.filter((c) => c.titreId === titre.id);
        return [
          titre.id,
          {
            id: titre.id,
            code: titre.code,
            label: titre.label,
            version: titre.version,
            scope: {
              code: titre.code,
              validUntil: titre.validUntil,
              prolongationUntil: titre.prolongationUntil,
              ccps: own.map((c) => ({ code: c.code, kind: c.kind })),
            },
            labels: new Map(own.map((c) => [c.code, c.label])),
          },
        ];
      }),
    );
  }
}

/** The session attempt of one enrolment. */
export function attemptOf(candidate: Candidate & { session?: ExamSession }): SessionAttempt {
  const session = candidate.session;
  if (!session) throw new Error('attemptOf: la session de l’inscription n’est pas chargée.');
  return {
    sessionId: session.id,
    nature: session.nature,
    startDate: session.startDate,
    endDate: session.endDate,
    ccpCodes: session.ccpCodes,
    attendance: candidate.attendance,
    results: candidate.results,
  };
}

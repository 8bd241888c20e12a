/**
 * The data step of the PersonRecords migration, shared by SQLite and PostgreSQL: one person per
 * existing candidate, merged when identical (same centre of the session, same `personMatchKey`).
 * The key is computed here in TypeScript: accent folding is not portable SQL.
 */
import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { personMatchKey } from '../src/certification/person-key.js';

interface CandidateRow {
  id: string;
  centreId: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  purgedAt: string | null;
  createdAt: string;
}

interface PersonRow {
  id: string;
  centreId: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string;
  matchKey: string;
  createdAt: string;
  candidateIds: string[];
}

/** The key of a stored identity; an anonymised (purged) candidate is never merged with another. */
function storedKey(row: CandidateRow): string {
  if (row.purgedAt !== null) return `anonymised|${row.id}`;
  try {
    return personMatchKey(row);
  } catch {
    // A birth date stored before today's checks: keep the person apart rather than lose it.
    return `${personMatchKey({ ...row, birthDate: null })}${row.birthDate ?? ''}|${row.id}`;
  }
}

/** Groups candidates into people, oldest enrolment first; the latest enrolment gives the identity. */
export function groupCandidatesIntoPeople(rows: readonly CandidateRow[]): PersonRow[] {
  const sorted = [...rows].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const people = new Map<string, PersonRow>();
  for (const row of sorted) {
    const matchKey = storedKey(row);
    const mapKey = `${row.centreId}|${matchKey}`;
    const identity = {
      lastName: row.lastName,
      firstName: row.firstName,
      birthDate: row.birthDate,
      email: row.email,
      phone: row.phone,
      address: row.address ?? '',
    };
    const known = people.get(mapKey);
    if (known) {
      Object.assign(known, identity);
      known.candidateIds.push(row.id);
    } else {
      people.set(mapKey, {
        id: randomUUID(),
        centreId: row.centreId,
        ...identity,
        matchKey,
        createdAt: row.createdAt,
        candidateIds: [row.id],
      });
    }
  }
  return [...people.values()];
}

/** Inserts the people of the existing candidates and sets each candidate's `personId`. */
export async function backfillPeople(
  queryRunner: QueryRunner,
  kind: 'sqlite' | 'postgres',
): Promise<void> {
  const p = (n: number) => (kind === 'postgres' ? `$${n}` : '?');
  const rows = (await queryRunner.query(
    `SELECT c."id", s."centreId", c."lastName", c."firstName", c."birthDate", c."email", c."phone",
      c."address", c."purgedAt", c."createdAt"
     FROM "candidate" c INNER JOIN "exam_session" s ON s."id" = c."sessionId"`,
  )) as CandidateRow[];
  for (const person of groupCandidatesIntoPeople(rows)) {
    await queryRunner.query(
      `INSERT INTO "person" ("id", "centreId", "lastName", "firstName", "birthDate", "email",
        "phone", "address", "drivingLicenceNumber", "matchKey", "createdAt", "version")
       VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map(p).join(', ')}, NULL, ${p(9)}, ${p(10)}, 1)`,
      [
        person.id,
        person.centreId,
        person.lastName,
        person.firstName,
        person.birthDate,
        person.email,
        person.phone,
        person.address,
        person.matchKey,
        person.createdAt,
      ],
    );
    for (const candidateId of person.candidateIds) {
      await queryRunner.query(`UPDATE "candidate" SET "personId" = ${p(1)} WHERE "id" = ${p(2)}`, [
        person.id,
        candidateId,
      ]);
    }
  }
}

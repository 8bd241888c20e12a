import { QueryFailedError } from 'typeorm';
import { constraintViolation } from './constraint-violation.js';

/** A driver error as TypeORM wraps it: the driver's own fields copied onto QueryFailedError. */
function failed(query: string, message: string, fields: Record<string, string>): QueryFailedError {
  return new QueryFailedError(query, [], Object.assign(new Error(message), fields));
}

/** What `pg` reports (a DatabaseError with code, constraint, table and detail). */
function pgError(code: string, message: string, fields: Record<string, string>): QueryFailedError {
  return failed('INSERT INTO …', message, { code, schema: 'public', ...fields });
}

/** What better-sqlite3 reports (a SqliteError with a code; names are only in its message). */
function sqliteError(query: string, code: string, message: string): QueryFailedError {
  const error = Object.assign(new Error(message), { code });
  error.name = 'SqliteError';
  return new QueryFailedError(query, [], error);
}

describe('constraintViolation', () => {
  describe('PostgreSQL', () => {
    it('reads a unique violation: the index name, the table and the key columns', () => {
      expect(
        constraintViolation(
          pgError(
            '23505',
            'duplicate key value violates unique constraint "IDX_e121943386223f143e4dd0b9e9"',
            {
              constraint: 'IDX_e121943386223f143e4dd0b9e9',
              table: 'titre',
              detail: 'Key (code, version)=(CDA, 2023) already exists.',
            },
          ),
        ),
      ).toEqual({
        kind: 'unique',
        constraint: 'IDX_e121943386223f143e4dd0b9e9',
        table: 'titre',
        columns: ['code', 'version'],
        operation: null,
      });
    });

    it('unquotes mixed-case column names of the detail', () => {
      expect(
        constraintViolation(
          pgError('23505', 'duplicate key value violates unique constraint "IDX_cc0e"', {
            constraint: 'IDX_cc0e',
            table: 'session_staff',
            detail: 'Key ("sessionId", "juryMemberId")=(a, b) already exists.',
          }),
        )?.columns,
      ).toEqual(['sessionId', 'juryMemberId']);
    });

    it('keeps the constraint when the detail is withheld', () => {
      expect(
        constraintViolation(
          pgError('23505', 'duplicate key value violates unique constraint "PK_f67"', {
            constraint: 'PK_f67',
            table: 'calendar_feed',
          }),
        ),
      ).toMatchObject({ kind: 'unique', constraint: 'PK_f67', columns: [] });
    });

    it('tells a row pointing to a missing row from a row still pointed to', () => {
      expect(
        constraintViolation(
          pgError(
            '23503',
            'insert or update on table "session_incident" violates foreign key constraint "FK_a"',
            {
              constraint: 'FK_a',
              table: 'session_incident',
              detail: 'Key (candidateId)=(0000) is not present in table "candidate".',
            },
          ),
        ),
      ).toEqual({
        kind: 'foreign-key',
        constraint: 'FK_a',
        table: 'session_incident',
        columns: ['candidateId'],
        operation: 'insert',
      });
      expect(
        constraintViolation(
          pgError(
            '23503',
            'update or delete on table "jury_member" violates foreign key constraint "FK_b" on table "session_staff"',
            {
              constraint: 'FK_b',
              table: 'session_staff',
              detail: 'Key (id)=(0000) is still referenced from table "session_staff".',
            },
          ),
        ),
      ).toMatchObject({ kind: 'foreign-key', constraint: 'FK_b', operation: 'delete' });
    });

    it('tells a foreign key violation by its statement when the server speaks French', () => {
      const violation = (query: string) =>
        constraintViolation(
          failed(query, 'UPDATE ou DELETE sur la table « jury_member » viole la contrainte', {
            code: '23503',
            constraint: 'FK_b',
            table: 'session_staff',
            detail:
              'La clé (id)=(0000) est toujours référencée à partir de la table « session_staff ».',
          }),
        );
      expect(violation('DELETE FROM "jury_member" WHERE …')).toMatchObject({
        kind: 'foreign-key',
        constraint: 'FK_b',
        operation: 'delete',
      });
      expect(violation('INSERT INTO "session_staff" …')?.operation).toBe('insert');
    });

    it('reads the raw driver error too (not wrapped by TypeORM)', () => {
      const raw = Object.assign(new Error('duplicate key value'), {
        code: '23505',
        constraint: 'IDX_x',
        table: 'app_user',
        detail: 'Key (email)=(a@b.fr) already exists.',
      });
      expect(constraintViolation(raw)).toMatchObject({ constraint: 'IDX_x', columns: ['email'] });
    });

    it('ignores other errors', () => {
      expect(
        constraintViolation(pgError('23502', 'null value in column "name"', { table: 'centre' })),
      ).toBeNull();
      expect(constraintViolation(pgError('40001', 'could not serialize access', {}))).toBeNull();
    });
  });

  describe('SQLite', () => {
    it('reads a unique violation: the table and the columns of its message', () => {
      expect(
        constraintViolation(
          sqliteError(
            'INSERT INTO "titre" …',
            'SQLITE_CONSTRAINT_UNIQUE',
            'UNIQUE constraint failed: titre.code, titre.version',
          ),
        ),
      ).toEqual({
        kind: 'unique',
        constraint: null,
        table: 'titre',
        columns: ['code', 'version'],
        operation: null,
      });
    });

    it('reads a primary key violation the same way', () => {
      expect(
        constraintViolation(
          sqliteError(
            'INSERT INTO "calendar_feed" …',
            'SQLITE_CONSTRAINT_PRIMARYKEY',
            'UNIQUE constraint failed: calendar_feed.userId',
          ),
        ),
      ).toMatchObject({ kind: 'unique', table: 'calendar_feed', columns: ['userId'] });
    });

    it('reads the index name of a unique index on expressions', () => {
      expect(
        constraintViolation(
          sqliteError(
            'INSERT …',
            'SQLITE_CONSTRAINT_UNIQUE',
            "UNIQUE constraint failed: index 'IDX_lower_email'",
          ),
        ),
      ).toMatchObject({ kind: 'unique', constraint: 'IDX_lower_email', table: null, columns: [] });
    });

    it('tells a foreign key violation by its statement: insert or delete', () => {
      expect(
        constraintViolation(
          sqliteError(
            'INSERT INTO "session_incident" …',
            'SQLITE_CONSTRAINT_FOREIGNKEY',
            'FOREIGN KEY constraint failed',
          ),
        ),
      ).toEqual({
        kind: 'foreign-key',
        constraint: null,
        table: null,
        columns: [],
        operation: 'insert',
      });
      expect(
        constraintViolation(
          sqliteError(
            'DELETE FROM "jury_member" WHERE …',
            'SQLITE_CONSTRAINT_FOREIGNKEY',
            'FOREIGN KEY constraint failed',
          ),
        )?.operation,
      ).toBe('delete');
    });

    it('reads a plain error message (no code)', () => {
      expect(
        constraintViolation(new Error('UNIQUE constraint failed: session_staff.sessionId')),
      ).toMatchObject({ kind: 'unique', table: 'session_staff', columns: ['sessionId'] });
    });

    it('ignores other errors', () => {
      expect(
        constraintViolation(
          sqliteError(
            'INSERT …',
            'SQLITE_CONSTRAINT_NOTNULL',
            'NOT NULL constraint failed: centre.name',
          ),
        ),
      ).toBeNull();
      expect(
        constraintViolation(sqliteError('SELECT …', 'SQLITE_BUSY', 'database is locked')),
      ).toBeNull();
      expect(constraintViolation(new Error('échec'))).toBeNull();
      expect(constraintViolation('UNIQUE constraint failed: a.b')).toBeNull();
      expect(constraintViolation(null)).toBeNull();
    });
  });
});

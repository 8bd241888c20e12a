import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictException, NotFoundException } from '@nestjs/common';
import { fieldErrorsOf } from '../common/validation/field-errors.js';
import { DataSource, QueryFailedError } from 'typeorm';
import { Titre } from '../titres/titre.entity.js';
import { User } from '../users/user.entity.js';
import { ConstraintErrors } from './constraint-errors.js';
import { typeOrmOptions } from './typeorm-options.js';
import { uniqueKeyMessage } from './unique-key-message.js';

function pgError(code: string, message: string, fields: Record<string, string>): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO …',
    [],
    Object.assign(new Error(message), { code, ...fields }),
  );
}

/** The unique indexes and primary keys the PostgreSQL migrations create, by name. */
function postgresUniqueNames(): string[] {
  const dir = join(process.cwd(), 'migrations', 'postgres');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(
      /CREATE UNIQUE INDEX \\?"([^"\\]+)\\?"|CONSTRAINT \\?"([^"\\]+)\\?" (?:PRIMARY KEY|UNIQUE)/g,
    )) {
      names.add(match[1] ?? match[2]);
    }
  }
  return [...names];
}

describe('ConstraintErrors', () => {
  let dataSource: DataSource;
  let constraints: ConstraintErrors;

  beforeAll(async () => {
    dataSource = new DataSource({
      ...typeOrmOptions({ type: 'sqlite', path: ':memory:' }),
      migrationsRun: true,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    constraints = ConstraintErrors.fromDataSource(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('declares a French message naming its fields for every unique key an entity can break', () => {
    const keys = constraints.keys.filter((key) => !key.generated);
    expect(keys.length).toBeGreaterThanOrEqual(13);
    for (const key of keys) {
      const spec =
        typeof key.entity.target === 'function'
          ? uniqueKeyMessage(key.entity.target, key.properties)
          : undefined;
      expect({ table: key.entity.tableName, columns: key.properties, declared: !!spec }).toEqual({
        table: key.entity.tableName,
        columns: key.properties,
        declared: true,
      });
      expect(spec!.fields.length).toBeGreaterThan(0);
      for (const field of spec!.fields) expect(spec!.message).toContain(`« ${field} »`);
    }
  });

  it('knows every unique index and primary key of the PostgreSQL schema by its name', () => {
    const names = postgresUniqueNames();
    expect(names.length).toBeGreaterThanOrEqual(30);
    const unknown = names.filter(
      (name) =>
        constraints.uniqueKey({
          kind: 'unique',
          constraint: name,
          table: null,
          columns: [],
          operation: null,
        }) === undefined,
    );
    expect(unknown).toEqual([]);
  });

  describe('PostgreSQL errors', () => {
    it('answers 409 with the message of the unique index named by the error', () => {
      const error = pgError('23505', 'duplicate key value violates unique constraint', {
        constraint: 'IDX_e121943386223f143e4dd0b9e9',
        table: 'titre',
        detail: 'Key (code, version)=(CDA, 2023) already exists.',
      });
      const answer = constraints.toHttpException(error);
      expect(answer).toBeInstanceOf(ConflictException);
      expect(answer?.message).toBe(
        'Ce titre existe déjà dans cette version (champs « code » et « version »).',
      );
      // The field travels as data, for the forms to place the message beside it.
      expect(fieldErrorsOf(answer!)).toEqual([
        {
          field: 'code',
          message: 'Ce titre existe déjà dans cette version (champs « code » et « version »).',
        },
      ]);
    });

    it('answers 409 for an application-chosen primary key (a calendar feed per user)', () => {
      const error = pgError('23505', 'duplicate key value violates unique constraint', {
        constraint: 'PK_f6779773c62bb47bf4001a69060',
        table: 'calendar_feed',
        detail: 'Key ("userId")=(0000) already exists.',
      });
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message: expect.stringContaining('(champ « userId »)') as unknown,
      });
    });

    it('falls back on the table and the columns of the detail for an unknown name', () => {
      const error = pgError('23505', 'duplicate key value violates unique constraint', {
        constraint: 'app_user_email_key',
        table: 'app_user',
        detail: 'Key (email)=(a@b.fr) already exists.',
      });
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message: 'Un compte existe déjà pour cette adresse e-mail (champ « email »).',
      });
    });

    it('names the columns of a key no entity declares', () => {
      const error = pgError('23505', 'duplicate key value violates unique constraint', {
        constraint: 'other_key',
        table: 'other',
        detail: 'Key (a, b)=(1, 2) already exists.',
      });
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message: 'Cette valeur existe déjà (champs « a » et « b »).',
      });
    });

    it('answers 404 naming the field when a row points to a row deleted meanwhile', () => {
      const incident = dataSource.getMetadata('session_incident');
      const foreignKey = incident.foreignKeys.find((fk) =>
        fk.columns.some((c) => c.propertyName === 'candidateId'),
      );
      const error = pgError(
        '23503',
        `insert or update on table "session_incident" violates foreign key constraint "${foreignKey!.name}"`,
        {
          constraint: foreignKey!.name,
          table: 'session_incident',
          detail: 'Key (candidateId)=(0000) is not present in table "candidate".',
        },
      );
      const answer = constraints.toHttpException(error);
      expect(answer).toBeInstanceOf(NotFoundException);
      expect(fieldErrorsOf(answer!)?.[0].field).toBe('candidateId');
      expect(answer?.message).toBe(
        "Le champ « candidateId » désigne un élément qui n'existe pas ou plus (supprimé entre-temps) : rechargez la page et recommencez.",
      );
    });

    it('answers 409 when a deleted row is still pointed to', () => {
      const staff = dataSource.getMetadata('session_staff');
      const foreignKey = staff.foreignKeys.find((fk) =>
        fk.columns.some((c) => c.propertyName === 'juryMemberId'),
      );
      const error = pgError(
        '23503',
        `update or delete on table "jury_member" violates foreign key constraint "${foreignKey!.name}" on table "session_staff"`,
        {
          constraint: foreignKey!.name,
          table: 'session_staff',
          detail: 'Key (id)=(0000) is still referenced from table "session_staff".',
        },
      );
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message:
          'Suppression impossible : cet élément est encore utilisé (champ « juryMemberId » de la table « session_staff »).',
      });
    });
  });

  describe('SQLite errors (from the driver itself)', () => {
    const user = {
      email: 'a@b.fr',
      passwordHash: 'x',
      role: 'admin' as const,
      createdAt: '2027-01-01T00:00:00.000Z',
    };

    it('answers 409 with the message of the unique index its message names', async () => {
      await dataSource.getRepository(User).insert(user);
      const error: unknown = await dataSource
        .getRepository(User)
        .insert(user)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message: 'Un compte existe déjà pour cette adresse e-mail (champ « email »).',
      });
      const titre = {
        code: 'CDA',
        label: 'Concepteur',
        version: '2023',
        validUntil: '2030-01-01',
        createdAt: '2027-01-01T00:00:00.000Z',
      };
      await dataSource.getRepository(Titre).insert(titre);
      const again: unknown = await dataSource
        .getRepository(Titre)
        .insert(titre)
        .catch((e: unknown) => e);
      expect(constraints.toHttpException(again)?.message).toBe(
        'Ce titre existe déjà dans cette version (champs « code » et « version »).',
      );
    });

    it('answers 409 for a primary key the application chooses', async () => {
      const [stored] = await dataSource.getRepository(User).find({ take: 1 });
      const feed = { userId: stored.id, secretHash: 'a'.repeat(64), createdAt: user.createdAt };
      await dataSource.getRepository('calendar_feed').insert(feed);
      const error: unknown = await dataSource
        .getRepository('calendar_feed')
        .insert({ ...feed, secretHash: 'b'.repeat(64) })
        .catch((e: unknown) => e);
      expect(constraints.describe(error)).toEqual({
        status: 409,
        message: expect.stringContaining('(champ « userId »)') as unknown,
      });
    });

    it('answers 404 when a row points to a missing one (SQLite names no column)', async () => {
      const error: unknown = await dataSource
        .getRepository('calendar_feed')
        .insert({
          userId: '00000000-0000-4000-8000-000000000000',
          secretHash: 'c'.repeat(64),
          createdAt: user.createdAt,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(constraints.describe(error)).toEqual({
        status: 404,
        message:
          "Un élément désigné par la demande n'existe pas ou plus (supprimé entre-temps) : rechargez la page et recommencez.",
      });
    });

    it('leaves other errors alone', async () => {
      const error: unknown = await dataSource
        .query('SELECT * FROM no_such_table')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect(constraints.toHttpException(error)).toBeNull();
      expect(constraints.toHttpException(new Error('échec'))).toBeNull();
    });
  });
});

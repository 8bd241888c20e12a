import { ConflictException, type HttpException, NotFoundException } from '@nestjs/common';
import type { DataSource, EntityMetadata, NamingStrategyInterface } from 'typeorm';
import { constraintViolation, type ConstraintViolation } from './constraint-violation.js';
import { fieldList, uniqueKeyMessage } from './unique-key-message.js';

/** A unique index, unique constraint or primary key of an entity. */
export interface UniqueKey {
  entity: EntityMetadata;
  /** Its name in the database (what PostgreSQL reports). */
  name: string;
  /** Its properties, as the entity names them. */
  properties: string[];
  /** Its columns, as the database names them (what SQLite reports). */
  columns: string[];
  /** A primary key the database or TypeORM generates (a uuid, a sequence): never a conflict. */
  generated: boolean;
}

export interface ConstraintAnswer {
  status: 404 | 409;
  message: string;
}

/** The answer with the request's fields its message is about (the first one carries it). */
type FieldedAnswer = ConstraintAnswer & { fields?: readonly string[] };

type ColumnMetadata = EntityMetadata['columns'][number];
type ForeignKeyMetadata = EntityMetadata['foreignKeys'][number];

const RELOAD = 'rechargez la page et recommencez';

function columnsKey(table: string, columns: readonly string[]): string {
  return `${table}(${[...columns].sort().join(',')})`;
}

function foreignKeyFields(key: ForeignKeyMetadata | undefined): string[] {
  return key ? key.columns.map((column) => column.propertyPath) : [];
}

/**
 * Turns a database refusal into the API's answer: a unique key broken by a concurrent insert
 * answers 409 with the message declared on the entity (`@UniqueKeyMessage`), a row pointing to a
 * row deleted meanwhile 404, a row still pointed to 409. The constraint is found through
 * TypeORM's entity metadata: by its name on PostgreSQL, by its table and columns on SQLite.
 */
export class ConstraintErrors {
  readonly keys: readonly UniqueKey[];
  private readonly byName = new Map<string, UniqueKey>();
  private readonly byColumns = new Map<string, UniqueKey>();
  private readonly foreignKeys = new Map<string, ForeignKeyMetadata>();

  static fromDataSource(dataSource: DataSource): ConstraintErrors {
    return new ConstraintErrors(dataSource.entityMetadatas, dataSource.namingStrategy);
  }

  constructor(metadatas: readonly EntityMetadata[], naming: NamingStrategyInterface) {
    const keys: UniqueKey[] = [];
    const add = (
      entity: EntityMetadata,
      name: string,
      columns: readonly ColumnMetadata[],
      generated = false,
    ) => {
      const key: UniqueKey = {
        entity,
        name,
        properties: columns.map((column) => column.propertyPath),
        columns: columns.map((column) => column.databaseName),
        generated,
      };
      keys.push(key);
      this.byName.set(name, key);
      this.byColumns.set(columnsKey(entity.tableName, key.columns), key);
    };
    for (const entity of metadatas) {
      const primary = entity.primaryColumns;
      if (primary.length > 0) {
        const name =
          primary[0].primaryKeyConstraintName ??
          naming.primaryKeyName(
            entity.tableName,
            primary.map((column) => column.databaseName),
          );
        add(
          entity,
          name,
          primary,
          primary.every((column) => column.isGenerated),
        );
      }
      for (const index of entity.indices) {
        if (index.isUnique) add(entity, index.name, index.columns);
      }
      for (const unique of entity.uniques) add(entity, unique.name, unique.columns);
      for (const foreignKey of entity.foreignKeys) {
        this.foreignKeys.set(foreignKey.name, foreignKey);
      }
    }
    this.keys = keys;
  }

  /** The unique key a violation reports, when the metadata knows it. */
  uniqueKey(violation: ConstraintViolation): UniqueKey | undefined {
    if (violation.constraint !== null) {
      const named = this.byName.get(violation.constraint);
      if (named) return named;
    }
    if (violation.table !== null && violation.columns.length > 0) {
      return this.byColumns.get(columnsKey(violation.table, violation.columns));
    }
    return undefined;
  }

  /** The status and French message for a database error, or null if it broke no constraint. */
  describe(error: unknown): ConstraintAnswer | null {
    const answer = this.answer(error);
    return answer === null ? null : { status: answer.status, message: answer.message };
  }

  private answer(error: unknown): FieldedAnswer | null {
    const violation = constraintViolation(error);
    if (violation === null) return null;
    if (violation.kind === 'unique') {
      const key = this.uniqueKey(violation);
      const target = key?.entity.target;
      const declared =
        key && typeof target === 'function' ? uniqueKeyMessage(target, key.properties) : undefined;
      if (declared) return { status: 409, message: declared.message, fields: declared.fields };
      const fields = key?.properties ?? violation.columns;
      return {
        status: 409,
        fields,
        message:
          fields.length > 0
            ? `Cette valeur existe déjà (${fieldList(fields)}).`
            : `Cette valeur existe déjà : ${RELOAD}.`,
      };
    }
    const foreignKey =
      violation.constraint === null ? undefined : this.foreignKeys.get(violation.constraint);
    const fields = foreignKeyFields(foreignKey);
    if (violation.operation === 'insert') {
      return {
        status: 404,
        fields,
        message:
          fields.length === 0
            ? `Un élément désigné par la demande n'existe pas ou plus (supprimé entre-temps) : ${RELOAD}.`
            : fields.length === 1
              ? `Le ${fieldList(fields)} désigne un élément qui n'existe pas ou plus (supprimé entre-temps) : ${RELOAD}.`
              : `Les ${fieldList(fields)} désignent un élément qui n'existe pas ou plus (supprimé entre-temps) : ${RELOAD}.`,
      };
    }
    if (violation.operation === 'delete') {
      return {
        status: 409,
        message: !foreignKey
          ? 'Suppression impossible : cet élément est encore utilisé par d’autres données.'
          : `Suppression impossible : cet élément est encore utilisé (${fieldList(fields)} de la table « ${foreignKey.entityMetadata.tableName} »).`,
      };
    }
    return {
      status: 409,
      message: `Modification impossible : elle désigne un élément supprimé entre-temps, ou en retire un encore utilisé ; ${RELOAD}.`,
    };
  }

  /** The HTTP error to answer for a database error, or null if it broke no constraint. */
  toHttpException(error: unknown): HttpException | null {
    const answer = this.answer(error);
    if (answer === null) return null;
    // The field errors travel as data (`fields`), for the API's clients and the dashboard's forms.
    const field = answer.fields?.[0];
    const body =
      field === undefined
        ? answer.message
        : {
            statusCode: answer.status,
            error: answer.status === 404 ? 'Not Found' : 'Conflict',
            message: answer.message,
            fields: [{ field, message: answer.message }],
          };
    return answer.status === 404 ? new NotFoundException(body) : new ConflictException(body);
  }
}

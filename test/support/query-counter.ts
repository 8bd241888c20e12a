import type { INestApplication } from '@nestjs/common';
import { DataSource, type Logger } from 'typeorm';

/** Counts the SQL statements the app sends, through TypeORM's logger (every query is logged to it). */
export interface QueryCounter {
  /** Runs `work` and returns how many queries it made, with their text. */
  during(work: () => Promise<unknown>): Promise<{ count: number; queries: string[] }>;
  restore(): void;
}

export function countQueries(app: INestApplication): QueryCounter {
  const dataSource = app.get(DataSource);
  const original = dataSource.logger;
  let queries: string[] | null = null;
  const counting: Logger = {
    logQuery: (query, parameters, runner) => {
      queries?.push(query);
      original.logQuery(query, parameters, runner);
    },
    logQueryError: (...args) => original.logQueryError(...args),
    logQuerySlow: (...args) => original.logQuerySlow(...args),
    logSchemaBuild: (...args) => original.logSchemaBuild(...args),
    logMigration: (...args) => original.logMigration(...args),
    log: (...args) => original.log(...args),
  };
  Object.defineProperty(dataSource, 'logger', {
    value: counting,
    configurable: true,
    writable: true,
  });
  return {
    async during(work) {
      queries = [];
      try {
        await work();
        return { count: queries.length, queries };
      } finally {
        queries = null;
      }
    },
    restore() {
      Object.defineProperty(dataSource, 'logger', {
        value: original,
        configurable: true,
        writable: true,
      });
    },
  };
}

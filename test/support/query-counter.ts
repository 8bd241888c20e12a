import type { INestApplication } from '@nestjs/common';
import { Database } from '../../src/database/database.js';

/** Counts the SQL statements the app sends, through the database gate's observer. */
export interface QueryCounter {
  /** Runs `work` and returns how many queries it made, with their text. */
  during(work: () => Promise<unknown>): Promise<{ count: number; queries: string[] }>;
  restore(): void;
}

export function countQueries(app: INestApplication): QueryCounter {
  const database = app.get(Database);
  let queries: string[] | null = null;
  database.observe((sql) => queries?.push(sql));
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
      database.observe(null);
    },
  };
}

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { createApp } from '../../src/bootstrap.js';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { FixedClock } from '../../src/common/clock.js';
import { JsonLogger } from '../../src/common/http/json-logger.js';
import { createScratchDatabase } from '../../src/database/postgres-scratch.js';

export const ADMIN = { email: 'admin@jalon.test', password: 'mot-de-passe-admin-1' };

export type DbKind = 'sqlite' | 'postgres';

export function testDbKind(): DbKind {
  return process.env.JALON_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * `describe` in the SQLite pass, skipped in the PostgreSQL one: for what does not depend on the
 * database (what a browser sees, what the renderer prints), whose routes are tested on both
 * databases through HTTP.
 */
export const describeOnce = testDbKind() === 'postgres' ? describe.skip : describe;

/**
 * Where scratch SQLite files go: in memory-backed /dev/shm when the machine has it (a scratch
 * database needs no fsync at each commit; the suite runs several times faster there), else the
 * temporary folder.
 */
function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** An empty database of the kind under test; `drop` removes it. */
export async function scratchDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testDbKind() === 'postgres') {
    return createScratchDatabase(
      process.env.JALON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      'jalon_e2e',
    );
  }
  const dir = mkdtempSync(join(scratchRoot(), 'jalon-e2e-'));
  return {
    url: `sqlite:${join(dir, 'jalon.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestApp {
  app: INestApplication;
  http: App;
  config: AppConfig;
  clock: FixedClock;
  databaseUrl: string;
  /** A bearer token for these credentials. */
  login(email: string, password: string): Promise<string>;
  as(token: string): Client;
  close(): Promise<void>;
}

export interface Client {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

/** A clock that runs in real time from a given instant; `set` and `advance` still move it. */
export class RunningClock extends FixedClock {
  private offsetMs: number;

  constructor(start: Date) {
    super(start);
    this.offsetMs = start.getTime() - Date.now();
  }

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  override set(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }

  override advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export async function startTestApp(
  options: {
    env?: Record<string, string>;
    now?: string;
    databaseUrl?: string;
    /** Settings that do not come from the environment (e.g. a short outbox lease). */
    config?: Partial<AppConfig>;
    /** Let the clock run in real time from `now` (for leases that must expire by themselves). */
    runningClock?: boolean;
  } = {},
): Promise<TestApp> {
  const scratch = options.databaseUrl ? null : await scratchDatabaseUrl();
  const databaseUrl = options.databaseUrl ?? scratch!.url;
  const config: AppConfig = {
    ...loadAppConfig({
      DATABASE_URL: databaseUrl,
      JALON_ADMIN_EMAIL: ADMIN.email,
      JALON_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'silent',
      JALON_SCHEDULER: 'off',
      ...options.env,
    }),
    ...options.config,
  };
  const start = new Date(options.now ?? '2027-03-01T09:00:00Z');
  const clock = options.runningClock ? new RunningClock(start) : new FixedClock(start);
  const app = await createApp(config, { clock, logger: new JsonLogger('silent') });
  const http = app.getHttpServer() as App;
  const as = (token: string): Client => ({
    get: (path) => request(http).get(path).set('Authorization', `Bearer ${token}`),
    post: (path, body) =>
      request(http)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    patch: (path, body) =>
      request(http)
        .patch(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    put: (path, body) =>
      request(http)
        .put(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
    delete: (path) => request(http).delete(path).set('Authorization', `Bearer ${token}`),
  });
  return {
    app,
    http,
    config,
    clock,
    databaseUrl,
    as,
    async login(email, password) {
      const res = await request(http).post('/api/auth/token').send({ email, password });
      if (res.status !== 200)
        throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as { token: string }).token;
    },
    async close() {
      await app.close();
      await scratch?.drop();
    },
  };
}

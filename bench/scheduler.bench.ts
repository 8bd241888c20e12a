/**
 * Scheduler pass over 5,000 sessions (about 500,000 tasks) on SQLite and on PostgreSQL: a pass
 * with nothing due, a pass with reminders due (written as .eml files), and the next pass once
 * they are sent. Each pass runs in a fresh Node process, which prints its duration and its peak
 * memory (RSS, application start included). PostgreSQL is skipped, with a note, when unreachable.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module.js';
import { createApp } from '../src/bootstrap.js';
import { Centre } from '../src/centres/centre.entity.js';
import { Site } from '../src/centres/site.entity.js';
import { ChecklistTemplates } from '../src/checklist/checklist-templates.js';
import { SessionTask } from '../src/checklist/session-task.entity.js';
import { snapshotTemplate } from '../src/checklist/task-snapshot.js';
import { addDays } from '../src/common/calendar-date.js';
import { FixedClock } from '../src/common/clock.js';
import { JsonLogger } from '../src/common/http/json-logger.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { Database } from '../src/database/database.js';
import { createScratchDatabase } from '../src/database/postgres-scratch.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { ExamSession } from '../src/sessions/exam-session.entity.js';
import { Titre } from '../src/titres/titre.entity.js';
import { User } from '../src/users/user.entity.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 5000);
const MANAGERS = 50;
/** Nothing is due on 5 January 2027: every session starts between May 2027 and April 2028. */
const QUIET_DAY = '2027-01-05T08:00:00Z';
/** On 1 February 2027 the « 31 janvier » planning task of every 2027 session is overdue. */
const BUSY_DAY = '2027-02-01T08:00:00Z';
const FIRST_START = '2027-05-05';

async function openApp(
  databaseUrl: string,
  mailDir: string,
  now: string,
): Promise<INestApplication> {
  const config = loadAppConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    JALON_SCHEDULER: 'off',
    MAIL_DIR: mailDir,
  });
  return createApp(config, {
    clock: new FixedClock(new Date(now)),
    logger: new JsonLogger('silent'),
  });
}

async function seed(databaseUrl: string, mailDir: string): Promise<number> {
  const app = await openApp(databaseUrl, mailDir, QUIET_DAY);
  try {
    const db = app.get(Database);
    const now = new Date(QUIET_DAY).toISOString();
    const centreId = randomUUID();
    const siteId = randomUUID();
    const titreId = randomUUID();
    await db.transaction((m) =>
      m.getRepository(Centre).insert({ id: centreId, name: 'Centre de test', createdAt: now }),
    );
    await db.transaction((m) =>
      m.getRepository(Site).insert({
        id: siteId,
        centreId,
        name: 'Site de Vénissieux',
        city: 'Vénissieux',
        createdAt: now,
      } as Partial<Site>),
    );
    await db.transaction((m) =>
      m.getRepository(Titre).insert({
        id: titreId,
        code: 'CDA',
        label: 'Concepteur développeur d’applications',
        version: '2023',
        validUntil: '2030-12-31',
        createdAt: now,
      } as Partial<Titre>),
    );
    const managers = Array.from({ length: MANAGERS }, (_, i) => ({
      id: randomUUID(),
      email: `rs${i}@bench.jalon`,
      passwordHash: 'x',
      role: 'manager' as const,
      createdAt: now,
    }));
    await db.transaction((m) => m.getRepository(User).insert(managers));
    const template = app.get(ChecklistTemplates).latest();
    let tasks = 0;
    const batch = 100;
    for (let first = 0; first < SESSIONS; first += batch) {
      await db.transaction(async (m) => {
        const sessions = [];
        const rows = [];
        for (let i = first; i < Math.min(first + batch, SESSIONS); i++) {
          const startDate = addDays(FIRST_START, i % 360);
          const endDate = addDays(startDate, 4);
          const id = randomUUID();
          sessions.push({
            id,
            centreId,
            siteId,
            titreId,
            nature: 'TITRE' as const,
            ccpCodes: [],
            startDate,
            endDate,
            location: 'Salle Molière',
            managerId: managers[i % MANAGERS].id,
            deputyManagerId: managers[(i + 1) % MANAGERS].id,
            status: 'PLANNED' as const,
            checklistVersion: template.version,
            createdAt: now,
            updatedAt: now,
          });
          for (const task of snapshotTemplate(template, { startDate, endDate })) {
            rows.push({
              ...task,
              sessionId: id,
              status: 'todo' as const,
              observations: '',
              reason: '',
              updatedAt: now,
            });
          }
        }
        await m
          .createQueryBuilder()
          .insert()
          .into(ExamSession)
          .values(sessions)
          .updateEntity(false)
          .execute();
        for (let i = 0; i < rows.length; i += 500) {
          await m
            .createQueryBuilder()
            .insert()
            .into(SessionTask)
            .values(rows.slice(i, i + 500))
            .updateEntity(false)
            .execute();
        }
        tasks += rows.length;
      });
    }
    return tasks;
  } finally {
    await app.close();
  }
}

/** Child process: one or more passes at `now`, printing a JSON line per pass. */
async function measure(
  databaseUrl: string,
  mailDir: string,
  now: string,
  passes: number,
): Promise<void> {
  // As `npm run cli -- reminders:run` does: the application context, no HTTP server.
  const config = loadAppConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    JALON_SCHEDULER: 'off',
    MAIL_DIR: mailDir,
  });
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, new FixedClock(new Date(now))),
    { logger: new JsonLogger('silent') },
  );
  try {
    const service = app.get(ReminderPassService);
    for (let i = 0; i < passes; i++) {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const started = performance.now();
      const report = await service.run();
      const ms = performance.now() - started;
      process.stdout.write(
        JSON.stringify({
          ms: Math.round(ms),
          sent: report.sent.length,
          items: report.planned.itemsQueued,
          rssBeforeMb: Math.round(rssBefore / 1048576),
          peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        }) + '\n',
      );
    }
  } finally {
    await app.close();
  }
}

function runChild(
  databaseUrl: string,
  mailDir: string,
  now: string,
  passes: number,
  labels: string[],
): void {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', self, '--measure', databaseUrl, mailDir, now, String(passes)],
    { encoding: 'utf8', timeout: 600_000 },
  );
  if (result.status !== 0) throw new Error(`passe en échec : ${result.stderr}`);
  result.stdout
    .trim()
    .split('\n')
    .forEach((line, i) => {
      const r = JSON.parse(line) as {
        ms: number;
        sent: number;
        items: number;
        rssBeforeMb: number;
        peakRssMb: number;
      };
      process.stdout.write(
        `  ${labels[i].padEnd(34)} ${String(r.ms).padStart(6)} ms  ${String(r.sent).padStart(4)} e-mail(s) (${r.items} rappels)  RSS avant ${r.rssBeforeMb} Mo, pic ${r.peakRssMb} Mo\n`,
      );
    });
}

async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<void> {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-scheduler-'));
  if (kind === 'sqlite') {
    databaseUrl = `sqlite:${join(dir, 'bench.sqlite')}`;
    drop = async () => undefined;
  } else {
    try {
      ({ url: databaseUrl, drop } = await createScratchDatabase(
        process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        'jalon_bench',
      ));
    } catch (error) {
      process.stdout.write(
        `PostgreSQL : ignoré (serveur injoignable : ${error instanceof Error ? error.message : String(error)})\n`,
      );
      rmSync(dir, { recursive: true, force: true });
      return;
    }
  }
  const mailDir = join(dir, 'mail');
  try {
    const started = performance.now();
    const tasks = await seed(databaseUrl, mailDir);
    process.stdout.write(
      `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} : ${SESSIONS} sessions, ${tasks} tâches (insertion ${Math.round((performance.now() - started) / 1000)} s)\n`,
    );
    runChild(databaseUrl, mailDir, QUIET_DAY, 1, ['passe sans rien à envoyer']);
    runChild(databaseUrl, mailDir, BUSY_DAY, 2, [
      'passe avec des rappels dus',
      'passe suivante (déjà envoyés)',
    ]);
  } finally {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    await measure(args[1], args[2], args[3], Number(args[4]));
    return;
  }
  process.stdout.write('Objectif : passe sans rien à envoyer < 2 s et < 200 Mo.\n');
  await benchDatabase('sqlite');
  await benchDatabase('postgres');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

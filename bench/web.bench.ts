/**
 * Dashboard: 5,000 sessions in SQLite (bulk-seeded, ~95 tasks and 8 candidates each), the home
 * page and a session page under 50 concurrent clients (autocannon, 10 s each). The app runs in a
 * child process so that the load generator does not share its event loop. Prints p50/p95 latency
 * and requests per second. The session page keeps each task's last rendered row; the pages of
 * 1,000 sessions in turn show its cost when no row is ever reused. `npm run bench web`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import type { INestApplication } from '@nestjs/common';
import type { EntityMetadata } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { ChecklistTemplates } from '../src/checklist/checklist-templates.js';
import { SessionTask } from '../src/checklist/session-task.entity.js';
import { snapshotTemplate } from '../src/checklist/task-snapshot.js';
import { Candidate } from '../src/candidates/candidate.entity.js';
import { Person } from '../src/people/person.entity.js';
import { addDays, compareDates } from '../src/common/calendar-date.js';
import { FixedClock } from '../src/common/clock.js';
import { JsonLogger } from '../src/common/http/json-logger.js';
import { loadAppConfig } from '../src/config/app-config.js';
import { Database as JalonDatabase } from '../src/database/database.js';
import { ExamSession } from '../src/sessions/exam-session.entity.js';

const SESSIONS = 5_000;
const CANDIDATES_PER_SESSION = 8;
const CENTRES = 20;
const TITRES = 25;
const CONNECTIONS = 50;
const DURATION_S = 10;
const NOW = '2027-03-01T09:00:00Z';
const TODAY = '2027-03-01';
const SPREAD_SESSIONS = 1_000;
const ADMIN = { email: 'admin@bench.test', password: 'mot-de-passe-du-banc-1' };

function env(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    // No reminder pass (it would e-mail about the seeded deadlines) while measuring pages.
    JALON_SCHEDULER: 'off',
    MAIL_DIR: join(dirname(databaseUrl.slice('sqlite:'.length)), 'mail'),
    JALON_ADMIN_EMAIL: ADMIN.email,
    JALON_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
  };
}

async function startApp(databaseUrl: string): Promise<INestApplication> {
  return createApp(loadAppConfig(env(databaseUrl)), {
    clock: new FixedClock(new Date(NOW)),
    logger: new JsonLogger('silent'),
  });
}

/** Child process: serves the app on a free port and tells the parent which. */
async function serve(databaseUrl: string): Promise<void> {
  const app = await startApp(databaseUrl);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  // Never outlive the benchmark that started this server.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ port });
}

type Row = Record<string, unknown>;

/** A row in column order for a raw INSERT: defaults filled in, booleans as 0/1, JSON as text. */
function insertFor(db: Database.Database, meta: EntityMetadata): (values: Row) => void {
  const columns = meta.columns;
  const sql = `INSERT INTO "${meta.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')})
    VALUES (${columns.map(() => '?').join(', ')})`;
  const statement = db.prepare(sql);
  return (values) => {
    statement.run(
      columns.map((c) => {
        let value = values[c.propertyName];
        if (value === undefined) value = c.isVersion ? 1 : c.default;
        if (value === undefined) value = null;
        if (typeof value === 'boolean') return value ? 1 : 0;
        if (c.type === 'simple-json') return JSON.stringify(value);
        return value;
      }),
    );
  };
}

async function api(
  base: string,
  token: string,
  path: string,
  body: object,
): Promise<{ id: string }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function seed(databaseUrl: string, file: string): Promise<void> {
  const app = await startApp(databaseUrl);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const tokenRes = await fetch(`${base}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await tokenRes.json()) as { token: string };
  const sites: { centreId: string; siteId: string }[] = [];
  const managers: string[] = [];
  for (let c = 0; c < CENTRES; c++) {
    const centre = await api(base, token, '/api/centres', { name: `Centre n° ${c + 1}` });
    for (let s = 0; s < 2; s++) {
      const site = await api(base, token, `/api/centres/${centre.id}/sites`, {
        name: `Site ${c + 1}-${s + 1}`,
        city: 'Lyon',
      });
      sites.push({ centreId: centre.id, siteId: site.id });
    }
    const user = await api(base, token, '/api/users', {
      email: `rs${c + 1}@bench.test`,
      password: 'un-mot-de-passe-solide',
      role: 'manager',
      centreIds: [centre.id],
    });
    managers.push(user.id);
  }
  const titres: string[] = [];
  for (let t = 0; t < TITRES; t++) {
    const titre = await api(base, token, '/api/titres', {
      code: `TP${String(t + 1).padStart(2, '0')}`,
      label: `Titre professionnel n° ${t + 1}`,
      version: '2024',
      validUntil: '2030-12-31',
      ccps: [
        { code: 'CCP1', label: 'Premier bloc' },
        { code: 'CCP2', label: 'Second bloc' },
      ],
    });
    titres.push(titre.id);
  }
  const metas = await app.get(JalonDatabase).read(async (m) => ({
    session: m.connection.getMetadata(ExamSession),
    task: m.connection.getMetadata(SessionTask),
    candidate: m.connection.getMetadata(Candidate),
    person: m.connection.getMetadata(Person),
  }));
  const template = app.get(ChecklistTemplates).latest();
  await app.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const insertSession = insertFor(db, metas.session);
  const insertTask = insertFor(db, metas.task);
  const insertCandidate = insertFor(db, metas.candidate);
  const insertPerson = insertFor(db, metas.person);
  const createdAt = new Date(NOW).toISOString();
  db.transaction(() => {
    for (let i = 0; i < SESSIONS; i++) {
      const place = sites[i % sites.length];
      // From January 2025 to the end of 2028, about 3.5 sessions a day.
      const startDate = addDays('2025-01-06', Math.floor((i * 1450) / SESSIONS));
      const endDate = addDays(startDate, 4);
      const session = {
        id: randomUUID(),
        ...place,
        titreId: titres[i % titres.length],
        nature: i % 7 === 0 ? 'CCP' : 'TITRE',
        ccpCodes: i % 7 === 0 ? ['CCP1'] : [],
        startDate,
        endDate,
        startTime: '09:00',
        location: 'Salle des examens',
        managerId: managers[Math.floor(i / (SESSIONS / CENTRES)) % managers.length],
        deputyManagerId: null,
        status: compareDates(endDate, TODAY) < 0 ? 'HELD' : 'PLANNED',
        cancelReason: null,
        checklistVersion: template.version,
        createdAt,
        updatedAt: createdAt,
      };
      insertSession(session);
      snapshotTemplate(template, session).forEach((task, n) => {
        // Past deadlines are mostly met; a few stay late.
        const done = compareDates(task.dueDate, TODAY) < 0 && (i + n) % 23 !== 0;
        insertTask({
          ...task,
          id: randomUUID(),
          sessionId: session.id,
          status: done ? 'done' : 'todo',
          doneAt: done ? task.dueDate : null,
          doneBy: null,
          doneByEmail: done ? 'rs@bench.test' : null,
          observations: '',
          reason: '',
          updatedAt: createdAt,
        });
      });
      for (let k = 0; k < CANDIDATES_PER_SESSION; k++) {
        const vae = k === 0;
        // One person per enrolment: each bench candidate is someone else (the key says so).
        const personId = randomUUID();
        insertPerson({
          id: personId,
          centreId: place.centreId,
          lastName: `Candidat ${k + 1}`,
          firstName: 'Élise',
          matchKey: `bench|${personId}`,
          createdAt,
        });
        insertCandidate({
          id: randomUUID(),
          sessionId: session.id,
          personId,
          lastName: `Candidat ${k + 1}`,
          firstName: 'Élise',
          pathway: vae ? 'VAE' : 'FORMATION',
          vaeValidUntil: vae ? '2029-12-31' : null,
          results: [],
          createdAt,
        });
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
}

async function webLogin(base: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const csrfCookie = page.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('jalon_session='));
  if (!session) throw new Error(`login ${email}: ${res.status}`);
  return session.split(';')[0];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** One path, or several taken in turn (a different page at each request). */
async function load(
  base: string,
  target: string | readonly string[],
  cookie: string,
  connections = CONNECTIONS,
  duration = DURATION_S,
): Promise<string> {
  const paths = typeof target === 'string' ? [target] : target;
  let sent = 0;
  const path = typeof target === 'string' ? target : `${paths.length} pages différentes`;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${paths[0]}`,
        connections,
        duration,
        headers: { cookie },
        requests: [
          { setupRequest: (request) => ({ ...request, path: paths[sent++ % paths.length] }) },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const problems = [
    result.non2xx > 0 ? `${result.non2xx} réponses non 2xx` : '',
    result.timeouts > 0 ? `${result.timeouts} délais dépassés` : '',
    result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} erreurs` : '',
  ].filter(Boolean);
  return [
    path.slice(0, 44).padEnd(46),
    `p50 ${percentile(latencies, 50).toFixed(1)} ms`.padEnd(16),
    `p95 ${percentile(latencies, 95).toFixed(1)} ms`.padEnd(16),
    `max ${result.latency.max.toFixed(0)} ms`.padEnd(14),
    `${(result.requests.total / duration).toFixed(0)} req/s`.padEnd(12),
    problems.join(', '),
  ].join('');
}

async function main(): Promise<void> {
  const kept = process.env.JALON_BENCH_KEEP_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'jalon-bench-web-'));
  const file = join(dir, 'bench.sqlite');
  const databaseUrl = `sqlite:${file}`;
  let child: ChildProcess | null = null;
  try {
    const seeding = Date.now();
    // JALON_BENCH_KEEP_DIR keeps the seeded database between runs (to profile).
    if (!kept || !existsSync(file)) await seed(databaseUrl, file);
    process.stdout.write(
      `${SESSIONS} sessions, ${SESSIONS * CANDIDATES_PER_SESSION} candidats, tâches générées en ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`,
    );
    child = fork(fileURLToPath(import.meta.url), ['serve', databaseUrl], { stdio: 'inherit' });
    const port = await new Promise<number>((resolve, reject) => {
      child!.once('message', (m) => resolve((m as { port: number }).port));
      child!.once('exit', (code) => reject(new Error(`serveur arrêté (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const admin = await webLogin(base, ADMIN.email, ADMIN.password);
    const manager = await webLogin(base, 'rs1@bench.test', 'un-mot-de-passe-solide');
    const db = new Database(file, { readonly: true });
    const { id } = db
      .prepare(
        `SELECT "id" FROM "exam_session" WHERE "startDate" >= ? ORDER BY "startDate" LIMIT 1`,
      )
      .get('2027-04-01') as { id: string };
    // More tasks than the rows and views the app keeps (5 000): every display renders afresh.
    const manySessions = (
      db
        .prepare(`SELECT "id" FROM "exam_session" ORDER BY "startDate" LIMIT ?`)
        .all(SPREAD_SESSIONS) as { id: string }[]
    ).map((row) => `/sessions/${row.id}`);
    db.close();
    process.stdout.write(
      `${CONNECTIONS} clients simultanés, ${DURATION_S} s par page (cibles : p95 < 300 ms accueil, < 150 ms session)\n`,
    );
    // « En retard d'abord » last: its slowest requests may still be queued when it ends.
    for (const [label, path, cookie] of [
      ['accueil (admin, 5 000 sessions, page 1/100)', '/sessions', admin],
      ['accueil (responsable, 250 sessions)', '/sessions', manager],
      ['page de session (~95 tâches, 8 candidats)', `/sessions/${id}`, admin],
      [
        `pages de ${SPREAD_SESSIONS} sessions en alternance (aucune ligne gardée d’un affichage à l’autre)`,
        manySessions,
        admin,
      ],
      [
        'accueil « en retard d’abord » (admin, tri sur 5 000 sessions)',
        '/sessions?view=late',
        admin,
      ],
    ] as const) {
      // One client first: the time one request takes, without queueing behind the others.
      const alone = await load(base, path, cookie, 1, 3);
      process.stdout.write(
        `${label}\n  1 client   ${alone}\n  ${CONNECTIONS} clients ${await load(base, path, cookie)}\n`,
      );
    }
  } finally {
    child?.kill();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3]);
} else {
  await main();
}

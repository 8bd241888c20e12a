/**
 * Property-based fuzzing of the HTTP API, from its own OpenAPI document (issue 12).
 *
 * For every documented operation, fast-check generates requests as a careless or hostile client
 * would send them — valid-ish bodies with mutated fields (wrong types, null, missing or extra
 * keys, `__proto__`, hostile characters, far dates, foreign or malformed ids, deep nesting),
 * malformed path parameters and query strings, wrong Content-Type or Content-Encoding, broken
 * JSON — and checks that:
 * - no request gets a 5xx;
 * - every 4xx is JSON {statusCode, error, message} with a French message, and a 400 caused by a
 *   body field names it (`fields: [{field, message}]`, one per field, or « … » in the message);
 * - a rejected request changes no stored data (a digest of every table, except the audit trail,
 *   the login limit and the API tokens);
 * - an accepted request did not store control, NUL, lone-surrogate or invisible characters, or a
 *   date outside 1900–2100, and was not a non-JSON body.
 *
 * CI (quick, fixed seed):   node --experimental-vm-modules node_modules/jest/bin/jest.js \
 *                             test/fuzz-api.e2e-spec.ts --selectProjects e2e --runInBand
 * Longer, another seed:     FUZZ_RUNS=200 FUZZ_SEED=$RANDOM <same command>
 * Replay a failure:         FUZZ_SEED=<seed printed> FUZZ_RUNS=<same> <same command> -t '<route>'
 * Shrink it to a minimum:   FUZZ_SHRINK=1 FUZZ_SEED=<seed printed> <same command> -t '<route>'
 * On PostgreSQL:            JALON_TEST_DB=postgres <same command>
 * Every distinct failure as JSON: FUZZ_REPORT=/tmp/fuzz <same command>
 */
import { jest } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { runApiCase, type RunContext } from './support/fuzz/api-runner.js';
import { FUZZ_SHRINK, fuzzRuns, fuzzTimeout, seedFor, writeReport } from './support/fuzz/config.js';
import { Findings, ServerErrors } from './support/fuzz/findings.js';
import { Fixtures } from './support/fuzz/fixtures.js';
import {
  apiCaseArb,
  operations,
  sweepCases,
  type ApiCase,
  type OpenApiDocument,
  type Operation,
} from './support/fuzz/openapi.js';
import { DataSnapshots } from './support/fuzz/snapshot.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RUNS = fuzzRuns(4);
jest.setTimeout(fuzzTimeout(RUNS, 2_000));

/** The operations of the OpenAPI document (read from the running app before the tests). */
async function documentedOperations(
  t: TestApp,
): Promise<{ doc: OpenApiDocument; ops: Operation[] }> {
  const res = await request(t.http).get('/api/docs/openapi.json');
  if (res.status !== 200) throw new Error(`OpenAPI document: ${res.status}`);
  const doc = res.body as OpenApiDocument;
  return { doc, ops: operations(doc) };
}

/** Every operation of the OpenAPI document (checked against it by the last test). */
const OPERATIONS = [
  'GET /api/sessions/{id}/audit',
  'GET /api/users',
  'POST /api/users',
  'POST /api/auth/token',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/users/{id}/disable',
  'POST /api/users/{id}/enable',
  'POST /api/centres',
  'GET /api/centres',
  'GET /api/centres/{id}',
  'POST /api/centres/{id}/sites',
  'PATCH /api/centres/{id}/region',
  'POST /api/titres',
  'GET /api/titres',
  'GET /api/titres/{id}',
  'PATCH /api/titres/{id}',
  'POST /api/agrements',
  'GET /api/agrements',
  'PATCH /api/agrements/{id}',
  'POST /api/sessions',
  'GET /api/sessions',
  'GET /api/sessions/{id}',
  'PATCH /api/sessions/{id}',
  'POST /api/sessions/{id}/cancel',
  'POST /api/sessions/{id}/candidates',
  'GET /api/sessions/{id}/candidates',
  'GET /api/sessions/{id}/candidates/{cid}',
  'PATCH /api/sessions/{id}/candidates/{cid}',
  'DELETE /api/sessions/{id}/candidates/{cid}',
  'POST /api/sessions/{id}/candidates/bulk-convocation',
  'POST /api/sessions/{id}/candidates/bulk-attendance',
  'POST /api/people',
  'GET /api/people',
  'GET /api/people/{id}',
  'PATCH /api/people/{id}',
  'POST /api/jury-members',
  'GET /api/jury-members',
  'GET /api/jury-members/{id}',
  'PATCH /api/jury-members/{id}',
  'POST /api/jury-members/{id}/habilitations',
  'POST /api/sessions/{id}/jury',
  'GET /api/sessions/{id}/jury',
  'DELETE /api/sessions/{id}/jury/{assignmentId}',
  'PATCH /api/sessions/{id}/jury/{assignmentId}/convocation',
  'PATCH /api/sessions/{id}/jury/{assignmentId}/attendance',
  'POST /api/sessions/{id}/link-declarations',
  'GET /api/sessions/{id}/link-declarations',
  'GET /api/sessions/{id}/tasks',
  'PATCH /api/sessions/{id}/tasks/{taskId}',
  'POST /api/sessions/{id}/tasks/bulk-complete',
  'GET /api/sessions/{id}/checklist',
  'POST /api/sessions/{id}/checklist/upgrade',
  'GET /api/sessions/{id}/compliance',
  'POST /api/sessions/{id}/incidents',
  'GET /api/sessions/{id}/incidents',
  'DELETE /api/sessions/{id}/incidents/{incidentId}',
  'PUT /api/sessions/{id}/cqc/drivers/{cid}',
  'GET /api/sessions/{id}/cqc/registration',
  'GET /api/sessions/{id}/cqc/registration.csv',
  'POST /api/sessions/{id}/cqc/registration',
  'GET /api/cqc/certificates',
  'PATCH /api/cqc/certificates/{id}',
  'POST /api/sessions/{id}/cqc/hub-account-emails',
  'GET /api/sessions/{id}/cqc/hub-account.pdf',
  'GET /api/sessions/{id}/documents',
  'GET /api/sessions/{id}/documents/documents.zip',
  'GET /api/sessions/{id}/documents/pack-progress/{token}',
  'GET /api/sessions/{id}/documents/convocations.pdf',
  'GET /api/sessions/{id}/documents/jury-convocations.pdf',
  'GET /api/sessions/{id}/documents/emargement.pdf',
  'GET /api/sessions/{id}/documents/pv.pdf',
  'GET /api/sessions/{id}/documents/pv-individuels.pdf',
  'GET /api/sessions/{id}/documents/carence.pdf',
  'GET /api/sessions/{id}/documents/fraude.pdf',
  'GET /api/sessions/{id}/documents/checklist.pdf',
  'GET /api/sessions/{id}/documents/laureats.pdf',
  'GET /api/sessions/{id}/candidates/{cid}/convocation.pdf',
  'GET /api/sessions/{id}/candidates/{cid}/pv.pdf',
  'GET /api/sessions/{id}/jury/{assignmentId}/convocation.pdf',
  'GET /api/centres/{id}/planning',
  'GET /api/centres/{id}/resits',
  'GET /api/centres/{id}/obligations',
  'POST /api/centres/{id}/annual-programme',
  'GET /api/centres/{id}/providers',
  'POST /api/centres/{id}/providers',
  'PATCH /api/centres/{id}/providers/{providerId}',
  'DELETE /api/centres/{id}/providers/{providerId}',
  'POST /api/centres/{id}/providers/{providerId}/conventions',
  'PATCH /api/centres/{id}/providers/{providerId}/conventions/{conventionId}',
  'DELETE /api/centres/{id}/providers/{providerId}/conventions/{conventionId}',
  'POST /api/centres/{id}/providers/{providerId}/conventions/{conventionId}/avenants',
  'PATCH /api/centres/{id}/providers/{providerId}/conventions/{conventionId}/avenants/{avenantId}',
  'DELETE /api/centres/{id}/providers/{providerId}/conventions/{conventionId}/avenants/{avenantId}',
  'GET /api/centres/{id}/reminder-policy',
  'PUT /api/centres/{id}/reminder-policy',
  'GET /api/sessions/{id}/calendar.ics',
  'GET /api/me/calendar-feed',
  'POST /api/me/calendar-feed',
  'DELETE /api/me/calendar-feed',
  'GET /calendar/feed/{file}',
  'GET /health',
  'GET /api/admin/outbox',
  'POST /api/cqc/campaigns',
  'GET /api/cqc/campaigns',
  'GET /api/cqc/campaigns/{id}',
  'PATCH /api/cqc/campaigns/{id}',
  'POST /api/cqc/campaigns/{id}/schools',
  'GET /api/cqc/campaigns/{id}/schools',
  'PATCH /api/cqc/campaigns/{id}/schools/{schoolId}',
  'DELETE /api/cqc/campaigns/{id}/schools/{schoolId}',
  'POST /api/cqc/campaigns/{id}/classes',
  'GET /api/cqc/campaigns/{id}/classes',
  'PATCH /api/cqc/campaigns/{id}/classes/{classId}',
  'DELETE /api/cqc/campaigns/{id}/classes/{classId}',
  'POST /api/cqc/campaigns/{id}/pupils',
  'GET /api/cqc/campaigns/{id}/pupils',
  'PATCH /api/cqc/campaigns/{id}/pupils/{pupilId}',
  'DELETE /api/cqc/campaigns/{id}/pupils/{pupilId}',
  'POST /api/cqc/campaigns/{id}/pupils/{pupilId}/placement',
  'GET /api/cqc/campaigns/{id}/split',
  'POST /api/cqc/campaigns/{id}/fiche-sessions',
  'GET /api/cqc/campaigns/{id}/fiche-sessions',
  'GET /api/cqc/campaigns/{id}/fiche-sessions/{ficheSessionId}',
  'POST /api/cqc/campaigns/{id}/fiche-sessions/{ficheSessionId}/fiches',
  'POST /api/cqc/campaigns/{id}/fiche-sessions/{ficheSessionId}/fiches/{number}/void',
  'GET /api/cqc/campaigns/{id}/majority',
  'POST /api/cqc/campaigns/{id}/hand-overs',
  'GET /api/cqc/campaigns/{id}/hand-overs',
  'PATCH /api/cqc/campaigns/{id}/hand-overs/{handoverId}',
  'GET /api/cqc/campaigns/{id}/documents/{kind}.pdf',
];

describe('API fuzzing (from the OpenAPI document)', () => {
  let t: TestApp;
  let ctx: RunContext;
  let ops: Operation[];
  const all = new Findings();
  const errors = new ServerErrors();

  beforeAll(async () => {
    errors.install();
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    ops = (await documentedOperations(t)).ops;
    ctx = { t, f: await Fixtures.seed(t), snapshots: new DataSnapshots(t.app), errors };
  });

  afterAll(async () => {
    writeReport(`api-${process.env.JALON_TEST_DB ?? 'sqlite'}`, all.list());
    await t?.close();
  });

  it('documents every API route, so that every route is fuzzed', () => {
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    const documented = new Set(
      ops.map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = router.stack
      .filter(
        (layer) =>
          layer.route && /^\/(api\/(?!docs)|calendar\/feed\/:file|health)/.test(layer.route.path),
      )
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => `${m} ${layer.route!.path}`),
      );
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  // One test per operation; the list is known once the app has started, so it is read from a
  // fixed inventory below and checked against the document by the test above.
  it.each(OPERATIONS)('%s', async (key) => {
    const op = ops.find((o) => o.key === key);
    if (!op) throw new Error(`${key} is no longer in the OpenAPI document: update OPERATIONS`);
    const seed = seedFor(key);
    const findings = new Findings();
    const sweep = sweepCases(op).map((c): [ApiCase] => [c]);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(apiCaseArb(op), async (c) => {
        run++;
        const problems = await runApiCase(ctx, op, c);
        for (const p of problems) {
          const finding = { ...p, target: key, run, seed };
          findings.add(finding);
          all.add(finding);
        }
        // Collecting mode goes on to find every distinct failure; shrinking mode stops here.
        return !FUZZ_SHRINK || problems.length === 0;
      }),
      // A sweep of each field's worst values first (fast-check counts them in numRuns), then
      // RUNS random cases.
      { seed, numRuns: sweep.length + RUNS, endOnFailure: !FUZZ_SHRINK, examples: sweep },
    );
    if (findings.size > 0) {
      throw new Error(
        `${findings.size} distinct failure(s) on ${key} (FUZZ_SEED base ${process.env.FUZZ_SEED ?? 'default'}, ` +
          `route seed ${seed}, FUZZ_RUNS ${RUNS}):\n${findings.report()}`,
      );
    }
  });

  it('covers every operation of the document', () => {
    expect(ops.map((o) => o.key).sort()).toEqual([...OPERATIONS].sort());
  });

  // Last, so that its write changes no case above: the digest the whole suite relies on to say
  // « a rejected request changed nothing » does see a change, in the table changed.
  it('sees what an accepted request changed, table by table', async () => {
    const before = await ctx.snapshots.take();
    expect(await ctx.snapshots.changedSince(before)).toEqual([]);
    const res = await ctx.f
      .as('admin')
      .post('/api/centres', { name: 'Centre témoin du fuzzing', city: 'Lyon' });
    expect(res.status).toBe(201);
    expect(await ctx.snapshots.changedSince(before)).toEqual(['centre']);
    ctx.snapshots.invalidate();
  });
});

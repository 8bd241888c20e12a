/**
 * Property-based fuzzing of the dashboard's forms (issue 12).
 *
 * The forms are found as a user finds them: by following the dashboard's links from its menu
 * pages (plus the import confirmation, shown after a preview, and the login form); the test
 * checks that every POST route of the dashboard has been found. For each form, fast-check posts
 * what a careless or hostile browser would: the form as rendered with fields dropped, repeated,
 * unknown or set to hostile text, wrong option values, far or impossible dates, uppercase ids;
 * bodies that are not URL-encoded (multipart, text/plain, JSON, an empty htmx post), broken
 * percent-encoding, Latin-1 bytes, a bogus Content-Encoding, a missing or wrong CSRF token.
 * Properties: no 5xx; a 4xx page shows a French message (next to the field, or naming it, for a
 * 400 on a field); a rejected post changes no stored data; no post is accepted without its CSRF
 * token. GET forms (the session filters, the calendar month) get hostile query strings.
 *
 * CI (quick, fixed seed):   node --experimental-vm-modules node_modules/jest/bin/jest.js \
 *                             test/fuzz-forms.e2e-spec.ts --selectProjects e2e --runInBand
 * Longer, another seed:     FUZZ_RUNS=150 FUZZ_SEED=$RANDOM <same command>
 * Replay / shrink a failure: FUZZ_SEED=<seed> [FUZZ_SHRINK=1] <same command> -t '<form>'
 * On PostgreSQL:            JALON_TEST_DB=postgres <same command>
 * Every distinct failure as JSON: FUZZ_REPORT=/tmp/fuzz <same command>
 */
import { jest } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { TokenService } from '../src/auth/token.service.js';
import { csrfTokenFor } from '../src/web/web-session.js';
import { FUZZ_SHRINK, fuzzRuns, fuzzTimeout, seedFor, writeReport } from './support/fuzz/config.js';
import { aCandidate, aSession } from './support/factories.js';
import { Findings, ServerErrors } from './support/fuzz/findings.js';
import { Fixtures } from './support/fuzz/fixtures.js';
import { formCaseArb, runFormCase, type FormContext } from './support/fuzz/form-runner.js';
import type { IdKind } from './support/fuzz/hostile.js';
import { crawlForms, formsOf, pattern, type HtmlForm } from './support/fuzz/html-forms.js';
import { DataSnapshots } from './support/fuzz/snapshot.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { WebClient } from './support/web-form-client.js';

const RUNS = fuzzRuns(12);
jest.setTimeout(fuzzTimeout(RUNS, 3_000));

/**
 * The public pages whose secret link is the only credential (no session, hence no CSRF token):
 * not dashboard forms; their own e2e specs post hostile bodies to them (setup, cqc-reminders).
 */
const PUBLIC_TOKEN_FORMS = ['/setup', '/cqc/confirm/:token', '/password/reset'];

/** The dashboard's forms, by `METHOD /action/pattern` (ids as `:id`). */
const FORMS = [
  'POST /login',
  'POST /logout',
  'POST /password/forgot',
  'POST /account/password',
  'POST /sessions/new',
  'POST /sessions/:id/edit',
  'POST /sessions/:id/postpone',
  'POST /sessions/:id/cancel',
  'POST /sessions/:id/candidates/import',
  'POST /sessions/:id/candidates/import/confirm',
  'POST /sessions/:id/candidates/new',
  'POST /sessions/:id/candidates/:id',
  'POST /sessions/:id/candidates/:id/delete',
  'POST /sessions/:id/candidates/bulk-convocation',
  'POST /sessions/:id/candidates/bulk-attendance',
  'POST /sessions/:id/jury',
  'POST /sessions/:id/jury/:id/remove',
  'POST /sessions/:id/jury/declarations/:id',
  'POST /sessions/:id/jury/:id/convocation',
  'POST /sessions/:id/jury/:id/attendance',
  'POST /sessions/:id/incidents',
  'POST /sessions/:id/incidents/:id/delete',
  'POST /sessions/:id/tasks/:id',
  // The same route from « Mes échéances »: its form names where to come back to (`retour`).
  'POST /sessions/:id/tasks/:id from /echeances',
  'POST /sessions/:id/checklist/bulk-complete',
  'POST /people/:id',
  'POST /people/:id/enrol',
  'POST /centres/:id/resits/enrol',
  'POST /centres/:id/providers',
  'POST /centres/:id/providers/conventions',
  'POST /centres/:id/providers/avenants',
  // Deepest first: a delete that succeeds leaves the later forms of its item a 404.
  'POST /centres/:id/providers/:id/conventions/:id/avenants/:id/edit',
  'POST /centres/:id/providers/:id/conventions/:id/avenants/:id/delete',
  'POST /centres/:id/providers/:id/conventions/:id/edit',
  'POST /centres/:id/providers/:id/conventions/:id/delete',
  'POST /centres/:id/providers/:id/edit',
  'POST /centres/:id/providers/:id/delete',
  'POST /centres/:id/obligations/programme',
  'POST /jury/new',
  'POST /jury/:id',
  'POST /jury/:id/habilitations',
  'POST /agrements',
  'POST /agrements/:id/edit',
  'POST /titres',
  'POST /titres/:id/edit',
  'POST /centres',
  'POST /centres/sites',
  'POST /users',
  'POST /users/:id/active',
  'POST /calendar/feed/rotate',
  'POST /calendar/feed/revoke',
  'GET /sessions',
  'GET /calendar',
  'GET /jury',
  'GET /sessions/:id/candidates',
  'GET /agrements',
  'GET /titres',
  'GET /users',
  'POST /sessions/:id/cqc/drivers/:id',
  'POST /sessions/:id/cqc/registration',
  'POST /sessions/:id/cqc/hub-account-emails',
  'POST /cqc/certificates/:id',
  'GET /cqc/certificates',
  'GET /cqc/certificates?q',
  'GET /cqc/campaigns',
  'GET /centres/:id/resits',
  'GET /centres/:id/providers',
  'POST /cqc/campaigns',
  'POST /cqc/campaigns/:id/edit',
  'POST /cqc/campaigns/:id/schools',
  'POST /cqc/campaigns/:id/schools/:id/edit',
  'POST /cqc/campaigns/:id/schools/:id/delete',
  'POST /cqc/campaigns/:id/classes',
  'POST /cqc/campaigns/:id/classes/:id/pupils',
  'POST /cqc/campaigns/:id/classes/:id/fiche-sessions',
  'POST /cqc/campaigns/:id/classes/:id/pupils/:id/placement',
  'POST /cqc/campaigns/:id/fiche-sessions/:id/fiches',
  'POST /cqc/campaigns/:id/fiche-sessions/:id/fiches/:id/void',
  'POST /cqc/campaigns/:id/classes/:id/hand-overs',
  'POST /cqc/campaigns/:id/classes/:id/hand-overs/:id',
  'POST /cqc/campaigns/:id/classes/:id/pupils/:id/edit',
  'POST /cqc/campaigns/:id/classes/:id/pupils/:id/delete',
];

describe('dashboard forms fuzzing', () => {
  let t: TestApp;
  let ctx: FormContext;
  let forms: Map<string, HtmlForm>;
  const all = new Findings();
  const errors = new ServerErrors();

  beforeAll(async () => {
    errors.install();
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    const f = await Fixtures.seed(t);
    // The administrator's web session is an API token (see web-session.ts): no argon2 login.
    const idKinds = new Map<string, IdKind>(
      Object.entries(f.ids).map(([kind, id]) => [id.toLowerCase(), kind as IdKind]),
    );
    ctx = { t, f, snapshots: new DataSnapshots(t.app), errors, idKinds };
    const session = (await t.app.get(TokenService).issue(f.userIds.admin)).token;
    const cookie = `jalon_session=${encodeURIComponent(session)}`;
    const admin: WebClient = {
      cookie,
      get: (path) =>
        request(t.http)
          .get(path)
          .set('Cookie', cookie)
          .then((r) => r),
      post: () => Promise.reject(new Error('not used')),
      csrf: () => Promise.resolve(csrfTokenFor(session)),
    };
    const s = f.ids.session;
    // With a calendar feed, the calendar page also shows the form that revokes it.
    await f.as('admin').post('/api/me/calendar-feed');
    // With another planned session of the centre, the person page shows its enrolment form.
    await aSession(
      f.as('manager'),
      { centreId: f.ids.centre, siteId: f.ids.site, titreId: f.ids.titre },
      { startDate: '2027-09-06', endDate: '2027-09-06' },
    );
    // With a partly successful person and a CCP session to offer, the re-sit list shows its
    // enrolment form.
    const ids = { centreId: f.ids.centre, siteId: f.ids.site, titreId: f.ids.titre };
    const manager = f.as('manager');
    const past = String(
      (await aSession(manager, ids, { startDate: '2027-01-11', endDate: '2027-01-12' })).id,
    );
    const partial = await aCandidate(manager, past, { lastName: 'Rattrapage', firstName: 'Inès' });
    const patched = await manager.patch(`/api/sessions/${past}/candidates/${String(partial.id)}`, {
      version: partial.version,
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
      ],
    });
    expect(patched.status).toBe(200);
    await aSession(manager, ids, {
      nature: 'CCP',
      ccpCodes: ['CCP2'],
      startDate: '2027-10-04',
      endDate: '2027-10-04',
    });
    // With a provider and its convention, the providers page shows the convention and avenant forms,
    // and the edit and delete forms of each.
    const provider = await manager.post(`/api/centres/${f.ids.centre}/providers`, {
      name: 'Forma Plus',
    });
    expect(provider.status).toBe(201);
    const convention = await manager.post(
      `/api/centres/${f.ids.centre}/providers/${String(provider.body.id)}/conventions`,
      {
        signedOn: '2026-11-04',
        effectiveFrom: '2027-01-01',
        sentToPrefectOn: '2026-11-10',
        titreIds: [f.ids.titre],
        forecastCurrentYear: 10,
        forecastNextYear: 12,
      },
    );
    expect(convention.status).toBe(201);
    // With an avenant, the page shows its edit and delete forms.
    const avenant = await manager.post(
      `/api/centres/${f.ids.centre}/providers/${String(provider.body.id)}/conventions/${String(convention.body.id)}/avenants`,
      { year: 2028, forecastCount: 12 },
    );
    expect(avenant.status).toBe(201);
    // With a titre giving the CQC and two past sessions of it (one registered on Hub Pro
    // Transport), the CQC pages show the drivers', registration and card order forms.
    const cqcTitre = await f.as('admin').post('/api/titres', {
      code: 'CTRMPFUZZ',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      version: '2023',
      validUntil: '2029-12-31',
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
      ccps: [{ code: 'CCP1', label: 'Réaliser en sécurité des opérations de transport' }],
    });
    expect(cqcTitre.status).toBe(201);
    const cqcIds = { ...ids, titreId: String(cqcTitre.body.id) };
    expect(
      (
        await f.as('admin').post('/api/agrements', {
          centreId: f.ids.centre,
          siteId: f.ids.site,
          titreId: cqcIds.titreId,
          validFrom: '2026-01-01',
          validUntil: '2029-06-30',
          maxCandidates: 12,
          technicalPlatform: 'Aire de manœuvre et porteur',
        })
      ).status,
    ).toBe(201);
    const cqcSessions: string[] = [];
    for (const startDate of ['2027-02-01', '2027-02-08']) {
      const cqcSession = String(
        (await aSession(manager, cqcIds, { startDate, endDate: startDate })).id,
      );
      const driver = await aCandidate(manager, cqcSession, {
        lastName: 'Conducteur',
        firstName: 'Léa',
      });
      expect(
        (
          await manager.patch(`/api/sessions/${cqcSession}/candidates/${String(driver.id)}`, {
            version: driver.version,
            attendance: 'PRESENT',
            results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await manager.put(`/api/sessions/${cqcSession}/cqc/drivers/${String(driver.id)}`, {
            licenceNumber: '210692106990',
            orderNumber: 'FAC-2027-0001',
          })
        ).status,
      ).toBe(200);
      cqcSessions.push(cqcSession);
    }
    expect(
      (
        await manager.post(`/api/sessions/${cqcSessions[1]}/cqc/registration`, {
          registeredOn: '2027-02-10',
        })
      ).status,
    ).toBe(201);
    // A CQC campaign with a school, a class whose fiche sessions are created (fiches edited, a
    // pupil added late to place, another without fiche, a card received) and a class still to
    // split: its pages show every campaign form.
    const campaignUrl = async (path: string, body: object, status = 201) => {
      const res = await manager.post(`/api/cqc/campaigns${path}`, body);
      expect(res.status).toBe(status);
      return res.body as Record<string, unknown>;
    };
    const campaign = String(
      (
        await campaignUrl('', {
          centreId: f.ids.centre,
          schoolYear: 2026,
          springHolidaysStart: '2027-04-17',
          springHolidaysEnd: '2027-05-02',
        })
      ).id,
    );
    const school = String(
      (await campaignUrl(`/${campaign}/schools`, { name: 'Lycée Jean Moulin' })).id,
    );
    const classes: string[] = [];
    for (const name of ['Terminale A', 'Terminale B']) {
      const klass = String(
        (await campaignUrl(`/${campaign}/classes`, { schoolId: school, name, diploma: 'BAC_PRO' }))
          .id,
      );
      classes.push(klass);
      await campaignUrl(`/${campaign}/pupils`, {
        classId: klass,
        pupils: [
          { lastName: 'ABADIE', firstName: 'Léa', birthDate: '2008-01-12', licenceHeld: true },
          { lastName: 'COSTE', firstName: 'Inès', birthDate: '2009-10-03' },
        ],
      });
    }
    const ficheSessions = (await campaignUrl(`/${campaign}/fiche-sessions`, {
      classId: classes[0],
    })) as unknown as { id: string; kind: string }[];
    await campaignUrl(`/${campaign}/fiche-sessions/${ficheSessions[0].id}/fiches`, {});
    const late = (await campaignUrl(`/${campaign}/pupils`, {
      classId: classes[0],
      pupils: [{ lastName: 'FABRE', firstName: 'Lucas', birthDate: '2009-06-14' }],
    })) as unknown as { id: string }[];
    await campaignUrl(`/${campaign}/hand-overs`, {
      pupilId: late[0].id,
      cardReceivedOn: '2027-02-20',
    });
    // First in the users list (sorted by e-mail): the account the disable/enable form fuzzes,
    // so that the fixtures' manager and viewer stay active for the other forms.
    await f.as('admin').post('/api/users', {
      email: 'aaa-compte-fuzz@jalon.test',
      password: 'un-mot-de-passe-solide',
      role: 'viewer',
      centreIds: [f.ids.centre],
    });
    forms = await crawlForms(admin, [
      '/account',
      `/sessions/${cqcSessions[0]}/cqc`,
      '/cqc/certificates',
      '/cqc/campaigns',
      `/cqc/campaigns/${campaign}/classes/${classes[0]}`,
      '/sessions',
      `/sessions/${s}`,
      `/sessions/${s}/jury`,
      `/sessions/${s}/incidents`,
      `/sessions/${s}/candidates/import`,
      '/calendar',
      '/jury',
      '/agrements',
      `/agrements/${f.ids.agrement}/edit`,
      '/titres',
      '/centres',
      `/centres/${f.ids.centre}/resits`,
      `/centres/${f.ids.centre}/providers`,
      `/centres/${f.ids.centre}/obligations`,
      '/users',
      // After the session page: the task form kept under its action's pattern is the session's.
      '/echeances',
    ]);
    // The confirmation form appears after a preview of a valid CSV.
    const example = await admin.get(`/sessions/${s}/candidates/import/exemple.csv`);
    const preview = await request(t.http)
      .post(`/sessions/${s}/candidates/import?_csrf=${encodeURIComponent(csrfTokenFor(session))}`)
      .set('Cookie', cookie)
      .field('csv', example.text);
    for (const form of formsOf(preview.text, `/sessions/${s}/candidates/import`)) {
      forms.set(`${form.method.toUpperCase()} ${pattern(form.action)}`, form);
    }
    // « Mes échéances » shows the checklist's rows, whose form has a return target: the crawler
    // keeps one form per action pattern (the session page's), so this one is kept apart.
    const due = formsOf((await admin.get('/echeances')).text, '/echeances').find((form) =>
      form.fields.some((field) => field.name === 'retour'),
    );
    if (due) forms.set('POST /sessions/:id/tasks/:id from /echeances', due);
    // The class still to split shows the form creating its fiche sessions (the crawler visits
    // one page per URL pattern).
    const toSplit = `/cqc/campaigns/${campaign}/classes/${classes[1]}`;
    for (const form of formsOf((await admin.get(toSplit)).text, toSplit)) {
      const key = `${form.method.toUpperCase()} ${pattern(form.action)}`;
      if (!forms.has(key)) forms.set(key, form);
    }
    // A fiche's number is in the void form's action, where the route has a parameter.
    for (const [key, form] of [...forms]) {
      const voidKey = key.replace(/\/fiches\/\d+\/void$/, '/fiches/:id/void');
      if (voidKey !== key) forms.set(voidKey, form);
    }
    for (const page of ['/login', '/password/forgot']) {
      const html = (await request(t.http).get(page)).text;
      for (const form of formsOf(html, page)) forms.set(`POST ${pattern(form.action)}`, form);
    }
    // The certificates page has two GET forms to itself: the expiry date (crawled first) and
    // the list's text filter.
    const certificates = formsOf((await admin.get('/cqc/certificates')).text, '/cqc/certificates');
    const textFilter = certificates.find((form) => form.fields.some((field) => field.name === 'q'));
    if (textFilter) forms.set('GET /cqc/certificates?q', textFilter);
    // The calendar's month is chosen by links, not a form: the same query as a GET form.
    forms.set('GET /calendar', {
      method: 'get',
      action: '/calendar',
      enctype: '',
      page: '/calendar',
      fields: [
        { name: 'month', kind: 'text', value: '2027-06', options: [], checked: false, label: null },
      ],
    });
  });

  afterAll(async () => {
    writeReport(`forms-${process.env.JALON_TEST_DB ?? 'sqlite'}`, all.list());
    await t?.close();
  });

  it('finds a form for every POST route of the dashboard', () => {
    const router = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router;
    const routes = router.stack
      .filter(
        (l) =>
          l.route?.methods.post &&
          !l.route.path.startsWith('/api') &&
          !PUBLIC_TOKEN_FORMS.includes(l.route.path),
      )
      .map((l) => `POST ${l.route!.path.replace(/:\w+/g, ':id')}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !forms.has(r))).toEqual([]);
    expect(FORMS.filter((k) => !forms.has(k))).toEqual([]);
  });

  it.each(FORMS)('%s', async (key) => {
    const form = forms.get(key);
    if (!form) throw new Error(`no form ${key} found on the dashboard's pages`);
    const seed = seedFor(key);
    const findings = new Findings();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(formCaseArb(form), async (c) => {
        run++;
        const problems = await runFormCase(ctx, form, c);
        for (const p of problems) {
          const finding = { ...p, target: key, run, seed };
          findings.add(finding);
          all.add(finding);
        }
        return !FUZZ_SHRINK || problems.length === 0;
      }),
      { seed, numRuns: RUNS, endOnFailure: !FUZZ_SHRINK },
    );
    if (findings.size > 0) {
      throw new Error(
        `${findings.size} distinct failure(s) on ${key} (FUZZ_SEED base ${process.env.FUZZ_SEED ?? 'default'}, ` +
          `form seed ${seed}, FUZZ_RUNS ${RUNS}):\n${findings.report()}`,
      );
    }
  });
});

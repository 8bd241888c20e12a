import { join } from 'node:path';
import { SessionListQuery } from '../src/web/queries/session-list.query.js';
import { parseSessionListParams } from '../src/web/sessions/session-list-params.js';
import {
  aCandidate,
  aCentre,
  aSession,
  aTitre,
  aUser,
  programmesSent,
} from './support/factories.js';
import { htmlText, webLogin } from './support/web-form-client.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

interface Finding {
  code: string;
  severity: string;
  message: string;
}

interface Check {
  code: string;
  status: string;
  evidence: string[];
  findings: Finding[];
}

interface Compliance {
  blocking: Finding[];
  warnings: Finding[];
  checks: Check[];
}

interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

const STALE_TASK =
  "La tâche a été modifié(e) entre-temps par quelqu'un d'autre : rechargez la page et recommencez (rien n'a été enregistré).";

describe('checklist, compliance and annual planning', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let managerId: string;
  let managerEmail: string;
  let managerPassword: string;
  let otherManager: Client;
  let viewer: Client;
  let centreId: string;
  let siteId: string;
  let titreId: string;
  let titreCode: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: otherCentre } = await aCentre(admin, { name: 'Centre Saint-Exupéry' });
    centreId = String(centre.id);
    siteId = String(site.id);
    const titre = await aTitre(admin);
    titreId = String(titre.id);
    titreCode = String(titre.code);
    const m = await aUser(admin, 'manager', [centreId]);
    managerId = m.id;
    managerEmail = m.email;
    managerPassword = m.password;
    manager = t.as(await t.login(m.email, m.password));
    const other = await aUser(admin, 'manager', [String(otherCentre.id)]);
    otherManager = t.as(await t.login(other.email, other.password));
    const v = await aUser(admin, 'viewer', [centreId]);
    viewer = t.as(await t.login(v.email, v.password));
    // The centre's programme of 2027, sent on 1 December 2026: the task « programme annuel » of
    // its 2027 sessions is proven by the data (ticking it needs no reason).
    await programmesSent(admin, centreId, [2027]);
  });

  afterAll(async () => {
    await t.close();
  });

  const ids = () => ({ centreId, siteId, titreId });

  /** A session from Monday 31 May to Friday 4 June 2027. */
  const aMaySession = async (overrides: Body = {}): Promise<string> =>
    String(
      (
        await aSession(manager, ids(), {
          startDate: '2027-05-31',
          endDate: '2027-06-04',
          ...overrides,
        })
      ).id,
    );

  async function tasksOf(sessionId: string, client: Client = manager): Promise<Body[]> {
    const res = await client.get(`/api/sessions/${sessionId}/tasks`);
    expect(res.status).toBe(200);
    return res.body as Body[];
  }

  async function taskOf(sessionId: string, code: string, client: Client = manager): Promise<Body> {
    const found = (await tasksOf(sessionId, client)).find((task) => task.code === code);
    if (!found) throw new Error(`tâche ${code} absente`);
    return found;
  }

  async function tick(sessionId: string, code: string, body: Body) {
    const task = await taskOf(sessionId, code);
    return manager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
      version: task.version,
      ...body,
    });
  }

  async function complianceOf(sessionId: string, client: Client = manager): Promise<Compliance> {
    const res = await client.get(`/api/sessions/${sessionId}/compliance`);
    expect(res.status).toBe(200);
    return res.body as Compliance;
  }

  async function auditOf(sessionId: string): Promise<AuditEntry[]> {
    const res = await manager.get(`/api/sessions/${sessionId}/audit`);
    expect(res.status).toBe(200);
    return res.body as AuditEntry[];
  }

  let jurorCount = 0;
  async function aJuror(
    lastName: string,
    firstName: string,
    validUntil: string,
    sessionId?: string,
  ): Promise<string> {
    const res = await manager.post('/api/jury-members', {
      centreId,
      lastName,
      firstName,
      email: `juror-${(jurorCount += 1)}@jury.test`,
      habilitations: [{ titreId, validUntil, ccpCodes: [] }],
    });
    expect(res.status).toBe(201);
    const id = String((res.body as Body).id);
    if (sessionId) {
      const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
        juryMemberId: id,
        role: 'JURY',
      });
      expect(assigned.status).toBe(201);
    }
    return id;
  }

  describe('checklist', () => {
    it('snapshots the whole guide with its due dates when a session is created', async () => {
      const sessionId = await aMaySession();
      const session = await manager.get(`/api/sessions/${sessionId}`);
      expect(session.body).toMatchObject({ checklistVersion: 2, version: 1 });

      const tasks = await tasksOf(sessionId);
      expect(tasks).toHaveLength(99);
      expect(tasks[0]).toMatchObject({ code: 'PLAN_ANNUAL_PROGRAMME', position: 1 });
      expect(tasks[98]).toMatchObject({ code: 'AFTER_EMPLOYMENT_FOLLOW_UP' });
      const phases = [...new Set(tasks.map((task) => task.phase))];
      expect(phases).toEqual(['PLAN', 'JURY', 'PACK', 'FILES', 'DAY', 'AFTER']);

      const byCode = new Map(tasks.map((task) => [task.code, task]));
      expect(byCode.get('PLAN_ANNUAL_PROGRAMME')).toMatchObject({
        phase: 'PLAN',
        phaseLabel: 'Programmation et déclarations',
        label: expect.any(String),
        regulatory: true,
        advised: false,
        dueDate: '2027-01-31',
        dueKind: 'regulatory',
        dueKindLabel: 'Échéance réglementaire',
        workingDayFallback: '2027-01-29',
        applicability: 'ALWAYS',
        applicable: true,
        conditional: false,
        status: 'todo',
        doneAt: null,
        doneBy: null,
        observations: '',
        overdue: false,
        daysLeft: -29,
        verifiedByData: {
          verified: true,
          checks: [
            expect.objectContaining({
              code: 'ANNUAL_PROGRAMME',
              status: 'pass',
              evidence: [
                `Programme annuel 2027 du centre communiqué le 01/12/2026 (voir /centres/${centreId}/obligations?year=2027).`,
              ],
            }),
          ],
        },
        version: 1,
        sourceText: expect.any(String),
        references: expect.any(Array),
      });
      expect(byCode.get('PLAN_INFORM_UD_SESSION')).toMatchObject({
        dueDate: '2027-02-28',
        workingDayFallback: '2027-02-26',
        dueKind: 'regulatory',
      });
      expect(byCode.get('PACK_CONVENE_CANDIDATES')).toMatchObject({
        dueDate: '2027-04-30',
        workingDayFallback: null,
        overdue: false,
        daysLeft: 60,
      });
      // A dated check at the stricter of the guide's 4 weeks and the FAQ's 2 weeks.
      expect(byCode.get('PACK_PLI_NOT_RECEIVED')).toMatchObject({
        dueDate: '2027-05-03',
        dueKind: 'advised',
        conditional: false,
        applicable: true,
      });
      expect(byCode.get('PACK_REGISTER_CANDIDATES')).toMatchObject({ dueDate: '2027-04-23' });
      expect(byCode.get('AFTER_SEND_PV_UD')).toMatchObject({
        dueDate: '2027-06-19',
        workingDayFallback: '2027-06-18',
      });
      expect(byCode.get('DAY_CHECK_TWO_JURORS')).toMatchObject({
        dueDate: '2027-05-31',
        dueKind: 'phase',
        verifiedByData: { verified: false, checks: [{ code: 'JURY_MINIMUM', status: 'fail' }] },
      });
      expect(byCode.get('DAY_WELCOME_NO_LINK')).toMatchObject({ parentCode: 'DAY_WELCOME_JURY' });
      expect(byCode.get('PACK_PRINT_SEAL_CCP_DTE')).toMatchObject({ applicable: false });
      expect(byCode.get('JURY_CHECK_VAE_RECEVABILITE')).toMatchObject({ applicable: false });
      expect(byCode.get('PLAN_ACCOMMODATION_REQUESTS')).toMatchObject({ applicable: false });
      // No candidate yet: the ECF and DP tasks (training), the livret de certification too.
      for (const code of [
        'PLAN_ECF_ASSESSMENTS',
        'FILES_COLLECT_DP',
        'FILES_COLLECT_CERTIFICATION_RECORD',
      ]) {
        expect(byCode.get(code)).toMatchObject({ applicable: false });
      }

      const summary = await manager.get(`/api/sessions/${sessionId}/checklist`);
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({
        templateVersion: 2,
        latestTemplateVersion: 2,
        counts: { done: 0, todo: 99, notApplicable: 0, overdue: 10, dueWithin14Days: 0 },
        progress: {
          overall: { done: 0, total: 85, percent: 0 },
          regulatory: { done: 0 },
        },
        // The candidates are registered in the SI a week before the convocation deadline.
        nextDeadline: { code: 'PACK_REGISTER_CANDIDATES', dueDate: '2027-04-23', daysLeft: 53 },
      });
      const byPhase = (summary.body as { progress: { byPhase: Body[] } }).progress.byPhase;
      expect(byPhase.map((p) => p.phase)).toEqual([
        'PLAN',
        'JURY',
        'PACK',
        'FILES',
        'DAY',
        'AFTER',
      ]);
      expect(byPhase[0]).toMatchObject({
        label: 'Programmation et déclarations',
        overall: { done: 0, total: 9 },
      });
    });

    it('ticks a task, refuses a stale tick and keeps what was written', async () => {
      const sessionId = await aMaySession();
      const before = await taskOf(sessionId, 'PLAN_ANNUAL_PROGRAMME');
      const url = `/api/sessions/${sessionId}/tasks/${String(before.id)}`;

      const done = await manager.patch(url, {
        status: 'done',
        observations: 'Programme annuel transmis à la DREETS le 15 janvier',
        version: 1,
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({
        status: 'done',
        doneAt: '2027-03-01',
        doneBy: managerId,
        doneByEmail: managerEmail,
        observations: 'Programme annuel transmis à la DREETS le 15 janvier',
        overdue: false,
        daysLeft: null,
        version: 2,
      });

      const stale = await manager.patch(url, {
        status: 'todo',
        observations: 'écrasé',
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect((stale.body as Body).message).toBe(STALE_TASK);
      expect(await taskOf(sessionId, 'PLAN_ANNUAL_PROGRAMME')).toMatchObject({
        status: 'done',
        observations: 'Programme annuel transmis à la DREETS le 15 janvier',
        version: 2,
      });

      const dated = await manager.patch(url, { status: 'done', doneAt: '2027-01-15', version: 2 });
      expect(dated.status).toBe(200);
      expect(dated.body).toMatchObject({ doneAt: '2027-01-15', doneBy: managerId, version: 3 });

      const reopened = await manager.patch(url, { status: 'todo', version: 3 });
      expect(reopened.body).toMatchObject({
        status: 'todo',
        doneAt: null,
        doneBy: null,
        doneByEmail: null,
        // Past its due date, but proven by the centre's programme: never late.
        overdue: false,
        provenByData: true,
      });

      const ticks = (await auditOf(sessionId)).filter(
        (e) => e.entity === 'session_task' && e.action === 'tick' && e.entityId === before.id,
      );
      expect(ticks).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'status', before: 'todo', after: 'done' }),
          expect.objectContaining({ field: 'doneAt', before: null, after: '2027-03-01' }),
          expect.objectContaining({ field: 'doneBy', before: null, after: managerId }),
          expect.objectContaining({ field: 'doneAt', before: '2027-03-01', after: '2027-01-15' }),
          expect.objectContaining({ field: 'status', before: 'done', after: 'todo' }),
        ]),
      );
    });

    it('accepts one of two simultaneous ticks of the same version and refuses the other', async () => {
      const sessionId = await aMaySession();
      const task = await taskOf(sessionId, 'PLAN_PREVIOUS_AUDIT_FINDINGS');
      const url = `/api/sessions/${sessionId}/tasks/${String(task.id)}`;
      const responses = await Promise.all([
        manager.patch(url, { status: 'done', observations: 'première', version: 1 }),
        manager.patch(url, { status: 'done', observations: 'seconde', version: 1 }),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)?.body as Body;
      expect(await taskOf(sessionId, 'PLAN_PREVIOUS_AUDIT_FINDINGS')).toMatchObject({
        observations: winner.observations,
        version: 2,
      });
      const ticks = (await auditOf(sessionId)).filter(
        (e) => e.action === 'tick' && e.field === 'observations',
      );
      expect(ticks).toHaveLength(1);
    });

    it('refuses a sans objet without reason, a date in the future and bad input', async () => {
      const sessionId = await aMaySession();
      const noReason = await tick(sessionId, 'PACK_PLI_DAMAGED', { status: 'not_applicable' });
      expect(noReason.status).toBe(400);
      expect((noReason.body as Body).message).toContain('« reason »');

      const na = await tick(sessionId, 'PACK_PLI_DAMAGED', {
        status: 'not_applicable',
        reason: 'Pli reçu intact',
      });
      expect(na.status).toBe(200);
      expect(na.body).toMatchObject({
        status: 'not_applicable',
        reason: 'Pli reçu intact',
        doneBy: managerId,
      });

      const future = await tick(sessionId, 'PLAN_ADMIN_FILE', {
        status: 'done',
        doneAt: '2027-03-02',
      });
      expect(future.status).toBe(400);
      expect((future.body as Body).message).toBe(
        "Le champ « doneAt » ne doit pas être postérieur à aujourd'hui (01/03/2027).",
      );

      const task = await taskOf(sessionId, 'PLAN_ADMIN_FILE');
      const url = `/api/sessions/${sessionId}/tasks/${String(task.id)}`;
      const noVersion = await manager.patch(url, { status: 'done' });
      expect(noVersion.status).toBe(400);
      expect((noVersion.body as Body).message).toContain('« version »');
      const badStatus = await manager.patch(url, { status: 'fait', version: 1 });
      expect(badStatus.status).toBe(400);
      expect((badStatus.body as Body).message).toContain('« status »');
      const tooLong = await manager.patch(url, {
        status: 'done',
        observations: 'x'.repeat(2001),
        version: 1,
      });
      expect(tooLong.status).toBe(400);
      expect((tooLong.body as Body).message).toContain('« observations »');

      const unknown = await manager.patch(
        `/api/sessions/${sessionId}/tasks/00000000-0000-4000-8000-000000000000`,
        { status: 'done', version: 1 },
      );
      expect(unknown.status).toBe(404);
      expect((await viewer.patch(url, { status: 'done', version: 1 })).status).toBe(403);
      expect((await viewer.get(`/api/sessions/${sessionId}/tasks`)).status).toBe(200);

      const cancelled = await manager.post(`/api/sessions/${sessionId}/cancel`, {
        reason: 'Pas assez de candidats',
      });
      expect(cancelled.status).toBe(200);
      const refused = await manager.patch(url, { status: 'done', version: 1 });
      expect(refused.status).toBe(409);
      expect((refused.body as Body).message).toContain('annulée');
      expect(await taskOf(sessionId, 'PLAN_ADMIN_FILE')).toMatchObject({ status: 'todo' });
    });

    it('moves open due dates when the session is postponed, keeps the done ones, and audits it', async () => {
      const sessionId = await aMaySession();
      const informed = await tick(sessionId, 'PLAN_INFORM_UD_SESSION', {
        status: 'done',
        doneAt: '2027-02-20',
      });
      expect(informed.status).toBe(200);

      const postponed = await manager.patch(`/api/sessions/${sessionId}`, {
        startDate: '2027-06-14',
        endDate: '2027-06-18',
        reason: 'Salle indisponible',
        version: ((await manager.get(`/api/sessions/${sessionId}`)).body as Body).version,
      });
      expect(postponed.status).toBe(200);
      expect(postponed.body).toMatchObject({ status: 'POSTPONED' });

      const byCode = new Map((await tasksOf(sessionId)).map((task) => [task.code, task]));
      expect(byCode.get('PLAN_INFORM_UD_SESSION')).toMatchObject({
        status: 'done',
        dueDate: '2027-02-28',
      });
      expect(byCode.get('JURY_CERES_CREATE_SESSION')).toMatchObject({
        dueDate: '2027-03-14',
        workingDayFallback: '2027-03-12',
      });
      expect(byCode.get('PACK_CONVENE_CANDIDATES')).toMatchObject({ dueDate: '2027-05-14' });
      expect(byCode.get('AFTER_SEND_PV_UD')).toMatchObject({
        dueDate: '2027-07-03',
        workingDayFallback: '2027-07-02',
      });
      expect(byCode.get('PLAN_ANNUAL_PROGRAMME')).toMatchObject({ dueDate: '2027-01-31' });

      const recompute = (await auditOf(sessionId)).filter((e) => e.action === 'recompute');
      expect(recompute).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entity: 'session_task',
            entityId: sessionId,
            field: 'JURY_CERES_CREATE_SESSION',
            before: '2027-02-28',
            after: '2027-03-14',
          }),
        ]),
      );
      expect(recompute.map((e) => e.field)).not.toContain('PLAN_INFORM_UD_SESSION');
      expect(recompute.map((e) => e.field)).not.toContain('PLAN_ANNUAL_PROGRAMME');
    });
  });

  describe('compliance', () => {
    it('blocks a session without jury (JURY_MINIMUM)', async () => {
      const sessionId = await aMaySession();
      const report = await complianceOf(sessionId);
      expect(report.checks).toHaveLength(14);
      expect(report.blocking).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'JURY_MINIMUM',
            message: expect.stringContaining('au moins 2'),
          }),
        ]),
      );
    });

    it('reports an expired habilitation and asks a reason to tick the task it supports', async () => {
      const sessionId = await aMaySession();
      await aJuror('Martin', 'Hélène', '2027-06-01', sessionId);
      const report = await complianceOf(sessionId);
      expect(report.blocking).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'JURY_HABILITATIONS',
            message: expect.stringMatching(/Hélène MARTIN.*01\/06\/2027/),
          }),
        ]),
      );

      const refused = await tick(sessionId, 'JURY_CHECK_HABILITATIONS', { status: 'done' });
      expect(refused.status).toBe(400);
      const message = String((refused.body as Body).message);
      expect(message).toContain(
        'Le champ « reason » est obligatoire : le contrôle « Habilitations des membres du jury',
      );
      expect(message).toContain('échoue (');
      expect(message).toContain('Hélène MARTIN');
      expect(await taskOf(sessionId, 'JURY_CHECK_HABILITATIONS')).toMatchObject({
        status: 'todo',
      });

      const reason = 'Renouvellement de l’habilitation demandé, attestation attendue';
      const accepted = await tick(sessionId, 'JURY_CHECK_HABILITATIONS', {
        status: 'done',
        reason,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'done',
        reason,
        verifiedByData: { verified: false, checks: [{ status: 'fail' }] },
      });
      const audit = await auditOf(sessionId);
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'tick', field: 'reason', before: '', after: reason }),
        ]),
      );
    });

    it('shows tasks verified by data with their evidence, then reports a declared link', async () => {
      const sessionId = await aMaySession();
      const martin = await aJuror('Martin', 'Hélène', '2029-12-31', sessionId);
      const durand = await aJuror('Durand', 'Éric', '2029-12-31', sessionId);

      const byCode = new Map((await tasksOf(sessionId)).map((task) => [task.code, task]));
      expect(byCode.get('DAY_CHECK_TWO_JURORS')).toMatchObject({
        verifiedByData: {
          verified: true,
          checks: [
            {
              code: 'JURY_MINIMUM',
              status: 'pass',
              evidence: [
                expect.stringMatching(/Hélène MARTIN.*Éric DURAND|Éric DURAND.*Hélène MARTIN/),
              ],
            },
          ],
        },
      });
      expect(byCode.get('JURY_CHECK_HABILITATIONS')).toMatchObject({
        verifiedByData: { verified: true, checks: [{ code: 'JURY_HABILITATIONS' }] },
      });

      const candidate = await aCandidate(manager, sessionId, {
        lastName: 'Petit',
        firstName: 'Léa',
      });
      for (const [juryMemberId, hasLink] of [
        [martin, true],
        [durand, false],
      ] as const) {
        const declared = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
          juryMemberId,
          candidateId: candidate.id,
          hasLink,
        });
        expect(declared.status).toBe(201);
      }
      const report = await complianceOf(sessionId);
      expect(report.warnings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'JURY_NO_LINK',
            message: expect.stringContaining('Hélène MARTIN a déclaré un lien avec Léa PETIT'),
          }),
        ]),
      );
      expect(report.blocking).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'JURY_NO_LINK',
            message: expect.stringContaining('Léa PETIT'),
          }),
        ]),
      );
      expect(await taskOf(sessionId, 'JURY_CHECK_NO_LINK')).toMatchObject({
        verifiedByData: { verified: false },
      });
    });

    it('reports a candidate not convened once the deadline has passed', async () => {
      const sessionId = await aMaySession();
      const candidate = await aCandidate(manager, sessionId, {
        lastName: 'Bernard',
        firstName: 'Chloé',
      });
      t.clock.set('2027-05-10T08:00:00Z');
      try {
        // Two months later: the morning's token has expired, sign in again.
        const late = t.as(await t.login(managerEmail, managerPassword));
        const report = await complianceOf(sessionId, late);
        expect(report.blocking).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              code: 'CANDIDATES_CONVENED',
              message: expect.stringMatching(
                /Chloé BERNARD n'a pas reçu de convocation.*30\/04\/2027/,
              ),
            }),
          ]),
        );
        expect(await taskOf(sessionId, 'PACK_CONVENE_CANDIDATES', late)).toMatchObject({
          overdue: true,
          verifiedByData: { verified: false },
        });

        const convened = await late.patch(
          `/api/sessions/${sessionId}/candidates/${String(candidate.id)}`,
          {
            convocationDate: '2027-04-20',
            convocationMode: 'REGISTERED_MAIL',
            // The AR is kept: without it, the check warns after the deadline (issue 14).
            convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
            convocationProofOn: '2027-04-22',
            version: candidate.version,
          },
        );
        expect(convened.status).toBe(200);
        const after = await complianceOf(sessionId, late);
        expect(after.checks.find((c) => c.code === 'CANDIDATES_CONVENED')).toMatchObject({
          status: 'pass',
        });
        expect(await taskOf(sessionId, 'PACK_CONVENE_CANDIDATES', late)).toMatchObject({
          verifiedByData: {
            verified: true,
            checks: [{ evidence: [expect.stringContaining('20/04/2027')] }],
          },
        });
      } finally {
        t.clock.set('2027-03-01T09:00:00Z');
      }
    });

    it('reports a VAE candidate whose recevabilité has expired', async () => {
      const sessionId = await aMaySession();
      await aCandidate(manager, sessionId, {
        lastName: 'Moreau',
        firstName: 'Inès',
        pathway: 'VAE',
        vaeValidUntil: '2027-05-01',
      });
      const report = await complianceOf(sessionId);
      expect(report.blocking).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'VAE_RECEVABILITE',
            message: expect.stringMatching(/Inès MOREAU.*01\/05\/2027/),
          }),
        ]),
      );
      expect(await taskOf(sessionId, 'JURY_CHECK_VAE_RECEVABILITE')).toMatchObject({
        applicable: true,
        verifiedByData: { verified: false },
      });
    });
  });

  describe('annual planning', () => {
    it('lists the sessions of a year in JSON and in CSV', async () => {
      const { centre, site } = await aCentre(admin, { name: 'Centre Planning' });
      const planningIds = {
        centreId: String(centre.id),
        siteId: String(site.id),
        titreId,
      };
      const september = await aSession(admin, planningIds, {
        startDate: '2027-09-13',
        endDate: '2027-09-17',
      });
      const march = await aSession(admin, planningIds, {
        nature: 'CCP',
        ccpCodes: ['CCP1', 'CCP3'],
        startDate: '2027-03-15',
        endDate: '2027-03-19',
        location: 'Salle 2; bâtiment B',
      });
      const june = await aSession(admin, planningIds, {
        startDate: '2027-06-01',
        endDate: '2027-06-02',
      });
      await aSession(admin, planningIds, { startDate: '2028-01-10', endDate: '2028-01-14' });
      await aCandidate(admin, String(march.id));
      await aCandidate(admin, String(march.id), { lastName: 'Roux', firstName: 'Théo' });
      expect(
        (await admin.post(`/api/sessions/${String(june.id)}/cancel`, { reason: 'Report' })).status,
      ).toBe(200);

      const url = `/api/centres/${String(centre.id)}/planning`;
      const json = await admin.get(`${url}?year=2027`);
      expect(json.status).toBe(200);
      expect((json.body as Body[]).map((e) => e.sessionId)).toEqual([
        march.id,
        june.id,
        september.id,
      ]);
      expect((json.body as Body[])[0]).toEqual({
        sessionId: march.id,
        titreCode,
        titreLabel: 'Concepteur développeur d’applications',
        titreVersion: '2023',
        nature: 'CCP',
        ccpCodes: ['CCP1', 'CCP3'],
        siteName: 'Site de Vénissieux',
        startDate: '2027-03-15',
        endDate: '2027-03-19',
        location: 'Salle 2; bâtiment B',
        candidateCount: 2,
        // The session's creator is its manager; without a name, their e-mail address.
        managerName: 'admin@jalon.test',
        deputyManagerName: '',
        status: 'PLANNED',
        statusLabel: 'Programmée',
      });
      expect((json.body as Body[])[1]).toMatchObject({ status: 'CANCELLED', candidateCount: 0 });

      const csv = await admin.get(`${url}?year=2027&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe('attachment; filename="planning-2027.csv"');
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.text.slice(1).split('\r\n');
      expect(lines[0]).toBe(
        'Sigle;Titre;Millésime;Nature;CCP;Site;Début;Fin;Lieu;Candidats;Responsable de session;Suppléant;Statut',
      );
      expect(lines[1]).toBe(
        `${titreCode};Concepteur développeur d’applications;2023;CCP;CCP1, CCP3;Site de Vénissieux;15/03/2027;19/03/2027;"Salle 2; bâtiment B";2;admin@jalon.test;;Programmée`,
      );
      expect(lines[2]).toContain(';01/06/2027;02/06/2027;');
      expect(lines[2].endsWith(';0;admin@jalon.test;;Annulée')).toBe(true);
      expect(lines).toHaveLength(5);

      const negotiated = await admin.get(`${url}?year=2027`).set('Accept', 'text/csv');
      expect(negotiated.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect((await admin.get(`${url}?year=2026`)).body).toEqual([]);

      for (const query of ['', '?year=1999', '?year=2101', '?year=deux-mille']) {
        const bad = await admin.get(`${url}${query}`);
        expect(bad.status).toBe(400);
        expect((bad.body as Body).message).toContain('« year »');
      }
      const badFormat = await admin.get(`${url}?year=2027&format=xlsx`);
      expect(badFormat.status).toBe(400);
      expect((badFormat.body as Body).message).toContain('« format »');
    });
  });

  describe('tenancy', () => {
    it("hides another centre's checklist, compliance and planning (404)", async () => {
      const sessionId = await aMaySession();
      const task = await taskOf(sessionId, 'PLAN_ADMIN_FILE');
      const routes = [
        otherManager.get(`/api/sessions/${sessionId}/tasks`),
        otherManager.get(`/api/sessions/${sessionId}/checklist`),
        otherManager.get(`/api/sessions/${sessionId}/compliance`),
        otherManager.get(`/api/centres/${centreId}/planning?year=2027`),
        otherManager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
          status: 'done',
          version: 1,
        }),
        otherManager.post(`/api/sessions/${sessionId}/checklist/upgrade`, { version: 2 }),
      ];
      for (const res of await Promise.all(routes)) expect(res.status).toBe(404);
      expect(await taskOf(sessionId, 'PLAN_ADMIN_FILE')).toMatchObject({ status: 'todo' });
    });
  });

  describe('due dates, regions and tasks proven by the data (issue 14)', () => {
    it('dates the closing tasks of a multi-day session on its last day', async () => {
      const sessionId = await aMaySession();
      const byCode = new Map((await tasksOf(sessionId)).map((task) => [task.code, task]));
      for (const code of ['DAY_CONFIDENTIAL_DELIBERATION', 'DAY_DRAW_UP_PV', 'DAY_PV_ABSENCES']) {
        expect(byCode.get(code)).toMatchObject({ dueDate: '2027-06-04', dueKind: 'phase' });
      }
      expect(byCode.get('DAY_CHECK_TWO_JURORS')).toMatchObject({ dueDate: '2027-05-31' });
      expect(byCode.get('PLAN_ECF_ASSESSMENTS')).toMatchObject({ dueDate: '2027-05-24' });
      expect(byCode.get('JURY_CERES_SEND_EXAM_REQUEST')).toMatchObject({
        regulatory: false,
        advised: false,
        obligation: true,
      });
    });

    it('moves a deadline on an Alsace-Moselle holiday to the working day before', async () => {
      const { centre, site } = await aCentre(admin, {
        name: 'Centre de Metz',
        region: 'ALSACE_MOSELLE',
      });
      expect(centre).toMatchObject({ region: 'ALSACE_MOSELLE' });
      const refused = await admin.patch(`/api/centres/${String(centre.id)}/region`, {
        region: 'CORSE',
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('« region »');
      const m = await aUser(admin, 'manager', [String(centre.id)]);
      const metz = t.as(await t.login(m.email, m.password));
      // Good Friday 26 March 2027: the session of 26 April (start − 1 month) convenes on the 25th.
      const session = await aSession(
        metz,
        {
          centreId: String(centre.id),
          siteId: String(site.id),
          titreId,
        },
        { startDate: '2027-04-26', endDate: '2027-04-27' },
      );
      const convene = async () =>
        ((await metz.get(`/api/sessions/${String(session.id)}/tasks`)).body as Body[]).find(
          (task) => task.code === 'PACK_CONVENE_CANDIDATES',
        );
      expect(await convene()).toMatchObject({
        dueDate: '2027-03-26',
        workingDayFallback: '2027-03-25',
      });
      // In Île-de-France Good Friday is a working day, and the administration is the DRIEETS.
      const changed = await metz.patch(`/api/centres/${String(centre.id)}/region`, {
        region: 'ILE_DE_FRANCE',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ region: 'ILE_DE_FRANCE' });
      expect(await convene()).toMatchObject({ dueDate: '2027-03-26', workingDayFallback: null });
      const pv = (
        (await metz.get(`/api/sessions/${String(session.id)}/tasks`)).body as Body[]
      ).find((task) => task.code === 'AFTER_SEND_PV_UD');
      expect(pv?.label).toContain("à l'UD (DRIEETS)");
      expect(pv?.sourceText).toContain('UD');
    });

    it('sets the region on the centre form, refused when unknown, shown in the list', async () => {
      const web = await webLogin(t.http, ADMIN.email, ADMIN.password);
      const page = await web.get('/centres');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<option value="GUYANE"');
      expect(htmlText(page.text)).toContain('Région');
      const refused = await web.post('/centres', { name: 'Centre de Cayenne', region: 'CORSE' });
      expect(refused.status).toBe(400);
      expect(htmlText(refused.text)).toContain('« Région »');
      const createdPage = await web.post('/centres', {
        name: 'Centre de Cayenne',
        region: 'GUYANE',
      });
      expect(createdPage.status).toBe(303);
      const list = htmlText((await web.get('/centres')).text);
      expect(list).toMatch(/Centre de Cayenne.*Région : Guyane/s);
    });

    it('never counts a task proven by the data as late', async () => {
      // Session of 15 March: the jury tasks were due on 15 February.
      const sessionId = String(
        (await aSession(manager, ids(), { startDate: '2027-03-15', endDate: '2027-03-16' })).id,
      );
      const listOverdue = async () => {
        const caller = {
          userId: managerId,
          email: managerEmail,
          role: 'manager' as const,
          centreIds: [centreId],
        };
        const result = await t.app
          .get(SessionListQuery)
          .list(caller, parseSessionListParams({}).params, '2027-03-01');
        return result.rows.find((row) => row.id === sessionId)?.counts.overdue;
      };
      const before = await taskOf(sessionId, 'JURY_CHECK_HABILITATIONS');
      expect(before).toMatchObject({ overdue: true, provenByData: false });
      const lateBefore = await listOverdue();
      const summaryBefore = (await manager.get(`/api/sessions/${sessionId}/checklist`)).body as {
        counts: { overdue: number };
      };

      await aJuror('Martin', 'Hélène', '2029-12-31', sessionId);
      await aJuror('Durand', 'Éric', '2029-12-31', sessionId);
      const after = await taskOf(sessionId, 'JURY_CHECK_HABILITATIONS');
      expect(after).toMatchObject({
        status: 'todo',
        overdue: false,
        provenByData: true,
        verifiedByData: { verified: true },
      });
      const summaryAfter = (await manager.get(`/api/sessions/${sessionId}/checklist`)).body as {
        counts: { overdue: number };
      };
      expect(summaryAfter.counts.overdue).toBeLessThan(summaryBefore.counts.overdue);
      expect(await listOverdue()).toBe(summaryAfter.counts.overdue);
      expect(lateBefore).toBe(summaryBefore.counts.overdue);
    });
  });

  describe('template upgrade', () => {
    const previous = process.env.JALON_TEMPLATES_DIR;
    afterEach(() => {
      if (previous === undefined) delete process.env.JALON_TEMPLATES_DIR;
      else process.env.JALON_TEMPLATES_DIR = previous;
    });

    it('moves a session to a newer template version, keeping the ticks it can', async () => {
      process.env.JALON_TEMPLATES_DIR = join(process.cwd(), 'test/fixtures/templates-v1');
      const sessionId = await aMaySession();
      expect(
        (await tick(sessionId, 'PLAN_ANNUAL_PROGRAMME', { status: 'done', observations: 'OK' }))
          .status,
      ).toBe(200);
      expect((await tick(sessionId, 'PLAN_ECF_RECORD', { status: 'done' })).status).toBe(200);
      expect(
        (await tick(sessionId, 'PLAN_DP_COMPLETION', { status: 'done', observations: 'DP reçus' }))
          .status,
      ).toBe(200);
      const sessionBefore = (await manager.get(`/api/sessions/${sessionId}`)).body as Body;

      process.env.JALON_TEMPLATES_DIR = join(process.cwd(), 'test/fixtures/templates-v2');
      expect((await manager.get(`/api/sessions/${sessionId}/checklist`)).body).toMatchObject({
        templateVersion: 1,
        latestTemplateVersion: 2,
        upgradeAvailable: true,
      });
      const url = `/api/sessions/${sessionId}/checklist/upgrade`;
      for (const version of [1, 3]) {
        const refused = await manager.post(url, { version });
        expect(refused.status).toBe(400);
        expect((refused.body as Body).message).toContain('« version »');
      }

      const upgraded = await manager.post(url, { version: 2 });
      expect(upgraded.status).toBe(200);
      expect(upgraded.body).toMatchObject({
        templateVersion: 2,
        latestTemplateVersion: 2,
        upgradeAvailable: false,
        upgrade: {
          from: 1,
          to: 2,
          added: ['AFTER_SATISFACTION_SURVEY'],
          removed: ['PLAN_DP_COMPLETION'],
          reset: ['PLAN_ECF_RECORD'],
        },
      });

      const tasks = await tasksOf(sessionId);
      expect(tasks).toHaveLength(99);
      expect(tasks.every((task) => task.templateVersion === 2)).toBe(true);
      const byCode = new Map(tasks.map((task) => [task.code, task]));
      expect(byCode.has('PLAN_DP_COMPLETION')).toBe(false);
      expect(byCode.get('PLAN_ANNUAL_PROGRAMME')).toMatchObject({
        status: 'done',
        doneAt: '2027-03-01',
        doneBy: managerId,
        observations: 'OK',
      });
      expect(byCode.get('PLAN_ECF_RECORD')).toMatchObject({
        status: 'todo',
        doneAt: null,
        label: expect.stringContaining('sur papier ou sous forme numérique'),
      });
      expect(byCode.get('AFTER_SATISFACTION_SURVEY')).toMatchObject({
        phase: 'AFTER',
        status: 'todo',
        dueDate: '2027-07-04',
        dueKind: 'advised',
        workingDayFallback: '2027-07-02',
      });

      const sessionAfter = (await manager.get(`/api/sessions/${sessionId}`)).body as Body;
      expect(sessionAfter).toMatchObject({ checklistVersion: 2, version: sessionBefore.version });

      const audit = (await auditOf(sessionId)).filter((e) => e.action === 'upgrade');
      expect(audit).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            entity: 'checklist',
            field: 'checklistVersion',
            before: 1,
            after: 2,
          }),
          expect.objectContaining({
            entity: 'session_task',
            field: 'task',
            before: expect.objectContaining({
              code: 'PLAN_DP_COMPLETION',
              status: 'done',
              observations: 'DP reçus',
            }),
            after: null,
          }),
        ]),
      );

      const again = await manager.post(url, { version: 2 });
      expect(again.status).toBe(400);

      const fresh = await aMaySession();
      expect((await manager.get(`/api/sessions/${fresh}`)).body).toMatchObject({
        checklistVersion: 2,
        version: 1,
      });
      expect((await tasksOf(fresh)).map((task) => task.code)).toContain(
        'AFTER_SATISFACTION_SURVEY',
      );
    });
  });
});

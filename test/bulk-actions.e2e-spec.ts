import request from 'supertest';
import {
  aCandidate,
  aCentre,
  aSession,
  aTitre,
  aUser,
  programmesSent,
} from './support/factories.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
}

interface Task {
  id: string;
  code: string;
  status: string;
  doneAt: string | null;
  doneByEmail: string | null;
  overdue: boolean;
  applicable: boolean;
  observations: string;
  version: number;
}

interface Refusal {
  message: string;
  fields: { field: string; message: string }[];
}

describe('bulk actions: tasks, convocations, attendance', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let managerEmail: string;
  let otherManager: Client;
  let viewer: Client;
  let web: WebClient;
  let ids: { centreId: string; siteId: string; titreId: string };

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: other } = await aCentre(admin, { name: 'Centre Saint-Exupéry' });
    const titre = await aTitre(admin);
    ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    const m = await aUser(admin, 'manager', [ids.centreId]);
    managerEmail = m.email;
    manager = t.as(await t.login(m.email, m.password));
    web = await webLogin(t.http, m.email, m.password);
    const o = await aUser(admin, 'manager', [String(other.id)]);
    otherManager = t.as(await t.login(o.email, o.password));
    const v = await aUser(admin, 'viewer', [ids.centreId]);
    viewer = t.as(await t.login(v.email, v.password));
    await programmesSent(admin, ids.centreId, [2027]);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A session starting soon: some of its tasks are already late on 1 March 2027. */
  const aSoonSession = async (): Promise<string> =>
    String((await aSession(manager, ids, { startDate: '2027-03-22', endDate: '2027-03-26' })).id);

  async function tasksOf(sessionId: string): Promise<Task[]> {
    const res = await manager.get(`/api/sessions/${sessionId}/tasks`);
    expect(res.status).toBe(200);
    return res.body as Task[];
  }

  async function auditOf(sessionId: string): Promise<AuditEntry[]> {
    const res = await manager.get(`/api/sessions/${sessionId}/audit`);
    expect(res.status).toBe(200);
    return res.body as AuditEntry[];
  }

  /** Tasks simple to tick: to do, concerning the session, no compliance check of their own. */
  async function plainTasks(sessionId: string, n: number): Promise<Task[]> {
    const codes = ['PLAN_ECF_RECORD', 'PLAN_INFORM_UD_SESSION'];
    const tasks = (await tasksOf(sessionId)).filter((x) => x.status === 'todo' && x.applicable);
    const preferred = [
      ...tasks.filter((x) => codes.includes(x.code)),
      ...tasks.filter((x) => !codes.includes(x.code)),
    ];
    // Tasks whose ticking alone a check could refuse are tried one by one and kept if accepted.
    const chosen: Task[] = [];
    for (const task of preferred) {
      if (chosen.length === n) break;
      const probe = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: [task.id],
        doneAt: '2027-02-26',
      });
      if (probe.status === 200) {
        // Undo, so that the test starts from tasks to do.
        for (const done of (probe.body as { tasks: Task[] }).tasks) {
          const r = await manager.patch(`/api/sessions/${sessionId}/tasks/${done.id}`, {
            status: 'todo',
            version: done.version,
          });
          expect(r.status).toBe(200);
        }
        chosen.push(task);
      }
    }
    expect(chosen).toHaveLength(n);
    // Read again: the probes changed their versions.
    const fresh = await tasksOf(sessionId);
    return chosen.map((c) => fresh.find((x) => x.id === c.id) as Task);
  }

  /** The audit rows of a task's status: one per time it was ticked or unticked. */
  const statusRows = (audit: AuditEntry[], taskId: string) =>
    audit.filter(
      (a) => a.entityId === taskId && a.entity === 'session_task' && a.field === 'status',
    );

  describe('ticking several tasks with one date (API)', () => {
    it('ticks each task on that date, with one audit entry each, as if ticked one by one', async () => {
      const sessionId = await aSoonSession();
      const chosen = await plainTasks(sessionId, 3);
      const before = await auditOf(sessionId);
      const res = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: chosen.map((c) => c.id),
        doneAt: '2027-02-26',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ticked: 3, unchanged: 0 });
      const tasks = await tasksOf(sessionId);
      for (const c of chosen) {
        expect(tasks.find((x) => x.id === c.id)).toMatchObject({
          status: 'done',
          doneAt: '2027-02-26',
          doneByEmail: managerEmail,
        });
      }
      const after = await auditOf(sessionId);
      const added = after.slice(before.length);
      for (const c of chosen) {
        const rows = added.filter((a) => a.entityId === c.id);
        expect(rows.every((a) => a.action === 'tick')).toBe(true);
        expect(rows.filter((a) => a.field === 'status')).toEqual([
          expect.objectContaining({ before: 'todo', after: 'done' }),
        ]);
        expect(rows.find((a) => a.field === 'doneAt')?.after).toBe('2027-02-26');
      }
      expect(new Set(added.map((a) => a.entityId))).toEqual(new Set(chosen.map((c) => c.id)));

      // The same request again changes nothing and writes no audit entry.
      const again = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: chosen.map((c) => c.id),
        doneAt: '2027-02-26',
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ ticked: 0, unchanged: 3 });
      expect(await auditOf(sessionId)).toHaveLength(after.length);
    });

    it('refuses, field by field and all at once, in French: nothing selected, no date, a future date', async () => {
      const sessionId = await aSoonSession();
      const empty = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: [],
      });
      expect(empty.status).toBe(400);
      const body = empty.body as Refusal;
      expect(body.fields.map((f) => f.field).sort()).toEqual(['doneAt', 'taskIds']);
      expect(body.message).toContain('Aucune tâche n’est sélectionnée');
      const [task] = await plainTasks(sessionId, 1);
      const future = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: [task.id],
        doneAt: '2027-03-02',
      });
      expect(future.status).toBe(400);
      expect((future.body as Refusal).message).toContain('01/03/2027');
      const bad = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: ['pas-un-uuid'],
        doneAt: '26/02/2027',
      });
      expect(bad.status).toBe(400);
      expect((bad.body as Refusal).fields.map((f) => f.field).sort()).toEqual([
        'doneAt',
        'taskIds',
      ]);
      expect((await tasksOf(sessionId)).find((x) => x.id === task.id)?.status).toBe('todo');
    });

    it('is all or nothing: one task of another session refuses the whole request', async () => {
      const sessionId = await aSoonSession();
      const otherSession = await aSoonSession();
      const chosen = await plainTasks(sessionId, 2);
      const [foreign] = await plainTasks(otherSession, 1);
      const before = await auditOf(sessionId);
      const res = await manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, {
        taskIds: [...chosen.map((c) => c.id), foreign.id],
        doneAt: '2027-02-26',
      });
      expect(res.status).toBe(400);
      expect((res.body as Refusal).message).toContain('n’appartient pas à cette session');
      const tasks = await tasksOf(sessionId);
      for (const c of chosen) expect(tasks.find((x) => x.id === c.id)?.status).toBe('todo');
      expect(await auditOf(sessionId)).toHaveLength(before.length);
      expect((await tasksOf(otherSession)).find((x) => x.id === foreign.id)?.status).toBe('todo');
    });

    it('is scoped to the caller’s centre and refused to read-only accounts', async () => {
      const sessionId = await aSoonSession();
      const [task] = await plainTasks(sessionId, 1);
      const body = { taskIds: [task.id], doneAt: '2027-02-26' };
      expect(
        (await otherManager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, body)).status,
      ).toBe(404);
      expect(
        (await viewer.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, body)).status,
      ).toBe(403);
      expect((await tasksOf(sessionId)).find((x) => x.id === task.id)?.status).toBe('todo');
    });

    it('counts each task once when the same bulk tick is sent twice at the same time', async () => {
      const sessionId = await aSoonSession();
      const chosen = await plainTasks(sessionId, 3);
      const body = { taskIds: chosen.map((c) => c.id), doneAt: '2027-02-25' };
      const before = await auditOf(sessionId);
      const results = await Promise.all([
        manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, body),
        manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, body),
        manager.post(`/api/sessions/${sessionId}/tasks/bulk-complete`, body),
      ]);
      for (const r of results) expect([200, 409]).toContain(r.status);
      const ticked = results
        .filter((r) => r.status === 200)
        .reduce((sum, r) => sum + Number((r.body as { ticked: number }).ticked), 0);
      expect(ticked).toBe(3);
      const added = (await auditOf(sessionId)).slice(before.length);
      // Each task: one tick (todo → done), whichever request made it.
      for (const c of chosen) {
        expect(statusRows(added, c.id)).toEqual([
          expect.objectContaining({ before: 'todo', after: 'done' }),
        ]);
      }
      const tasks = await tasksOf(sessionId);
      for (const c of chosen) expect(tasks.find((x) => x.id === c.id)?.doneAt).toBe('2027-02-25');
    });
  });

  describe('convocation and attendance of several candidates (API)', () => {
    async function threeCandidates(sessionId: string): Promise<string[]> {
      const names = [
        ['Durand', 'Anne'],
        ['Petit', 'Bruno'],
        ['Lefèvre', 'Chloé'],
      ];
      const out: string[] = [];
      for (const [lastName, firstName] of names) {
        const c = await aCandidate(manager, sessionId, {
          lastName,
          firstName,
          email: `${firstName.toLowerCase()}@example.fr`,
        });
        out.push(String(c.id));
      }
      return out;
    }

    it('records one convocation for each selected candidate, one audit entry each', async () => {
      const sessionId = await aSoonSession();
      const [a, b, c] = await threeCandidates(sessionId);
      const before = await auditOf(sessionId);
      const res = await manager.post(`/api/sessions/${sessionId}/candidates/bulk-convocation`, {
        candidateIds: [a, b],
        convocationDate: '2027-02-15',
        convocationMode: 'REGISTERED_MAIL',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ updated: 2, unchanged: 0 });
      const added = (await auditOf(sessionId)).slice(before.length);
      for (const id of [a, b]) {
        const rows = added.filter((x) => x.entityId === id);
        expect(rows.map((x) => x.field).sort()).toEqual(['convocationDate', 'convocationMode']);
        expect(rows.every((x) => x.entity === 'candidate' && x.action === 'update')).toBe(true);
      }
      expect(added.some((x) => x.entityId === c)).toBe(false);
      const third = await manager.get(`/api/sessions/${sessionId}/candidates/${c}`);
      expect(third.body).toMatchObject({ convocationDate: null });
      const first = await manager.get(`/api/sessions/${sessionId}/candidates/${a}`);
      expect(first.body).toMatchObject({
        convocationDate: '2027-02-15',
        convocationMode: 'REGISTERED_MAIL',
      });
    });

    it('refuses all at once when one candidate’s recorded proof contradicts the convocation', async () => {
      const sessionId = await aSoonSession();
      const [a, b] = await threeCandidates(sessionId);
      const current = await manager.get(`/api/sessions/${sessionId}/candidates/${b}`);
      const proof = await manager.patch(`/api/sessions/${sessionId}/candidates/${b}`, {
        convocationDate: '2027-02-01',
        convocationMode: 'HAND_DELIVERED',
        convocationProofKind: 'SIGNED_DISCHARGE',
        convocationProofOn: '2027-02-01',
        version: (current.body as Body).version,
      });
      expect(proof.status).toBe(200);
      const before = await auditOf(sessionId);
      const res = await manager.post(`/api/sessions/${sessionId}/candidates/bulk-convocation`, {
        candidateIds: [a, b],
        convocationDate: '2027-02-15',
        convocationMode: 'REGISTERED_MAIL',
      });
      expect(res.status).toBe(400);
      expect((res.body as Refusal).message).toContain('PETIT Bruno');
      expect(await auditOf(sessionId)).toHaveLength(before.length);
      const first = await manager.get(`/api/sessions/${sessionId}/candidates/${a}`);
      expect((first.body as Body).convocationDate).toBeNull();
    });

    it('validates every field at once and scopes to the session and the centre', async () => {
      const sessionId = await aSoonSession();
      const other = await aSoonSession();
      const [a] = await threeCandidates(sessionId);
      const [foreign] = await threeCandidates(other);
      const empty = await manager.post(`/api/sessions/${sessionId}/candidates/bulk-convocation`, {
        candidateIds: [],
      });
      expect(empty.status).toBe(400);
      expect((empty.body as Refusal).fields.map((f) => f.field).sort()).toEqual([
        'candidateIds',
        'convocationDate',
        'convocationMode',
      ]);
      const mixed = await manager.post(`/api/sessions/${sessionId}/candidates/bulk-convocation`, {
        candidateIds: [a, foreign],
        convocationDate: '2027-02-15',
        convocationMode: 'HAND_DELIVERED',
      });
      expect(mixed.status).toBe(400);
      expect((mixed.body as Refusal).message).toContain('n’est pas inscrit à cette session');
      expect(
        (
          await otherManager.post(`/api/sessions/${sessionId}/candidates/bulk-attendance`, {
            entries: [{ candidateId: a, attendance: 'PRESENT' }],
          })
        ).status,
      ).toBe(404);
      const none = await manager.post(`/api/sessions/${sessionId}/candidates/bulk-attendance`, {
        entries: [],
      });
      expect(none.status).toBe(400);
      expect((none.body as Refusal).message).toContain('Aucune présence n’est choisie');
      const first = await manager.get(`/api/sessions/${sessionId}/candidates/${a}`);
      expect(first.body).toMatchObject({ convocationDate: null, attendance: null });
    });

    it('records everyone’s attendance, one audit entry each, and twice at once counts once', async () => {
      const sessionId = await aSoonSession();
      const [a, b, c] = await threeCandidates(sessionId);
      const before = await auditOf(sessionId);
      const body = {
        entries: [
          { candidateId: a, attendance: 'PRESENT' },
          { candidateId: b, attendance: 'ABSENT' },
          { candidateId: c, attendance: 'PRESENT' },
        ],
      };
      const results = await Promise.all([
        manager.post(`/api/sessions/${sessionId}/candidates/bulk-attendance`, body),
        manager.post(`/api/sessions/${sessionId}/candidates/bulk-attendance`, body),
      ]);
      for (const r of results) expect([200, 409]).toContain(r.status);
      const added = (await auditOf(sessionId)).slice(before.length);
      expect(added).toHaveLength(3);
      expect(added.map((x) => [x.entityId, x.field, x.after]).sort()).toEqual(
        [
          [a, 'attendance', 'PRESENT'],
          [b, 'attendance', 'ABSENT'],
          [c, 'attendance', 'PRESENT'],
        ].sort(),
      );
    });
  });

  describe('dashboard', () => {
    it('filters the checklist by a query parameter', async () => {
      const sessionId = await aSoonSession();
      const tasks = await tasksOf(sessionId);
      const late = tasks.filter((x) => x.overdue);
      expect(late.length).toBeGreaterThan(0);
      const page = await web.get(`/sessions/${sessionId}?filtre=en-retard`);
      expect(page.status).toBe(200);
      const rows = [...page.text.matchAll(/<li id="task-([0-9a-f-]+)"/g)].map((m) => m[1]);
      expect(rows.sort()).toEqual(late.map((x) => x.id).sort());
      expect(htmlText(page.text)).toContain(`${late.length} tâche`);
      const all = await web.get(`/sessions/${sessionId}?filtre=n-importe-quoi`);
      expect([...all.text.matchAll(/<li id="task-/g)]).toHaveLength(tasks.length);
    });

    it('sends the counters out of band with a ticked row', async () => {
      const sessionId = await aSoonSession();
      const [task] = await plainTasks(sessionId, 1);
      const res = await request(t.http)
        .post(`/sessions/${sessionId}/tasks/${task.id}`)
        .set('Cookie', web.cookie)
        .set('HX-Request', 'true')
        .set('X-CSRF-Token', await web.csrf())
        .type('form')
        .send({ done: '1', doneAt: '2027-02-26', version: String(task.version) });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(
        /<div id="checklist-counters" class="checklist-counters" hx-swap-oob="true">/,
      );
      expect(res.text).toMatch(
        /<span id="phase-progress-[A-Z_]+" class="phase-progress" hx-swap-oob="true">/,
      );
    });

    it('ticks the selected tasks from the bulk form, or says what is missing', async () => {
      const sessionId = await aSoonSession();
      const chosen = await plainTasks(sessionId, 2);
      const refused = await web.post(`/sessions/${sessionId}/checklist/bulk-complete`, {
        doneAt: '2027-03-05',
      });
      expect(refused.status).toBe(400);
      const text = htmlText(refused.text);
      expect(text).toContain('Aucune tâche n’est sélectionnée');
      expect(text).toContain(
        'Le champ « Fait le » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
      );
      const ok = await web.post(`/sessions/${sessionId}/checklist/bulk-complete`, {
        taskIds: chosen.map((c) => c.id),
        doneAt: '2027-02-27',
      });
      expect(ok.status).toBe(303);
      const tasks = await tasksOf(sessionId);
      for (const c of chosen) expect(tasks.find((x) => x.id === c.id)?.doneAt).toBe('2027-02-27');
    });

    it('keeps the loser’s typed note beside the winner’s on an edit conflict', async () => {
      const sessionId = await aSoonSession();
      const [task] = await plainTasks(sessionId, 1);
      const win = await manager.patch(`/api/sessions/${sessionId}/tasks/${task.id}`, {
        status: 'done',
        doneAt: '2027-02-20',
        observations: 'Courriel envoyé à l’UD par Paul',
        version: task.version,
      });
      expect(win.status).toBe(200);
      const lose = await web.post(`/sessions/${sessionId}/tasks/${task.id}`, {
        observations: 'Appel à l’UD le 18/02, confirmation attendue',
        version: String(task.version),
      });
      expect(lose.status).toBe(409);
      const text = htmlText(lose.text);
      expect(text).toContain('Cette tâche a été modifiée entre-temps par quelqu’un d’autre');
      expect(text).toContain('fusionnez-les puis enregistrez');
      // The typed note in the field, the saved one beside it, the form at the current version.
      expect(text).toMatch(
        /<textarea name="observations"[^>]*>Appel à l’UD le 18\/02, confirmation attendue<\/textarea>/,
      );
      expect(text).toContain('Version enregistrée entre-temps');
      expect(text).toContain('Courriel envoyé à l’UD par Paul');
      expect(text).toContain(`name="version" value="${task.version + 1}"`);
      expect((await tasksOf(sessionId)).find((x) => x.id === task.id)?.observations).toBe(
        'Courriel envoyé à l’UD par Paul',
      );
    });

    it('records a convocation and attendance for several candidates from the candidates tab', async () => {
      const sessionId = await aSoonSession();
      const a = String(
        (await aCandidate(manager, sessionId, { lastName: 'Durand', firstName: 'Anne' })).id,
      );
      const b = String(
        (
          await aCandidate(manager, sessionId, {
            lastName: 'Petit',
            firstName: 'Bruno',
            email: 'b@example.fr',
          })
        ).id,
      );
      const refused = await web.post(`/sessions/${sessionId}/candidates/bulk-convocation`, {
        convocationDate: '',
      });
      expect(refused.status).toBe(400);
      const text = htmlText(refused.text);
      expect(text).toContain('Aucun candidat n’est sélectionné');
      expect(text).toContain('Le champ « Date de convocation » est obligatoire');
      expect(text).toContain('Le champ « Mode de convocation » est obligatoire');
      const ok = await web.post(`/sessions/${sessionId}/candidates/bulk-convocation`, {
        candidateIds: [a, b],
        convocationDate: '2027-02-10',
        convocationMode: 'HAND_DELIVERED',
      });
      expect(ok.status).toBe(303);

      const prefilled = await web.get(`/sessions/${sessionId}/candidates?presence=tous`);
      expect(prefilled.text.match(/<option value="PRESENT" selected>/g)).toHaveLength(2);
      const none = await web.post(`/sessions/${sessionId}/candidates/bulk-attendance`, {});
      expect(none.status).toBe(400);
      expect(htmlText(none.text)).toContain('Aucune présence n’est choisie');
      const saved = await web.post(`/sessions/${sessionId}/candidates/bulk-attendance`, {
        [`attendance_${a}`]: 'PRESENT',
        [`attendance_${b}`]: 'LATE_ADMITTED',
      });
      expect(saved.status).toBe(303);
      const list = (await manager.get(`/api/sessions/${sessionId}/candidates`)).body as Body[];
      expect(list.map((c) => [c.lastName, c.convocationDate, c.attendance]).sort()).toEqual([
        ['Durand', '2027-02-10', 'PRESENT'],
        ['Petit', '2027-02-10', 'LATE_ADMITTED'],
      ]);
    });
  });
});

import { DemoLoader } from '../src/demo/demo-loader.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-10T08:00:00Z' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('loads a living centre once: sessions at every stage, ticks, late tasks and a demo account', async () => {
    const summary = await t.app.get(DemoLoader).load();
    expect(summary).toContain('5 sessions');
    const password = /Mot de passe : (\S+)/.exec(summary)?.[1];
    expect(password).toBeDefined();
    expect(await t.app.get(DemoLoader).load()).toContain('existe déjà');
    const manager = t.as(await t.login('rs.demo@jalon.localhost', password!));
    const sessions = (await manager.get('/api/sessions')).body as Body[];
    expect(sessions.map((s) => s.status).sort()).toEqual([
      'CANCELLED',
      'HELD',
      'PLANNED',
      'PLANNED',
      'PLANNED',
    ]);
    const running = sessions.find((s) => s.startDate === '2027-03-09')!;
    const checklist = (await manager.get(`/api/sessions/${String(running.id)}/checklist`)).body as {
      counts: { done: number; overdue: number };
    };
    expect(checklist.counts.done).toBeGreaterThan(30);
    expect(checklist.counts.overdue).toBeGreaterThan(0);
    const candidates = (await manager.get(`/api/sessions/${String(running.id)}/candidates`))
      .body as Body[];
    expect(candidates.map((c) => c.lastName)).toContain('Nguyễn');
    const compliance = (await manager.get(`/api/sessions/${String(running.id)}/compliance`))
      .body as {
      warnings: { message: string }[];
      blocking: { message: string }[];
    };
    expect(
      [...compliance.blocking, ...compliance.warnings].map((f) => f.message).join(' '),
    ).toContain('BENALI');
  });
});

import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays, addYears, parisToday } from '../src/common/calendar-date.js';
import { RetentionService } from '../src/retention/retention.service.js';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

interface CandidateView {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  address: string;
  pathway: string;
  attendance: string | null;
  results: { ccpCode: string; outcome: string }[];
  purgedAt: string | null;
  personId: string;
}

const cli = resolve('dist/src/cli.js');

/**
 * Dates are relative to the real today, because the command line runs on the real clock:
 * the old session ended 5 years and 10 days ago, the boundary one exactly 5 years ago.
 */
describe('retention of candidates’ personal data', () => {
  let t: TestApp;
  let admin: Client;
  const today = parisToday(new Date());
  const cutoff = addYears(today, -5);
  const sessions: Record<'old' | 'boundary' | 'young', string> = {
    old: '',
    boundary: '',
    young: '',
  };

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const candidates = async (key: keyof typeof sessions) =>
    (await admin.get(`/api/sessions/${sessions[key]}/candidates`)).body as CandidateView[];

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('Lancez « npm run build » avant ce test.');
    t = await startTestApp({ now: `${addDays(cutoff, -60)}T09:00:00Z` });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    const ends = { old: addDays(cutoff, -10), boundary: cutoff, young: addDays(cutoff, 10) };
    for (const key of ['old', 'boundary', 'young'] as const) {
      const session = await aSession(admin, ids, {
        startDate: addDays(ends[key], -2),
        endDate: ends[key],
      });
      sessions[key] = String(session.id);
      for (const [lastName, firstName] of [
        [`Ancien-${key}`, 'Léa'],
        [`Durand-${key}`, 'Éloïse'],
      ]) {
        const candidate = await aCandidate(admin, sessions[key], {
          lastName,
          firstName,
          phone: '06 12 34 56 78',
          accommodationRequested: true,
          accommodationDetails: 'Tiers temps (dossier médical)',
        });
        const patched = await admin.patch(
          `/api/sessions/${sessions[key]}/candidates/${String(candidate.id)}`,
          {
            attendance: 'PRESENT',
            results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
            version: candidate.version,
          },
        );
        expect(patched.status).toBe(200);
      }
    }
    t.clock.set(new Date());
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
  });

  afterAll(() => t.close());

  it('lists what would go with --dry-run and changes nothing', async () => {
    const result = run('retention:purge', '--dry-run');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`session ${sessions.old}`);
    expect(result.stdout).not.toContain(sessions.boundary);
    expect(result.stdout).not.toContain(sessions.young);
    expect(result.stdout).toContain('Simulation : 2 candidat(s) seraient anonymisé(s)');
    expect((await candidates('old')).map((c) => c.lastName).sort()).toEqual([
      'Ancien-old',
      'Durand-old',
    ]);
  });

  it('purges exactly the sessions past the retention period, keeping counts and results', async () => {
    const result = run('retention:purge');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2 candidat(s) anonymisé(s).');
    const old = await candidates('old');
    expect(old).toHaveLength(2);
    expect(old.map((c) => `${c.lastName} ${c.firstName}`).sort()).toEqual([
      'Candidat anonymisé n°1',
      'Candidat anonymisé n°2',
    ]);
    for (const c of old) {
      expect(c).toMatchObject({
        birthDate: null,
        email: null,
        phone: null,
        address: '',
        pathway: 'FORMATION',
        attendance: 'PRESENT',
        results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
      });
      expect(c.purgedAt).not.toBeNull();
    }
    for (const key of ['boundary', 'young'] as const) {
      const kept = await candidates(key);
      expect(kept.map((c) => c.lastName).sort()).toEqual([`Ancien-${key}`, `Durand-${key}`]);
      expect(kept.every((c) => c.email === 'huong.nguyen@example.fr' && c.purgedAt === null)).toBe(
        true,
      );
    }
    // The person of a purged enrolment, enrolled nowhere else, is anonymised too.
    for (const c of old) {
      const person = (await admin.get(`/api/people/${c.personId}`)).body as CandidateView;
      expect(person).toMatchObject({
        lastName: 'Personne anonymisée',
        birthDate: null,
        email: null,
        phone: null,
        address: '',
      });
    }
    const young = (await candidates('young'))[0];
    expect((await admin.get(`/api/people/${young.personId}`)).body).toMatchObject({
      lastName: young.lastName,
      email: 'huong.nguyen@example.fr',
    });
  });

  it('audits the purge and leaves no personal value in the audit log', async () => {
    const audit = (await admin.get(`/api/sessions/${sessions.old}/audit`)).body as {
      action: string;
      entity: string;
      actorEmail: string;
    }[];
    const purge = audit.find((entry) => entry.action === 'purge');
    expect(purge).toMatchObject({ entity: 'session', actorEmail: 'système' });
    const text = JSON.stringify(audit);
    for (const value of [
      'Ancien-old',
      'Durand-old',
      'huong.nguyen@example.fr',
      'Tiers temps',
      '1990-04-12',
    ]) {
      expect(text).not.toContain(value);
    }
    const young = JSON.stringify((await admin.get(`/api/sessions/${sessions.young}/audit`)).body);
    expect(young).toContain('Ancien-young');
  });

  it('has nothing left to do on the next run', async () => {
    const report = await t.app.get(RetentionService).purge({ dryRun: false });
    expect(report).toMatchObject({ cutoff, sessions: [], candidatesPurged: 0 });
  });
});

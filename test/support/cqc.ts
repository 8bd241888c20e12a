import { expect } from '@jest/globals';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './factories.js';
import { ADMIN, type Client, type TestApp } from './test-app.js';

type Body = Record<string, unknown>;

export interface CqcDriverSpec {
  lastName: string;
  firstName: string;
  email: string | null;
  licenceNumber: string;
}

export interface RegisteredCqcBatch {
  centreId: string;
  sessionId: string;
  titreCode: string;
  manager: { email: string; password: string; id: string };
  /** Candidate ids, in the order of the drivers given. */
  candidateIds: string[];
}

/**
 * A centre with a titre giving the CQC (goods, long training), a session of 14–18 June 2027 with
 * an agrément, a manager, the drivers all passing (on 21 June 2027), recorded for Hub Pro
 * Transport and registered on `registeredOn`: their certificates end 4 months later. Leaves the
 * clock on 21 June 2027, 09:00 UTC.
 */
export async function aRegisteredCqcBatch(
  t: TestApp,
  drivers: readonly CqcDriverSpec[],
  registeredOn = '2027-06-21',
): Promise<RegisteredCqcBatch> {
  const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
  const { centre, site } = await aCentre(admin);
  const centreId = String(centre.id);
  const titreCode = `CTRMP${Date.now().toString(36)}`.slice(0, 30);
  const titre = await aTitre(admin, {
    code: titreCode,
    label: 'Conducteur du transport routier de marchandises sur porteur',
    ccps: [{ code: 'CCP1', label: 'Réaliser en sécurité des opérations de transport' }],
  });
  const titreId = String(titre.id);
  const ok = (res: { status: number; body: unknown }, status: number) => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Body;
  };
  ok(
    await admin.patch(`/api/titres/${titreId}`, {
      cqc: {
        qualification: 'MARCHANDISES',
        trainingType: 'FORMATION_LONGUE',
        educationNationale: false,
      },
    }),
    200,
  );
  ok(
    await admin.post('/api/agrements', {
      centreId,
      siteId: String(site.id),
      titreId,
      validFrom: '2026-01-01',
      validUntil: '2029-06-30',
      maxCandidates: 12,
      technicalPlatform: 'Aire de manœuvre et porteur',
    }),
    201,
  );
  const manager = await aUser(admin, 'manager', [centreId]);
  let m: Client = t.as(await t.login(manager.email, manager.password));
  const sessionId = String((await aSession(m, { centreId, siteId: String(site.id), titreId })).id);
  const candidates: { id: string; version: number }[] = [];
  for (const d of drivers) {
    const c = await aCandidate(m, sessionId, {
      lastName: d.lastName,
      firstName: d.firstName,
      birthDate: '1990-05-02',
      email: d.email,
    });
    candidates.push({ id: String(c.id), version: Number(c.version) });
  }
  t.clock.set('2027-06-21T09:00:00Z'); // tokens expire: log in again
  m = t.as(await t.login(manager.email, manager.password));
  for (const [i, c] of candidates.entries()) {
    ok(
      await m.patch(`/api/sessions/${sessionId}/candidates/${c.id}`, {
        version: c.version,
        attendance: 'PRESENT',
        results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
      }),
      200,
    );
    ok(
      await m.put(`/api/sessions/${sessionId}/cqc/drivers/${c.id}`, {
        licenceNumber: drivers[i].licenceNumber,
        orderNumber: `FAC-2027-${String(i + 1).padStart(4, '0')}`,
      }),
      200,
    );
  }
  const registration = ok(
    await m.post(`/api/sessions/${sessionId}/cqc/registration`, { registeredOn }),
    201,
  );
  expect(registration).toBeDefined();
  return {
    centreId,
    sessionId,
    titreCode,
    manager,
    candidateIds: candidates.map((c) => c.id),
  };
}

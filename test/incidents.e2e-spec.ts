import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

describe('incidents and fraud reports of a session', () => {
  let t: TestApp;
  let manager: Client;
  let otherManager: Client;
  let viewer: Client;
  let sessionId: string;
  let otherSessionId: string;
  let candidate: Body;
  let strangerCandidate: Body;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-06-16T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: otherCentre } = await aCentre(admin, { name: 'Centre Saint-Exupéry' });
    const titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [String(centre.id)]);
    manager = t.as(await t.login(m.email, m.password));
    const o = await aUser(admin, 'manager', [String(otherCentre.id)]);
    otherManager = t.as(await t.login(o.email, o.password));
    const v = await aUser(admin, 'viewer', [String(centre.id)]);
    viewer = t.as(await t.login(v.email, v.password));
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    sessionId = String((await aSession(manager, ids)).id);
    otherSessionId = String(
      (await aSession(manager, ids, { startDate: '2027-06-21', endDate: '2027-06-22' })).id,
    );
    candidate = await aCandidate(manager, sessionId, {
      lastName: 'Lefèvre-Müller',
      firstName: 'Zoé',
    });
    strangerCandidate = await aCandidate(manager, otherSessionId);
  });

  afterAll(async () => {
    await t.close();
  });

  const path = () => `/api/sessions/${sessionId}/incidents`;

  it('records an incident and a fraud report, lists them in order and audits them', async () => {
    const fraud = await manager.post(path(), {
      kind: 'FRAUD',
      candidateId: String(candidate.id),
      occurredOn: '2027-06-15',
      description: '  Antisèche trouvée dans la trousse.  ',
      measures: 'Document retiré, rapport rédigé.',
    });
    expect(fraud.status).toBe(201);
    expect(fraud.body).toMatchObject({
      kind: 'FRAUD',
      candidateId: candidate.id,
      occurredOn: '2027-06-15',
      description: 'Antisèche trouvée dans la trousse.',
      measures: 'Document retiré, rapport rédigé.',
      createdByEmail: expect.stringMatching(/^manager-/),
    });
    const incident = await manager.post(path(), {
      kind: 'INCIDENT',
      occurredOn: '2027-06-14',
      description: 'Alarme incendie à 11 h.',
    });
    expect(incident.status).toBe(201);
    expect(incident.body).toMatchObject({ candidateId: null, measures: '' });
    const list = await viewer.get(path());
    expect(list.status).toBe(200);
    expect((list.body as Body[]).map((i) => i.kind)).toEqual(['INCIDENT', 'FRAUD']);
    const audit = (await manager.get(`/api/sessions/${sessionId}/audit`)).body as Body[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'session_incident',
          entityId: (fraud.body as Body).id,
          action: 'create',
        }),
      ]),
    );
  });

  it('refuses bad input with a French message naming the field', async () => {
    const cases: [Body, string][] = [
      [{ kind: 'PANNE', occurredOn: '2027-06-14', description: 'x' }, '« kind »'],
      [{ kind: 'INCIDENT', occurredOn: '2027-06-13', description: 'x' }, '« occurredOn »'],
      [{ kind: 'INCIDENT', occurredOn: '2027-06-17', description: 'x' }, '« occurredOn »'],
      [{ kind: 'INCIDENT', occurredOn: '14/06/2027', description: 'x' }, '« occurredOn »'],
      [{ kind: 'INCIDENT', occurredOn: '2027-06-14', description: '   ' }, '« description »'],
      [
        { kind: 'FRAUD', occurredOn: '2027-06-14', description: 'x', candidateId: 'abc' },
        '« candidateId »',
      ],
      [
        {
          kind: 'FRAUD',
          occurredOn: '2027-06-14',
          description: 'x',
          candidateId: String(strangerCandidate.id),
        },
        '« candidateId »',
      ],
      [{ kind: 'INCIDENT', occurredOn: '2027-06-14', description: 'x', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await manager.post(path(), body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    }
    expect(
      (await manager.post(path(), { kind: 'INCIDENT', occurredOn: '2027-06-17', description: 'x' }))
        .body.message,
    ).toBe('Le champ « occurredOn » ne doit pas être postérieur à aujourd’hui (16/06/2027).');
  });

  it('keeps incidents within the caller’s centres and the writers’ hands, and deletes with an audit entry', async () => {
    expect((await otherManager.get(path())).status).toBe(404);
    expect(
      (
        await otherManager.post(path(), {
          kind: 'INCIDENT',
          occurredOn: '2027-06-14',
          description: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (await viewer.post(path(), { kind: 'INCIDENT', occurredOn: '2027-06-14', description: 'x' }))
        .status,
    ).toBe(403);
    const [first] = (await manager.get(path())).body as Body[];
    expect((await otherManager.delete(`${path()}/${String(first.id)}`)).status).toBe(404);
    expect((await manager.delete(`${path()}/${String(first.id)}`)).status).toBe(204);
    expect((await manager.delete(`${path()}/${String(first.id)}`)).status).toBe(404);
    expect(((await manager.get(path())).body as Body[]).map((i) => i.kind)).toEqual(['FRAUD']);
    const audit = (await manager.get(`/api/sessions/${sessionId}/audit`)).body as Body[];
    expect(audit).toContainEqual(
      expect.objectContaining({
        entity: 'session_incident',
        entityId: first.id,
        action: 'delete',
        field: 'incident',
        after: null,
      }),
    );
  });
});

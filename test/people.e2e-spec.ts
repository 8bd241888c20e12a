import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

describe('candidates, jury members, assignments and link declarations', () => {
  let t: TestApp;
  let manager: Client;
  let admin: Client;
  let centreId: string;
  let titre: Body;
  let session: Body;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    titre = await aTitre(admin);
    const m = await aUser(admin, 'manager', [centreId]);
    manager = t.as(await t.login(m.email, m.password));
    session = await aSession(manager, {
      centreId,
      siteId: String(site.id),
      titreId: String(titre.id),
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const sessionPath = () => `/api/sessions/${String(session.id)}`;

  it('creates candidates, refuses inconsistent ones, and records their convocation, files and results', async () => {
    const created = await aCandidate(manager, String(session.id));
    expect(created).toMatchObject({
      lastName: 'Nguyễn',
      firstName: 'Thị Hương',
      pathway: 'FORMATION',
      convocationDate: null,
    });
    const vaeWithoutDate = await manager.post(`${sessionPath()}/candidates`, {
      lastName: 'Rousseau',
      firstName: 'Jérôme',
      pathway: 'VAE',
    });
    expect(vaeWithoutDate.status).toBe(400);
    expect(vaeWithoutDate.body.message).toContain('« vaeValidUntil »');
    const future = await manager.post(`${sessionPath()}/candidates`, {
      lastName: 'Futur',
      firstName: 'Né',
      birthDate: '2030-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('« birthDate »');
    const vae = await aCandidate(manager, String(session.id), {
      lastName: 'Rousseau',
      firstName: 'Jérôme',
      pathway: 'VAE',
      vaeValidUntil: '2027-12-31',
    });
    const patch = await manager.patch(`${sessionPath()}/candidates/${String(created.id)}`, {
      convocationDate: '2027-02-20',
      convocationMode: 'HAND_DELIVERED',
      ecfSignedByTrainingManager: true,
      ecfSignedByTrainer: true,
      ecfSignedByCandidate: true,
      dpSigned: true,
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
      ],
      version: created.version,
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({
      convocationMode: 'HAND_DELIVERED',
      dpSigned: true,
      attendance: 'PRESENT',
    });
    const stale = await manager.patch(`${sessionPath()}/candidates/${String(created.id)}`, {
      dpSigned: false,
      version: created.version,
    });
    expect(stale.status).toBe(409);
    const badCcp = await manager.patch(`${sessionPath()}/candidates/${String(created.id)}`, {
      results: [{ ccpCode: 'CCP9', outcome: 'ACQUIRED' }],
      version: (patch.body as Body).version,
    });
    expect(badCcp.status).toBe(400);
    expect(badCcp.body.message).toContain('CCP9');
    const list = await manager.get(`${sessionPath()}/candidates`);
    expect((list.body as Body[]).map((c) => c.lastName)).toEqual(['Nguyễn', 'Rousseau']);
    expect(vae.vaeValidUntil).toBe('2027-12-31');
    const audit = await manager.get(`${sessionPath()}/audit`);
    expect(audit.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entity: 'candidate',
          entityId: created.id,
          field: 'convocationMode',
          before: null,
          after: 'HAND_DELIVERED',
        }),
      ]),
    );
  });

  it('keeps jury members with habilitations, assigns them and records link declarations', async () => {
    const member = await manager.post('/api/jury-members', {
      centreId,
      lastName: 'Durand',
      firstName: 'Camille',
      email: 'camille.durand@example.fr',
      professionalised: true,
      habilitations: [{ titreId: titre.id, validUntil: '2028-12-31', ccpCodes: ['CCP1'] }],
    });
    expect(member.status).toBe(201);
    expect(member.body.habilitations).toEqual([
      expect.objectContaining({ validUntil: '2028-12-31', ccpCodes: ['CCP1'] }),
    ]);
    const badCcp = await manager.post('/api/jury-members', {
      centreId,
      lastName: 'X',
      firstName: 'Y',
      email: 'x@y.fr',
      habilitations: [{ titreId: titre.id, validUntil: '2028-12-31', ccpCodes: ['ZZZ'] }],
    });
    expect(badCcp.status).toBe(400);
    const assign = await manager.post(`${sessionPath()}/jury`, {
      juryMemberId: member.body.id,
      role: 'JURY',
    });
    expect(assign.status).toBe(201);
    expect(
      (await manager.post(`${sessionPath()}/jury`, { juryMemberId: member.body.id, role: 'JURY' }))
        .status,
    ).toBe(409);
    const badRole = await manager.post(`${sessionPath()}/jury`, {
      juryMemberId: member.body.id,
      role: 'PRESIDENT',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.message).toContain('« role »');
    const candidates = (await manager.get(`${sessionPath()}/candidates`)).body as Body[];
    const declared = await manager.post(`${sessionPath()}/link-declarations`, {
      juryMemberId: member.body.id,
      candidateId: candidates[0].id,
      hasLink: false,
    });
    expect(declared.status).toBe(201);
    const changed = await manager.post(`${sessionPath()}/link-declarations`, {
      juryMemberId: member.body.id,
      candidateId: candidates[0].id,
      hasLink: true,
      details: 'Ancien collègue',
    });
    expect(changed.status).toBe(201);
    const declarations = await manager.get(`${sessionPath()}/link-declarations`);
    expect(declarations.body).toEqual([
      expect.objectContaining({ hasLink: true, details: 'Ancien collègue' }),
    ]);
    const jury = await manager.get(`${sessionPath()}/jury`);
    expect(jury.body).toEqual([
      expect.objectContaining({
        role: 'JURY',
        juryMember: expect.objectContaining({ lastName: 'Durand' }),
      }),
    ]);
    const audit = (await manager.get(`${sessionPath()}/audit`)).body as Body[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: 'session_staff', action: 'create' }),
        expect.objectContaining({
          entity: 'link_declaration',
          field: 'hasLink',
          before: false,
          after: true,
        }),
      ]),
    );
  });

  it('hides another centre’s jury members and candidates', async () => {
    const { centre: other } = await aCentre(admin, { name: 'Centre de Nantes' });
    const b = await aUser(admin, 'manager', [String(other.id)]);
    const managerB = t.as(await t.login(b.email, b.password));
    expect((await managerB.get(`${sessionPath()}/candidates`)).status).toBe(404);
    expect((await managerB.get('/api/jury-members')).body).toEqual([]);
    const members = (await manager.get('/api/jury-members')).body as Body[];
    expect(members).toHaveLength(1);
    expect((await managerB.get(`/api/jury-members/${String(members[0].id)}`)).status).toBe(404);
    expect(
      (await managerB.post(`${sessionPath()}/jury`, { juryMemberId: members[0].id, role: 'JURY' }))
        .status,
    ).toBe(404);
  });
});

import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { pdfText, type PdfText } from './support/pdf.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin } from './support/web-form-client.js';

type Body = Record<string, unknown>;

interface CheckView {
  code: string;
  status: string;
  findings: { severity: string; message: string }[];
  evidence: string[];
}

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const PERMIS = 'le permis de conduire de catégorie C en cours de validité';

describe('candidate convocations: wording, tests, documents to bring, proof', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let managerLogin: { email: string; password: string; id: string };
  let ids: { centreId: string; siteId: string; titreId: string };
  let titreSessionId: string;
  let ccpSessionId: string;
  let candidate: Body;

  async function pdfOf(path: string): Promise<PdfText> {
    const res = await manager.get(path).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return pdfText(res.body as Buffer);
  }

  /** The PDF text with the line breaks of the layout folded (words may wrap anywhere). */
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  async function convocationCheck(sessionId: string): Promise<CheckView> {
    const res = await manager.get(`/api/sessions/${sessionId}/compliance`);
    expect(res.status).toBe(200);
    const checks = (res.body as { checks: CheckView[] }).checks;
    const check = checks.find((c) => c.code === 'CANDIDATES_CONVENED');
    if (!check) throw new Error('no CANDIDATES_CONVENED check');
    return check;
  }

  /** Moves the clock and logs in again (API tokens expire). */
  async function at(instant: string): Promise<void> {
    t.clock.set(instant);
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    manager = t.as(await t.login(managerLogin.email, managerLogin.password));
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin, {
      code: 'CTRMV',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      ccps: [
        { code: 'CCP1', label: 'Réaliser en sécurité des opérations de transport' },
        { code: 'CCP2', label: 'Réaliser des opérations de chargement et de livraison' },
      ],
      examTests: ['MISE_EN_SITUATION', 'QUESTIONNAIRE_PROFESSIONNEL'],
      convocationDocuments: [PERMIS],
    });
    ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    managerLogin = await aUser(admin, 'manager', [ids.centreId]);
    manager = t.as(await t.login(managerLogin.email, managerLogin.password));
    const session = await aSession(manager, ids, { managerId: managerLogin.id });
    titreSessionId = String(session.id);
    ccpSessionId = String(
      (
        await aSession(manager, ids, {
          nature: 'CCP',
          ccpCodes: ['CCP2'],
          startDate: '2027-09-06',
          endDate: '2027-09-07',
        })
      ).id,
    );
    candidate = await aCandidate(manager, titreSessionId, {
      lastName: 'Lefèvre',
      firstName: 'Zoé',
    });
    await aCandidate(manager, ccpSessionId, { lastName: 'Đặng', firstName: 'Hélène' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps the titre’s tests and documents to bring, refuses unknown ones field by field', async () => {
    const got = await admin.get(`/api/titres/${ids.titreId}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      examTests: ['MISE_EN_SITUATION', 'QUESTIONNAIRE_PROFESSIONNEL'],
      convocationDocuments: [PERMIS],
    });
    const refused = await admin.patch(`/api/titres/${ids.titreId}`, {
      examTests: ['ENTRETIEN_FINAL'],
      convocationDocuments: ['x'.repeat(301)],
    });
    expect(refused.status).toBe(400);
    const fields = (refused.body as { fields: { field: string }[] }).fields.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['examTests', 'convocationDocuments']));
  });

  it('prints the late-arrival rule, the tests, the documents and the règlement in a titre session', async () => {
    const pdf = await pdfOf(`/api/sessions/${titreSessionId}/documents/convocations.pdf`);
    expect(pdf.numPages).toBe(1);
    const page = flat(pdf.pages[0]);
    expect(page).toContain('Lefèvre Zoé');
    expect(page).toContain('Un candidat en retard n’est admis à participer aux épreuves que');
    expect(page).toContain('sur décision du responsable de session');
    expect(page).toContain('l’horaire de fin des épreuves n’est pas modifié');
    expect(page).not.toContain('accord du jury');
    expect(page).toContain(
      'Épreuves : Mise en situation professionnelle ; questionnaire professionnel ; entretien final avec le jury.',
    );
    expect(page).not.toContain('ntretien technique');
    expect(page).toContain('pièce d’identité');
    expect(page).toContain('permis de conduire de catégorie C');
    expect(page).toContain('règlement général des sessions');
    expect(page).toContain('arrêté du 21 juillet 2016 modifié');
  });

  it('has no final interview in a CCP session, and the usual tests when the titre has none', async () => {
    const ccp = flat(
      (await pdfOf(`/api/sessions/${ccpSessionId}/documents/convocations.pdf`)).pages[0],
    );
    expect(ccp).toContain('Mise en situation professionnelle');
    expect(ccp).not.toContain('ntretien final');

    const cleared = await admin.patch(`/api/titres/${ids.titreId}`, { examTests: [] });
    expect(cleared.status).toBe(200);
    const defaults = flat(
      (await pdfOf(`/api/sessions/${titreSessionId}/documents/convocations.pdf`)).pages[0],
    );
    expect(defaults).toContain('entretien technique');
    expect(defaults).toContain('Selon le référentiel d’évaluation du titre.');
    expect(defaults).toContain('entretien final avec le jury.');
  });

  it('records the proof of the convocation through the API and checks it for compliance', async () => {
    const path = `/api/sessions/${titreSessionId}/candidates/${String(candidate.id)}`;
    const mismatch = await manager.patch(path, {
      version: candidate.version,
      convocationDate: '2027-02-26',
      convocationMode: 'REGISTERED_MAIL',
      convocationProofKind: 'SIGNED_DISCHARGE',
      convocationProofOn: '2027-02-25',
    });
    expect(mismatch.status).toBe(400);
    expect((mismatch.body as { fields: { field: string; message: string }[] }).fields).toEqual([
      {
        field: 'convocationProofKind',
        message:
          'Le champ « convocationProofKind » ne correspond pas au mode de convocation : attendu accusé de réception de la lettre recommandée.',
      },
      {
        field: 'convocationProofOn',
        message:
          'Le champ « convocationProofOn » est antérieur à la date de convocation (26/02/2027).',
      },
    ]);
    const convened = await manager.patch(path, {
      version: candidate.version,
      convocationDate: '2027-02-26',
      convocationMode: 'REGISTERED_MAIL',
    });
    expect(convened.status).toBe(200);
    candidate.version = (convened.body as Body).version;

    // After the convocation deadline (14/05/2027) without the AR: a warning.
    await at('2027-05-20T09:00:00Z');
    const waiting = await convocationCheck(titreSessionId);
    expect(waiting.findings).toEqual([
      {
        code: 'CANDIDATES_CONVENED',
        severity: 'warning',
        message:
          "La preuve de la convocation de Zoé LEFÈVRE (accusé de réception de la lettre recommandée) n'est pas encore enregistrée : elle doit l'être au plus tard le 14/06/2027, premier jour de la session.",
        subject: expect.any(Object) as unknown,
      },
    ]);
    // On the first day of the session: blocking.
    await at('2027-06-14T07:00:00Z');
    const started = await convocationCheck(titreSessionId);
    expect(started.status).toBe('fail');
    expect(started.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'blocking',
        "Aucune preuve de la convocation de Zoé LEFÈVRE n'est enregistrée (accusé de réception de la lettre recommandée) alors que la session a commencé le 14/06/2027.",
      ],
    ]);

    await at('2027-03-02T09:00:00Z');
    const proven = await manager.patch(path, {
      version: candidate.version,
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
      convocationProofOn: '2027-03-01',
    });
    expect(proven.status).toBe(200);
    expect(proven.body).toMatchObject({
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
      convocationProofOn: '2027-03-01',
    });
    candidate.version = (proven.body as Body).version;
    await at('2027-06-14T07:00:00Z');
    const passed = await convocationCheck(titreSessionId);
    expect(passed.status).toBe('pass');
    expect(passed.evidence).toEqual([
      "Zoé LEFÈVRE : convocation du 26/02/2027 envoyée par lettre recommandée avec accusé de réception, avant l'échéance du 14/05/2027 ; accusé de réception du 01/03/2027.",
    ]);
    await at('2027-03-02T09:00:00Z');
  });

  it('enters the titre’s convocation data and the candidate’s proof through the dashboard', async () => {
    const web = await webLogin(t.http, managerLogin.email, managerLogin.password);
    const edit = htmlText((await web.get(`/titres/${ids.titreId}/edit`)).text);
    expect(edit).toContain('Épreuves du référentiel d’évaluation');
    expect(edit).toContain(PERMIS);
    const saved = await web.post(`/titres/${ids.titreId}/edit`, {
      validUntil: '2029-12-31',
      examTests: ['MISE_EN_SITUATION', 'ENTRETIEN_TECHNIQUE'],
      convocationDocuments: `${PERMIS}\r\n\r\nla carte de qualification de conducteur (CQC), le cas échéant`,
    });
    expect(saved.status).toBe(303);
    const list = htmlText((await web.get('/titres')).text);
    expect(list).toContain('Entretien technique');
    expect(list).toContain('la carte de qualification de conducteur (CQC), le cas échéant');
    const titre = await admin.get(`/api/titres/${ids.titreId}`);
    expect(titre.body).toMatchObject({
      examTests: ['MISE_EN_SITUATION', 'ENTRETIEN_TECHNIQUE'],
      convocationDocuments: [
        PERMIS,
        'la carte de qualification de conducteur (CQC), le cas échéant',
      ],
    });

    // A new titre with its tests and documents, from the form of /titres.
    const createdTitre = await web.post('/titres', {
      code: 'TRV',
      version: '2024',
      label: 'Conducteur du transport routier interurbain de voyageurs',
      validUntil: '2030-12-31',
      examTests: ['MISE_EN_SITUATION', 'ENTRETIEN_TECHNIQUE'],
      convocationDocuments: 'le permis de conduire de catégorie D en cours de validité',
      ccpCode: ['CCP1'],
      ccpLabel: ['Réaliser en sécurité des opérations de transport de voyageurs'],
      ccpKind: ['CCP'],
    });
    expect(createdTitre.status).toBe(303);
    const trv = ((await admin.get('/api/titres')).body as Body[]).find((x) => x.code === 'TRV');
    expect(trv).toMatchObject({
      examTests: ['MISE_EN_SITUATION', 'ENTRETIEN_TECHNIQUE'],
      convocationDocuments: ['le permis de conduire de catégorie D en cours de validité'],
    });

    const cid = String(candidate.id);
    const form = `/sessions/${titreSessionId}/candidates/${cid}`;
    const page = htmlText((await web.get(form)).text);
    expect(page).toContain('Preuve de la convocation');
    expect(page).toContain('Accusé de réception (lettre recommandée)');
    const base = {
      version: String(candidate.version),
      lastName: 'Lefèvre',
      firstName: 'Zoé',
      birthDate: '1990-04-12',
      address: '3 place Bellecour, 69002 Lyon',
      pathway: 'FORMATION',
      convocationDate: '2027-02-26',
      convocationMode: 'HAND_DELIVERED',
    };
    const refused = await web.post(form, {
      ...base,
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
      convocationProofOn: '',
    });
    expect(refused.status).toBe(400);
    const refusedText = htmlText(refused.text);
    expect(refusedText).toContain(
      'Le champ « Preuve de la convocation » ne correspond pas au mode de convocation : attendu décharge signée par le candidat.',
    );
    expect(refusedText).toContain('Le champ « Date de la preuve » est obligatoire');
    const ok = await web.post(form, {
      ...base,
      convocationProofKind: 'SIGNED_DISCHARGE',
      convocationProofOn: '2027-02-26',
    });
    expect(ok.status).toBe(303);
    const after = await manager.get(`/api/sessions/${titreSessionId}/candidates/${cid}`);
    expect(after.body).toMatchObject({
      convocationMode: 'HAND_DELIVERED',
      convocationProofKind: 'SIGNED_DISCHARGE',
      convocationProofOn: '2027-02-26',
    });

    const pdf = flat(
      (await pdfOf(`/api/sessions/${titreSessionId}/documents/convocations.pdf`)).pages[0],
    );
    expect(pdf).toContain('carte de qualification de conducteur (CQC)');
    expect(pdf).toContain('Épreuves : Mise en situation professionnelle ; entretien technique ;');
    expect(pdf).not.toContain('uestionnaire professionnel');
  });
});

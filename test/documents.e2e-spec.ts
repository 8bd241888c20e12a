import { unzipSync } from 'fflate';
import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { pdfText, type PdfText } from './support/pdf.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { webLogin } from './support/web-form-client.js';

type Body = Record<string, unknown>;

interface DocumentLink {
  name: string;
  title: string;
  url: string;
  format: string;
}

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('printable documents', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let otherManager: Client;
  let viewer: Client;
  let viewerAccount: { email: string; password: string };
  let sessionId: string;
  let emptySessionId: string;
  let helene: Body;
  let zoe: Body;
  let huong: Body;
  const assignments: Record<string, string> = {};

  async function fetchPdf(
    client: Client,
    path: string,
  ): Promise<{ res: request.Response; pdf: PdfText }> {
    const res = await client.get(path).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { res, pdf: await pdfText(body) };
  }

  const docs = (id = sessionId) => `/api/sessions/${id}/documents`;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: otherCentre } = await aCentre(admin, { name: 'Centre Saint-Exupéry' });
    const centreId = String(centre.id);
    const titre = await aTitre(admin, {
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
    });
    const m = await aUser(admin, 'manager', [centreId]);
    manager = t.as(await t.login(m.email, m.password));
    const other = await aUser(admin, 'manager', [String(otherCentre.id)]);
    otherManager = t.as(await t.login(other.email, other.password));
    const v = await aUser(admin, 'viewer', [centreId]);
    viewerAccount = v;
    viewer = t.as(await t.login(v.email, v.password));
    const ids = { centreId, siteId: String(site.id), titreId: String(titre.id) };
    const session = await aSession(manager, ids, { managerId: m.id });
    sessionId = String(session.id);
    emptySessionId = String(
      (await aSession(manager, ids, { startDate: '2027-09-06', endDate: '2027-09-06' })).id,
    );

    helene = await aCandidate(manager, sessionId, {
      lastName: 'Đặng Thị Ngọc',
      firstName: 'Hélène',
      address: '12 rue des Églantiers\n69100 Villeurbanne',
    });
    zoe = await aCandidate(manager, sessionId, {
      lastName: 'Lefèvre-Müller',
      firstName: 'Zoé',
      pathway: 'VAE',
      vaeValidUntil: '2027-12-31',
    });
    huong = await aCandidate(manager, sessionId);
    const patch = async (c: Body, body: Body) => {
      const res = await manager.patch(`/api/sessions/${sessionId}/candidates/${String(c.id)}`, {
        ...body,
        version: c.version,
      });
      expect(res.status).toBe(200);
      c.version = (res.body as Body).version;
    };
    await patch(helene, { convocationDate: '2027-02-26', convocationMode: 'REGISTERED_MAIL' });
    await patch(zoe, { convocationDate: '2027-02-20', convocationMode: 'HAND_DELIVERED' });

    const member = async (lastName: string, firstName: string, employer: string) => {
      const res = await manager.post('/api/jury-members', {
        centreId,
        lastName,
        firstName,
        email: `${firstName.toLowerCase().replace(/[^a-z]/g, '')}@jury.test`,
        employer,
        habilitations: [{ titreId: ids.titreId, validUntil: '2028-12-31' }],
      });
      expect(res.status).toBe(201);
      return String((res.body as Body).id);
    };
    const roles: [string, string, string, string][] = [
      ['Bérénice', 'Œhlenschläger', 'Société Générale d’Informatique', 'JURY'],
      ['Joël', 'Castañeda', 'Atelier Ñandú', 'JURY'],
      ['Maëlys', 'Surveillante', 'Centre Éléonore Dupré', 'SURVEILLANT'],
      ['Anaïs', 'Comédienne', 'Théâtre du Châtelet', 'COMEDIEN'],
    ];
    for (const [firstName, lastName, employer, role] of roles) {
      const juryMemberId = await member(lastName, firstName, employer);
      const res = await manager.post(`/api/sessions/${sessionId}/jury`, { juryMemberId, role });
      expect(res.status).toBe(201);
      assignments[firstName] = String((res.body as Body).id);
      assignments[`${firstName}:member`] = juryMemberId;
    }
    // Joël declares a link with Hélène: he does not sign her individual PV.
    const declared = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
      juryMemberId: assignments['Joël:member'],
      candidateId: String(helene.id),
      hasLink: true,
      details: 'Ancien collègue',
    });
    expect(declared.status).toBe(201);

    // The session takes place: attendance, results, an incident and a fraud report.
    t.clock.set('2027-06-18T15:00:00Z');
    // Tokens expire: everyone logs in again on the day.
    manager = t.as(await t.login(m.email, m.password));
    otherManager = t.as(await t.login(other.email, other.password));
    viewer = t.as(await t.login(v.email, v.password));
    await patch(zoe, {
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
      ],
    });
    await patch(helene, {
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        { ccpCode: 'CCP3', outcome: 'NOT_EVALUATED' },
      ],
    });
    await patch(huong, { attendance: 'ABSENT' });
    const incident = await manager.post(`/api/sessions/${sessionId}/incidents`, {
      kind: 'INCIDENT',
      occurredOn: '2027-06-15',
      description: 'Coupure d’électricité de 10 h 05 à 10 h 25 en salle Molière.',
      measures: 'Épreuve prolongée de vingt minutes pour tous les candidats.',
    });
    expect(incident.status).toBe(201);
    const fraud = await manager.post(`/api/sessions/${sessionId}/incidents`, {
      kind: 'FRAUD',
      candidateId: String(helene.id),
      occurredOn: '2027-06-16',
      description: 'Téléphone portable consulté pendant le questionnaire professionnel.',
      measures: 'Téléphone retiré ; la candidate a terminé l’épreuve.',
    });
    expect(fraud.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('lists every document of the session with its URL, and the ZIP of all of them', async () => {
    const res = await manager.get(docs());
    expect(res.status).toBe(200);
    const links = res.body as DocumentLink[];
    const names = links.map((l) => l.name);
    for (const name of [
      'convocations',
      'jury-convocations',
      'emargement',
      'pv',
      'pv-individuels',
      'carence',
      'fraude',
      'checklist',
      'laureats',
    ]) {
      expect(links).toContainEqual(
        expect.objectContaining({ name, url: `${docs()}/${name}.pdf`, format: 'pdf' }),
      );
    }
    expect(names.filter((n) => n === 'convocation')).toHaveLength(3);
    expect(names.filter((n) => n === 'jury-convocation')).toHaveLength(4);
    expect(links.at(-1)).toMatchObject({ url: `${docs()}/documents.zip`, format: 'zip' });
    expect(links.find((l) => l.name === 'pv')?.title).toBe('Procès-verbal de session');
  });

  it('prints one convocation per candidate on its page, with place, date, time, tests, dress and delivery mode', async () => {
    const { res, pdf } = await fetchPdf(manager, `${docs()}/convocations.pdf`);
    expect(res.headers['content-disposition']).toMatch(
      /^inline; filename="convocations-candidats_cda-2027-06-14\.pdf"/,
    );
    expect(pdf.numPages).toBe(3);
    const [first, second, third] = pdf.pages;
    // By name: Đặng, Lefèvre-Müller, Nguyễn.
    expect(first).toContain('Đặng Thị Ngọc Hélène');
    expect(first).toContain('12 rue des Églantiers');
    expect(first).toContain('69100 Villeurbanne');
    expect(first).toContain('Vénissieux, le 26/02/2027');
    expect(second).toContain('Lefèvre-Müller Zoé');
    expect(third).toContain('Nguyễn Thị Hương');
    for (const page of pdf.pages) {
      expect(page).toContain('Centre Éléonore Dupré');
      expect(page).toContain('Site de Vénissieux');
      expect(page).toContain('du 14/06/2027 au 18/06/2027');
      expect(page).toContain('9 h 00');
      expect(page).toContain('Salle Molière, 12 rue de la Paix, Vénissieux');
      expect(page).toContain('Titre professionnel complet');
      expect(page).toContain('CCP1 — Développer une application sécurisée');
      expect(page).toContain('tenue professionnelle');
      expect(page).toContain('pièce d’identité');
      expect(page).toContain('la présente convocation');
    }
    expect(pdf.pages[0]).toMatch(/Page 1 \/ 3/);
    expect(pdf.pages[2]).toMatch(/Page 3 \/ 3/);
    // Registered letter: no receipt slip; hand-delivered: the slip, dated.
    expect(first).not.toContain('Récépissé de remise en main propre');
    expect(first).toContain('lettre recommandée avec accusé de réception');
    expect(second).toContain('Récépissé de remise en main propre');
    expect(second).toContain('Remise le : 20/02/2027');
    expect(second).toContain('Signature du candidat');
    expect(second).toContain('dossier professionnel (DP)');
    expect(pdf.fonts.some((f) => f.includes('DejaVu'))).toBe(true);
  });

  it('prints the convocation of one candidate, and 404 for a candidate of another session', async () => {
    const { res, pdf } = await fetchPdf(
      manager,
      `/api/sessions/${sessionId}/candidates/${String(zoe.id)}/convocation.pdf`,
    );
    expect(res.headers['content-disposition']).toContain(
      'filename="convocation_lefevre-muller-zoe_cda-2027-06-14.pdf"',
    );
    expect(pdf.numPages).toBe(1);
    expect(pdf.text).toContain('Lefèvre-Müller Zoé');
    expect(pdf.text).not.toContain('Hélène');
    const missing = await manager.get(
      `/api/sessions/${emptySessionId}/candidates/${String(zoe.id)}/convocation.pdf`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Candidat introuvable.');
  });

  it('convenes the jurors, the invigilator and the actor, together or one by one', async () => {
    const { pdf } = await fetchPdf(manager, `${docs()}/jury-convocations.pdf`);
    expect(pdf.numPages).toBe(4);
    expect(pdf.text).toContain('Œhlenschläger Bérénice');
    expect(pdf.text).toContain('Castañeda Joël');
    expect(pdf.text).toContain('en qualité de membre du jury');
    expect(pdf.text).toContain('Habilitation pour ce titre valable jusqu’au 31/12/2028');
    expect(pdf.text).toContain('en qualité de surveillant(e) des épreuves');
    expect(pdf.text).toContain('en qualité de comédien(ne)');
    expect(pdf.text).toContain('8 h 30');
    const one = await fetchPdf(
      manager,
      `/api/sessions/${sessionId}/jury/${assignments['Anaïs']}/convocation.pdf`,
    );
    expect(one.pdf.numPages).toBe(1);
    expect(one.pdf.text).toContain('Comédienne Anaïs');
    expect(one.pdf.text).not.toContain('Bérénice');
  });

  it('prints one attendance sheet per day with candidates, staff and signature boxes', async () => {
    const { pdf } = await fetchPdf(manager, `${docs()}/emargement.pdf`);
    expect(pdf.numPages).toBe(5);
    ['14/06/2027', '15/06/2027', '16/06/2027', '17/06/2027', '18/06/2027'].forEach((day, i) => {
      expect(pdf.pages[i]).toContain(`Feuille d’émargement — ${day}`);
      expect(pdf.pages[i]).toContain(`Jour ${i + 1} sur 5`);
      expect(pdf.pages[i]).toContain('Đặng Thị Ngọc');
      expect(pdf.pages[i]).toContain('Lefèvre-Müller');
      expect(pdf.pages[i]).toContain('Œhlenschläger');
      expect(pdf.pages[i]).toContain('Après-midi');
      expect(pdf.pages[i]).toMatch(new RegExp(`Page ${i + 1} / 5`));
    });
  });

  it('prints the PV of the session: jury, presence and results per CCP, absences, incidents, frauds and signatures', async () => {
    const { pdf } = await fetchPdf(manager, `${docs()}/pv.pdf`);
    const text = pdf.text;
    expect(text).toContain('Procès-verbal de session d’examen');
    expect(text).toContain('Œhlenschläger Bérénice');
    expect(text).toContain('31/12/2028');
    expect(text).toContain('Comédienne Anaïs (Comédien(ne))');
    expect(text).toMatch(
      /Lefèvre-Müller Zoé VAE Présent\(e\) Acquis Acquis Acquis Titre professionnel CDA obtenu/,
    );
    expect(text).toMatch(
      /Đặng Thị Ngọc Hélène Formation Présent\(e\) Acquis Non acquis Non évalué Validation partielle : CCP1/,
    );
    expect(text).toContain('Nguyễn Thị Hương : Absent(e)');
    expect(text).toContain('3 candidats inscrits ; 2 présents ; 1 absent ; 1 titre obtenu.');
    expect(text).toContain('15/06/2027');
    expect(text).toContain('Coupure d’électricité de 10 h 05 à 10 h 25 en salle Molière.');
    expect(text).toContain('Épreuve prolongée de vingt minutes');
    expect(text).toContain('Téléphone portable consulté pendant le questionnaire professionnel.');
    expect(text).toContain('Responsable de session');
    expect(text.match(/Date et signature/g)).toHaveLength(3);
    expect(pdf.pages.at(-1)).toMatch(new RegExp(`Page ${pdf.numPages} / ${pdf.numPages}`));
  });

  it('prints one PV per candidate, signed by the jurors who evaluated them', async () => {
    const { pdf } = await fetchPdf(manager, `${docs()}/pv-individuels.pdf`);
    expect(pdf.numPages).toBe(3);
    const [helenePage, zoePage] = pdf.pages;
    expect(helenePage).toContain('Đặng Thị Ngọc Hélène');
    expect(helenePage).toContain('Validation partielle : CCP1');
    expect(helenePage).toContain('Œhlenschläger Bérénice');
    expect(helenePage).toContain(
      'Ne participent pas à l’évaluation de ce candidat (lien déclaré) : Castañeda Joël.',
    );
    expect(helenePage.match(/Date et signature/g)).toHaveLength(1);
    expect(zoePage).toContain('Lefèvre-Müller Zoé');
    expect(zoePage).toContain('Recevabilité VAE valable jusqu’au 31/12/2027');
    expect(zoePage).toContain('Castañeda Joël');
    expect(zoePage.match(/Date et signature/g)).toHaveLength(2);
    const one = await fetchPdf(
      manager,
      `/api/sessions/${sessionId}/candidates/${String(huong.id)}/pv.pdf`,
    );
    expect(one.pdf.numPages).toBe(1);
    expect(one.pdf.text).toContain('Nguyễn Thị Hương');
    expect(one.pdf.text).toContain('Décision du jury : Absent(e)');
  });

  it('prints the PV de carence, the fraud report and the list of successful candidates', async () => {
    const carence = (await fetchPdf(manager, `${docs()}/carence.pdf`)).pdf;
    expect(carence.text).toContain('Procès-verbal de carence');
    expect(carence.text).toContain('Castañeda Joël');
    expect(carence.text).toContain('Lefèvre-Müller Zoé');
    const fraud = (await fetchPdf(manager, `${docs()}/fraude.pdf`)).pdf;
    expect(fraud.numPages).toBe(1);
    expect(fraud.text).toContain('Rapport de fraude ou de tentative de fraude');
    expect(fraud.text).toContain('16/06/2027');
    expect(fraud.text).toContain('Đặng Thị Ngọc Hélène');
    expect(fraud.text).toContain('Téléphone retiré ; la candidate a terminé l’épreuve.');
    const laureates = (await fetchPdf(manager, `${docs()}/laureats.pdf`)).pdf;
    expect(laureates.text).toContain('Lefèvre-Müller Zoé');
    expect(laureates.text).toContain(
      'Titre professionnel Concepteur développeur d’applications (CDA)',
    );
    expect(laureates.text).toContain('Đặng Thị Ngọc Hélène');
    expect(laureates.text).toContain('CCP1 — Développer une application sécurisée');
    expect(laureates.text).not.toContain('CCP CCP1');
    expect(laureates.text).not.toContain('Nguyễn');
  });

  it('prints the filled checklist with due dates, fait-le dates, who and observations', async () => {
    const tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Body[];
    let ticked: Body | null = null;
    for (const task of tasks.filter((t) => t.parentCode === null)) {
      const res = await manager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
        status: 'done',
        doneAt: '2027-06-17',
        observations: 'Vérifié avec Mme Lefèvre-Müller — « RAS »',
        version: task.version,
      });
      if (res.status === 200) {
        ticked = res.body as Body;
        break;
      }
    }
    expect(ticked).not.toBeNull();
    const { pdf } = await fetchPdf(manager, `${docs()}/checklist.pdf`);
    expect(pdf.numPages).toBeGreaterThan(1);
    expect(pdf.text).toContain('Liste de contrôle de la session');
    expect(pdf.text).toContain('Guide de préparation de la session');
    expect(pdf.text).toContain('17/06/2027');
    expect(pdf.text).toContain('Vérifié avec Mme Lefèvre-Müller — « RAS »');
    expect(pdf.text.replace(/\s/g, '')).toContain(String(ticked?.doneByEmail));
    expect(pdf.text).toContain('Réglementaire');
    expect(pdf.text).toMatch(/1 tâche\(s\) faite\(s\) sur \d+/);
  });

  it('zips every document of the session', async () => {
    const res = await manager.get(`${docs()}/documents.zip`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(
      'attachment; filename="documents-session_cda-2027-06-14.zip"',
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(9 + 3 * 2 + 4);
    expect(names).toContain('pv-session_cda-2027-06-14.pdf');
    expect(names).toContain('convocations/convocation_lefevre-muller-zoe_cda-2027-06-14.pdf');
    expect(names).toContain('pv-individuels/pv-individuel_dang-thi-ngoc-helene_cda-2027-06-14.pdf');
    expect(names).toContain('convocations-jury/convocation_castaneda-joel_cda-2027-06-14.pdf');
    for (const name of names) {
      expect(Buffer.from(files[name].subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    }
  });

  it('still prints the documents of a session with no candidate and no jury, with a clear notice', async () => {
    const convocations = (await fetchPdf(manager, `${docs(emptySessionId)}/convocations.pdf`)).pdf;
    expect(convocations.numPages).toBe(1);
    expect(convocations.text).toContain(
      'Aucun candidat n’est inscrit à cette session : aucune convocation n’est à envoyer.',
    );
    expect(convocations.text).toContain('le 06/09/2027');
    const jury = (await fetchPdf(manager, `${docs(emptySessionId)}/jury-convocations.pdf`)).pdf;
    expect(jury.text).toContain(
      'Aucun membre de jury, surveillant ou comédien n’est affecté à cette session',
    );
    const pv = (await fetchPdf(manager, `${docs(emptySessionId)}/pv.pdf`)).pdf;
    expect(pv.text).toContain('Aucun candidat n’est inscrit à cette session.');
    expect(pv.text).toContain('Aucun membre de jury n’est affecté à cette session');
    expect(pv.text).toContain('Aucun incident n’a été signalé.');
    const sheet = (await fetchPdf(manager, `${docs(emptySessionId)}/emargement.pdf`)).pdf;
    expect(sheet.numPages).toBe(1);
    expect(sheet.text).toContain('Feuille d’émargement — 06/09/2027');
    expect(sheet.text).toContain('Aucun candidat n’est inscrit à cette session.');
    const individual = (await fetchPdf(manager, `${docs(emptySessionId)}/pv-individuels.pdf`)).pdf;
    expect(individual.text).toContain('Aucun procès-verbal individuel n’est à établir.');
    const fraud = (await fetchPdf(manager, `${docs(emptySessionId)}/fraude.pdf`)).pdf;
    expect(fraud.numPages).toBe(1);
    expect(fraud.text).toContain('formulaire vierge');
    const laureates = (await fetchPdf(manager, `${docs(emptySessionId)}/laureats.pdf`)).pdf;
    expect(laureates.text).toContain('Aucun candidat n’est inscrit à cette session.');
  });

  it('keeps the documents within the caller’s centres, and lets viewers and the dashboard cookie read them', async () => {
    for (const path of [`${docs()}/pv.pdf`, docs(), `${docs()}/documents.zip`]) {
      const res = await otherManager.get(path);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Session introuvable.');
    }
    const bad = await manager.get('/api/sessions/pas-un-uuid/documents/pv.pdf');
    expect(bad.status).toBe(400);
    expect((await request(t.http).get(`${docs()}/pv.pdf`)).status).toBe(401);
    const { pdf } = await fetchPdf(viewer, `${docs()}/laureats.pdf`);
    expect(pdf.text).toContain('Lefèvre-Müller Zoé');
    const web = await webLogin(t.http, viewerAccount.email, viewerAccount.password);
    const viaCookie = await request(t.http)
      .get(`/api/sessions/${sessionId}/candidates/${String(zoe.id)}/convocation.pdf`)
      .set('Cookie', web.cookie)
      .buffer(true)
      .parse(binary);
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(viaCookie.body as Buffer)).text).toContain('Lefèvre-Müller Zoé');
  });
});

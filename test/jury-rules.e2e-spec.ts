import { jest } from '@jest/globals';
import request from 'supertest';
import { pdfText } from './support/pdf.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
type Finding = { code: string; severity: string; message: string };

// Logins hash passwords with argon2id on purpose: slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe(`jury rules: attendance and pedagogical links (${testDbKind()})`, () => {
  let t: TestApp;
  let manager: Client;
  let web: WebClient;
  let credentials: { email: string; password: string };
  let centreId: string;
  let siteId: string;
  let titreId: string;
  let sessionId: string;
  const staffIds: Record<string, string> = {};
  const memberIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-05-20T09:00:00Z' });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin);
    centreId = String(a.centre.id);
    siteId = String(a.site.id);
    const titre = await aTitre(admin);
    titreId = String(titre.id);
    const m = await aUser(admin, 'manager', [centreId]);
    credentials = m;
    manager = t.as(await t.login(m.email, m.password));
    web = await webLogin(t.http, m.email, m.password);
    sessionId = String(
      (await aSession(manager, { centreId, siteId: String(a.site.id), titreId })).id,
    );
    for (const [key, lastName, firstName] of [
      ['durand', 'Durand', 'Camille'],
      ['lefevre', 'Lefèvre', 'Hugo'],
      ['roux', 'Roux', 'Inès'],
    ]) {
      const member = await manager.post('/api/jury-members', {
        centreId,
        lastName,
        firstName,
        email: `${key}@example.fr`,
        habilitations: [{ titreId, validUntil: '2029-12-31' }],
      });
      expect(member.status).toBe(201);
      memberIds[key] = String(member.body.id);
    }
    for (const key of ['durand', 'lefevre']) {
      const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
        juryMemberId: memberIds[key],
        role: 'JURY',
      });
      expect(assigned.status).toBe(201);
      staffIds[key] = String(assigned.body.id);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const juryMinimum = async (): Promise<{
    status: string;
    findings: Finding[];
    evidence: string[];
  }> => {
    const res = await manager.get(`/api/sessions/${sessionId}/compliance`);
    expect(res.status).toBe(200);
    const checks = res.body.checks as {
      code: string;
      status: string;
      findings: Finding[];
      evidence: string[];
    }[];
    const check = checks.find((c) => c.code === 'JURY_MINIMUM');
    if (!check) throw new Error('no JURY_MINIMUM check');
    return check;
  };

  const attendance = (key: string, body: Body) =>
    manager.patch(`/api/sessions/${sessionId}/jury/${staffIds[key]}/attendance`, body);

  describe('jury attendance on the day', () => {
    it('counts assignments before the session, and refuses attendance before its first day', async () => {
      expect((await juryMinimum()).status).toBe('pass');
      const early = await attendance('durand', { attendance: 'PRESENT', arrivalTime: '08:30' });
      expect(early.status).toBe(400);
      expect(early.body.fields).toEqual([
        {
          field: 'attendance',
          message:
            'La présence se relève le jour de la session : pas avant son premier jour, le 14/06/2027 (champ « attendance »).',
        },
      ]);
      const page = await web.get(`/sessions/${sessionId}/jury`);
      expect(htmlText(page.text)).toContain(
        'La présence des membres se relève à partir du premier jour de la session, le 14/06/2027',
      );
    });

    it('blocks on the first day while no juror is recorded present, naming them', async () => {
      t.clock.set('2027-06-14T06:00:00Z');
      // A new day, a new login (tokens and dashboard sessions expire).
      manager = t.as(await t.login(credentials.email, credentials.password));
      web = await webLogin(t.http, credentials.email, credentials.password);
      const check = await juryMinimum();
      expect(check.status).toBe('fail');
      expect(check.findings.map((f) => `${f.severity}: ${f.message}`)).toEqual([
        "blocking: Aucun membre de jury n'est enregistré présent : il en faut au moins 2 (présence non enregistrée : Camille DURAND et Hugo LEFÈVRE).",
      ]);
    });

    it('refuses a malformed time and a time for an absent member, every field at once', async () => {
      const bad = await attendance('durand', { attendance: 'LATE', arrivalTime: '25:00' });
      expect(bad.status).toBe(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
        'arrivalTime',
        'attendance',
      ]);
      const absentWithTime = await attendance('lefevre', {
        attendance: 'ABSENT',
        arrivalTime: '09:00',
      });
      expect(absentWithTime.status).toBe(400);
      expect(absentWithTime.body.fields).toEqual([
        {
          field: 'arrivalTime',
          message: 'Le champ « arrivalTime » ne s’indique que pour un membre présent.',
        },
      ]);
    });

    it('blocks with one juror present and one absent, then passes with two present', async () => {
      const present = await attendance('durand', { attendance: 'PRESENT', arrivalTime: '08:30' });
      expect(present.status).toBe(200);
      expect(present.body).toMatchObject({ attendance: 'PRESENT', arrivalTime: '08:30' });
      expect((await attendance('lefevre', { attendance: 'ABSENT' })).status).toBe(200);
      const check = await juryMinimum();
      expect(check.findings.map((f) => f.message)).toEqual([
        'Seulement 1 membre de jury est enregistré présent (Camille DURAND (arrivée à 08h30)) : il en faut au moins 2 (absent(e) : Hugo LEFÈVRE).',
      ]);

      // The dashboard form records the second juror present.
      const form = await web.post(`/sessions/${sessionId}/jury/${staffIds.lefevre}/attendance`, {
        attendance: 'PRESENT',
        arrivalTime: '08:45',
      });
      expect(form.status).toBe(303);
      const passed = await juryMinimum();
      expect(passed.status).toBe('pass');
      expect(passed.evidence).toEqual([
        '2 membres de jury présents : Camille DURAND (arrivée à 08h30) et Hugo LEFÈVRE (arrivée à 08h45).',
      ]);
      const page = htmlText((await web.get(`/sessions/${sessionId}/jury`)).text);
      expect(page).toContain('Présence le jour de la session');
      expect(page).toContain('value="08:45"');
    });

    it('shows a refused attendance on its row with the message', async () => {
      const refused = await web.post(`/sessions/${sessionId}/jury/${staffIds.durand}/attendance`, {
        attendance: '',
        arrivalTime: '09:10',
      });
      expect(refused.status).toBe(400);
      const page = htmlText(refused.text);
      expect(page).toContain('La présence de DURAND Camille n’a pas été enregistrée');
      expect(page).toContain(
        'Le champ « Heure d’arrivée » ne s’indique que pour un membre présent.',
      );
    });
  });

  describe('pedagogical links: a juror who trained a candidate does not evaluate them', () => {
    let candidateId: string;

    const noLink = async (): Promise<Finding[]> => {
      const res = await manager.get(`/api/sessions/${sessionId}/compliance`);
      const checks = res.body.checks as { code: string; findings: Finding[] }[];
      return checks.find((c) => c.code === 'JURY_NO_LINK')?.findings ?? [];
    };

    it('records the trainers on the enrolment, members of the centre only', async () => {
      const refused = await manager.post(`/api/sessions/${sessionId}/candidates`, {
        lastName: 'Martin',
        firstName: 'Paul',
        trainerIds: [memberIds.roux, '00000000-0000-4000-8000-000000000000'],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([
        {
          field: 'trainerIds',
          message:
            'Le champ « trainerIds » doit désigner des membres du jury du centre : 00000000-0000-4000-8000-000000000000 n’en est pas.',
        },
      ]);
      const candidate = await aCandidate(manager, sessionId, {
        lastName: 'Martin',
        firstName: 'Paul',
        trainerIds: [memberIds.roux],
      });
      candidateId = String(candidate.id);
      expect(candidate.trainerIds).toEqual([memberIds.roux]);
    });

    it('blocks the session when the trainer is assigned as juror, naming both', async () => {
      const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
        juryMemberId: memberIds.roux,
        role: 'JURY',
      });
      expect(assigned.status).toBe(201);
      const findings = await noLink();
      expect(findings).toContainEqual(
        expect.objectContaining({
          severity: 'blocking',
          message:
            'Inès ROUX a formé Paul MARTIN (lien pédagogique enregistré sur son inscription) : ce membre du jury est exclu de son évaluation.',
        }),
      );
    });

    it('refuses a declaration of no link by the trainer, and shows the pedagogical link as recorded', async () => {
      const denied = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
        juryMemberId: memberIds.roux,
        candidateId,
        hasLink: false,
      });
      expect(denied.status).toBe(400);
      expect(denied.body.fields[0].field).toBe('hasLink');
      const page = htmlText((await web.get(`/sessions/${sessionId}/jury`)).text);
      expect(page).toContain('Lien personnel, professionnel ou pédagogique');
      expect(page).toContain(
        'Lien pédagogique : formateur du candidat</strong> (enregistré sur son inscription)',
      );
    });

    it('records the kind of a declared link, through the API and the form', async () => {
      const personal = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
        juryMemberId: memberIds.durand,
        candidateId,
        hasLink: true,
        linkKind: 'PERSONAL',
        details: 'Voisin',
      });
      expect(personal.status).toBe(201);
      expect(personal.body).toMatchObject({ hasLink: true, linkKind: 'PERSONAL' });
      const form = await web.post(`/sessions/${sessionId}/jury/declarations/${memberIds.lefevre}`, {
        [`link_${candidateId}`]: 'PROFESSIONAL',
        [`details_${candidateId}`]: 'Ancien collègue',
      });
      expect(form.status).toBe(303);
      const stored = await manager.get(`/api/sessions/${sessionId}/link-declarations`);
      expect(
        (stored.body as Body[])
          .filter((d) => d.candidateId === candidateId)
          .map((d) => [d.juryMemberId, d.linkKind])
          .sort(),
      ).toEqual(
        [
          [memberIds.durand, 'PERSONAL'],
          [memberIds.lefevre, 'PROFESSIONAL'],
        ].sort(),
      );
      // Three linked jurors out of three: nobody can evaluate Paul Martin.
      expect((await noLink()).map((f) => f.message)).toContain(
        'Aucun membre du jury sans lien déclaré ne peut évaluer Paul MARTIN : il en faut au moins 2.',
      );
    });

    it('chooses the trainers on the candidate form among the centre’s jurors', async () => {
      const edit = htmlText(
        (await web.get(`/sessions/${sessionId}/candidates/${candidateId}`)).text,
      );
      expect(edit).toContain('Formateur(s) du candidat');
      const current = await manager.get(`/api/sessions/${sessionId}/candidates/${candidateId}`);
      const saved = await web.post(`/sessions/${sessionId}/candidates/${candidateId}`, {
        lastName: 'Martin',
        firstName: 'Paul',
        pathway: 'FORMATION',
        version: String(current.body.version),
        trainerIds: [memberIds.roux, memberIds.durand],
      });
      expect(saved.status).toBe(303);
      const after = await manager.get(`/api/sessions/${sessionId}/candidates/${candidateId}`);
      expect([...(after.body.trainerIds as string[])].sort()).toEqual(
        [memberIds.roux, memberIds.durand].sort(),
      );
    });
  });

  describe('jurors convened at least 15 days before, with a postal address', () => {
    it('records the address of a juror for their convocation', async () => {
      const updated = await manager.patch(`/api/jury-members/${memberIds.durand}`, {
        address: '4 rue des Lilas\n69003 Lyon',
      });
      expect(updated.status).toBe(200);
      expect(updated.body.address).toBe('4 rue des Lilas\n69003 Lyon');
      const page = htmlText((await web.get(`/jury/${memberIds.durand}`)).text);
      expect(page).toContain('Adresse postale');
      expect(page).toContain('69003 Lyon');
    });

    it('warns when a juror was convened less than 15 days before the session', async () => {
      const future = await manager.patch(
        `/api/sessions/${sessionId}/jury/${staffIds.durand}/convocation`,
        { convocationDate: '2027-06-20' },
      );
      expect(future.status).toBe(400);
      expect(future.body.fields[0].field).toBe('convocationDate');
      const late = await manager.patch(
        `/api/sessions/${sessionId}/jury/${staffIds.durand}/convocation`,
        { convocationDate: '2027-06-04' },
      );
      expect(late.status).toBe(200);
      expect(late.body.convocationDate).toBe('2027-06-04');
      const form = await web.post(`/sessions/${sessionId}/jury/${staffIds.lefevre}/convocation`, {
        convocationDate: '2027-05-20',
      });
      expect(form.status).toBe(303);
      const res = await manager.get(`/api/sessions/${sessionId}/compliance`);
      const check = (res.body.checks as { code: string; findings: Finding[] }[]).find(
        (c) => c.code === 'JURY_CONVENED',
      );
      expect(check?.findings.map((f) => `${f.severity}: ${f.message}`)).toEqual(
        expect.arrayContaining([
          "warning: Camille DURAND a été convoqué(e) le 04/06/2027, 10 jours seulement avant le début de la session le 14/06/2027 : un juré salarié demande son autorisation d'absence au moins 15 jours avant.",
        ]),
      );
      expect(check?.findings.some((f) => f.message.includes('Hugo LEFÈVRE'))).toBe(false);
      const page = htmlText((await web.get(`/sessions/${sessionId}/jury`)).text);
      expect(page).toContain(
        'Convocation 10 jours avant la session : moins de 15 jours, trop tard pour l’autorisation d’absence d’un juré salarié.',
      );
    });
  });

  describe('habilitations flagged where the juror is chosen', () => {
    it('says so in the assign form’s select and beside an assigned juror', async () => {
      const member = await manager.post('/api/jury-members', {
        centreId,
        lastName: 'Bernard',
        firstName: 'Luc',
        email: 'luc.bernard@example.fr',
        habilitations: [{ titreId, validUntil: '2027-06-16' }],
      });
      expect(member.status).toBe(201);
      const page = htmlText((await web.get(`/sessions/${sessionId}/jury`)).text);
      const short =
        'valable seulement jusqu’au 16/06/2027, avant la fin de la session le 18/06/2027';
      expect(page).toMatch(
        new RegExp(
          `<option value="${String(member.body.id)}">BERNARD Luc — attention : habilitation pour le titre \\S+ ${short}</option>`,
        ),
      );
      // Durand's habilitation covers the session: no warning in her option or row.
      expect(page).not.toContain('DURAND Camille — attention');
      const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
        juryMemberId: member.body.id,
        role: 'JURY',
      });
      expect(assigned.status).toBe(201);
      const after = htmlText((await web.get(`/sessions/${sessionId}/jury`)).text);
      expect(after).toContain(`<strong>Attention :</strong> habilitation pour le titre`);
      expect(after).toContain(`${short}.</p>`);
    });
  });

  describe('habilitation basis and the titre’s jury requirements (licence, CQC)', () => {
    let roadTitreId: string;
    let roadSessionId: string;
    const road: Record<string, string> = {};

    const requirementsCheck = async (): Promise<{
      status: string;
      findings: Finding[];
      evidence: string[];
    }> => {
      const res = await manager.get(`/api/sessions/${roadSessionId}/compliance`);
      expect(res.status).toBe(200);
      const checks = res.body.checks as {
        code: string;
        status: string;
        findings: Finding[];
        evidence: string[];
      }[];
      const check = checks.find((c) => c.code === 'JURY_REQUIREMENTS');
      if (!check) throw new Error('no JURY_REQUIREMENTS check');
      return check;
    };

    beforeAll(async () => {
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const titre = await aTitre(admin, {
        code: `CTRMP${Date.now() % 100000}`,
        label: 'Conducteur du transport routier de marchandises sur porteur',
      });
      roadTitreId = String(titre.id);
      roadSessionId = String(
        (await aSession(manager, { centreId, siteId, titreId: roadTitreId })).id,
      );
    });

    it('records the basis of a habilitation, refused when unknown, shown on the juror page', async () => {
      const refused = await manager.post(`/api/jury-members/${memberIds.durand}/habilitations`, {
        titreId: roadTitreId,
        validUntil: '2029-12-31',
        basis: 'AMATEUR',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['basis']);
      const added = await manager.post(`/api/jury-members/${memberIds.durand}/habilitations`, {
        titreId: roadTitreId,
        validUntil: '2029-12-31',
        basis: 'METIER',
      });
      expect(added.status).toBe(201);
      expect(
        (added.body.habilitations as Body[]).find((h) => h.titreId === roadTitreId)?.basis,
      ).toBe('METIER');
      // The form asks for the basis, and adds it.
      const missing = await web.post(`/jury/${memberIds.lefevre}/habilitations`, {
        titreId: roadTitreId,
        validUntil: '2029-12-31',
      });
      expect(missing.status).toBe(400);
      expect(htmlText(missing.text)).toContain(
        'Le champ « Fondement de l’habilitation » est obligatoire.',
      );
      const form = await web.post(`/jury/${memberIds.lefevre}/habilitations`, {
        titreId: roadTitreId,
        basis: 'ENCADREMENT',
        validUntil: '2029-12-31',
      });
      expect(form.status).toBe(303);
      const page = htmlText((await web.get(`/jury/${memberIds.lefevre}`)).text);
      expect(page).toContain('au titre de : encadrement de professionnels du métier');
      expect(page).toContain('fondement non renseigné');
      road.durand = memberIds.durand;
      road.lefevre = memberIds.lefevre;
    });

    it('keeps the titre’s jury requirements as data with their source, validated', async () => {
      const bad = await manager.patch(`/api/titres/${roadTitreId}`, {
        juryRequirements: { licenceCategories: ['Z'], cqc: 'oui', source: '' },
      });
      expect(bad.status).toBe(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
        'juryRequirements.cqc',
        'juryRequirements.licenceCategories',
        'juryRequirements.source',
      ]);
      const empty = await manager.patch(`/api/titres/${roadTitreId}`, {
        juryRequirements: { licenceCategories: [], cqc: false, source: 'RC' },
      });
      expect(empty.status).toBe(400);
      expect(empty.body.fields[0].field).toBe('juryRequirements');
      // The dashboard's titre page edits them.
      const form = await web.post(`/titres/${roadTitreId}/edit`, {
        validUntil: '2029-12-31',
        'juryRequirements.licenceCategories': ['C', 'D'],
        'juryRequirements.cqc': 'on',
        'juryRequirements.source':
          'Référentiel de certification du titre (exigences du jury non confirmées)',
      });
      expect(form.status).toBe(303);
      const stored = await manager.get(`/api/titres/${roadTitreId}`);
      expect(stored.body.juryRequirements).toEqual({
        licenceCategories: ['C', 'D'],
        cqc: true,
        source: 'Référentiel de certification du titre (exigences du jury non confirmées)',
      });
      const edit = htmlText((await web.get(`/titres/${roadTitreId}/edit`)).text);
      expect(edit).toContain('Exigences faites aux membres du jury');
    });

    it('records the juror’s licence categories and CQC, validated', async () => {
      const bad = await manager.patch(`/api/jury-members/${road.durand}`, {
        licenceCategories: ['C', 'X'],
        cqcValidUntil: '2027-02-30',
      });
      expect(bad.status).toBe(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
        'cqcValidUntil',
        'licenceCategories',
      ]);
      const ok = await manager.patch(`/api/jury-members/${road.durand}`, {
        licenceCategories: ['CE'],
        cqcValidUntil: '2029-01-31',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ licenceCategories: ['CE'], cqcValidUntil: '2029-01-31' });
      // Hugo Lefèvre: the juror form records a licence B and a CQC ending during the session.
      const form = await web.post(`/jury/${road.lefevre}`, {
        lastName: 'Lefèvre',
        firstName: 'Hugo',
        email: 'lefevre@example.fr',
        licenceCategories: ['B'],
        cqcValidUntil: '2027-06-15',
      });
      expect(form.status).toBe(303);
      const after = await manager.get(`/api/jury-members/${road.lefevre}`);
      expect(after.body).toMatchObject({ licenceCategories: ['B'], cqcValidUntil: '2027-06-15' });
    });

    it('warns where the juror is chosen, then blocks the compliance check naming what is missing', async () => {
      const page = htmlText((await web.get(`/sessions/${roadSessionId}/jury`)).text);
      expect(page).toMatch(
        /LEFÈVRE Hugo — attention : exigences du titre \S+ pour le jury non remplies : permis de catégorie C ou D \(catégories enregistrées : B\) ; CQC valable seulement jusqu’au 15\/06\/2027, avant la fin de la session le 18\/06\/2027<\/option>/,
      );
      expect(page).not.toMatch(/DURAND Camille — attention/);
      for (const key of ['durand', 'lefevre']) {
        const assigned = await manager.post(`/api/sessions/${roadSessionId}/jury`, {
          juryMemberId: road[key],
          role: 'JURY',
        });
        expect(assigned.status).toBe(201);
      }
      const check = await requirementsCheck();
      expect(check.status).toBe('fail');
      expect(check.findings.map((f) => `${f.severity}: ${f.message}`)).toEqual([
        expect.stringMatching(
          /^blocking: Hugo LEFÈVRE ne remplit pas les exigences du titre \S+ pour le jury \(permis de conduire de catégorie C ou D et carte de qualification de conducteur \(CQC\) en cours de validité\) : permis de catégorie C ou D \(catégories enregistrées : B\) ; CQC valable seulement jusqu’au 15\/06\/2027, avant la fin de la session le 18\/06\/2027\.$/,
        ),
      ]);
      const after = htmlText((await web.get(`/sessions/${roadSessionId}/jury`)).text);
      expect(after).toContain('<strong>Attention :</strong> exigences du titre');
    });

    it('shows a warning line on the juror’s convocation for the centre, not on a compliant one', async () => {
      const res = await manager
        .get(`/api/sessions/${roadSessionId}/documents/jury-convocations.pdf`)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      const pdf = await pdfText(res.body as Buffer);
      const pages = pdf.pages.map((p) => p.replace(/\s+/g, ' '));
      const hugo = pages.find((p) => p.includes('Lefèvre Hugo Membre du jury'));
      const camille = pages.find((p) => p.includes('Durand Camille Membre du jury'));
      expect(hugo).toContain(
        'Attention : À vérifier par le centre avant l’envoi : exigences du titre',
      );
      expect(hugo).toContain('CQC valable seulement jusqu’au 15/06/2027');
      expect(camille).toBeDefined();
      expect(camille).not.toContain('À vérifier par le centre');
    });

    it('passes with evidence once the juror meets the requirements', async () => {
      const fixed = await manager.patch(`/api/jury-members/${road.lefevre}`, {
        licenceCategories: ['D'],
        cqcValidUntil: '2028-06-30',
      });
      expect(fixed.status).toBe(200);
      const check = await requirementsCheck();
      expect(check.status).toBe('pass');
      expect(check.evidence).toEqual(
        expect.arrayContaining([
          "Camille DURAND : permis CE, CQC valable jusqu'au 31/01/2029.",
          "Hugo LEFÈVRE : permis D, CQC valable jusqu'au 30/06/2028.",
          'Camille DURAND : habilitation au titre de professionnel du métier.',
        ]),
      );
    });
  });
});

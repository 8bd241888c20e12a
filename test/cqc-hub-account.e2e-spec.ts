/**
 * Issue 15, seed 001: « Créez votre compte Hub Pro Transport ». 21 days before a session whose
 * titre gives the CQC, the daily run e-mails each candidate with an address the steps to create
 * their account, once; the centre can send it itself (to those not told yet) and print one sheet
 * per driver; once registered on the Hub, the person's record shows the récapitulatif of the
 * training with the day it stops being available.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { simpleParser } from 'mailparser';
import type request from 'supertest';
import { OutboxSender } from '../src/mail/outbox-sender.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin } from './support/web-form-client.js';

jest.setTimeout(180_000);

type Body = Record<string, unknown>;

/** supertest: the body as a Buffer, whatever the content type. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

function ok(res: { status: number; body: unknown }, status: number): Body {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Body;
}

interface SendReport {
  sessionId: string;
  told: { candidateId: string; name: string; email: string }[];
  alreadyTold: { candidateId: string; name: string; toldOn: string }[];
  withoutEmail: { candidateId: string; name: string }[];
  message: string;
}

describe(`CQC: « Créez votre compte Hub Pro Transport » (${testDbKind()})`, () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: Client;
  let manager: { email: string; password: string; id: string };
  let other: { email: string; password: string; id: string };
  let viewer: { email: string; password: string; id: string };
  let sessionId: string;
  let plainSessionId: string;
  let titreCode: string;
  let centreId: string;
  const ids: Record<string, string> = {};
  const persons: Record<string, string> = {};

  const as = async (who: { email: string; password: string }) =>
    t.as(await t.login(who.email, who.password));
  const pass = () => t.app.get(ReminderPassService).run();
  const parsed = (from: number) =>
    Promise.all(
      smtp.messages
        .slice(from)
        .map(async (mail) => ({ to: mail.to, parsed: await simpleParser(mail.raw) })),
    );

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: {
        SMTP_URL: smtp.url,
        // Over HTTP: the person page is read with the web session's plain cookie.
        APP_URL: 'http://jalon.example.fr',
        MAIL_FROM: 'Jalon <jalon@example.fr>',
      },
    });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin, { name: 'ECF Vénissieux' });
    centreId = String(centre.id);
    titreCode = `CTRMP${Date.now().toString(36)}`.slice(0, 30);
    const titre = await aTitre(admin, {
      code: titreCode,
      label: 'Conducteur du transport routier de marchandises sur porteur',
      ccps: [{ code: 'CCP1', label: 'Réaliser en sécurité des opérations de transport' }],
    });
    const titreId = String(titre.id);
    ok(
      await admin.patch(`/api/titres/${titreId}`, {
        cqc: {
          qualification: 'MARCHANDISES',
          trainingType: 'FCO_COMPLETE',
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
    const plainTitre = await aTitre(admin, {
      code: `CDA${Date.now().toString(36)}`.slice(0, 30),
      label: 'Concepteur développeur d’applications',
    });
    manager = await aUser(admin, 'manager', [centreId]);
    viewer = await aUser(admin, 'viewer', [centreId]);
    const elsewhere = await aCentre(admin, { name: 'Centre d’ailleurs' });
    other = await aUser(admin, 'manager', [String(elsewhere.centre.id)]);
    const m = await as(manager);
    sessionId = String((await aSession(m, { centreId, siteId: String(site.id), titreId })).id);
    plainSessionId = String(
      (await aSession(m, { centreId, siteId: String(site.id), titreId: String(plainTitre.id) })).id,
    );
    for (const [key, lastName, firstName, email] of [
      ['eloise', 'Martin', 'Éloïse', 'eloise.martin@example.fr'],
      ['bruno', 'Durand', 'Bruno', null],
      ['chloe', 'Lefèvre', 'Chloé', 'chloe.lefevre@example.fr'],
    ] as const) {
      const c = await aCandidate(m, sessionId, {
        lastName,
        firstName,
        birthDate: '1990-05-02',
        email,
      });
      ids[key] = String(c.id);
      persons[key] = String(c.personId);
    }
    await aCandidate(m, plainSessionId, {
      lastName: 'Roux',
      firstName: 'Hugo',
      email: 'hugo.roux@example.fr',
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('e-mails each driver with an address 21 days before the session, once', async () => {
    // The managers' digests (the session's checklist) go too: only the drivers' e-mails count.
    const toDrivers = (from: number) =>
      smtp.messages.slice(from).filter((mail) => mail.to.some((to) => to.endsWith('@example.fr')));
    t.clock.set('2027-05-23T07:00:00Z'); // 22 days before 14 June 2027: not yet
    let from = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    expect(toDrivers(from)).toEqual([]);

    t.clock.set('2027-05-24T07:00:00Z'); // 21 days before
    // The centre's reminders off: nothing; back on: the e-mails go.
    const m = await as(manager);
    const policy = { offsets: [30, 7, 1], overdueEveryDays: 7 };
    ok(await m.put(`/api/centres/${centreId}/reminder-policy`, { ...policy, enabled: false }), 200);
    from = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    expect(toDrivers(from)).toEqual([]);
    ok(await m.put(`/api/centres/${centreId}/reminder-policy`, { ...policy, enabled: true }), 200);
    from = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    const mails = (await parsed(from)).filter((mail) =>
      mail.to.some((to) => to.endsWith('@example.fr')),
    );
    expect(mails.map((mail) => mail.to).sort()).toEqual([
      ['chloe.lefevre@example.fr'],
      ['eloise.martin@example.fr'],
    ]);
    const eloise = mails.find((mail) => mail.to.includes('eloise.martin@example.fr'))!.parsed;
    expect(eloise.subject).toBe(
      'Carte de qualification de conducteur : créez dès maintenant votre compte Hub Pro Transport',
    );
    const text = eloise.text ?? '';
    expect(text).toContain('Bonjour Éloïse MARTIN,');
    expect(text).toContain(
      `Votre session d’examen « Conducteur du transport routier de marchandises sur porteur » (${titreCode}) a lieu du 14/06/2027 au 18/06/2027.`,
    );
    expect(text).toContain('sans attendre la fin de votre formation');
    expect(text).toContain(
      '1. Rendez-vous sur https://hubprotransport.com (de préférence avec Chrome ou Firefox).',
    );
    expect(text).toContain(
      '2. Cliquez sur « Créer un compte » et choisissez le profil « Particulier ».',
    );
    expect(text).toContain('cochez les 4 cases en bas du formulaire');
    expect(text).toContain('« Créer mon mot de passe »');
    expect(text).toContain('au moins 12 caractères');
    expect(text).toContain('CE QU’IL VOUS FAUT');
    expect(text).toContain('votre permis de conduire');
    expect(text).toContain('votre centre de formation enregistre votre formation');
    expect(text).toContain('certificat de qualification, valable 4 mois');
    expect(text).toContain('commandez votre carte de qualification de conducteur (CQC)');
    expect(text).toContain('Votre centre de formation, ECF Vénissieux');
    expect(eloise.html).toContain('<a href="https://hubprotransport.com">');
    expect(eloise.html).toContain('<li>Cliquez sur « Créer un compte »');
    const chloe = mails.find((mail) => mail.to.includes('chloe.lefevre@example.fr'))!.parsed;
    expect(chloe.text).toContain('Bonjour Chloé LEFÈVRE,');

    // The next run, and the next day's: nothing again for the drivers.
    from = smtp.messages.length;
    expect(await pass()).toMatchObject({ failed: [], planned: { messagesQueued: 0 } });
    t.clock.set('2027-05-25T07:00:00Z');
    expect((await pass()).failed).toEqual([]);
    expect(toDrivers(from)).toEqual([]);
  });

  it('lets the centre send it to the drivers not told yet, and says who has no address', async () => {
    const m = await as(manager);
    const dylan = await aCandidate(m, sessionId, {
      lastName: 'Petit',
      firstName: 'Dylan',
      birthDate: '1991-02-03',
      email: 'dylan.petit@example.fr',
    });
    ids.dylan = String(dylan.id);
    const res = await m.post(`/api/sessions/${sessionId}/cqc/hub-account-emails`);
    expect(res.status).toBe(200);
    const report = res.body as SendReport;
    expect(report.told).toEqual([
      { candidateId: ids.dylan, name: 'Dylan PETIT', email: 'dylan.petit@example.fr' },
    ]);
    expect(report.alreadyTold.map((d) => [d.name, d.toldOn])).toEqual([
      ['Chloé LEFÈVRE', '2027-05-24'],
      ['Éloïse MARTIN', '2027-05-24'],
    ]);
    expect(report.withoutEmail).toEqual([{ candidateId: ids.bruno, name: 'Bruno DURAND' }]);
    expect(report.message).toBe(
      '1 conducteur prévenu par e-mail ; 2 déjà prévenus ; 1 conducteur sans adresse e-mail : remettez-leur la fiche imprimée.',
    );
    const from = smtp.messages.length;
    expect((await t.app.get(OutboxSender).deliver()).failed).toEqual([]);
    const mails = await parsed(from);
    expect(mails.map((mail) => mail.to)).toEqual([['dylan.petit@example.fr']]);
    expect(mails[0].parsed.text).toContain('Bonjour Dylan PETIT,');

    // Audited as the manager.
    const audit = ok(await m.get(`/api/sessions/${sessionId}/audit`), 200) as unknown as {
      entity: string;
      actorEmail: string;
    }[];
    expect(
      audit.filter((e) => e.entity === 'cqc_hub_account_notice').map((e) => e.actorEmail),
    ).toEqual([manager.email]);

    // Again: nobody new.
    const again = ok(await m.post(`/api/sessions/${sessionId}/cqc/hub-account-emails`), 200);
    expect(again.told).toEqual([]);
    expect(again.message).toBe(
      'Aucun nouveau conducteur prévenu ; 3 déjà prévenus ; 1 conducteur sans adresse e-mail : remettez-leur la fiche imprimée.',
    );
    const later = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    expect(
      smtp.messages.slice(later).filter((mail) => mail.to.some((to) => to.endsWith('@example.fr'))),
    ).toEqual([]);
  });

  it('refuses another centre, a read-only account and a titre without the CQC', async () => {
    const o = await as(other);
    expect((await o.post(`/api/sessions/${sessionId}/cqc/hub-account-emails`)).status).toBe(404);
    expect((await o.get(`/api/sessions/${sessionId}/cqc/hub-account.pdf`)).status).toBe(404);
    const v = await as(viewer);
    expect((await v.post(`/api/sessions/${sessionId}/cqc/hub-account-emails`)).status).toBe(403);
    const m = await as(manager);
    const plain = await m.post(`/api/sessions/${plainSessionId}/cqc/hub-account-emails`);
    expect(plain.status).toBe(409);
    expect((plain.body as { message: string }).message).toContain(
      'n’est marqué comme donnant la carte de qualification de conducteur (CQC)',
    );
    expect((await m.get(`/api/sessions/${plainSessionId}/cqc/hub-account.pdf`)).status).toBe(409);
    // Nobody of the other session was ever e-mailed.
    expect(smtp.messages.some((mail) => mail.to.includes('hugo.roux@example.fr'))).toBe(false);
  });

  it('prints one sheet per driver with the steps and a box for their login', async () => {
    const v = await as(viewer);
    const res = await v
      .get(`/api/sessions/${sessionId}/cqc/hub-account.pdf`)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^inline; filename="compte-hub-pro-transport_/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'hub-account-'));
    try {
      const file = join(dir, 'hub.pdf');
      writeFileSync(file, res.body as Buffer);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
        'No syntax or stream encoding errors found',
      );
      const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
        .split('\f')
        .filter((page) => page.trim() !== '')
        .map((page) => page.replace(/\s+/g, ' '));
      expect(pages).toHaveLength(4);
      const names = ['Bruno DURAND', 'Chloé LEFÈVRE', 'Éloïse MARTIN', 'Dylan PETIT'];
      for (const [i, page] of pages.entries()) {
        // By name, one driver per page.
        expect(names.filter((name) => page.includes(name))).toEqual([
          ['Bruno DURAND', 'Chloé LEFÈVRE', 'Éloïse MARTIN', 'Dylan PETIT'][i],
        ]);
        expect(page).toContain('Créez votre compte Hub Pro Transport');
        expect(page).toContain('https://hubprotransport.com');
        expect(page).toContain('« Particulier »');
        expect(page).toContain('valable 4 mois');
        expect(page).toContain('Mon identifiant (adresse e-mail) :');
        expect(page).toContain('N’écrivez jamais votre mot de passe sur cette fiche.');
        expect(page).toContain('du 14/06/2027 au 18/06/2027');
        expect(page).toContain('Marchandises — FCO complète');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the récapitulatif of the registered training on the person record', async () => {
    let m = await as(manager);
    const before = ok(await m.get(`/api/people/${persons.eloise}`), 200);
    expect(before.cqc).toEqual([
      expect.objectContaining({
        candidateId: ids.eloise,
        hubAccountEmailedOn: '2027-05-24',
        registeredOn: null,
        trainingSummary: expect.objectContaining({ deliveredOn: null, availableUntil: null }),
      }),
    ]);

    t.clock.set('2027-06-21T09:00:00Z');
    m = await as(manager);
    for (const [i, key] of ['eloise', 'bruno', 'chloe', 'dylan'].entries()) {
      const c = ok(await m.get(`/api/sessions/${sessionId}/candidates/${ids[key]}`), 200);
      ok(
        await m.patch(`/api/sessions/${sessionId}/candidates/${ids[key]}`, {
          version: c.version,
          attendance: 'PRESENT',
          results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
        }),
        200,
      );
      ok(
        await m.put(`/api/sessions/${sessionId}/cqc/drivers/${ids[key]}`, {
          licenceNumber: `21069210699${i}`,
          orderNumber: `FAC-2027-${String(i + 1).padStart(4, '0')}`,
        }),
        200,
      );
    }
    ok(
      await m.post(`/api/sessions/${sessionId}/cqc/registration`, { registeredOn: '2027-06-21' }),
      201,
    );
    const certificates = ok(await m.get('/api/cqc/certificates'), 200) as unknown as {
      id: string;
      candidateId: string;
    }[];
    const eloiseCertificate = certificates.find((c) => c.candidateId === ids.eloise)!;
    t.clock.set('2027-07-02T09:00:00Z');
    m = await as(manager);
    ok(
      await m.patch(`/api/cqc/certificates/${eloiseCertificate.id}`, {
        cardOrderedOn: '2027-07-01',
      }),
      200,
    );

    const person = ok(await m.get(`/api/people/${persons.eloise}`), 200);
    expect(person.cqc).toEqual([
      {
        candidateId: ids.eloise,
        session: {
          id: sessionId,
          startDate: '2027-06-14',
          endDate: '2027-06-18',
          status: expect.any(String),
        },
        titre: {
          code: titreCode,
          label: 'Conducteur du transport routier de marchandises sur porteur',
          version: expect.any(String),
        },
        ccpCode: null,
        qualification: 'MARCHANDISES',
        qualificationLabel: 'Marchandises',
        trainingType: 'FCO_COMPLETE',
        trainingTypeLabel: 'FCO complète',
        educationNationale: false,
        hubAccountEmailedOn: '2027-05-24',
        registeredOn: '2027-06-21',
        certificateValidUntil: '2027-10-21',
        cardOrderedOn: '2027-07-01',
        cardOrderConfirmedBy: 'centre',
        trainingSummary: {
          deliveredOn: '2027-06-21',
          availableUntil: '2033-06-21',
          withoutLimit: false,
          label:
            'Disponible sur Hub Pro Transport jusqu’au 21/06/2033 (déposé le 21/06/2027, conservé 6 ans).',
        },
      },
    ]);
    // Another centre's manager does not see the person.
    expect((await (await as(other)).get(`/api/people/${persons.eloise}`)).status).toBe(404);

    const web = await webLogin(t.http, manager.email, manager.password);
    const page = await web.get(`/people/${persons.eloise}`);
    expect(page.status).toBe(200);
    const text = htmlText(page.text)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Carte de qualification de conducteur (CQC)');
    expect(text).toContain('Marchandises — FCO complète');
    expect(text).toContain('Invité(e) à créer son compte le 24/05/2027');
    expect(text).toContain('Valable jusqu’au 21/10/2027');
    expect(text).toContain('Commandée le 01/07/2027 (enregistré par le centre)');
    expect(text).toContain(
      'Disponible sur Hub Pro Transport jusqu’au 21/06/2033 (déposé le 21/06/2027, conservé 6 ans).',
    );
  });

  it('works the same for a titre whose CCP alone gives the CQC (FIMO-type training)', async () => {
    const code = `FIMO${Date.now().toString(36)}`.slice(0, 30);
    // The clock moved on with the tests above: log in again.
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const titre = await aTitre(admin, {
      code,
      label: 'Conducteur du transport routier de marchandises sur porteur',
      ccps: [
        { code: 'CCP1', label: 'Préparer et réaliser le transport' },
        {
          code: 'CCP2',
          label: 'Réaliser en sécurité la conduite',
          cqc: {
            qualification: 'MARCHANDISES',
            trainingType: 'MODULE_FCO',
            educationNationale: false,
          },
        },
      ],
    });
    const m = await as(manager);
    const site = ok(
      await admin.post(`/api/centres/${centreId}/sites`, {
        name: 'Site de Corbas',
        city: 'Corbas',
      }),
      201,
    );
    const siteId = String(site.id);
    const session = await aSession(m, { centreId, siteId, titreId: String(titre.id) });
    const driver = await aCandidate(m, String(session.id), {
      lastName: 'Garnier',
      firstName: 'Inès',
      birthDate: '1991-03-04',
      email: 'ines.garnier@example.fr',
    });
    const sent = ok(
      await m.post(`/api/sessions/${String(session.id)}/cqc/hub-account-emails`),
      200,
    ) as unknown as SendReport;
    expect(sent.told.map((c) => c.name)).toEqual(['Inès GARNIER']);
    const record = ok(await m.get(`/api/people/${String(driver.personId)}`), 200) as {
      cqc: { ccpCode: string | null; trainingTypeLabel: string }[];
    };
    expect(record.cqc).toEqual([
      expect.objectContaining({ ccpCode: 'CCP2', trainingTypeLabel: 'Module de FCO' }),
    ]);
  });
});

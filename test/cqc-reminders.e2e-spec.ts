/**
 * Issue 15, reminders of the probationary certificates: 30 days before the end, the managers'
 * digest lists the drivers whose card is not ordered and the driver with an e-mail address gets
 * their own e-mail, with a single-use link to confirm the card is ordered; nothing twice; once
 * confirmed (audited as the driver), no more reminders for that certificate.
 */
import { jest } from '@jest/globals';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { aRegisteredCqcBatch, type RegisteredCqcBatch } from './support/cqc.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, testDbKind, type TestApp } from './support/test-app.js';

jest.setTimeout(120_000);

interface Certificate {
  id: string;
  candidateId: string;
  validUntil: string;
  cardOrderedOn: string | null;
  cardOrderedBy: 'DRIVER' | 'CENTRE' | null;
}

describe(`CQC certificate reminders (${testDbKind()})`, () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let batch: RegisteredCqcBatch;
  let link = '';

  const pass = () => t.app.get(ReminderPassService).run();
  const parsed = (from: number) =>
    Promise.all(
      smtp.messages
        .slice(from)
        .map(async (mail) => ({ to: mail.to, parsed: await simpleParser(mail.raw) })),
    );
  const certificates = async (): Promise<Certificate[]> => {
    const m = t.as(await t.login(batch.manager.email, batch.manager.password));
    const res = await m.get('/api/cqc/certificates');
    expect(res.status).toBe(200);
    return res.body as Certificate[];
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-01T09:00:00Z',
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'https://jalon.example.fr',
        MAIL_FROM: 'Jalon <jalon@example.fr>',
      },
    });
    batch = await aRegisteredCqcBatch(t, [
      {
        lastName: 'Martin',
        firstName: 'Éloïse',
        email: 'eloise.martin@example.fr',
        licenceNumber: '210692106990',
      },
      { lastName: 'Durand', firstName: 'Bruno', email: null, licenceNumber: '210692106991' },
    ]);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('reminds the manager and the driver 30 days before the end, once', async () => {
    expect((await certificates()).map((c) => c.validUntil)).toEqual(['2027-10-21', '2027-10-21']);
    t.clock.set('2027-09-21T07:00:00Z'); // 30 days before 21 October 2027
    const from = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    const mails = await parsed(from);
    const digest = mails.find((m) => m.to.includes(batch.manager.email));
    expect(digest).toBeDefined();
    const text = digest!.parsed.text ?? '';
    expect(digest!.parsed.subject).toContain(
      '2 cartes de qualification de conducteur non commandées',
    );
    expect(text).toContain(
      `Certificat de qualification d’Éloïse MARTIN (session ${batch.titreCode} du 14/06/2027 au 18/06/2027) : expire le 21/10/2027, carte non commandée (dans 30 jours)`,
    );
    expect(text).toContain('Certificat de qualification de Bruno DURAND');
    expect(text).toContain('https://jalon.example.fr/cqc/certificates#certificat-');
    expect(digest!.parsed.html).toContain('Certificats de qualification de conducteur (CQC)');

    const driver = mails.find((m) => m.to.includes('eloise.martin@example.fr'));
    expect(driver).toBeDefined();
    expect(driver!.parsed.subject).toBe(
      'Votre certificat de qualification expire le 21/10/2027 : commandez votre carte de conducteur (CQC)',
    );
    const driverText = driver!.parsed.text ?? '';
    expect(driverText).toContain('Bonjour Éloïse MARTIN,');
    expect(driverText).toContain('dans 30 jours');
    const found = /https:\/\/jalon\.example\.fr(\/cqc\/confirm\/[A-Za-z0-9_-]{43})/.exec(
      driverText,
    );
    expect(found).not.toBeNull();
    link = found![1];
    expect(driver!.parsed.html).toContain(`href="https://jalon.example.fr${link}"`);
    // No address, no e-mail: only the manager's digest and Éloïse's e-mail.
    expect(mails.length).toBe(2);

    const again = smtp.messages.length;
    expect(await pass()).toMatchObject({ failed: [], planned: { messagesQueued: 0 } });
    expect(smtp.messages.length).toBe(again);
  });

  it('lets the driver confirm the order once, without an account, audited', async () => {
    expect((await request(t.http).get('/cqc/confirm/abc')).status).toBe(404);
    const page = await request(t.http).get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Avez-vous commandé votre carte ?');
    expect(page.text).toContain('Bonjour Éloïse MARTIN');
    // Hostile posts: never a 5xx, never a confirmation without the exact token.
    for (const bad of [
      request(t.http).post('/cqc/confirm/abc').type('form').send('x=1'),
      request(t.http)
        .post(`/cqc/confirm/${'A'.repeat(43)}`)
        .send({ token: link }),
      request(t.http)
        .post(`${link.slice(0, -1)}%`)
        .type('form')
        .send(''),
      request(t.http).post(`${link}x`).set('Content-Type', 'text/plain').send('oui'),
      request(t.http).post(link.toUpperCase()).type('form').send(''),
    ]) {
      const res = await bad;
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    t.clock.set('2027-09-23T10:00:00Z');
    const done = await request(t.http).post(link).type('form').send('');
    expect(done.status).toBe(200);
    expect(done.text).toContain('la commande de votre carte est enregistrée (le 23/09/2027)');
    const used = await request(t.http).post(link).type('form').send('');
    expect(used.status).toBe(410);
    expect(used.text).toContain('Ce lien a déjà été utilisé');
    expect((await request(t.http).get(link)).status).toBe(410);

    const byCandidate = new Map((await certificates()).map((c) => [c.candidateId, c]));
    expect(byCandidate.get(batch.candidateIds[0])?.cardOrderedOn).toBe('2027-09-23');
    expect(byCandidate.get(batch.candidateIds[1])?.cardOrderedOn).toBeNull();
    // The certificates list tells the driver's confirmation from the centre's entry.
    expect(byCandidate.get(batch.candidateIds[0])?.cardOrderedBy).toBe('DRIVER');
    expect(byCandidate.get(batch.candidateIds[1])?.cardOrderedBy).toBeNull();
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const audit = await admin.get(`/api/sessions/${batch.sessionId}/audit`);
    expect(audit.status).toBe(200);
    const entries = audit.body as { entity: string; field: string | null; actorEmail: string }[];
    expect(entries).toContainEqual(
      expect.objectContaining({
        entity: 'cqc_certificate',
        field: 'cardOrderedOn',
        actorEmail: 'eloise.martin@example.fr',
      }),
    );
  });

  it('reminds only the certificate still not ordered at the next step', async () => {
    t.clock.set('2027-10-14T07:00:00Z'); // 7 days before the end
    const from = smtp.messages.length;
    expect((await pass()).failed).toEqual([]);
    const mails = await parsed(from);
    expect(mails.some((m) => m.to.includes('eloise.martin@example.fr'))).toBe(false);
    const digest = mails.find((m) => m.to.includes(batch.manager.email));
    const text = digest?.parsed.text ?? '';
    expect(text).toContain('Certificat de qualification de Bruno DURAND');
    expect(text).toContain('expire le 21/10/2027, carte non commandée (dans 7 jours)');
    expect(text).not.toContain('Éloïse MARTIN');
  });
});

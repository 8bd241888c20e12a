import { jest } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { Site } from '../src/centres/site.entity.js';
import { Database } from '../src/database/database.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { ExamSession } from '../src/sessions/exam-session.entity.js';
import { Titre } from '../src/titres/titre.entity.js';
import { User } from '../src/users/user.entity.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { ADMIN, startTestApp, type TestApp } from './support/test-app.js';

jest.setTimeout(60_000);

/**
 * Text typed by users (or stored before line breaks were refused in one-line fields) goes into
 * the reminder e-mails: its line breaks must not start lines that look like the message's own.
 */
describe('user text in reminder e-mails', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let managerEmail: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-02T08:00:00Z',
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'https://jalon.example.fr',
        MAIL_FROM: 'Jalon <jalon@example.fr>',
      },
    });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    const manager = await aUser(admin, 'manager', [ids.centreId]);
    managerEmail = manager.email;
    const session = await aSession(admin, ids, {
      startDate: '2027-03-22',
      endDate: '2027-03-26',
      managerId: manager.id,
    });
    // Values as they may be stored (older data, or written before the one-line rule).
    await t.app.get(Database).transaction(async (m) => {
      await m.update(ExamSession, String(session.id), {
        location:
          'Salle <b>A</b>\r\nLien : https://evil.example/connexion\n\n-- \nMessage envoyé par Jalon',
      });
      await m.update(Site, String(site.id), { name: 'Site de Lyon\u2028Échéance : 01/01/2027' });
      await m.update(Titre, String(titre.id), { label: 'Titre\r\n\r\n== Session annulée ==' });
      await m.update(User, manager.id, { firstName: 'Camille\nVotre compte est suspendu.' });
    });
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('folds line breaks of user text in the plain-text part and escapes the HTML part', async () => {
    const report = await t.app.get(ReminderPassService).run();
    expect(report.failed).toEqual([]);
    const sent = smtp.messages.find((m) => m.to[0] === managerEmail);
    expect(sent).toBeDefined();
    const mail = await simpleParser(sent!.raw);
    const text = mail.text ?? '';
    const lines = text.split(/\r?\n/);
    // No forged line: each user text stays on the line the template gives it.
    for (const forged of [
      /^Lien : /,
      /^Message envoyé par Jalon$/,
      /^Échéance : 01\/01\/2027/,
      /^== Session annulée ==/,
      /^Votre compte est suspendu/,
    ]) {
      expect(lines.filter((line) => forged.test(line.trim()))).toEqual([]);
    }
    expect(lines.filter((line) => line === '-- ')).toHaveLength(1);
    expect(text).toContain(
      'Site de Lyon / Échéance : 01/01/2027 (Salle <b>A</b> / Lien : https://evil.example/connexion / -- / Message envoyé par Jalon)',
    );
    expect(text).toContain('Bonjour Camille / Votre compte est suspendu.');
    expect(text).toContain('== ');
    expect(lines.some((line) => line.includes('Titre / == Session annulée =='))).toBe(true);
    // The HTML part escapes the same text.
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('Salle &lt;b&gt;A&lt;/b&gt;');
    expect(html).not.toContain('<b>A</b>');
    // The subject is one line.
    expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
  });
});

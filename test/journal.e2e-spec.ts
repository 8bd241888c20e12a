import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The journal's entries (the <ol class="journal">), as text. */
function journalOf(html: string): string {
  const match = /<ol class="journal">([\s\S]*?)<\/ol>/.exec(html);
  return match ? htmlText(match[1].replace(/<[^>]+>/g, ' ')).replace(/[ \t\r\n]+/g, ' ') : '';
}

/** The PDF's text through poppler, after qpdf has checked its structure. */
function pdfCheckedText(body: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-journal-'));
  try {
    const file = join(dir, 'journal.pdf');
    writeFileSync(file, body);
    execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe(`session journal an inspector can read (${testDbKind()})`, () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let web: WebClient;
  let otherWeb: WebClient;
  let managerId: string;
  let secondId: string;
  let sessionId: string;
  let candidateId: string;
  const managerEmail = 'claire.dubois@centre.test';
  const secondEmail = 'marc.lenoir@centre.test';

  /** A binary GET with the web session's cookie. */
  const getPdf = (client: WebClient, url: string) =>
    request(t.http)
      .get(url)
      .set('Cookie', client.cookie)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-12T09:05:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const centreId = String(centre.id);
    const titre = await aTitre(admin);
    const password = 'un-mot-de-passe-solide';
    const user = async (email: string, firstName: string, lastName: string) => {
      const res = await admin.post('/api/users', {
        email,
        password,
        role: 'manager',
        centreIds: [centreId],
        firstName,
        lastName,
      });
      expect(res.status).toBe(201);
      return String(res.body.id);
    };
    managerId = await user(managerEmail, 'Claire', 'Dubois');
    secondId = await user(secondEmail, 'Marc', 'Lenoir');
    manager = t.as(await t.login(managerEmail, password));
    const second = t.as(await t.login(secondEmail, password));
    web = await webLogin(t.http, managerEmail, password);
    sessionId = String(
      (
        await aSession(manager, {
          centreId,
          siteId: String(site.id),
          titreId: String(titre.id),
        })
      ).id,
    );
    const candidate = await aCandidate(manager, sessionId, {
      lastName: 'Martin',
      firstName: 'Anaïs',
    });
    candidateId = String(candidate.id);

    // Tick a task (through the API, as the dashboard's form does).
    const tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as Body[];
    const task = tasks.find((x) => x.code === 'PLAN_ANNUAL_PROGRAMME') as Body;
    const ticked = await manager.patch(`/api/sessions/${sessionId}/tasks/${String(task.id)}`, {
      version: task.version,
      status: 'done',
      observations: 'Envoyé en recommandé',
      reason: 'Programme transmis par courriel à la DREETS',
    });
    expect(ticked.status).toBe(200);
    taskLabel = String(task.label);

    // Edit the candidate, by the second manager.
    const edited = await second.patch(`/api/sessions/${sessionId}/candidates/${candidateId}`, {
      version: candidate.version,
      convocationDate: '2027-03-10',
      convocationMode: 'REGISTERED_MAIL',
    });
    expect(edited.status).toBe(200);

    // Assign a jury member.
    const member = await manager.post('/api/jury-members', {
      centreId,
      lastName: 'Bernard',
      firstName: 'Paul',
      email: 'paul.bernard@example.fr',
      habilitations: [{ titreId: String(titre.id), validUntil: '2029-12-31' }],
    });
    expect(member.status).toBe(201);
    const assigned = await manager.post(`/api/sessions/${sessionId}/jury`, {
      juryMemberId: member.body.id,
      role: 'JURY',
    });
    expect(assigned.status).toBe(201);
    const declared = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
      juryMemberId: member.body.id,
      candidateId,
      hasLink: true,
      linkKind: 'PERSONAL',
      details: 'Voisin',
    });
    expect(declared.status).toBe(201);
    const changed = await manager.post(`/api/sessions/${sessionId}/link-declarations`, {
      juryMemberId: member.body.id,
      candidateId,
      hasLink: true,
      linkKind: 'PROFESSIONAL',
      details: 'Ancien collègue',
    });
    expect(changed.status).toBe(201);

    // Another centre's manager, for scoping.
    const other = await aCentre(admin, { name: 'Centre Ailleurs' });
    const res = await admin.post('/api/users', {
      email: 'autre@centre.test',
      password,
      role: 'manager',
      centreIds: [String(other.centre.id)],
    });
    expect(res.status).toBe(201);
    otherWeb = await webLogin(t.http, 'autre@centre.test', password);
  });

  let taskLabel = '';

  afterAll(async () => {
    await t.close();
  });

  it('says who, when and what in French for real actions, without JSON, ids or e-mails', async () => {
    const page = await web.get(`/sessions/${sessionId}/audit`);
    expect(page.status).toBe(200);
    const text = journalOf(page.text);
    // Who: names, not e-mails.
    expect(text).toContain('Claire Dubois');
    expect(text).toContain('Marc Lenoir');
    expect(text).not.toContain(managerEmail);
    expect(text).not.toContain(secondEmail);
    // When: Paris time (09:05 UTC in March is 10:05 in Paris).
    expect(text).toContain('Le 12/03/2027 à 10:05');
    // What: the task's label and its state.
    expect(text).toContain(`Mise à jour de la tâche «\u00a0${taskLabel}\u00a0»`);
    expect(text).toContain('«\u00a0à faire\u00a0» → «\u00a0fait le 12/03/2027\u00a0»');
    expect(text).toContain('Observations\u00a0: (vide) → «\u00a0Envoyé en recommandé\u00a0»');
    expect(text).toContain(
      'Motif\u00a0: (vide) → «\u00a0Programme transmis par courriel à la DREETS\u00a0»',
    );
    // The candidate's edit with French field names, dates and enums.
    expect(text).toContain('Modification du candidat Anaïs Martin');
    expect(text).toContain('Date de convocation\u00a0: (vide) → «\u00a010/03/2027\u00a0»');
    expect(text).toContain(
      'Mode de convocation\u00a0: (vide) → «\u00a0Lettre recommandée avec accusé de réception\u00a0»',
    );
    expect(text).toContain('Inscription du candidat Anaïs Martin');
    // The jury assignment by name and role.
    expect(text).toContain('Affectation de Paul Bernard à la session');
    expect(text).toContain('Rôle\u00a0: Membre du jury');
    expect(text).toContain('Création de la session');
    expect(text).toContain('Création de la déclaration de liens de Paul Bernard avec Anaïs Martin');
    expect(text).toContain(
      'Modification de la déclaration de liens de Paul Bernard avec Anaïs Martin',
    );
    expect(text).toContain(
      'Nature du lien\u00a0: «\u00a0Lien personnel\u00a0» → «\u00a0Lien professionnel\u00a0»',
    );
    // Never raw JSON, internal ids or English keys.
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/convocation(Date|Mode)|REGISTERED_MAIL|\bdone\b|\btodo\b/);
    // The API keeps its JSON, from the same rows.
    const api = await manager.get(`/api/sessions/${sessionId}/audit`);
    expect(api.status).toBe(200);
    expect((api.body as Body[]).some((e) => e.field === 'convocationMode')).toBe(true);
  });

  it('filters by kind and by person with a plain GET form', async () => {
    const page = await web.get(`/sessions/${sessionId}/audit`);
    expect(page.text).toMatch(/<form method="get" action="\/sessions\/[^"]+\/audit"/);
    expect(page.text).toContain(`<option value="${managerId}">Claire Dubois</option>`);
    expect(page.text).toContain(`<option value="${secondId}">Marc Lenoir</option>`);

    const jury = journalOf((await web.get(`/sessions/${sessionId}/audit?kind=jury`)).text);
    expect(jury).toContain('Affectation de Paul Bernard');
    expect(jury).not.toContain('Modification du candidat');
    expect(jury).not.toContain(taskLabel);

    const tasks = journalOf((await web.get(`/sessions/${sessionId}/audit?kind=task`)).text);
    expect(tasks).toContain(taskLabel);
    expect(tasks).not.toContain('Paul Bernard');

    const byMarc = await web.get(`/sessions/${sessionId}/audit?kind=&actor=${secondId}`);
    expect(byMarc.status).toBe(200);
    const marc = journalOf(byMarc.text);
    expect(marc).toContain('Modification du candidat Anaïs Martin');
    expect(marc).not.toContain('Claire Dubois');
    expect(byMarc.text).toContain(`<option value="${secondId}" selected>Marc Lenoir</option>`);
    expect(htmlText(byMarc.text)).toContain(
      `/sessions/${sessionId}/audit/journal.pdf?actor=${secondId}`,
    );

    const none = await web.get(`/sessions/${sessionId}/audit?kind=incident`);
    expect(none.status).toBe(200);
    expect(htmlText(none.text)).toContain('Aucune entrée pour ce filtre.');
  });

  it('refuses bad filter values with a French 400, never a 500', async () => {
    const kind = await web.get(`/sessions/${sessionId}/audit?kind=everything`);
    expect(kind.status).toBe(400);
    expect(htmlText(kind.text)).toContain('Type d’entrée inconnu');
    const actor = await web.get(`/sessions/${sessionId}/audit?actor=claire`);
    expect(actor.status).toBe(400);
    expect(htmlText(actor.text)).toContain('Auteur inconnu');
    const both = await web.get(`/sessions/${sessionId}/audit?kind=x&actor=y`);
    expect(both.status).toBe(400);
    expect(htmlText(both.text)).toContain('Type d’entrée inconnu');
    expect(htmlText(both.text)).toContain('Auteur inconnu');
    const twice = await web.get(`/sessions/${sessionId}/audit?kind=task&kind=jury`);
    expect(twice.status).toBe(400);
    const pdf = await web.get(`/sessions/${sessionId}/audit/journal.pdf?kind=%00`);
    expect(pdf.status).toBe(400);
  });

  it('keeps another centre out of the journal and its PDF', async () => {
    expect((await otherWeb.get(`/sessions/${sessionId}/audit`)).status).toBe(404);
    expect((await otherWeb.get(`/sessions/${sessionId}/audit/journal.pdf`)).status).toBe(404);
    const own = await otherWeb.get(`/sessions/${sessionId}/audit?actor=${managerId}`);
    expect(own.text).not.toContain('Claire Dubois');
  });

  it('exports the filtered journal as a valid PDF with the French wording', async () => {
    const page = await web.get(`/sessions/${sessionId}/audit?kind=candidate`);
    expect(htmlText(page.text)).toContain('Exporter en PDF');
    const all = await getPdf(web, `/sessions/${sessionId}/audit/journal.pdf`);
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toBe('application/pdf');
    const text = pdfCheckedText(all.body as Buffer);
    expect(text).toContain('Journal des modifications de la session');
    expect(text).toContain('Claire Dubois');
    expect(text).toContain('fait le 12/03/2027');
    expect(text).toContain('Affectation de Paul Bernard à la session');
    expect(text).toContain('12/03/2027 à 10:05');
    expect(text).toContain('Centre Éléonore Dupré');
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain(managerEmail);

    const filtered = await getPdf(web, `/sessions/${sessionId}/audit/journal.pdf?kind=candidate`);
    expect(filtered.status).toBe(200);
    const candidates = pdfCheckedText(filtered.body as Buffer);
    expect(candidates).toContain('Modification du candidat Anaïs Martin');
    expect(candidates).toContain('Candidats');
    expect(candidates).not.toContain('Paul Bernard');
    expect(candidates).not.toContain(taskLabel);
  });
});

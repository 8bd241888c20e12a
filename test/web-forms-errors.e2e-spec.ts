/**
 * Issue 12: field errors travel as data from the services to the API and the forms; the forms
 * report every error in one answer and keep every value typed; an edit without its version is
 * refused.
 */
import { jest } from '@jest/globals';
import type request from 'supertest';
import { aCandidate, aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

jest.setTimeout(60_000);

const EXPIRED = 'La page a expiré : rechargez-la puis recommencez (rien n’a été enregistré).';

/** The message shown beside a field (`f-endDate-error`), or null. */
function fieldError(html: string, id: string): string | null {
  const match = new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(html);
  return match ? htmlText(match[1]) : null;
}

/** The value of the option selected in the select named `name`, or null. */
function selected(html: string, name: string, attribute = 'name'): string | null {
  const select = new RegExp(`<select[^>]*${attribute}="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(
    html,
  );
  if (!select) throw new Error(`no select ${name}`);
  return /<option value="([^"]*)" selected>/.exec(select[1])?.[1] ?? null;
}

function isChecked(html: string, name: string, value: string): boolean {
  const input = new RegExp(
    `<input type="checkbox" id="[^"]*" name="${name}" value="${value}"[^>]*>`,
  ).exec(html)?.[0];
  if (!input) throw new Error(`no checkbox ${name}=${value}`);
  return input.includes(' checked');
}

describe('dashboard forms: errors as data, all at once, every value kept', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let web: WebClient;
  let centreId: string;
  let siteId: string;
  let titreId: string;
  let session: Body;
  let pastSession: Body;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    centreId = String(centre.id);
    siteId = String(site.id);
    titreId = String((await aTitre(admin)).id);
    const account = await aUser(admin, 'manager', [centreId]);
    manager = t.as(await t.login(account.email, account.password));
    session = await aSession(manager, { centreId, siteId, titreId });
    pastSession = await aSession(
      manager,
      { centreId, siteId, titreId },
      { startDate: '2027-02-01', endDate: '2027-02-03' },
    );
    web = await webLogin(t.http, account.email, account.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const sessionPath = () => `/sessions/${String(session.id)}`;

  describe('API: a service refusal names its field as data', () => {
    it('answers {statusCode, error, message, fields} for a rule of the service', async () => {
      const current = (await manager.get(`/api/sessions/${String(session.id)}`)).body as Body;
      const res = await manager.patch(`/api/sessions/${String(session.id)}`, {
        endDate: '2027-06-10',
        version: current.version,
      });
      const message = 'Le champ « endDate » ne doit pas être antérieur au champ « startDate ».';
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message,
        fields: [{ field: 'endDate', message }],
      });
      const ccp = await manager.post('/api/sessions', {
        centreId,
        siteId,
        titreId,
        nature: 'CCP',
        startDate: '2027-09-13',
        endDate: '2027-09-14',
      });
      expect(ccp.status).toBe(400);
      expect(ccp.body.fields).toEqual([
        {
          field: 'ccpCodes',
          message: 'Le champ « ccpCodes » est obligatoire pour une session de nature CCP.',
        },
      ]);
    });

    it('answers 409 with the field of a duplicate', async () => {
      const member = (
        await manager.post('/api/jury-members', {
          centreId,
          lastName: 'Bernard',
          firstName: 'Luc',
          email: 'luc.bernard@example.fr',
        })
      ).body as Body;
      const assign = { juryMemberId: String(member.id), role: 'JURY' };
      expect((await manager.post(`/api/sessions/${String(session.id)}/jury`, assign)).status).toBe(
        201,
      );
      const twice = await manager.post(`/api/sessions/${String(session.id)}/jury`, assign);
      expect(twice.status).toBe(409);
      expect(twice.body.fields).toEqual([
        {
          field: 'juryMemberId',
          message: 'Luc Bernard est déjà affecté(e) à cette session (champ « juryMemberId »).',
        },
      ]);
      // The form puts it beside its field.
      const form = await web.post(`${sessionPath()}/jury`, assign);
      expect(form.status).toBe(409);
      expect(fieldError(form.text, 'f-juryMemberId')).toBe(
        'Luc Bernard est déjà affecté(e) à cette session (champ « Membre du jury »).',
      );
    });
  });

  describe('all errors in one answer', () => {
    it('session creation: two DTO errors and a rule of the service, values kept', async () => {
      const res = await web.post('/sessions/new', {
        centreId,
        siteId,
        titreId: '',
        nature: 'CCP',
        ccpCodes: '',
        startDate: '2027-09-13',
        endDate: '2027-09-14',
        startTime: '25:00',
        location: 'Salle Rabelais',
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, 'f-titreId')).toBe(
        'Le champ « Titre professionnel » est obligatoire.',
      );
      expect(fieldError(res.text, 'f-startTime')).toBe(
        'Le champ « Heure de début » doit être une heure au format HH:MM (de 00:00 à 23:59).',
      );
      expect(fieldError(res.text, 'f-ccpCodes')).toBe(
        'Le champ « CCP concernés » est obligatoire pour une session de nature CCP.',
      );
      expect(selected(res.text, 'nature')).toBe('CCP');
      expect(selected(res.text, 'siteId')).toBe(siteId);
      expect(res.text).toContain('value="Salle Rabelais"');
      expect(res.text).toContain('value="25:00"');
    });

    it('candidate creation: a DTO error and two rules of the service, values kept', async () => {
      const res = await web.post(`${sessionPath()}/candidates/new`, {
        lastName: 'Lœvenbruck',
        firstName: 'Zoé',
        email: 'pas-une-adresse',
        birthDate: '2030-01-01',
        pathway: 'VAE',
        vaeValidUntil: '',
        accommodationRequested: '1',
        accommodationDetails: 'Tiers temps',
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, 'f-email')).toBe(
        'Le champ « Adresse e-mail » doit être une adresse e-mail valide.',
      );
      expect(fieldError(res.text, 'f-vaeValidUntil')).toContain(
        'Le champ « Fin de validité de la recevabilité » est obligatoire pour un candidat en parcours VAE',
      );
      expect(fieldError(res.text, 'f-birthDate')).toBe(
        'Le champ « Date de naissance » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
      );
      expect(selected(res.text, 'pathway')).toBe('VAE');
      expect(isChecked(res.text, 'accommodationRequested', '1')).toBe(true);
      expect(htmlText(res.text)).toContain('value="Lœvenbruck"');
      expect(res.text).toContain('>Tiers temps</textarea>');
    });

    it('incident: a DTO error and the date rule of the service together', async () => {
      const res = await web.post(`/sessions/${String(pastSession.id)}/incidents`, {
        kind: 'FRAUD',
        occurredOn: '2027-01-15',
        description: '',
        measures: 'Copie retirée',
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, 'f-description')).toBe(
        'Le champ « Description des faits » est obligatoire.',
      );
      expect(fieldError(res.text, 'f-occurredOn')).toBe(
        'Le champ « Date des faits » doit être compris entre le 01/02/2027 et le 03/02/2027 (dates de la session).',
      );
      expect(selected(res.text, 'kind')).toBe('FRAUD');
      expect(res.text).toContain('>Copie retirée</textarea>');
    });

    it('task tick: a future date and a missing reason in one answer', async () => {
      const tasks = (await manager.get(`/api/sessions/${String(session.id)}/tasks`)).body as Body[];
      const target = tasks[0];
      const res = await web.post(`${sessionPath()}/tasks/${String(target.id)}`, {
        notApplicable: '1',
        doneAt: '2027-03-05',
        reason: '',
        observations: 'Vu avec la DREETS',
        version: String(target.version),
      });
      expect(res.status).toBe(400);
      const text = htmlText(res.text);
      expect(text).toContain(
        "Le champ « Fait le » ne doit pas être postérieur à aujourd'hui (01/03/2027).",
      );
      expect(text).toContain(
        'Le champ « Motif » est obligatoire pour marquer une tâche sans objet.',
      );
      expect(text).toContain('Vu avec la DREETS');
    });
  });

  describe('the jury « Déclarations de liens » form', () => {
    it('keeps every choice, detail and the date after an error, and reports all at once', async () => {
      const juror = (
        await manager.post('/api/jury-members', {
          centreId,
          lastName: 'Roux',
          firstName: 'Anne',
          email: 'anne.roux@example.fr',
        })
      ).body as Body;
      await manager.post(`/api/sessions/${String(session.id)}/jury`, {
        juryMemberId: String(juror.id),
        role: 'JURY',
      });
      const ines = await aCandidate(manager, String(session.id), {
        lastName: 'Faure',
        firstName: 'Inès',
      });
      const paul = await aCandidate(manager, String(session.id), {
        lastName: 'Girard',
        firstName: 'Paul',
      });
      const path = `${sessionPath()}/jury/declarations/${String(juror.id)}`;
      const res = await web.post(path, {
        [`link_${String(ines.id)}`]: 'link',
        [`details_${String(ines.id)}`]: '',
        [`link_${String(paul.id)}`]: 'link',
        [`details_${String(paul.id)}`]: 'Ancien collègue',
        declaredOn: '2027-03-10',
      });
      expect(res.status).toBe(400);
      const text = htmlText(res.text);
      expect(text).toContain(
        'Inès Faure : le champ « Précisions » est obligatoire pour un lien déclaré.',
      );
      const future =
        'Le champ « Date de la déclaration » ne doit pas être postérieur à aujourd’hui (01/03/2027).';
      expect(text.split(future).length - 1).toBe(1);
      expect(selected(res.text, `link-${String(juror.id)}-${String(ines.id)}`, 'id')).toBe('link');
      expect(selected(res.text, `link-${String(juror.id)}-${String(paul.id)}`, 'id')).toBe('link');
      expect(res.text).toContain(
        `id="details-${String(juror.id)}-${String(paul.id)}" name="details_${String(paul.id)}" type="text" value="Ancien collègue"`,
      );
      expect(res.text).toContain(
        `id="declared-${String(juror.id)}" name="declaredOn" type="date" value="2027-03-10"`,
      );
      // Nothing was recorded.
      const declarations = (
        await manager.get(`/api/sessions/${String(session.id)}/link-declarations`)
      ).body as Body[];
      expect(declarations).toEqual([]);
    });
  });

  describe('values kept on a service refusal', () => {
    it('session edit keeps its checkbox group, selects and text', async () => {
      const edit = await web.get(`${sessionPath()}/edit`);
      const version = /name="version" value="(\d+)"/.exec(edit.text)![1];
      const res = await web.post(`${sessionPath()}/edit`, {
        siteId,
        nature: 'TITRE',
        ccpCodes: ['CCP1', 'CCP3'],
        startTime: '08:15',
        location: 'Salle Voltaire',
        status: 'HELD',
        version,
      });
      expect(res.status).toBe(400);
      expect(fieldError(res.text, 'f-ccpCodes')).toBe(
        'Le champ « CCP concernés » doit être vide pour une session de nature TITRE.',
      );
      expect(isChecked(res.text, 'ccpCodes', 'CCP1')).toBe(true);
      expect(isChecked(res.text, 'ccpCodes', 'CCP2')).toBe(false);
      expect(isChecked(res.text, 'ccpCodes', 'CCP3')).toBe(true);
      expect(selected(res.text, 'status')).toBe('HELD');
      expect(res.text).toContain('value="Salle Voltaire"');
      expect(res.text).toContain('value="08:15"');
    });
  });

  describe('an edit without its hidden version is refused', () => {
    const expectExpired = (res: request.Response) => {
      expect(res.status).toBe(400);
      expect(htmlText(res.text)).toContain(EXPIRED);
    };

    it('session edit and postponement', async () => {
      const before = (await manager.get(`/api/sessions/${String(session.id)}`)).body as Body;
      expectExpired(
        await web.post(`${sessionPath()}/edit`, {
          siteId,
          nature: 'TITRE',
          location: 'Salle écrasée',
          status: 'PLANNED',
        }),
      );
      expectExpired(
        await web.post(`${sessionPath()}/edit`, {
          siteId,
          nature: 'TITRE',
          location: 'Salle écrasée',
          status: 'PLANNED',
          version: 'abc',
        }),
      );
      expectExpired(
        await web.post(`${sessionPath()}/postpone`, {
          startDate: '2027-07-05',
          endDate: '2027-07-09',
          reason: 'Salle indisponible',
        }),
      );
      const after = (await manager.get(`/api/sessions/${String(session.id)}`)).body as Body;
      expect(after).toMatchObject({
        location: before.location,
        startDate: before.startDate,
        version: before.version,
      });
    });

    it('candidate edit and task tick', async () => {
      const candidate = await aCandidate(manager, String(session.id), {
        lastName: 'Petit',
        firstName: 'Léo',
      });
      const res = await web.post(`${sessionPath()}/candidates/${String(candidate.id)}`, {
        lastName: 'Écrasé',
        firstName: 'Léo',
        pathway: 'FORMATION',
      });
      expectExpired(res);
      expect(res.text).toContain('value="Écrasé"');
      const stored = (
        await manager.get(`/api/sessions/${String(session.id)}/candidates/${String(candidate.id)}`)
      ).body as Body;
      expect(stored.lastName).toBe('Petit');

      const tasks = (await manager.get(`/api/sessions/${String(session.id)}/tasks`)).body as Body[];
      const tick = await web.post(`${sessionPath()}/tasks/${String(tasks[1].id)}`, { done: '1' });
      expectExpired(tick);
      const task = (
        (await manager.get(`/api/sessions/${String(session.id)}/tasks`)).body as Body[]
      ).find((t) => t.id === tasks[1].id)!;
      expect(task.status).toBe(tasks[1].status);
    });
  });
});

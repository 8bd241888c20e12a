/**
 * Issue 15, CQC by equivalence for school diplomas (seed 000): a campaign of 2026-2027 with a
 * school under convention, a Bac Pro class of 40 pupils split into fiche sessions (the user
 * adjusts the proposal), fiches numbered (never more than 32 per session), one voided and
 * replaced, one voided and re-edited (both traced), the 33rd number refused, a minor turning 18
 * listed with the date, a hand-over recorded with a card error returned in time; validation
 * errors naming every field at once; another centre's manager gets 404.
 */
import { jest } from '@jest/globals';
import { simpleParser } from 'mailparser';
import type request from 'supertest';
import { AuditEntry } from '../src/audit/audit-entry.entity.js';
import { Database } from '../src/database/database.js';
import { ReminderPassService } from '../src/reminders/reminder-pass.service.js';
import { pdfText } from './support/pdf.js';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { aCentre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, testDbKind, type Client, type TestApp } from './support/test-app.js';

type Body = Record<string, unknown>;

interface FieldErrorBody {
  message: string;
  fields?: { field: string; message: string }[];
  errors?: string[];
}

interface Pupil {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  ficheSessionId: string | null;
  placementBasis: string | null;
}

interface Fiche {
  number: number;
  pupilId: string | null;
  pupilName: string | null;
  status: string;
  edition: number;
  voidReason: string | null;
  replacedBy: number | null;
  replaces: number | null;
}

interface FicheSession {
  id: string;
  kind: string;
  label: string;
  capacity: number;
  summary: {
    used: number;
    remaining: number;
    issued: number;
    voided: number;
    nextNumber: number | null;
  };
  pupils: { id: string; lastName: string }[];
  fiches: Fiche[];
  history: {
    sequence: number;
    type: string;
    number: number;
    label: string;
    relatedNumber: number | null;
  }[];
}

jest.setTimeout(120_000);

function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe(`CQC by equivalence campaign (${testDbKind()})`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let m: Client;
  let other: Client;
  let viewer: Client;
  const users = {} as Record<'manager' | 'other' | 'viewer', { email: string; password: string }>;
  let centreId: string;
  let campaignId: string;
  let schoolId: string;
  let classId: string;
  let pupils: Pupil[] = [];
  let capSession: FicheSession;
  let bacSession: FicheSession;

  const at = async (instant: string): Promise<void> => {
    t.clock.set(instant);
    m = t.as(await t.login(users.manager.email, users.manager.password));
    other = t.as(await t.login(users.other.email, users.other.password));
    viewer = t.as(await t.login(users.viewer.email, users.viewer.password));
  };
  const ok = <T = Body>(res: { status: number; body: unknown }, status: number): T => {
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const url = (path = '') => `/api/cqc/campaigns/${campaignId}${path}`;
  const pupil = (lastName: string) => {
    const found = pupils.find((p) => p.lastName === lastName);
    if (!found) throw new Error(`no pupil ${lastName}`);
    return found;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      now: '2027-03-10T09:00:00Z',
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'https://jalon.example.fr',
        MAIL_FROM: 'Jalon <jalon@example.fr>',
      },
    });
    const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const a = await aCentre(admin, { name: 'Délégation Occitanie' });
    const b = await aCentre(admin, { name: 'Centre Bérénice' });
    centreId = String(a.centre.id);
    users.manager = await aUser(admin, 'manager', [centreId]);
    users.viewer = await aUser(admin, 'viewer', [centreId]);
    users.other = await aUser(admin, 'manager', [String(b.centre.id)]);
    await at('2027-03-10T09:00:00Z');
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('refuses a campaign with bad fields, naming each at once, in French', async () => {
    const res = await m.post('/api/cqc/campaigns', {
      centreId,
      schoolYear: 1999,
      springHolidaysStart: '2027-02-30',
      springHolidaysEnd: 'bientôt',
    });
    expect(res.status).toBe(400);
    const body = res.body as FieldErrorBody;
    expect(body.fields?.map((f) => f.field).sort()).toEqual([
      'schoolYear',
      'springHolidaysEnd',
      'springHolidaysStart',
    ]);
    const holidaysInSummer = await m.post('/api/cqc/campaigns', {
      centreId,
      schoolYear: 2026,
      springHolidaysStart: '2027-07-01',
      springHolidaysEnd: '2027-07-15',
    });
    expect(holidaysInSummer.status).toBe(400);
    expect((holidaysInSummer.body as FieldErrorBody).fields).toEqual([
      {
        field: 'springHolidaysStart',
        message:
          'Début des vacances de printemps : le 01/07/2027 n’est pas au printemps de l’année scolaire 2026-2027 (entre le 01/03/2027 et le 14/05/2027, avant la mi-mai).',
      },
      {
        field: 'springHolidaysEnd',
        message:
          'Fin des vacances de printemps : le 15/07/2027 n’est pas au printemps de l’année scolaire 2026-2027 (entre le 01/03/2027 et le 14/05/2027, avant la mi-mai).',
      },
    ]);
  });

  it('creates the campaign with its timeline; a viewer cannot, another centre sees nothing', async () => {
    const body = {
      centreId,
      schoolYear: 2026,
      springHolidaysStart: '2027-04-17',
      springHolidaysEnd: '2027-05-02',
    };
    expect((await viewer.post('/api/cqc/campaigns', body)).status).toBe(403);
    const campaign = ok<Body & { timeline: { code: string; due: string | null }[] }>(
      await m.post('/api/cqc/campaigns', body),
      201,
    );
    campaignId = String(campaign.id);
    expect(campaign.label).toBe('Campagne CQC par équivalence 2026-2027');
    expect(campaign.timeline.map((s) => [s.code, s.due])).toEqual([
      ['PUPIL_LISTS_DUE', '2027-04-16'],
      ['FICHES_SENT', null],
      ['MID_MAY_COMPLETION', '2027-05-15'],
      ['ENVELOPE_POSTED', '2027-05-30'],
      ['CALL_AT_MAJORITY', null],
      ['CQC_HANDOVER', null],
    ]);
    const patched = ok<Body>(
      await m.patch(url(), { version: campaign.version, springHolidaysEnd: '2027-05-03' }),
      200,
    );
    expect(patched).toMatchObject({
      springHolidaysEnd: '2027-05-03',
      version: Number(campaign.version) + 1,
    });
    const stale = await m.patch(url(), { version: campaign.version, label: 'Ancienne version' });
    expect(stale.status).toBe(409);
    const badHolidays = await m.patch(url(), {
      version: patched.version,
      springHolidaysStart: '2027-05-20',
    });
    expect(badHolidays.status).toBe(400);
    expect((badHolidays.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual([
      'springHolidaysStart',
    ]);
    ok(await m.patch(url(), { version: patched.version, springHolidaysEnd: '2027-05-02' }), 200);
    const twice = await m.post('/api/cqc/campaigns', body);
    expect(twice.status).toBe(409);
    expect((twice.body as FieldErrorBody).fields?.[0]?.field).toBe('schoolYear');
    expect(ok<Body[]>(await other.get('/api/cqc/campaigns'), 200)).toEqual([]);
    expect((await other.get(url())).status).toBe(404);
    expect((await other.post(url('/schools'), { name: 'Lycée pirate' })).status).toBe(404);
  });

  it('puts the campaign’s reminder in the managers’ daily digest on its day, once', async () => {
    // 21 days before the pupil lists are due (16 April 2027, the eve of the spring holidays).
    t.clock.set('2027-03-26T06:00:00Z');
    const from = smtp.messages.length;
    expect((await t.app.get(ReminderPassService).run()).failed).toEqual([]);
    const mails = await Promise.all(
      smtp.messages
        .slice(from)
        .map(async (mail) => ({ to: mail.to, parsed: await simpleParser(mail.raw) })),
    );
    const digest = mails.find((mail) => mail.to.includes(users.manager.email));
    expect(digest).toBeDefined();
    expect(digest!.parsed.subject).toBe(
      'Jalon – 1 rappel de campagne CQC par équivalence (26/03/2027)',
    );
    expect(digest!.parsed.text).toContain(
      '- Campagne CQC par équivalence 2026-2027 (Délégation Occitanie) : Relancer les établissements : listes des élèves (nom, prénom, date de naissance) attendues au plus tard le 16/04/2027, avant les vacances de printemps.',
    );
    expect(digest!.parsed.text).toContain(
      `https://jalon.example.fr/api/cqc/campaigns/${campaignId}`,
    );
    expect(mails.some((mail) => mail.to.includes(users.other.email))).toBe(false);
    // Never twice: the next pass (same day, or the day after) sends nothing more.
    const again = smtp.messages.length;
    await t.app.get(ReminderPassService).run();
    t.clock.set('2027-03-27T06:00:00Z');
    await t.app.get(ReminderPassService).run();
    expect(smtp.messages.length).toBe(again);
    await at('2027-03-27T09:00:00Z');
  });

  it('records the school under convention and its Bac Pro class', async () => {
    const bad = await m.post(url('/schools'), { name: '', email: 'pas-une-adresse' });
    expect(bad.status).toBe(400);
    expect((bad.body as FieldErrorBody).fields?.map((f) => f.field).sort()).toEqual([
      'email',
      'name',
    ]);
    const school = ok(
      await m.post(url('/schools'), {
        name: 'Lycée professionnel Jean Moulin',
        city: 'Béziers',
        contactName: 'Martine Roux',
        contactRole: 'Chef des travaux',
        email: 'ddfpt@lycee-jean-moulin.example.fr',
        conventionReference: 'CONV-2026-12',
        conventionDate: '2026-09-15',
      }),
      201,
    );
    schoolId = String(school.id);
    const klass = ok(
      await m.post(url('/classes'), {
        schoolId,
        name: 'Terminale Bac Pro CTRM',
        diploma: 'BAC_PRO',
      }),
      201,
    );
    classId = String(klass.id);
    const badClass = await m.post(url('/classes'), {
      schoolId: '00000000-0000-4000-8000-000000000000',
      name: 'Seconde',
      diploma: 'BTS',
    });
    expect(badClass.status).toBe(400);
    expect((badClass.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual(['diploma']);
  });

  it('refuses a pupil list with every bad row and field at once, nothing saved', async () => {
    const dto = await m.post(url('/pupils'), {
      classId,
      pupils: [
        { lastName: 'ABADIE', firstName: '', birthDate: '2008-02-30' },
        { lastName: 'BRUN', firstName: 'Hugo', birthDate: '2008-10-01' },
        { lastName: 'COSTE', firstName: 'Inès', birthDate: '2009-01-01', licenceHeld: 'oui' },
      ],
    });
    expect(dto.status).toBe(400);
    expect((dto.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual([
      'pupils[0].firstName',
      'pupils[0].birthDate',
      'pupils[2].licenceHeld',
    ]);
    const rules = await m.post(url('/pupils'), {
      classId,
      pupils: [
        { lastName: 'ABADIE', firstName: 'Léa', birthDate: '2027-06-01' },
        { lastName: 'BRUN', firstName: 'Hugo', birthDate: '2008-10-01', licenceNumber: '12AB#' },
        { lastName: 'BRUN', firstName: 'Hugo', birthDate: '2008-10-01' },
      ],
    });
    expect(rules.status).toBe(400);
    const fields = (rules.body as FieldErrorBody).fields ?? [];
    expect(fields.map((f) => f.field)).toEqual([
      'pupils[0].birthDate',
      'pupils[1].licenceNumber',
      'pupils[2].lastName',
    ]);
    expect(fields[0]!.message).toBe(
      'Ligne 1 : L’élève « ABADIE Léa » : la date de naissance (01/06/2027) n’est pas antérieure au 15/05/2027.',
    );
    expect(fields[2]!.message).toBe('Ligne 3 (BRUN Hugo) : cet élève figure déjà ligne 2.');
    expect(ok<Pupil[]>(await m.get(url('/pupils')), 200)).toEqual([]);
  });

  it('adds the 40 pupils of the class in one request', async () => {
    const rows: Body[] = [];
    // 32 pupils of age on 15 May 2027 with their licence…
    for (let i = 1; i <= 32; i++) {
      rows.push({
        lastName: `MAJEUR${String(i).padStart(2, '0')}`,
        firstName: 'Adulte',
        birthDate: `2008-${String((i % 12) + 1).padStart(2, '0')}-10`,
        licenceHeld: true,
        capClmObtained: i <= 3,
      });
    }
    // …and 8 still minors then: one turns 18 on 20 May (before the envelope), one on 14 June.
    const minors: [string, string][] = [
      ['MINEUR1', '2009-05-20'],
      ['MINEUR2', '2009-06-14'],
      ['MINEUR3', '2009-07-01'],
      ['MINEUR4', '2009-08-02'],
      ['MINEUR5', '2009-09-03'],
      ['MINEUR6', '2009-10-04'],
      ['MINEUR7', '2009-11-05'],
      ['MINEUR8', '2009-12-06'],
    ];
    for (const [lastName, birthDate] of minors) {
      rows.push({ lastName, firstName: 'Jeune', birthDate, licenceHeld: null });
    }
    const created = ok<Pupil[]>(await m.post(url('/pupils'), { classId, pupils: rows }), 201);
    expect(created).toHaveLength(40);
    pupils = ok<Pupil[]>(await m.get(url('/pupils')), 200);
    expect(pupils).toHaveLength(40);
  });

  it('proposes the split from birth dates, and applies the user’s justified moves only', async () => {
    const [split] = ok<
      {
        placements: { pupilId: string; kind: string; basis: string; warnings: string[] }[];
        sessions: { kind: string; label: string; pupilIds: string[] }[];
      }[]
    >(await m.get(url(`/split?classId=${classId}`)), 200);
    expect(split!.sessions.map((s) => [s.label, s.pupilIds.length])).toEqual([
      ['Session CAP CLM — Terminale Bac Pro CTRM', 32],
      ['Session Bac Pro — Terminale Bac Pro CTRM', 8],
    ]);
    const early = split!.placements.find((p) => p.pupilId === pupil('MINEUR1').id)!;
    expect(early.kind).toBe('BAC_PRO');
    expect(early.warnings[0]).toContain('Aura 18 ans le 20/05/2027');

    const refused = await m.post(url('/fiche-sessions'), {
      classId,
      moves: [{ pupilId: pupil('MINEUR2').id, to: 'CAP_CLM' }],
    });
    expect(refused.status).toBe(422);
    expect((refused.body as FieldErrorBody).message).toContain(
      'MINEUR2 Jeune aura 18 ans le 14/06/2027, après l’envoi de l’enveloppe (30/05/2027)',
    );
    expect(ok<FicheSession[]>(await m.get(url('/fiche-sessions')), 200)).toEqual([]);

    const sessions = ok<FicheSession[]>(
      await m.post(url('/fiche-sessions'), {
        classId,
        moves: [{ pupilId: pupil('MAJEUR05').id, to: 'BAC_PRO', reason: 'CAP_CLM_NOT_OBTAINED' }],
      }),
      201,
    );
    expect(sessions.map((s) => [s.kind, s.capacity, s.pupils.length])).toEqual([
      ['CAP_CLM', 32, 31],
      ['BAC_PRO', 32, 9],
    ]);
    [capSession, bacSession] = sessions as [FicheSession, FicheSession];
    pupils = ok<Pupil[]>(await m.get(url('/pupils')), 200);
    expect(pupil('MAJEUR05')).toMatchObject({
      ficheSessionId: bacSession.id,
      placementBasis: 'CAP_CLM_NOT_OBTAINED',
    });
    const again = await m.post(url('/fiche-sessions'), { classId });
    expect(again.status).toBe(409);
  });

  it('numbers the fiches, voids and replaces one, voids and re-edits another, refuses the 33rd', async () => {
    await at('2027-05-03T09:00:00Z');
    const fiches = (s: FicheSession) => `${url(`/fiche-sessions/${s.id}`)}/fiches`;
    capSession = ok<FicheSession>(await m.post(fiches(capSession), { on: '2027-05-03' }), 201);
    expect(capSession.summary).toMatchObject({ used: 31, issued: 31, nextNumber: 32 });
    expect(capSession.fiches.map((f) => f.number)).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    bacSession = ok<FicheSession>(await m.post(fiches(bacSession), {}), 201);
    expect(bacSession.summary.used).toBe(9);

    // Fiche n° 3 is wrong: voided and replaced by a new number, the 32nd and last.
    const third = capSession.fiches.find((f) => f.number === 3)!;
    capSession = ok<FicheSession>(
      await m.post(`${fiches(capSession)}/3/void`, {
        reason: 'Date de naissance erronée',
        on: '2027-05-06',
        followUp: 'REPLACE',
      }),
      200,
    );
    expect(capSession.fiches.find((f) => f.number === 3)).toMatchObject({
      status: 'VOIDED',
      voidReason: 'Date de naissance erronée',
      replacedBy: 32,
    });
    expect(capSession.fiches.find((f) => f.number === 32)).toMatchObject({
      status: 'ISSUED',
      pupilId: third.pupilId,
      replaces: 3,
    });
    expect(capSession.history.slice(-2).map((e) => e.label)).toEqual([
      'Fiche n° 3 annulée le 06/05/2027 : Date de naissance erronée.',
      'Fiche n° 32 éditée le 06/05/2027 en remplacement de la fiche n° 3.',
    ]);
    expect(capSession.summary).toMatchObject({ used: 32, remaining: 0, nextNumber: null });

    // The 33rd number does not exist: replacing fiche n° 7 is refused, nothing changes.
    const full = await m.post(`${fiches(capSession)}/7/void`, {
      reason: 'Photo manquante',
      on: '2027-05-07',
      followUp: 'REPLACE',
    });
    expect(full.status).toBe(409);
    expect((full.body as FieldErrorBody).message).toContain(
      'Plus aucun numéro libre dans la « Session CAP CLM — Terminale Bac Pro CTRM » (32 fiches au plus par session, jamais photocopiées) : rééditez la fiche n° 7 depuis son PDF conservé.',
    );
    const unchanged = ok<FicheSession>(await m.get(url(`/fiche-sessions/${capSession.id}`)), 200);
    expect(unchanged.fiches.find((f) => f.number === 7)!.status).toBe('ISSUED');
    expect(unchanged.history).toHaveLength(capSession.history.length);

    // Re-edited from its stored PDF instead: same number, edition 2, both steps traced.
    capSession = ok<FicheSession>(
      await m.post(`${fiches(capSession)}/7/void`, {
        reason: 'Photo manquante',
        on: '2027-05-07',
        followUp: 'RE_EDIT',
      }),
      200,
    );
    expect(capSession.fiches.find((f) => f.number === 7)).toMatchObject({
      status: 'ISSUED',
      edition: 2,
    });
    expect(capSession.history.slice(-2).map((e) => [e.type, e.number])).toEqual([
      ['VOIDED', 7],
      ['RE_EDITED', 7],
    ]);
    expect(capSession.fiches).toHaveLength(32);

    // Another fiche for a pupil who has one is refused, naming the pupil.
    const double = await m.post(fiches(bacSession), { pupilIds: [pupil('MINEUR1').id] });
    expect(double.status).toBe(409);
    expect((double.body as FieldErrorBody).message).toContain(
      'L’élève « MINEUR1 Jeune » a déjà la fiche n°',
    );
    const stranger = await m.post(fiches(bacSession), { pupilIds: [pupil('MAJEUR01').id] });
    expect(stranger.status).toBe(400);
    expect((stranger.body as FieldErrorBody).fields?.[0]?.field).toBe('pupilIds[0]');
    const badNumber = await m.post(`${fiches(capSession)}/0/void`, {
      reason: 'x',
      followUp: 'REPLACE',
    });
    expect(badNumber.status).toBe(400);
    // Both follow-ups audited (the refused replacement left no trace), with who did them.
    const audit = await t.app
      .get(Database)
      .read((db) =>
        db
          .getRepository(AuditEntry)
          .find({ where: { entity: 'cqc_fiche', entityId: capSession.id } }),
      );
    expect(
      audit
        .map((e) => {
          const after = JSON.parse(e.after ?? '{}') as { number: number; followUp: string };
          return [e.action, e.actorEmail, after.number, after.followUp];
        })
        .sort((a, b) => Number(a[2]) - Number(b[2])),
    ).toEqual([
      ['void', users.manager.email, 3, 'REPLACE'],
      ['void', users.manager.email, 7, 'RE_EDIT'],
    ]);
    const campaign = ok<{ counts: Body }>(await m.get(url()), 200);
    expect(campaign.counts).toMatchObject({
      pupils: 40,
      ficheSessions: 2,
      fichesIssued: 40,
      fichesVoided: 1,
    });
  });

  it('places a pupil added late, checked by the split rules; the full session refuses a 33rd fiche', async () => {
    const [late] = ok<Pupil[]>(
      await m.post(url('/pupils'), {
        classId,
        pupils: [
          { lastName: 'TARDIF', firstName: 'Noé', birthDate: '2008-04-04', licenceHeld: true },
        ],
      }),
      201,
    );
    expect(late!.ficheSessionId).toBeNull();
    const wrong = await m.post(url(`/pupils/${late!.id}/placement`), {
      ficheSessionId: bacSession.id,
    });
    expect(wrong.status).toBe(422);
    expect((wrong.body as FieldErrorBody).message).toContain(
      'TARDIF Noé est majeur le 15/05/2027 (18 ans le 04/04/2026) et titulaire du permis : il relève de la session CAP CLM.',
    );
    const placed = ok<Pupil>(
      await m.post(url(`/pupils/${late!.id}/placement`), { ficheSessionId: capSession.id }),
      200,
    );
    expect(placed).toMatchObject({
      ficheSessionId: capSession.id,
      placementBasis: 'OF_AGE_WITH_LICENCE',
    });
    const thirtyThird = await m.post(`${url(`/fiche-sessions/${capSession.id}`)}/fiches`, {
      pupilIds: [late!.id],
    });
    expect(thirtyThird.status).toBe(409);
    expect((thirtyThird.body as FieldErrorBody).message).toContain(
      '1 fiche demandée mais aucun numéro ne reste libre dans la « Session CAP CLM — Terminale Bac Pro CTRM » : 32 fiches au plus par session, jamais photocopiées',
    );
    // A pupil with a valid fiche does not change session before it is voided.
    const moving = await m.post(url(`/pupils/${pupil('MINEUR2').id}/placement`), {
      ficheSessionId: capSession.id,
      reason: 'BAC_PRO_FAILURE',
    });
    expect(moving.status).toBe(409);
    expect((moving.body as FieldErrorBody).fields?.[0]?.message).toMatch(
      /^MINEUR2 Jeune a la fiche n° \d+ dans sa session actuelle : annulez-la d’abord/,
    );
  });

  it('never gives one number twice when two replacements arrive at once', async () => {
    const fiches = `${url(`/fiche-sessions/${bacSession.id}`)}/fiches`;
    const answers = await Promise.all(
      [1, 2].map((n) =>
        m.post(`${fiches}/${n}/void`, {
          reason: 'Photo d’identité manquante',
          on: '2027-05-07',
          followUp: 'REPLACE',
        }),
      ),
    );
    // SQLite runs them one after the other; PostgreSQL may refuse the second (same new number).
    for (const answer of answers) {
      if (answer.status !== 200) {
        expect(answer.status).toBe(409);
        expect((answer.body as FieldErrorBody).message).toContain(
          'rechargez la page et recommencez',
        );
      }
    }
    const session = ok<FicheSession>(await m.get(url(`/fiche-sessions/${bacSession.id}`)), 200);
    const numbers = session.fiches.map((f) => f.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(session.history.map((e) => e.sequence)).toEqual(
      Array.from({ length: session.history.length }, (_, i) => i + 1),
    );
    const replaced = answers.filter((a) => a.status === 200).length;
    expect(session.fiches).toHaveLength(9 + replaced);
    expect(session.fiches.filter((f) => f.status === 'VOIDED')).toHaveLength(replaced);
  });

  it('lists the minors with the day each turns 18', async () => {
    const majority = ok<{ entries: { lastName: string; majorityDate: string; message: string }[] }>(
      await m.get(url('/majority')),
      200,
    );
    expect(majority.entries.map((e) => [e.lastName, e.majorityDate])).toEqual([
      ['MINEUR1', '2027-05-20'],
      ['MINEUR2', '2027-06-14'],
      ['MINEUR3', '2027-07-01'],
      ['MINEUR4', '2027-08-02'],
      ['MINEUR5', '2027-09-03'],
      ['MINEUR6', '2027-10-04'],
      ['MINEUR7', '2027-11-05'],
      ['MINEUR8', '2027-12-06'],
    ]);
    expect(majority.entries[1]!.message).toBe(
      'MINEUR2 Jeune a 18 ans le 14/06/2027 : le convoquer pour compléter sa fiche navette (n° de permis, date, signature) avec la photocopie recto verso de son permis signé.',
    );
    const june = ok<{ entries: { lastName: string }[] }>(
      await m.get(url('/majority?from=2027-06-01&to=2027-06-30')),
      200,
    );
    expect(june.entries.map((e) => e.lastName)).toEqual(['MINEUR2']);
    const bad = await m.get(url('/majority?from=2027-07-01&to=2027-06-30'));
    expect(bad.status).toBe(400);
  });

  it('records a hand-over against signature and a card error returned in time', async () => {
    await at('2027-07-20T09:00:00Z');
    const who = pupil('MAJEUR01');
    const noSignature = await m.post(url('/hand-overs'), {
      pupilId: who.id,
      cardReceivedOn: '2027-07-05',
      handedOverOn: '2027-07-02',
    });
    expect(noSignature.status).toBe(400);
    expect((noSignature.body as FieldErrorBody).fields?.map((f) => f.field)).toEqual([
      'handedOverOn',
      'signedBy',
    ]);
    const handover = ok<Body>(
      await m.post(url('/hand-overs'), {
        pupilId: who.id,
        cardReceivedOn: '2027-07-05',
        handedOverOn: '2027-07-08',
        signedBy: 'Adulte MAJEUR01',
      }),
      201,
    );
    expect(handover).toMatchObject({
      lastName: 'MAJEUR01',
      className: 'Terminale Bac Pro CTRM',
      errorReturnDeadline: '2027-08-05',
      errorReturnInTime: null,
    });
    const error = ok<Body>(
      await m.patch(url(`/hand-overs/${String(handover.id)}`), {
        errorReportedOn: '2027-07-09',
        errorDescription: 'Prénom mal orthographié',
        errorReturnPostmarkedOn: '2027-07-19',
      }),
      200,
    );
    expect(error).toMatchObject({ errorReturnInTime: true });
    expect(error.errorNote).toBe(
      'Carte erronée retournée dans le délai (cachet du 19/07/2027, au plus tard le 05/08/2027).',
    );
    const twice = await m.post(url('/hand-overs'), {
      pupilId: who.id,
      cardReceivedOn: '2027-07-05',
    });
    expect(twice.status).toBe(409);
    expect(ok<Body[]>(await m.get(url('/hand-overs')), 200)).toHaveLength(1);
    expect((await other.get(url('/hand-overs'))).status).toBe(404);
    expect((await other.patch(url(`/hand-overs/${String(handover.id)}`), {})).status).toBe(404);
    const deleted = await m.delete(url(`/pupils/${who.id}`));
    expect(deleted.status).toBe(409);
  });

  it('renders the school’s CQC hand-over sheet, one row per pupil', async () => {
    const res = await m
      .get(url(`/documents/remise-cqc.pdf?schoolId=${schoolId}`))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await pdfText(res.body as Buffer);
    expect(pdf.text).toContain('Lycée professionnel Jean Moulin');
    for (const name of ['MAJEUR01', 'MAJEUR32', 'MINEUR8']) expect(pdf.text).toContain(name);
    expect(pdf.text).toContain('05/07/2027');
    const minors = await m.get(url('/documents/eleves-majeurs.pdf')).buffer(true).parse(binary);
    expect(minors.status).toBe(200);
    expect((await pdfText(minors.body as Buffer)).text).toContain('14/06/2027');
    const unknownKind = await m.get(url('/documents/diplome.pdf'));
    expect(unknownKind.status).toBe(400);
    const unknownSchool = await m.get(
      url('/documents/remise-cqc.pdf?schoolId=00000000-0000-4000-8000-000000000000'),
    );
    expect(unknownSchool.status).toBe(400);
    expect((await other.get(url('/documents/remise-cqc.pdf'))).status).toBe(404);
  });

  it('keeps other centres out of every route of the campaign', async () => {
    for (const path of [
      '',
      '/schools',
      '/classes',
      '/pupils',
      '/split',
      '/fiche-sessions',
      '/majority',
    ]) {
      expect({ path, status: (await other.get(url(path))).status }).toEqual({ path, status: 404 });
    }
    expect((await other.post(`${url(`/fiche-sessions/${capSession.id}`)}/fiches`, {})).status).toBe(
      404,
    );
    expect((await other.patch(url(), { version: 1, label: 'Volée' })).status).toBe(404);
  });
});

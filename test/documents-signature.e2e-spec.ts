/**
 * Official PDFs fit for signature, rendered by the application's own templates and renderer (real
 * Chromium): a signature block never stands alone on a page, away from the table it closes (PV de
 * session, PV de carence, PV individuels, rapport de fraude, and the checklist's visa); a PV
 * printed before the results are entered says « PROJET — résultats non saisis » on every page;
 * the footers and headers say each word once, elide « de », and name people rather than showing
 * their e-mail address; the checklist is in landscape with the guide's header filled. Each file
 * passes `qpdf --check`; its text is read per page with `pdftotext -layout`. The documents do not
 * depend on the database: SQLite pass only, as the other renderer suites.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filledChecklist, type ChecklistRow } from '../src/documents/checklist-document-view.js';
import { DocumentTemplates } from '../src/documents/document-templates.js';
import {
  carenceMinutes,
  fraudReport,
  individualMinutes,
  laureatesList,
  sessionMinutes,
} from '../src/documents/minutes-views.js';
import { PdfRenderer } from '../src/documents/pdf-renderer.js';
import type {
  DossierCandidate,
  DossierCcp,
  DossierIncident,
  DossierStaff,
  SessionDossier,
} from '../src/documents/session-dossier.js';
import type { FooterView } from '../src/documents/session-identity.js';
import { aCandidate, aCentre, aSession, aTitre } from './support/factories.js';
import { pdfText } from './support/pdf.js';
import { ADMIN, describeOnce, startTestApp, type TestApp } from './support/test-app.js';

let dir = '';
let files = 0;

interface Checked {
  /** The text of each page as laid out (a table row on a line), spaces squeezed. */
  pages: string[];
  /** The text of each page in drawing order (pdfjs): rotated text reads whole there. */
  drawn: string[];
  /** Page width and height in points, from pdfinfo. */
  size: { width: number; height: number };
}

function squeeze(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ');
}

/** Writes the PDF, checks its structure with qpdf and extracts its text per page. */
async function check(name: string, bytes: Buffer): Promise<Checked> {
  const path = join(dir, `${String(++files).padStart(3, '0')}-${name}.pdf`);
  writeFileSync(path, bytes);
  const report = execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
  expect(report).toContain('No syntax or stream encoding errors found');
  const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  });
  const pages = layout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim());
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return {
    pages: pages.map(squeeze),
    drawn: (await pdfText(bytes)).pages,
    size: { width: Number(match?.[1]), height: Number(match?.[2]) },
  };
}

const CCPS: DossierCcp[] = [
  { code: 'CCP1', label: 'Développer une application sécurisée', kind: 'CCP' },
  {
    code: 'CCP2',
    label: 'Concevoir et développer une application organisée en couches',
    kind: 'CCP',
  },
  { code: 'CCP3', label: 'Préparer le déploiement d’une application sécurisée', kind: 'CCP' },
];

/** « Martin-07 Camille »: a candidate whose row is easy to find in the text. */
function candidate(n: number, overrides: Partial<DossierCandidate> = {}): DossierCandidate {
  return {
    id: `c${n}`,
    personId: `p${n}`,
    lastName: `Martin-${String(n).padStart(2, '0')}`,
    firstName: 'Camille',
    birthDate: '1990-04-12',
    address: '3 place Bellecour\n69002 Lyon',
    pathway: n % 4 === 0 ? 'VAE' : 'FORMATION',
    vaeValidUntil: null,
    accommodationRequested: false,
    accommodationDetails: '',
    convocationDate: null,
    convocationMode: null,
    attendance: 'PRESENT',
    results: CCPS.map((ccp) => ({ ccpCode: ccp.code, outcome: 'ACQUIRED' as const })),
    ...overrides,
  };
}

const STAFF: DossierStaff[] = [
  {
    assignmentId: 'a1',
    role: 'JURY',
    juryMemberId: 'j1',
    lastName: 'Castañeda',
    firstName: 'Joël',
    employer: 'Atelier du Rhône',
    habilitationUntil: '2028-12-31',
  },
  {
    assignmentId: 'a2',
    role: 'JURY',
    juryMemberId: 'j2',
    lastName: 'Œhlenschläger',
    firstName: 'Bérénice',
    employer: 'Numérique Lyon',
    habilitationUntil: '2029-06-30',
  },
];

function fraud(n: number, description = 'Téléphone allumé pendant l’épreuve.'): DossierIncident {
  return {
    id: `f${n}`,
    kind: 'FRAUD',
    candidateId: `c${n}`,
    occurredOn: '2027-06-16',
    description: `Fraude-${String(n).padStart(2, '0')} : ${description}`,
    measures: 'Téléphone retiré ; la candidate a terminé l’épreuve.',
    reportedBy: 'anais.roux@centre.test',
  };
}

function dossier(overrides: Partial<SessionDossier> = {}): SessionDossier {
  return {
    today: '2027-06-18',
    session: {
      id: 's1',
      centreId: 'centre1',
      nature: 'TITRE',
      ccpCodes: [],
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      startTime: '09:00',
      location: '',
      status: 'PLANNED',
      cancelReason: null,
      checklistVersion: 1,
    },
    centre: {
      name: 'Centre Éléonore Dupré',
      address: '12 rue de la République',
      postalCode: '69001',
      city: 'Lyon',
    },
    site: {
      name: 'Site de Vénissieux',
      address: '5 rue Paul Bert',
      postalCode: '69200',
      city: 'Vénissieux',
    },
    titre: {
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
      version: '2023',
      examTests: [],
      convocationDocuments: [],
      ccps: CCPS,
    },
    agrementReference: null,
    manager: { firstName: 'Étienne', lastName: 'Dubois', email: 'etienne.dubois@centre.test' },
    deputyManager: { firstName: '', lastName: '', email: 'suppleance@centre.test' },
    candidates: [],
    records: {},
    staff: STAFF,
    declarations: [],
    incidents: [],
    people: [{ firstName: 'Anaïs', lastName: 'Roux', email: 'anais.roux@centre.test' }],
    ...overrides,
  };
}

/** A sweep renders a dozen documents or more: time for a loaded machine. */
const SWEEP_TIMEOUT_MS = 240_000;

/** Whether a line of the page is a row of the table: « 12 Martin-12 Camille … ». */
function rowsOn(page: string, pattern: RegExp): number[] {
  return [...page.matchAll(pattern)].map((m) => Number(m[1]));
}

describeOnce('official documents fit for signature (PDF)', () => {
  let t: TestApp;
  let templates: DocumentTemplates;
  let renderer: PdfRenderer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-signature-docs-'));
    t = await startTestApp({ now: '2027-06-18T08:00:00Z' });
    templates = t.app.get(DocumentTemplates);
    renderer = t.app.get(PdfRenderer);
  });

  afterAll(async () => {
    await t?.close();
    if (dir !== '' && !process.env.JALON_KEEP_PDF) rmSync(dir, { recursive: true, force: true });
  });

  async function rendered(
    name: string,
    view: { title: string; footer: FooterView },
  ): Promise<Checked> {
    const bytes = await renderer.render(templates.document(name, view));
    return check(name, bytes);
  }

  /**
   * Renders the document for each count; on every one, the pages holding a signature block also
   * hold rows of the table it closes (`rows` of the page, by their number), the last one among
   * them. At least one count must have needed rows carried over to the signature's page (the
   * page before would have held them all): without the keep rule, the block stands alone there.
   */
  async function signedWithRows(
    counts: number[],
    render: (count: number) => Promise<Checked>,
    rowNumbers: (page: string) => number[],
    signature = 'Date et signature',
  ): Promise<void> {
    const carried: number[] = [];
    for (const count of counts) {
      const { pages } = await render(count);
      const signed = pages.filter((page) => page.includes(signature));
      expect({ count, signed: signed.length }).toEqual({ count, signed: 1 });
      const rows = rowNumbers(signed[0]);
      expect({ count, rows: rows.length > 0 }).toEqual({ count, rows: true });
      expect({ count, last: rows.at(-1) }).toEqual({ count, last: count });
      const index = pages.indexOf(signed[0]);
      if (index > 0 && rowNumbers(pages[index - 1]).length > 0 && rows.length < count) {
        // The signature page starts with rows: were they carried over from a page with room?
        if (Math.min(...rows) > 1) carried.push(count);
      }
    }
    expect(carried.length).toBeGreaterThan(0);
  }

  it(
    'PV de session: the signatures always share their page with the last candidates',
    async () => {
      await signedWithRows(
        Array.from({ length: 16 }, (_, i) => 14 + i),
        (n) =>
          rendered(
            'pv-session',
            sessionMinutes(
              dossier({ candidates: Array.from({ length: n }, (_, i) => candidate(i + 1)) }),
            ),
          ),
        (page) => rowsOn(page, /^ ?(\d+) Martin-\d+\b/gm),
      );
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'PV de session with frauds: the signatures share their page with the last fraud rows',
    async () => {
      await signedWithRows(
        Array.from({ length: 14 }, (_, i) => 6 + i),
        (n) =>
          rendered(
            'pv-session',
            sessionMinutes(
              dossier({
                candidates: Array.from({ length: 8 }, (_, i) => candidate(i + 1)),
                incidents: Array.from({ length: n }, (_, i) =>
                  fraud(
                    i + 1,
                    'le candidat consultait des notes manuscrites dissimulées sous sa copie. '.repeat(
                      2,
                    ),
                  ),
                ),
              }),
            ),
          ),
        (page) => rowsOn(page, /Fraude-(\d+)/g),
      );
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'PV de carence: the signature shares its page with the last candidates',
    async () => {
      await signedWithRows(
        Array.from({ length: 14 }, (_, i) => 36 + i),
        (n) =>
          rendered(
            'pv-carence',
            carenceMinutes(
              dossier({ candidates: Array.from({ length: n }, (_, i) => candidate(i + 1)) }),
            ),
          ),
        (page) => rowsOn(page, /^ ?(\d+) Martin-\d+\b/gm),
      );
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'PV individuel: the jurors’ signatures share their page with the last CCP rows',
    async () => {
      const ccps = (n: number): DossierCcp[] =>
        Array.from({ length: n }, (_, i) => ({
          code: `BC${String(i + 1).padStart(2, '0')}`,
          label: `Bloc de compétences n° ${i + 1} : concevoir, développer et déployer une application`,
          kind: 'CCP' as const,
        }));
      await signedWithRows(
        Array.from({ length: 12 }, (_, i) => 14 + i),
        (n) => {
          const base = dossier();
          const titre = { ...base.titre, ccps: ccps(n) };
          return rendered(
            'pv-individuels',
            individualMinutes({
              ...base,
              titre,
              candidates: [
                candidate(1, {
                  results: titre.ccps.map((ccp) => ({ ccpCode: ccp.code, outcome: 'ACQUIRED' })),
                }),
              ],
            }),
          );
        },
        (page) => rowsOn(page, /^ ?BC(\d+) Bloc/gm),
      );
    },
    SWEEP_TIMEOUT_MS,
  );

  it(
    'rapport de fraude: the signatures share their page with the last facts',
    async () => {
      const carried: number[] = [];
      for (let lines = 20; lines <= 44; lines += 2) {
        const description = Array.from(
          { length: lines },
          (_, i) => `Ligne ${i + 1} du constat : le candidat consultait un document non autorisé.`,
        ).join('\n');
        const { pages } = await rendered(
          'rapport-fraude',
          fraudReport(dossier({ candidates: [candidate(1)], incidents: [fraud(1, description)] })),
        );
        const signed = pages.filter((page) => page.includes('Date et signature'));
        expect(signed).toHaveLength(1);
        expect(signed[0]).toContain('Mesures prises');
        expect(signed[0]).toContain('Signalé par Anaïs Roux');
        const index = pages.indexOf(signed[0]);
        if (index > 0 && !signed[0].includes('Ligne ')) carried.push(lines);
      }
      expect(carried.length).toBeGreaterThan(0);
    },
    SWEEP_TIMEOUT_MS,
  );

  it('the blank fraud report form, without jury, fits on one page with its signatures', async () => {
    const { pages } = await rendered('rapport-fraude', fraudReport(dossier({ staff: [] })));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('formulaire vierge');
    expect(pages[0]).toContain('Date et signature');
  });

  it('a PV printed before the results are entered says so across every page', async () => {
    const candidates = Array.from({ length: 30 }, (_, i) =>
      candidate(i + 1, i === 7 ? { results: [] } : {}),
    );
    const draft = await rendered('pv-session', sessionMinutes(dossier({ candidates })));
    expect(draft.pages.length).toBeGreaterThan(1);
    for (const page of draft.drawn) expect(page).toContain('PROJET — résultats non saisis');

    const final = await rendered(
      'pv-session',
      sessionMinutes(
        dossier({ candidates: candidates.map((c, i) => (i === 7 ? candidate(8) : c)) }),
      ),
    );
    for (const page of final.drawn) expect(page).not.toContain('PROJET');

    // Absent candidates have no result to enter: not a draft.
    const absent = await rendered(
      'pv-session',
      sessionMinutes(
        dossier({
          candidates: [candidate(1), candidate(2, { attendance: 'ABSENT', results: [] })],
        }),
      ),
    );
    expect(absent.drawn.join('\n')).not.toContain('PROJET');

    // Individual PVs: only the candidate without results.
    const individual = await rendered(
      'pv-individuels',
      individualMinutes(dossier({ candidates: [candidate(1), candidate(2, { results: [] })] })),
    );
    expect(individual.drawn).toHaveLength(2);
    expect(individual.drawn[0]).not.toContain('PROJET');
    expect(individual.drawn[1]).toContain('PROJET — résultats non saisis');
  });

  it('says each word once, elides « de » and shows names, not e-mail addresses', async () => {
    const pv = await rendered(
      'pv-session',
      sessionMinutes(dossier({ candidates: [candidate(1)], incidents: [fraud(1)] })),
    );
    const text = pv.pages.join('\n');
    expect(text).toContain('Centre Éléonore Dupré — Site de Vénissieux — Procès-verbal');
    expect(text).not.toMatch(/site Site/i);
    // The manager by name; the deputy, who has none, by e-mail address.
    expect(text).toContain('Étienne Dubois (suppléant(e) : suppleance@centre.test)');
    expect(text).not.toContain('etienne.dubois@');

    const fraudPdf = await rendered(
      'rapport-fraude',
      fraudReport(dossier({ candidates: [candidate(1)], incidents: [fraud(1)] })),
    );
    expect(fraudPdf.pages.join('\n')).toContain('Signalé par Anaïs Roux');
    expect(fraudPdf.pages.join('\n')).not.toContain('anais.roux@');

    const laureates = await rendered(
      'laureats',
      laureatesList(
        dossier({
          candidates: [candidate(1, { results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }] })],
        }),
      ),
    );
    const list = laureates.pages.join('\n');
    expect(list).toContain('CCP2 — Concevoir et développer');
    expect(list).not.toContain('CCP CCP2');
  });

  it('checklist: landscape, the guide’s header filled, phases as headings, a name for who ticked', async () => {
    const task = (
      n: number,
      phase: number,
      overrides: Partial<ChecklistRow> = {},
    ): ChecklistRow => ({
      phase: phase === 1 ? 'PLAN' : 'DAY',
      phaseLabel: `Phase ${phase} — ${phase === 1 ? 'avant la session' : 'pendant la session'}`,
      label: `Tâche-${String(n).padStart(2, '0')} : vérifier dans CERES les dates de validité de l’agrément pour la version du titre visée`,
      items: [],
      parentCode: null,
      regulatory: n % 2 === 0,
      advised: n % 2 === 1,
      dueDate: '2027-05-14',
      applicable: true,
      status: 'todo',
      doneAt: null,
      doneByEmail: null,
      observations: '',
      reason: '',
      overdue: false,
      verifiedByData: null,
      ...overrides,
    });
    const tasks = Array.from({ length: 40 }, (_, i) =>
      task(
        i + 1,
        i < 20 ? 1 : 2,
        i === 0
          ? { status: 'done', doneAt: '2027-05-02', doneByEmail: 'anais.roux@centre.test' }
          : {},
      ),
    );
    const { pages, size } = await rendered(
      'liste-de-controle',
      filledChecklist(
        dossier({ candidates: Array.from({ length: 8 }, (_, i) => candidate(i + 1)) }),
        { title: 'Guide de préparation de la session', version: 1, tasks },
      ),
    );
    expect(size.width).toBeGreaterThan(size.height);
    const text = pages.join('\n');
    expect(pages[0]).toContain('Désignation du centre agréé Centre Éléonore Dupré');
    expect(pages[0]).toContain('Désignation du site agréé Site de Vénissieux');
    expect(pages[0]).toContain(
      'Libellé du titre professionnel Concepteur développeur d’applications',
    );
    expect(pages[0]).toMatch(/Sigle du TP CDA\s+Millésime 2023/);
    expect(pages[0]).toMatch(/De début : 14\/06\/2027\s+De fin 18\/06\/2027/);
    expect(pages[0]).toMatch(/Formation : 6\s+VAE 2/);
    expect(pages[0]).toContain('Nom du responsable de session Étienne Dubois');
    expect(text).toContain('Phase 1 — avant la session');
    expect(text).toContain('Phase 2 — pendant la session');
    expect(text).toContain('Anaïs Roux');
    expect(text).not.toContain('anais.roux@');
    // The wide task column holds most of a long label on its first line.
    expect(text).toMatch(
      /^ ?Tâche-02 : vérifier dans CERES les dates de validité de x 14\/05\/2027/m,
    );
    const signed = pages.filter((page) => page.includes('Date et signature'));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toContain('Tâche-40');
  });

  it(
    'names who reported a fraud and who ticked a task, read from the users behind the addresses',
    async () => {
      // The session is planned in March, the fraud and the tick happen during it.
      t.clock.set('2027-03-01T09:00:00Z');
      const admin = t.as(await t.login(ADMIN.email, ADMIN.password));
      const { centre, site } = await aCentre(admin);
      const titre = await aTitre(admin, {
        code: 'CDA',
        label: 'Concepteur développeur d’applications',
      });
      const email = 'ines.etcheverry@centre.test';
      const password = 'un-mot-de-passe-solide';
      const created = await admin.post('/api/users', {
        email,
        password,
        role: 'manager',
        centreIds: [String(centre.id)],
        firstName: 'Inès',
        lastName: 'Etcheverry',
      });
      expect(created.status).toBe(201);
      let manager = t.as(await t.login(email, password));
      const ids = {
        centreId: String(centre.id),
        siteId: String(site.id),
        titreId: String(titre.id),
      };
      const session = await aSession(manager, ids, {
        managerId: String((created.body as { id: string }).id),
      });
      const sessionId = String(session.id);
      const candidate = await aCandidate(manager, sessionId, {
        lastName: 'Abadie',
        firstName: 'Lucas',
      });
      t.clock.set('2027-06-18T08:00:00Z');
      manager = t.as(await t.login(email, password));
      const fraudRes = await manager.post(`/api/sessions/${sessionId}/incidents`, {
        kind: 'FRAUD',
        candidateId: String(candidate.id),
        occurredOn: '2027-06-16',
        description: 'Téléphone portable consulté pendant le questionnaire professionnel.',
        measures: 'Téléphone retiré.',
      });
      expect(fraudRes.status).toBe(201);
      const tasks = (await manager.get(`/api/sessions/${sessionId}/tasks`)).body as {
        id: string;
        parentCode: string | null;
        version: number;
      }[];
      let ticked = false;
      for (const task of tasks.filter((x) => x.parentCode === null)) {
        const res = await manager.patch(`/api/sessions/${sessionId}/tasks/${task.id}`, {
          status: 'done',
          doneAt: '2027-06-17',
          version: task.version,
        });
        if (res.status === 200) {
          ticked = true;
          break;
        }
      }
      expect(ticked).toBe(true);
      const pdf = async (kind: string) => {
        const res = await manager
          .get(`/api/sessions/${sessionId}/documents/${kind}.pdf`)
          .buffer(true)
          .parse((response, callback) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => callback(null, Buffer.concat(chunks)));
          });
        expect(res.status).toBe(200);
        return check(kind, res.body as Buffer);
      };
      const fraudText = (await pdf('fraude')).pages.join('\n');
      expect(fraudText).toContain('Signalé par Inès Etcheverry');
      expect(fraudText).not.toContain(email);
      const checklist = await pdf('checklist');
      expect(checklist.size.width).toBeGreaterThan(checklist.size.height);
      const checklistText = checklist.pages.join('\n');
      expect(checklistText).toContain('Inès Etcheverry');
      expect(checklistText).not.toContain(email);
    },
    SWEEP_TIMEOUT_MS,
  );
});

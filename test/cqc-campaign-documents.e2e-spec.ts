/**
 * The four PDF documents of a CQC-by-equivalence campaign, rendered by the application's own
 * `CampaignDocumentsService` (the session documents' renderer, real Chromium): each file passes
 * `qpdf --check`, and its text (`pdftotext`) says what a school reads on it. The documents do not
 * depend on the database: run in the SQLite pass only, as the other browser suites.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { majorityDate } from '../src/cqc/campaign-majority.js';
import { envelopeDeadlineNote } from '../src/cqc/campaign-timeline.js';
import type {
  CampaignDocumentContext,
  CampaignDocumentInput,
  CampaignDocumentPupil,
  EnvelopeChecklistInput,
  HandoverSheetInput,
  MajorityListInput,
  SuccessAttestationInput,
} from '../src/cqc/campaign/campaign-documents.types.js';
import { CampaignDocumentsService } from '../src/cqc/campaign/documents/campaign-documents.service.js';
import {
  CAMPAIGN_DOCUMENT_TEMPLATES,
  campaignDocumentView,
} from '../src/cqc/campaign/documents/campaign-document-views.js';
import { DocumentTemplates } from '../src/documents/document-templates.js';
import { startTestApp, type TestApp, describeOnce } from './support/test-app.js';

/** Where the PDFs are written to be checked (and looked at: JALON_KEEP_PDF=1 keeps them). */
let dir = '';

interface Checked {
  /** The text of each page, as laid out (`pdftotext -layout`: a table row on a line), spaces squeezed. */
  pages: string[];
  /** All pages as laid out. */
  layout: string;
  /** All the text in reading order on one line, as a sentence reads across line ends. */
  text: string;
}

function squeeze(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ');
}

/** Writes the PDF, checks its structure with qpdf and extracts its text per page. */
function check(name: string, bytes: Uint8Array): Checked {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  // Exit status 0 and no warning: qpdf exits 3 on warnings, 2 on errors (execFileSync throws).
  const report = execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
  expect(report).toContain('No syntax or stream encoding errors found');
  const pdftotext = (...args: string[]) =>
    execFileSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const layout = pdftotext('-layout');
  const pages = layout.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim());
  return {
    pages: pages.map(squeeze),
    layout: squeeze(layout),
    // Reading order: a table cell's lines together, sentences across line ends.
    text: pdftotext().replace(/\s+/g, ' '),
  };
}

const SCHOOL = {
  name: 'Lycée professionnel Jean-Moulin',
  city: 'Villeurbanne',
  contactName: 'Claire Martin',
  contactRole: 'Proviseure',
};

const CONTEXT: Omit<CampaignDocumentContext, 'generatedOn'> = {
  campaignLabel: 'Campagne CQC par équivalence 2026-2027',
  schoolYear: 2026,
  centreName: 'Délégation Auvergne-Rhône-Alpes',
  school: SCHOOL,
};

function pupil(
  lastName: string,
  firstName: string,
  birthDate: string,
  extra: Partial<CampaignDocumentPupil> = {},
): CampaignDocumentPupil {
  return {
    lastName,
    firstName,
    birthDate,
    className: 'Terminale Bac Pro CTRM',
    ficheNumber: null,
    ficheSessionLabel: null,
    ...extra,
  };
}

/** Forty pupils with distinct names (French and Vietnamese spellings), in no order. */
function fortyPupils(): CampaignDocumentPupil[] {
  const last = [
    'Zeller',
    'Abadie',
    'Érard',
    'Nguyễn',
    'Durand',
    'Lefèvre',
    'Moreau',
    'Bùi',
    'Petit',
    'Roux',
  ];
  const first = ['Hélène', 'Lucas', 'Inès', 'Théo'];
  return last.flatMap((l, i) =>
    first.map((f, j) =>
      pupil(l, f, `2008-${String((i % 12) + 1).padStart(2, '0')}-${String(j + 10)}`, {
        ficheNumber: i * 4 + j + 1,
      }),
    ),
  );
}

describeOnce('CQC campaign documents (PDF)', () => {
  let t: TestApp;
  let service: CampaignDocumentsService;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-cqc-docs-'));
    t = await startTestApp({ now: '2027-05-20T08:00:00Z' });
    service = t.app.get(CampaignDocumentsService);
  });

  afterAll(async () => {
    await t?.close();
    if (dir !== '' && !process.env.JALON_KEEP_PDF) rmSync(dir, { recursive: true, force: true });
  });

  async function rendered(input: CampaignDocumentInput): Promise<Checked> {
    const bytes = await service.render(input);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    return check(service.fileName(input), bytes);
  }

  it('attestation of success: every laureate by name, the school, place and date, signature and stamp', async () => {
    const input: SuccessAttestationInput = {
      ...CONTEXT,
      kind: 'attestation-reussite',
      generatedOn: '2027-05-20',
      laureates: [
        pupil('Nguyễn Thị', 'Hương', '2008-03-04', { className: 'CAP CLM 2e année' }),
        pupil('Abadie', 'Lucas', '2008-11-30'),
        pupil('Érard', 'Zoé', '2009-01-15'),
      ],
    };
    expect(service.fileName(input)).toBe(
      'cqc-attestation-reussite-cap-clm-lycee-professionnel-jean-moulin-2026-2027.pdf',
    );
    const { text, layout, pages } = await rendered(input);
    expect(pages).toHaveLength(1);
    expect(text).toContain('Attestation de réussite au CAP CLM');
    expect(text).toContain(
      'Je soussigné(e), Claire Martin, proviseure du Lycée professionnel Jean-Moulin,',
    );
    expect(text).toMatch(/les 3 élèves ci-dessous ont obtenu le certificat d’aptitude/);
    expect(text).toContain('session 2027');
    // Sorted by name, French collation: Abadie, Érard, Nguyễn.
    const order = ['Abadie', 'Érard', 'Nguyễn Thị'].map((name) => text.indexOf(name));
    expect(order.every((pos) => pos >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(layout).toMatch(/Nguyễn Thị\s+Hương\s+04\/03\/2008\s+CAP CLM 2e année/);
    expect(text).toContain('Nombre de lauréats : 3');
    expect(text).toContain('Fait à Villeurbanne, le 20/05/2027');
    expect(text).toContain('Le chef d’établissement');
    expect(text).toContain('Cachet de l’établissement');
    expect(text).toContain('permet d’identifier les nom et prénom de chaque lauréat');
    expect(text).toContain('Sources des règles citées');
    expect(text).toContain('pour le 30 mai au plus tard');
  });

  it('envelope checklist: each fiche n° with its pupil and the licence copy, no staples, the attestation, 30 May with the weekend note', async () => {
    const deadline = '2027-05-30';
    const note = envelopeDeadlineNote(deadline);
    expect(note).not.toBeNull(); // 30 May 2027 is a Sunday
    const input: EnvelopeChecklistInput = {
      ...CONTEXT,
      kind: 'bordereau-enveloppe',
      generatedOn: '2027-05-20',
      envelopeDeadline: deadline,
      envelopeDeadlineNote: note?.note ?? null,
      ficheSessions: [
        {
          label: 'Session CAP CLM — Terminale CTRM',
          fiches: [
            { ...pupil('Érard', 'Zoé', '2009-01-15'), ficheNumber: 3 },
            { ...pupil('Abadie', 'Lucas', '2008-11-30'), ficheNumber: 1 },
            { ...pupil('Nguyễn Thị', 'Hương', '2008-03-04'), ficheNumber: 4 },
          ],
          voidedNumbers: [2],
        },
        {
          label: 'Session Bac Pro — Terminale CTRM',
          fiches: [{ ...pupil('Durand', 'Élodie', '2009-02-28'), ficheNumber: 1 }],
          voidedNumbers: [],
        },
      ],
    };
    const { text, layout } = await rendered(input);
    expect(text).toContain('Bordereau de l’enveloppe des fiches navettes');
    expect(text).toContain(
      'Enveloppe à poster au plus tard le 30/05/2027, cachet de la poste faisant foi.',
    );
    expect(text).toContain('dimanche 30 mai 2027 tombe un week-end');
    expect(text).toContain('postez l’enveloppe au plus tard le vendredi 28 mai 2027');
    expect(text).toContain('Pas d’agrafe');
    expect(text).toContain('ne doivent pas être photocopiées');
    expect(text).toMatch(/Session CAP CLM — Terminale CTRM — 3 fiches navettes/);
    expect(text).toMatch(/Session Bac Pro — Terminale CTRM — 1 fiche navette\b/);
    // By fiche number: n° 1 Abadie, n° 3 Érard, n° 4 Nguyễn; each with the licence copy.
    expect(layout).toMatch(/n° 1\s+Abadie\s+Lucas\s+30\/11\/2008/);
    expect(layout).toMatch(/n° 3\s+Érard\s+Zoé\s+15\/01\/2009/);
    expect(layout).toMatch(/n° 4\s+Nguyễn Thị\s+Hương\s+04\/03\/2008/);
    expect(text.indexOf('Abadie')).toBeLessThan(text.indexOf('Érard'));
    expect(text).toContain('Fiche complétée et signée');
    expect(text).toContain('Copie recto-verso du permis signé jointe, sans agrafe');
    expect(text).toContain(
      'est accompagnée de sa pièce jointe, la copie recto-verso du permis de conduire signé. Pas d’agrafe.',
    );
    expect(text).toContain('Fiche annulée (à ne pas joindre) : n° 2.');
    expect(text).toContain('Total : 4 fiches navettes dans l’enveloppe.');
    expect(text).toContain(
      'L’attestation de réussite au CAP CLM signée du chef d’établissement, avec le cachet, nommant chaque lauréat.',
    );
    expect(text).toContain('L’enveloppe postée au plus tard le 30/05/2027');
    expect(text).toContain('Destinataire : Délégation Auvergne-Rhône-Alpes');
    expect(text).toContain('Enveloppe préparée par');
  });

  it('hand-over sheet of 40 pupils: over pages, the last rows on the last page with the visa, the one-month return', async () => {
    const pupils = fortyPupils().map((p, i) => ({
      ...p,
      cardReceivedOn: i < 38 ? '2027-07-05' : '2027-07-31',
      handedOverOn: p.lastName === 'Abadie' && p.firstName === 'Hélène' ? '2027-07-06' : null,
    }));
    const input: HandoverSheetInput = {
      ...CONTEXT,
      kind: 'remise-cqc',
      generatedOn: '2027-07-06',
      pupils,
    };
    const { pages, layout, text } = await rendered(input);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Remise des CQC contre signature');
    expect(text).toContain(
      'Dès juillet, l’établissement remet en main propre à chaque élève sa carte de qualification de conducteur (CQC), contre signature sur cette feuille.',
    );
    expect(text).toContain(
      'retourner le tout à Chronoservices dans un délai d’un mois après sa réception, cachet de la poste faisant foi.',
    );
    expect(text).toContain('formulaire « défaut qualité »');
    expect(text).toContain(
      'Cartes reçues le 05/07/2027 : en cas d’erreur, retour au plus tard le 05/08/2027.',
    );
    expect(text).toContain(
      'Cartes reçues le 31/07/2027 : en cas d’erreur, retour au plus tard le 31/08/2027.',
    );
    expect(text).toContain('40 cartes à remettre.');
    // Sorted by name: Abadie first, Zeller last (Bùi before Durand, Érard after Durand).
    const rowNames = [...layout.matchAll(/^\s*(\d+)\s+(\S+)\s+(Hélène|Inès|Lucas|Théo)\b/gm)];
    expect(rowNames.map((m) => Number(m[1]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const lastNames = rowNames.map((m) => m[2]);
    expect(lastNames[0]).toBe('Abadie');
    expect(lastNames.slice(4, 8)).toEqual(['Bùi', 'Bùi', 'Bùi', 'Bùi']);
    expect(lastNames.indexOf('Durand')).toBeLessThan(lastNames.indexOf('Érard'));
    expect(lastNames[39]).toBe('Zeller');
    // The last page holds the last rows and the visa: never the visa alone.
    const last = pages[pages.length - 1];
    expect(last).toMatch(/^\s*38\s+Zeller/m);
    expect(last).toMatch(/^\s*40\s+Zeller\s+Théo/m);
    expect(last).toContain('Visa du correspondant CQC de l’établissement');
    for (const page of pages.slice(0, -1)) expect(page).not.toContain('Visa du correspondant');
    // Every page carries the footer with its number.
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pages.length}`));
    expect(layout).toMatch(/^ ?1 Abadie Hélène 10\/02\/2008 05\/07\/2027 06\/07\/2027 ?$/m);
  });

  it('hand-over sheet of 40 to 52 pupils: the visa always on a page with the last three rows', async () => {
    // 40 to 52 rows cover a whole page of rows: at some count the visa would fall alone on a
    // page if it were not kept with the last rows.
    const moved: number[] = [];
    for (let n = 40; n <= 52; n++) {
      const pupils = Array.from({ length: n }, (_, i) => ({
        ...pupil(`Martin-${String(i + 1).padStart(2, '0')}`, 'Camille', '2008-04-01'),
        cardReceivedOn: '2027-07-05',
        handedOverOn: null,
      }));
      const { pages } = await rendered({
        ...CONTEXT,
        kind: 'remise-cqc',
        generatedOn: '2027-07-06',
        pupils,
      });
      // The visa is on one page only, with the last three rows and the table's header.
      const withVisa = pages.filter((page) => page.includes('Visa du correspondant CQC'));
      expect(withVisa).toHaveLength(1);
      const visaPage = withVisa[0];
      for (let row = n - 2; row <= n; row++) {
        expect(visaPage).toMatch(
          new RegExp(`^ ?${row} Martin-${String(row).padStart(2, '0')} Camille`, 'm'),
        );
      }
      expect(visaPage).toContain('Signature de l’élève');
      const index = pages.indexOf(visaPage);
      if (index > 0 && !visaPage.includes(`Martin-${String(n - 3).padStart(2, '0')}`)) {
        moved.push(n);
      }
    }
    // At least one count needed the last rows carried over with the visa.
    expect(moved.length).toBeGreaterThan(0);
  });

  it('a long attestation and a full envelope: the signature on a page with the last rows', async () => {
    const attestation = await rendered({
      ...CONTEXT,
      kind: 'attestation-reussite',
      generatedOn: '2027-05-20',
      laureates: fortyPupils(),
    });
    expect(attestation.pages.length).toBeGreaterThanOrEqual(2);
    const signed = attestation.pages.filter((page) => page.includes('Cachet de l’établissement'));
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(/^ ?38 Zeller Inès/m);
    expect(signed[0]).toMatch(/^ ?40 Zeller Théo/m);
    expect(signed[0]).toContain('Nombre de lauréats : 40');
    expect(signed[0]).toContain('Fait à Villeurbanne, le 20/05/2027');

    // Two sessions of 32 fiches (the most a session has), the second ending the envelope.
    const fiches = [
      ...fortyPupils(),
      ...fortyPupils().map((p) => ({ ...p, lastName: `${p.lastName}-B` })),
    ];
    const envelope = await rendered({
      ...CONTEXT,
      kind: 'bordereau-enveloppe',
      generatedOn: '2027-05-20',
      envelopeDeadline: '2027-05-30',
      envelopeDeadlineNote: null,
      ficheSessions: [0, 1].map((s) => ({
        label: s === 0 ? 'Session CAP CLM — Terminale CTRM' : 'Session Bac Pro — Terminale CTRM',
        fiches: fiches.slice(s * 32, s * 32 + 32).map((p, i) => ({ ...p, ficheNumber: i + 1 })),
        voidedNumbers: [],
      })),
    });
    expect(envelope.text).toContain('Total : 64 fiches navettes dans l’enveloppe.');
    const closing = envelope.pages.filter((page) => page.includes('Enveloppe préparée par'));
    expect(closing).toHaveLength(1);
    for (const n of [30, 31, 32]) expect(closing[0]).toMatch(new RegExp(`^ ?n° ${n} `, 'm'));
    expect(closing[0]).toContain('Avant de fermer l’enveloppe');
  });

  it('empty documents and a campaign-wide list render, saying there is nothing to list', async () => {
    const context = { ...CONTEXT, school: null, generatedOn: '2027-05-20' };
    const empty: [CampaignDocumentInput, string][] = [
      [
        { ...context, kind: 'attestation-reussite', laureates: [] },
        'Aucun lauréat du CAP CLM n’est enregistré',
      ],
      [
        {
          ...context,
          kind: 'bordereau-enveloppe',
          envelopeDeadline: '2027-05-30',
          envelopeDeadlineNote: null,
          ficheSessions: [],
        },
        'Aucune fiche navette n’est attribuée à cet établissement',
      ],
      [{ ...context, kind: 'remise-cqc', pupils: [] }, 'Aucune carte à remettre'],
      [{ ...context, kind: 'eleves-majeurs', entries: [] }, 'Aucun élève n’atteint ses 18 ans'],
    ];
    for (const [input, notice] of empty) {
      expect(service.fileName(input)).toMatch(/^cqc-[a-z-]+-2026-2027\.pdf$/);
      const { text, pages } = await rendered(input);
      expect(pages).toHaveLength(1);
      expect(text).toContain(notice);
      expect(text).toContain('Délégation Auvergne-Rhône-Alpes');
      expect(text).toMatch(/(Fait l|L)e 20\/05\/2027/);
    }
  });

  it('writes user data as text: markup in a name is printed, never interpreted', async () => {
    const input: HandoverSheetInput = {
      ...CONTEXT,
      school: { ...SCHOOL, name: 'Lycée <b>Pasteur</b> & Curie' },
      kind: 'remise-cqc',
      generatedOn: '2027-07-06',
      pupils: [
        {
          ...pupil('<img src=x onerror=alert(1)>', 'Zoé', '2008-01-02'),
          cardReceivedOn: '2027-07-05',
          handedOverOn: null,
        },
      ],
    };
    const html = t.app
      .get(DocumentTemplates)
      .document(CAMPAIGN_DOCUMENT_TEMPLATES['remise-cqc'], campaignDocumentView(input)).html;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('Lycée &lt;b&gt;Pasteur&lt;/b&gt; &amp; Curie');
    expect(service.fileName(input)).toBe('cqc-remise-cqc-lycee-b-pasteur-b-curie-2026-2027.pdf');
    const { text } = await rendered(input);
    expect(text).toContain('<img src=x onerror=alert(1)> Zoé');
    expect(text).toContain('Lycée <b>Pasteur</b> & Curie');
  });

  it('pupils turning 18: each with the date, by date, the 29 February birth on 1 March', async () => {
    const born = [
      pupil('Petit', 'Théo', '2009-09-02', {
        ficheNumber: 7,
        ficheSessionLabel: 'Session Bac Pro — Terminale CTRM',
      }),
      pupil('Bùi', 'Lan', '2009-06-14'),
      pupil('Abadie', 'Inès', '2009-06-14', {
        ficheNumber: 2,
        ficheSessionLabel: 'Session Bac Pro — Terminale CTRM',
      }),
      pupil('Lefèvre', 'Noé', '2012-02-29', { className: 'Seconde Bac Pro CTRM' }),
    ];
    const input: MajorityListInput = {
      ...CONTEXT,
      kind: 'eleves-majeurs',
      generatedOn: '2027-05-20',
      entries: born.map((p) => ({ ...p, majorityDate: majorityDate(p.birthDate) })),
    };
    const { text, layout } = await rendered(input);
    expect(text).toContain('Élèves à convoquer dès leurs 18 ans');
    expect(text).toContain('convoque chaque élève dès le jour de ses 18 ans');
    expect(layout).toMatch(/14\/06\/2027\s+Abadie\s+Inès\s+14\/06\/2009/);
    expect(layout).toMatch(/14\/06\/2027\s+Bùi\s+Lan\s+14\/06\/2009/);
    expect(layout).toMatch(/02\/09\/2027\s+Petit\s+Théo\s+02\/09\/2009/);
    expect(layout).toMatch(/01\/03\/2030 \(\*\)\s+Lefèvre\s+Noé\s+29\/02\/2012/);
    const order = ['Abadie', 'Bùi', 'Petit', 'Lefèvre'].map((n) => layout.indexOf(`${n} `));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('lundi 14 juin 2027');
    expect(text).toContain('fiche n° 7');
    expect(text).toContain('Pas encore de fiche');
    expect(text).toContain('Jalon retient le 1er mars');
    expect(text).toContain('4 élèves à convoquer.');
    expect(text).toContain('Code civil');
  });
});

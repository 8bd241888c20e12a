/**
 * Documents: the whole pack of a 30-candidate session (« Tous les documents »), one rendering per
 * document as before and one per kind split per person now, against a bare page.pdf() of the same
 * HTML; then 200 convocations in one PDF and 50 PVs of 30 candidates, with the warm shared
 * renderer and the naive way (a browser launched per document), side by side: milliseconds per
 * document and peak memory of Node (RSS) and of Chromium (sum of the RSS of its processes).
 * `BENCH_PACK_ONLY=1`: the pack case alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { candidateConvocations } from '../src/documents/convocation-views.js';
import {
  documentFileName,
  SESSION_DOCUMENTS,
  type DocumentRequest,
} from '../src/documents/document-catalog.js';
import { buildPack, packPlan } from '../src/documents/document-pack.js';
import { DocumentTemplates } from '../src/documents/document-templates.js';
import { documentHtml, PACK_IN_FLIGHT } from '../src/documents/documents.service.js';
import { mapInFlight } from '../src/documents/pack-loop.js';
import { sessionMinutes } from '../src/documents/minutes-views.js';
import {
  CHROMIUM_ARGS,
  PdfRenderer,
  pdfRendererOptions,
  type PdfDocument,
} from '../src/documents/pdf-renderer.js';
import type { DossierCandidate, SessionDossier } from '../src/documents/session-dossier.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE_SIZE = 4096;

const FIRST = ['Hélène', 'Zoé', 'Thị Hương', 'Jérôme', 'Maëlys', 'Joël', 'Anaïs', 'François'];
const LAST = [
  'Đặng Thị Ngọc',
  'Lefèvre-Müller',
  'Nguyễn',
  'Rousseau',
  'Œhlenschläger',
  'Castañeda',
];

function candidates(count: number): DossierCandidate[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    personId: `p${i}`,
    lastName: `${LAST[i % LAST.length]} ${i + 1}`,
    firstName: FIRST[i % FIRST.length],
    birthDate: '1990-04-12',
    address: `${i + 3} rue des Églantiers\n69100 Villeurbanne`,
    pathway: i % 5 === 0 ? 'VAE' : 'FORMATION',
    vaeValidUntil: i % 5 === 0 ? '2027-12-31' : null,
    accommodationRequested: false,
    accommodationDetails: '',
    convocationDate: '2027-05-10',
    convocationMode: i % 2 === 0 ? 'HAND_DELIVERED' : 'REGISTERED_MAIL',
    attendance: i % 10 === 9 ? 'ABSENT' : 'PRESENT',
    results:
      i % 10 === 9
        ? []
        : [
            { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
            { ccpCode: 'CCP2', outcome: i % 3 === 0 ? 'NOT_ACQUIRED' : 'ACQUIRED' },
            { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
          ],
  }));
}

function dossier(candidateCount: number): SessionDossier {
  return {
    today: '2027-06-18',
    session: {
      id: 's1',
      centreId: 'c1',
      nature: 'TITRE',
      ccpCodes: [],
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      startTime: '09:00',
      location: 'Salle Molière, 12 rue de la Paix, Vénissieux',
      status: 'PLANNED',
      cancelReason: null,
      checklistVersion: 1,
    },
    centre: {
      name: 'Centre Éléonore Dupré',
      address: '1 quai Perrache',
      postalCode: '69002',
      city: 'Lyon',
    },
    site: { name: 'Site de Vénissieux', address: '', postalCode: '69200', city: 'Vénissieux' },
    titre: {
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
      version: '2023',
      examTests: [],
      convocationDocuments: [],
      ccps: [
        { code: 'CCP1', label: 'Développer une application sécurisée', kind: 'CCP' },
        {
          code: 'CCP2',
          label: 'Concevoir et développer une application organisée en couches',
          kind: 'CCP',
        },
        { code: 'CCP3', label: 'Préparer le déploiement d’une application sécurisée', kind: 'CCP' },
      ],
    },
    agrementReference: 'AGR-69-2027-014',
    manager: { firstName: 'Bérénice', lastName: 'Œhlenschläger', email: 'rs@centre.test' },
    deputyManager: null,
    records: {},
    candidates: candidates(candidateCount),
    staff: ['JURY', 'JURY', 'JURY', 'SURVEILLANT'].map((role, i) => ({
      assignmentId: `a${i}`,
      role: role as 'JURY' | 'SURVEILLANT',
      juryMemberId: `j${i}`,
      lastName: LAST[(i + 2) % LAST.length],
      firstName: FIRST[(i + 3) % FIRST.length],
      employer: 'Société Générale d’Informatique',
      habilitationUntil: '2028-12-31',
    })),
    declarations: [],
    incidents: [
      {
        id: 'i1',
        kind: 'INCIDENT',
        candidateId: null,
        occurredOn: '2027-06-15',
        description: 'Coupure d’électricité de 10 h 05 à 10 h 25.',
        measures: 'Épreuve prolongée de vingt minutes.',
        reportedBy: 'rs@centre.test',
      },
    ],
  };
}

/**
 * Memory in bytes of the processes whose process group is one of `groups`: the sum of their RSS
 * (shared pages counted in each process) and of their PSS (shared pages split between them).
 */
function chromiumMemory(groups: ReadonlySet<number>): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!groups.has(Number(fields[2]))) continue;
      rss += Number(readFileSync(`/proc/${entry}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      const rollup = readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8');
      pss += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // gone, or not readable
    }
  }
  return { rss, pss };
}

interface Figures {
  label: string;
  documents: number;
  msPerDocument: number;
  nodeRssMb: number;
  chromiumRssMb: number;
  chromiumPssMb: number;
}

/** Runs `work`, sampling the peak RSS of Node and of the browsers whose pids `groups` returns. */
async function measure(
  label: string,
  documents: number,
  groups: () => Set<number>,
  work: () => Promise<void>,
): Promise<Figures> {
  globalThis.gc?.();
  let node = process.memoryUsage().rss;
  let chromium = 0;
  let chromiumPss = 0;
  const sample = () => {
    node = Math.max(node, process.memoryUsage().rss);
    const memory = chromiumMemory(groups());
    chromium = Math.max(chromium, memory.rss);
    chromiumPss = Math.max(chromiumPss, memory.pss);
  };
  const timer = setInterval(sample, 25);
  const start = performance.now();
  await work();
  const elapsed = performance.now() - start;
  sample();
  clearInterval(timer);
  return {
    label,
    documents,
    msPerDocument: elapsed / documents,
    nodeRssMb: node / 2 ** 20,
    chromiumRssMb: chromium / 2 ** 20,
    chromiumPssMb: chromiumPss / 2 ** 20,
  };
}

/** The naive way: a browser launched, used once and closed for each document. */
async function naiveRender(document: PdfDocument, groups: Set<number>): Promise<Buffer> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const pid = browser.process()?.pid;
  if (pid !== undefined) groups.add(pid);
  try {
    const page = await browser.newPage();
    await page.setContent(document.html, { waitUntil: 'load' });
    return Buffer.from(
      await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: document.footerHtml,
        margin: { top: '14mm', bottom: '18mm', left: '15mm', right: '15mm' },
      }),
    );
  } finally {
    await browser.close();
    if (pid !== undefined) groups.delete(pid);
  }
}

function row(f: Figures): string {
  return (
    `${f.label.padEnd(44)} ${String(f.documents).padStart(4)} ` +
    `${f.msPerDocument.toFixed(1).padStart(9)} ms/doc ` +
    `${f.nodeRssMb.toFixed(0).padStart(6)} Mo ${f.chromiumRssMb.toFixed(0).padStart(8)} Mo ` +
    `${f.chromiumPssMb.toFixed(0).padStart(8)} Mo`
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The pack of a 30-candidate session (4 assigned persons): before (one rendering per document,
 * PACK_IN_FLIGHT at a time in the pack lane) and now (buildPack), medians of 3 warm runs; and a
 * bare page.pdf() of the HTML of each kind, one after the other on a warm page: the engine's floor.
 */
async function packCase(): Promise<string> {
  const templates = new DocumentTemplates();
  const session = dossier(30);
  const html = (request: DocumentRequest) =>
    documentHtml(templates, session, request, () =>
      Promise.resolve({ title: 'Guide de préparation de la session', version: 1, tasks: [] }),
    );
  const { order, parts } = packPlan(session);
  const renderer = new PdfRenderer(
    pdfRendererOptions({ chromiumPath: CHROMIUM, chromiumWsEndpoint: null }),
  );
  let packs = 0;
  const before = async (): Promise<number> => {
    const orderOf = { lane: 'pack' as const, owner: 'c1', pack: String(++packs) };
    const requests = [
      ...SESSION_DOCUMENTS.map((d): DocumentRequest => ({ kind: d.kind })),
      ...parts.flatMap((p) => p.persons.map((f) => f.request)),
    ];
    const start = performance.now();
    const files = await mapInFlight(requests, PACK_IN_FLIGHT, async (request) => ({
      path: documentFileName(session, request),
      body: await renderer.render(await html(request), orderOf),
    }));
    if (files.length !== order.length) throw new Error('pack incomplet');
    return performance.now() - start;
  };
  const after = async (): Promise<number> => {
    const orderOf = { lane: 'pack' as const, owner: 'c1', pack: String(++packs) };
    const start = performance.now();
    const files = await buildPack(
      session,
      { html, render: (document) => renderer.render(document, orderOf) },
      { inFlight: PACK_IN_FLIGHT },
    );
    if (files.some((f) => f.body.length === 0)) throw new Error('pack incomplet');
    return performance.now() - start;
  };
  await after(); // warm-up: the browser and its pages
  await before();
  const beforeMs = median([await before(), await before(), await before()]);
  const afterMs = median([await after(), await after(), await after()]);
  const rendered = renderer.stats().rendered;
  await renderer.close();

  // The floor: a bare page.pdf() of the same HTML, each kind once, on one warm page.
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let bareMs: number;
  try {
    const page = await browser.newPage();
    const documents = await Promise.all(SESSION_DOCUMENTS.map((d) => html({ kind: d.kind })));
    const bare = async (): Promise<number> => {
      const start = performance.now();
      for (const document of documents) {
        await page.setContent(document.html, { waitUntil: 'load' });
        await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: document.footerHtml,
          margin: { top: '14mm', bottom: '18mm', left: '15mm', right: '15mm' },
        });
      }
      return performance.now() - start;
    };
    await bare();
    bareMs = median([await bare(), await bare(), await bare()]);
  } finally {
    await browser.close();
  }
  const files = order.length;
  return (
    `Pack de documents d’une session de 30 candidats (${files} fichiers, ${SESSION_DOCUMENTS.length} types) :\n` +
    `  avant (un rendu par document)       : ${beforeMs.toFixed(0).padStart(6)} ms, ${(beforeMs / files).toFixed(1)} ms/document\n` +
    `  après (un rendu par type, découpé)  : ${afterMs.toFixed(0).padStart(6)} ms, ${(afterMs / files).toFixed(1)} ms/document (objectif < 1 500 ms)\n` +
    `  page.pdf() nu du même HTML (${SESSION_DOCUMENTS.length} types à la suite) : ${bareMs.toFixed(0).padStart(6)} ms, ${(bareMs / files).toFixed(1)} ms/document\n` +
    `  rapport coût par document / page.pdf() nu : ${(afterMs / bareMs).toFixed(2)} (avant : ${(beforeMs / bareMs).toFixed(2)}) ; ` +
    `gain ×${(beforeMs / afterMs).toFixed(1)} ; ${rendered} rendus Chromium en tout\n`
  );
}

async function main(): Promise<void> {
  const pack = await packCase();
  process.stdout.write(`${pack}\n`);
  if (process.env.BENCH_PACK_ONLY === '1') return;
  const templates = new DocumentTemplates();
  const convocationsDoc = templates.document('convocations', candidateConvocations(dossier(200)));
  const pvs = Array.from({ length: 50 }, () =>
    templates.document('pv-session', sessionMinutes(dossier(30))),
  );

  const renderer = new PdfRenderer(
    pdfRendererOptions({ chromiumPath: CHROMIUM, chromiumWsEndpoint: null }),
  );
  const warmGroups = () => new Set(renderer.stats().pids);
  // Warm-up: the browser starts and the pages of the pool are created.
  await Promise.all([renderer.render(pvs[0]), renderer.render(pvs[1])]);

  const figures: Figures[] = [];
  let pages = 0;
  figures.push(
    await measure('partagé : 200 convocations (1 PDF)', 200, warmGroups, async () => {
      const pdf = await renderer.render(convocationsDoc);
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }),
  );
  figures.push(
    await measure('partagé : 50 PV de 30 candidats', 50, warmGroups, async () => {
      await Promise.all(pvs.map((pv) => renderer.render(pv)));
    }),
  );
  const stats = renderer.stats();
  await renderer.close();

  const naive = new Set<number>();
  figures.push(
    await measure(
      'naïf : 200 convocations (1 PDF, 1 lancement)',
      200,
      () => naive,
      async () => {
        await naiveRender(convocationsDoc, naive);
      },
    ),
  );
  figures.push(
    await measure(
      'naïf : 50 PV de 30 candidats (1 lancement/PV)',
      50,
      () => naive,
      async () => {
        for (const pv of pvs) await naiveRender(pv, naive);
      },
    ),
  );

  const endurance = await enduranceRun();

  process.stdout.write(
    `${'cas'.padEnd(44)} docs ${'temps'.padStart(16)} ${'Node RSS'.padStart(9)} ` +
      `${'Chromium RSS'.padStart(11)} ${'(PSS)'.padStart(11)}\n`,
  );
  for (const f of figures) process.stdout.write(`${row(f)}\n`);
  process.stdout.write(
    `\nConvocations : ${pages} pages. Rendu partagé : ${stats.launches} lancement(s) de Chromium, ` +
      `${stats.rendered} documents. Objectifs : < 100 ms par convocation, < 400 ms par PV de 30 candidats.\n`,
  );
  process.stdout.write(`\n${endurance}\n`);
}

/** The processes of this Node process's descendants and of the given process groups. */
function chromiumProcesses(groups: ReadonlySet<number>): { count: number; zombies: number } {
  const all: { pid: number; ppid: number; pgid: number; state: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.push({ pid: Number(entry), ppid: Number(ppid), pgid: Number(pgid), state });
    } catch {
      // gone
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  const found = all.filter((p) => p.pid !== process.pid && (mine.has(p.pid) || groups.has(p.pgid)));
  return { count: found.length, zombies: found.filter((p) => p.state === 'Z').length };
}

/** 1,000 small documents on the shared renderer (recycled every 300): memory and processes. */
async function enduranceRun(): Promise<string> {
  const renderer = new PdfRenderer(
    pdfRendererOptions({ chromiumPath: CHROMIUM, chromiumWsEndpoint: null }),
  );
  const templates = new DocumentTemplates();
  const small = dossier(1);
  const doc = templates.document('convocations', candidateConvocations(small));
  const before = chromiumProcesses(new Set());
  const samples: string[] = [];
  let peakProcesses = 0;
  const start = performance.now();
  for (let batch = 0; batch < 10; batch++) {
    await Promise.all(Array.from({ length: 100 }, () => renderer.render(doc)));
    const groups = new Set(renderer.stats().pids);
    peakProcesses = Math.max(peakProcesses, chromiumProcesses(groups).count);
    const memory = chromiumMemory(groups);
    samples.push(
      `${(batch + 1) * 100}: Node ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} Mo, ` +
        `Chromium ${(memory.pss / 2 ** 20).toFixed(0)} Mo`,
    );
  }
  const elapsed = performance.now() - start;
  const stats = renderer.stats();
  await renderer.close();
  // The last processes of a closed browser are reaped by init: wait for them (15 s at most).
  const closedAt = performance.now();
  let after = chromiumProcesses(new Set(stats.pids));
  while (after.count > before.count && performance.now() - closedAt < 15_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    after = chromiumProcesses(new Set(stats.pids));
  }
  const settled = ((performance.now() - closedAt) / 1000).toFixed(1);
  return (
    `Endurance : 1 000 convocations d’une page, ${(elapsed / 1000).toFixed(1)} ms/doc, ` +
    `${stats.launches} lancements (recyclage tous les 300).\n` +
    `  mémoire après chaque centaine (PSS) : ${samples.join(' ; ')}\n` +
    `  processus Chromium : ${before.count} avant, au plus ${peakProcesses} pendant, ` +
    `${after.count} ${settled} s après la fermeture (${after.zombies} zombie).`
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

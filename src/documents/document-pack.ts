/**
 * The whole document pack of a session (« Tous les documents »): each kind rendered once, the
 * kinds with one document per person (convocations, PV individuels, convocations du jury) split
 * per person with pdf-lib (see pdf-split.ts), so that a pack costs about a dozen renderings
 * instead of one per document. The pack's documents are untagged PDFs: tagging doubles the cost
 * of a rendering, and pages copied by pdf-lib lose it anyway.
 */
import { PDFDocument } from 'pdf-lib';
import {
  documentFileName,
  SESSION_DOCUMENTS,
  type DocumentRequest,
  type SessionDocumentKind,
} from './document-catalog.js';
import { mapInFlight } from './pack-loop.js';
import {
  composePieces,
  footerSheetsHtml,
  markerStarts,
  markPersons,
  personRanges,
  pieceNumbers,
} from './pdf-split.js';
import type { PdfDocument } from './pdf-renderer.js';
import type { SessionDossier } from './session-dossier.js';

/** One file of the pack: its path in the archive and the request that produces it. */
export interface PackFile {
  path: string;
  request: DocumentRequest;
}

/** One rendering: a session document, and the documents of its persons split out of it. */
export interface PackPart {
  whole: PackFile;
  persons: PackFile[];
}

type Dossier = Pick<SessionDossier, 'session' | 'titre' | 'candidates' | 'staff'>;

/** The per-person documents split out of a session document, and the folder they go in. */
const SPLIT_KINDS: Partial<Record<SessionDocumentKind, string>> = {
  convocations: 'convocations/',
  'pv-individuels': 'pv-individuels/',
  'jury-convocations': 'convocations-jury/',
};

function personRequests(dossier: Dossier, kind: SessionDocumentKind): DocumentRequest[] {
  switch (kind) {
    case 'convocations':
      return dossier.candidates.map((c) => ({ kind: 'convocation', candidateId: c.id }));
    case 'pv-individuels':
      return dossier.candidates.map((c) => ({ kind: 'pv-individuel', candidateId: c.id }));
    case 'jury-convocations':
      return dossier.staff.map((s) => ({ kind: 'jury-convocation', assignmentId: s.assignmentId }));
    default:
      return [];
  }
}

/**
 * The renderings of the pack, the split ones first, the most persons first (the longest), and the order of its files in
 * the archive: the session's documents, then each candidate's convocation and PV, then each
 * assigned person's convocation.
 */
export function packPlan(dossier: Dossier): { parts: PackPart[]; order: string[] } {
  const file = (folder: string, request: DocumentRequest): PackFile => ({
    path: `${folder}${documentFileName(dossier, request)}`,
    request,
  });
  const parts = SESSION_DOCUMENTS.map((d): PackPart => {
    const folder = SPLIT_KINDS[d.kind];
    return {
      whole: file('', { kind: d.kind }),
      persons:
        folder === undefined ? [] : personRequests(dossier, d.kind).map((r) => file(folder, r)),
    };
  });
  const persons = (kind: SessionDocumentKind): string[] =>
    parts.find((p) => p.whole.request.kind === kind)?.persons.map((f) => f.path) ?? [];
  const convocations = persons('convocations');
  const minutes = persons('pv-individuels');
  const order = [
    ...parts.map((p) => p.whole.path),
    ...dossier.candidates.flatMap((_, i) => [convocations[i], minutes[i]]),
    ...persons('jury-convocations'),
  ];
  return {
    parts: [
      ...parts
        .filter((p) => p.persons.length > 0)
        .sort((a, b) => b.persons.length - a.persons.length),
      ...parts.filter((p) => p.persons.length === 0),
    ],
    order,
  };
}

/** What the pack needs: each document's HTML, and its rendering in the pack's turn. */
export interface PackSource {
  html(request: DocumentRequest): Promise<PdfDocument>;
  render(document: PdfDocument): Promise<Buffer>;
  /** Told when a split falls back to one rendering per person. */
  warn?(message: string): void;
}

export interface PackOptions {
  /** Renderings of the pack in flight at once (waiting their turn or rendered). */
  inFlight: number;
  signal?: AbortSignal;
  /** Files done so far, out of `total`: 0 first, `total` last. */
  progress?(done: number, total: number): void;
}

/** Every file of the pack, in the archive's order. */
export async function buildPack(
  dossier: Dossier,
  source: PackSource,
  options: PackOptions,
): Promise<{ path: string; body: Uint8Array }[]> {
  const { parts, order } = packPlan(dossier);
  const total = order.length;
  const files = new Map<string, Uint8Array>();
  options.progress?.(0, total);
  const done = (path: string, body: Uint8Array): void => {
    files.set(path, body);
    options.progress?.(files.size, total);
  };
  await mapInFlight(
    parts,
    options.inFlight,
    async (part) => {
      const layered = await renderLayered(part, source);
      if (layered) {
        layered.forEach((body, i) =>
          done(i === 0 ? part.whole.path : part.persons[i - 1].path, body),
        );
        return;
      }
      source.warn?.(
        `Découpage impossible pour ${part.whole.path} : un rendu par personne à la place.`,
      );
      for (const file of [part.whole, ...part.persons]) {
        done(file.path, await source.render(await source.html(file.request)));
      }
    },
    options.signal,
  );
  return order.map((path) => ({ path, body: files.get(path) ?? new Uint8Array() }));
}

/**
 * The part's whole document then each person's, from one rendering of the body and one of the
 * footers; null when the body's markers do not give one first page per person.
 */
async function renderLayered(part: PackPart, source: PackSource): Promise<Uint8Array[] | null> {
  const document = await source.html(part.whole.request);
  const split = part.persons.length > 0;
  // Nothing to split: one rendering, its footer by Chromium (cheaper than a second rendering).
  if (!split) return [await source.render({ ...document, untagged: true })];
  const marked = markPersons(document.html);
  if (marked.count !== part.persons.length) return null;
  const body = await PDFDocument.load(
    await source.render({ ...document, html: marked.html, layer: 'body' }),
    { updateMetadata: false },
  );
  const pageCount = body.getPageCount();
  const whole = { start: 0, end: pageCount };
  const persons = personRanges(markerStarts(body, marked.count), pageCount, marked.count);
  if (persons === null) return null;
  const { numbers, pieces } = pieceNumbers([whole, ...persons]);
  const footers = await PDFDocument.load(
    await source.render({
      html: footerSheetsHtml(document.footerHtml, numbers),
      footerHtml: '',
      layer: 'footers',
    }),
    { updateMetadata: false },
  );
  if (footers.getPageCount() !== numbers.length) return null;
  return composePieces(body, footers, pieces);
}

/**
 * One document rendered once for many persons (each person starting on a new page), split into
 * one PDF per person with pdf-lib. Each person's first page is found from a marker: an invisible
 * link put at the start of each person's section (`markPersons`), which Chromium turns into a
 * link annotation on that page (`markerStarts`). When the markers do not match the persons,
 * `personRanges` says so (null) and the caller renders each person on their own instead.
 *
 * Footers: Chromium's footer template costs about as much as the page under it and numbers the
 * pages of the whole rendering. So the body is rendered without it, and each output page gets its
 * footer from one rendering of transparent "footer sheets" (the same footer HTML, with the page
 * number and count of the person's document), drawn over it: same text, font and place as a
 * document rendered on its own.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFObject,
  type PDFPage,
} from 'pdf-lib';

/** The pages of one person: from `start` (included) to `end` (excluded), 0-based. */
export interface PageRange {
  start: number;
  end: number;
}

/**
 * The persons' page ranges from the first page of each, in order; null unless there is exactly
 * one first page per person, the first one on page 0, each after the previous one, all within the
 * document.
 */
export function personRanges(
  starts: readonly number[],
  pageCount: number,
  persons: number,
): PageRange[] | null {
  if (persons < 1 || starts.length !== persons || starts[0] !== 0) return null;
  for (let i = 1; i < starts.length; i++) {
    if (!(starts[i] > starts[i - 1])) return null;
  }
  if (starts[starts.length - 1] >= pageCount) return null;
  return starts.map((start, i) => ({
    start,
    end: i + 1 < starts.length ? starts[i + 1] : pageCount,
  }));
}

/** Marker links point there: `https://person.invalid/<index>` (`.invalid` never resolves). */
const MARKER_PREFIX = 'https://person.invalid/';

/** Opening tag of a person's section (`<section class="page">`, one per person and page break). */
const SECTION = /<section\b[^>]*\bclass="(?:[^"]*\s)?page(?:\s[^"]*)?"[^>]*>/g;

/**
 * The document's HTML with an invisible 1 px link at the start of each person's section (no
 * room taken), and how many it put: Chromium makes each a link annotation on the page where the
 * section starts, even in an untagged PDF (an outline would need the costly tagging).
 */
export function markPersons(html: string): { html: string; count: number } {
  let count = 0;
  const marked = html.replace(
    SECTION,
    (tag) =>
      `${tag}<a href="${MARKER_PREFIX}${count++}" aria-hidden="true" tabindex="-1" ` +
      'style="display:block;width:1px;height:1px;margin-bottom:-1px;overflow:hidden"></a>',
  );
  return { html: marked, count };
}

function markerIndex(pdf: PDFDocument, annotation: PDFObject): number | null {
  const dict = lookupDict(pdf, annotation);
  const action = lookupDict(pdf, dict?.get(PDFName.of('A')));
  const uri = action?.get(PDFName.of('URI'));
  const text =
    uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
  if (!text?.startsWith(MARKER_PREFIX)) return null;
  const index = Number(text.slice(MARKER_PREFIX.length));
  return Number.isSafeInteger(index) && index >= 0 ? index : null;
}

function annotations(pdf: PDFDocument, page: PDFPage): PDFArray | undefined {
  const annots = page.node.get(PDFName.of('Annots'));
  const resolved = annots instanceof PDFRef ? pdf.context.lookup(annots) : annots;
  return resolved instanceof PDFArray ? resolved : undefined;
}

/** The 0-based page of each marker, by the marker's index; -1 for a marker not found. */
export function markerStarts(pdf: PDFDocument, count: number): number[] {
  const starts = new Array<number>(count).fill(-1);
  pdf.getPages().forEach((page, pageIndex) => {
    for (const annotation of annotations(pdf, page)?.asArray() ?? []) {
      const index = markerIndex(pdf, annotation);
      if (index !== null && index < count && starts[index] === -1) starts[index] = pageIndex;
    }
  });
  return starts;
}

/** Takes the markers' link annotations off a page. */
function unmark(pdf: PDFDocument, page: PDFPage): void {
  const annots = annotations(pdf, page);
  if (!annots) return;
  const kept = annots.asArray().filter((a) => markerIndex(pdf, a) === null);
  if (kept.length === 0) page.node.delete(PDFName.of('Annots'));
  else page.node.set(PDFName.of('Annots'), pdf.context.obj(kept));
}

function lookupDict(pdf: PDFDocument, object: PDFObject | undefined): PDFDict | undefined {
  const resolved = object instanceof PDFRef ? pdf.context.lookup(object) : object;
  return resolved instanceof PDFDict ? resolved : undefined;
}

/** The page number and count of one page of an output document. */
export interface PageNumber {
  page: number;
  pages: number;
}

/** The footer template with Chromium's page number and count filled in, as Chromium does. */
export function numberedFooter(footerHtml: string, { page, pages }: PageNumber): string {
  return footerHtml
    .replace(/(<[^>]*\bclass="[^"]*\bpageNumber\b[^"]*"[^>]*>)/g, `$1${page}`)
    .replace(/(<[^>]*\bclass="[^"]*\btotalPages\b[^"]*"[^>]*>)/g, `$1${pages}`);
}

/**
 * One transparent A4 sheet per page number, the footer placed where Chromium puts its footer
 * template (measured with `pdftotext -bbox`: 14.25 pt above the bottom edge, in a 596 pt wide
 * frame), to be drawn over the pages of a body rendered without its footer.
 */
export function footerSheetsHtml(footerHtml: string, numbers: readonly PageNumber[]): string {
  const sheets = numbers
    .map((n) => `<div class="sheet"><div class="foot">${numberedFooter(footerHtml, n)}</div></div>`)
    .join('');
  return (
    '<!doctype html><html lang="fr"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${FOOTER_CSP}"><style>` +
    '@page { margin: 0; } html, body { margin: 0; background: transparent; } ' +
    '.sheet { position: relative; width: 100vw; height: 100vh; overflow: hidden; } ' +
    '.sheet + .sheet { break-before: page; } ' +
    '.foot { position: absolute; left: 0; bottom: 14.25pt; width: 596pt; display: flex; ' +
    'align-items: flex-end; }' +
    `</style></head><body>${sheets}</body></html>`
  );
}

/** Like the documents: inline styles only, nothing fetched. */
const FOOTER_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'";

/** One output document: its pages in the body, and the first of its footer sheets. */
export interface Piece {
  range: PageRange;
  footers: number;
}

/** The footer sheets the pieces need, in order: each piece's pages numbered from 1. */
export function pieceNumbers(ranges: readonly PageRange[]): {
  numbers: PageNumber[];
  pieces: Piece[];
} {
  const numbers: PageNumber[] = [];
  const pieces = ranges.map((range) => {
    const footers = numbers.length;
    const pages = range.end - range.start;
    for (let page = 1; page <= pages; page++) numbers.push({ page, pages });
    return { range, footers };
  });
  return { numbers, pieces };
}

/** Each piece as a PDF of its own, its footer sheets drawn over its pages, with the body's title. */
export async function composePieces(
  body: PDFDocument,
  footers: PDFDocument,
  pieces: readonly Piece[],
): Promise<Uint8Array[]> {
  const title = body.getTitle();
  const created = body.getCreationDate();
  const footerPages = footers.getPages();
  const results: Uint8Array[] = [];
  for (const { range, footers: first } of pieces) {
    const out = await PDFDocument.create({ updateMetadata: false });
    const count = range.end - range.start;
    const pages = await out.copyPages(
      body,
      Array.from({ length: count }, (_, i) => range.start + i),
    );
    const stamps = await out.embedPages(footerPages.slice(first, first + count));
    pages.forEach((page, i) => {
      unmark(out, page);
      out.addPage(page);
      page.drawPage(stamps[i], { x: 0, y: 0 });
    });
    if (title) out.setTitle(title);
    out.setProducer(body.getProducer() ?? 'Jalon');
    out.setCreator(body.getCreator() ?? 'Jalon');
    if (created) {
      out.setCreationDate(created);
      out.setModificationDate(created);
    }
    results.push(await out.save());
  }
  return results;
}

import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import {
  composePieces,
  footerSheetsHtml,
  markerStarts,
  markPersons,
  numberedFooter,
  personRanges,
  pieceNumbers,
} from './pdf-split.js';

describe('personRanges', () => {
  it('gives each person the pages up to the next person, a 2-page person included', () => {
    expect(personRanges([0, 1, 3, 4], 6, 4)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 6 },
    ]);
    expect(personRanges([0], 2, 1)).toEqual([{ start: 0, end: 2 }]);
  });

  it('refuses first pages that do not match the persons', () => {
    expect(personRanges([0, 1], 3, 3)).toBeNull(); // one person has no first page
    expect(personRanges([1, 2], 3, 2)).toBeNull(); // page 0 belongs to nobody
    expect(personRanges([0, 2, 2], 4, 3)).toBeNull(); // two persons on one page
    expect(personRanges([0, 3, 2], 4, 3)).toBeNull(); // out of order
    expect(personRanges([0, -1], 3, 2)).toBeNull(); // a marker not found
    expect(personRanges([0, 3], 3, 2)).toBeNull(); // beyond the last page
    expect(personRanges([], 1, 0)).toBeNull();
  });
});

describe('pieceNumbers', () => {
  it('numbers each piece from 1 and points each to its first footer sheet', () => {
    const { numbers, pieces } = pieceNumbers([
      { start: 0, end: 3 },
      { start: 0, end: 1 },
      { start: 1, end: 3 },
    ]);
    expect(numbers).toEqual([
      { page: 1, pages: 3 },
      { page: 2, pages: 3 },
      { page: 3, pages: 3 },
      { page: 1, pages: 1 },
      { page: 1, pages: 2 },
      { page: 2, pages: 2 },
    ]);
    expect(pieces.map((p) => p.footers)).toEqual([0, 3, 4]);
  });
});

describe('footers', () => {
  const footer =
    '<div style="display:flex"><span>Centre — PV</span>' +
    '<span>Page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>';

  it('fills in the page number and count as Chromium does', () => {
    expect(numberedFooter(footer, { page: 2, pages: 3 })).toContain(
      'Page <span class="pageNumber">2</span> / <span class="totalPages">3</span>',
    );
  });

  it('makes one sheet per page number, with the footer and a restrictive policy', () => {
    const html = footerSheetsHtml(footer, [
      { page: 1, pages: 2 },
      { page: 2, pages: 2 },
    ]);
    expect(html.match(/class="sheet"/g)).toHaveLength(2);
    expect(html).toContain('<span class="pageNumber">2</span>');
    expect(html).toContain("default-src 'none'");
  });
});

describe('markPersons', () => {
  it('puts one marker link at the start of each person’s section', () => {
    const html =
      '<body><section class="page"><h1>A</h1></section>' +
      '<section class="page wide" id="x"><h1>B</h1></section><section class="other"></section></body>';
    const marked = markPersons(html);
    expect(marked.count).toBe(2);
    expect(marked.html).toContain(
      '<section class="page"><a href="https://person.invalid/0" aria-hidden="true"',
    );
    expect(marked.html).toContain(
      '<section class="page wide" id="x"><a href="https://person.invalid/1"',
    );
    expect(marked.html).toContain('<section class="other"></section>');
  });
});

/** A PDF of `pages` pages with a marker link on each page listed in `marks` (marker i on page marks[i]). */
async function markedPdf(pages: number, marks: number[]): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`page ${i}`);
  marks.forEach((page, i) => {
    const link = pdf.context.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [0, 0, 1, 1],
        A: { S: 'URI', URI: PDFString.of(`https://person.invalid/${i}`) },
      }),
    );
    const other = pdf.context.register(
      pdf.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [0, 0, 1, 1],
        A: { S: 'URI', URI: PDFString.of('https://example.org/') },
      }),
    );
    pdf.getPage(page).node.set(PDFName.of('Annots'), pdf.context.obj([link, other]));
  });
  return PDFDocument.load(await pdf.save());
}

describe('markerStarts and composePieces', () => {
  it('finds each person’s first page, a 2-page person included, and splits without the markers', async () => {
    const body = await markedPdf(4, [0, 1, 3]); // persons: [0], [1, 2], [3]
    const starts = markerStarts(body, 3);
    expect(starts).toEqual([0, 1, 3]);
    const ranges = personRanges(starts, body.getPageCount(), 3);
    expect(ranges).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
    ]);
    const { numbers, pieces } = pieceNumbers(ranges ?? []);
    const footers = await PDFDocument.create();
    for (const n of numbers) footers.addPage([595, 842]).drawText(`${n.page} / ${n.pages}`);
    const files = await composePieces(body, footers, pieces);
    expect(files).toHaveLength(3);
    const second = await PDFDocument.load(files[1]);
    expect(second.getPageCount()).toBe(2);
    // The marker is gone, the other link stays.
    const annots = second.getPage(0).node.Annots();
    expect(annots?.size()).toBe(1);
    expect(markerStarts(second, 3)).toEqual([-1, -1, -1]);
  });

  it('says -1 for a marker Chromium did not keep', async () => {
    expect(markerStarts(await markedPdf(2, [0]), 2)).toEqual([0, -1]);
  });
});

import { PDFDocument } from 'pdf-lib';
import { buildPack, packPlan, type PackSource } from './document-pack.js';
import type { DocumentRequest } from './document-catalog.js';
import type { PdfDocument } from './pdf-renderer.js';
import type { SessionDossier } from './session-dossier.js';

const dossier = {
  session: { id: 's1', startDate: '2027-06-14' },
  titre: { code: 'CDA' },
  candidates: [
    { id: 'c1', lastName: 'Nguyễn', firstName: 'Hương' },
    { id: 'c2', lastName: 'Lefèvre', firstName: 'Zoé' },
  ],
  staff: [{ assignmentId: 'a1', lastName: 'Castañeda', firstName: 'Joël', role: 'JURY' }],
} as unknown as Pick<SessionDossier, 'session' | 'titre' | 'candidates' | 'staff'>;

async function pdf(pages: number, label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`${label} ${i + 1}`);
  return Buffer.from(await doc.save());
}

/** A source whose HTML has no person sections: every split falls back to one rendering per person. */
function unsplittable(): PackSource & { rendered: string[]; warnings: string[] } {
  const rendered: string[] = [];
  const warnings: string[] = [];
  return {
    rendered,
    warnings,
    html: (request: DocumentRequest) =>
      Promise.resolve({ html: `<p>${JSON.stringify(request)}</p>`, footerHtml: '<div></div>' }),
    async render(document: PdfDocument) {
      rendered.push(document.layer ?? 'whole');
      if (document.layer === 'footers') {
        return pdf((document.html.match(/class="sheet"/g) ?? []).length, 'pied');
      }
      return pdf(1, 'corps');
    },
    warn: (message) => warnings.push(message),
  };
}

describe('packPlan', () => {
  it('lists the files in the archive’s order, the split kinds first among the renderings', () => {
    const { parts, order } = packPlan(dossier);
    expect(order).toHaveLength(9 + 2 * 2 + 1);
    expect(order.slice(9)).toEqual([
      'convocations/convocation_nguyen-huong_cda-2027-06-14.pdf',
      'pv-individuels/pv-individuel_nguyen-huong_cda-2027-06-14.pdf',
      'convocations/convocation_lefevre-zoe_cda-2027-06-14.pdf',
      'pv-individuels/pv-individuel_lefevre-zoe_cda-2027-06-14.pdf',
      'convocations-jury/convocation_castaneda-joel_cda-2027-06-14.pdf',
    ]);
    expect(parts.slice(0, 3).map((p) => p.whole.request.kind)).toEqual([
      'convocations',
      'pv-individuels',
      'jury-convocations',
    ]);
    expect(parts.slice(3).every((p) => p.persons.length === 0)).toBe(true);
  });
});

describe('buildPack', () => {
  it('reports its progress from 0 to the total, and renders each person alone when the split is impossible', async () => {
    const source = unsplittable();
    const seen: [number, number][] = [];
    const files = await buildPack(dossier, source, {
      inFlight: 3,
      progress: (done, total) => seen.push([done, total]),
    });
    expect(files).toHaveLength(14);
    expect(files.every((f) => f.body.length > 0)).toBe(true);
    expect(seen[0]).toEqual([0, 14]);
    expect(seen.at(-1)).toEqual([14, 14]);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
    // Three split kinds fell back: their whole document and each person's, rendered whole.
    expect(source.warnings).toHaveLength(3);
    // The six other kinds: one rendering each, whole.
    expect(source.rendered.filter((r) => r === 'whole')).toHaveLength(3 + 2 + 2 + 1 + 6);
    expect(source.rendered.filter((r) => r !== 'whole')).toEqual([]);
  });

  it('stops once its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildPack(dossier, unsplittable(), { inFlight: 3, signal: controller.signal }),
    ).rejects.toThrow('Rendu abandonné');
  });
});

/** The documents tab: the session's documents, then each candidate's and each assigned person's. */
import type { DocumentLink } from '../../documents/document-catalog.js';

export interface DocumentButton {
  title: string;
  href: string;
  format: 'PDF' | 'ZIP';
}

export interface DocumentGroups {
  documents: DocumentButton[];
  candidates: DocumentButton[];
  staff: DocumentButton[];
}

export function documentGroups(links: readonly DocumentLink[]): DocumentGroups {
  const button = (link: DocumentLink): DocumentButton => ({
    title: link.title,
    href: link.url,
    format: link.format === 'zip' ? 'ZIP' : 'PDF',
  });
  return {
    documents: links.filter((l) => !l.candidateId && !l.assignmentId).map(button),
    candidates: links.filter((l) => l.candidateId).map(button),
    staff: links.filter((l) => l.assignmentId).map(button),
  };
}

/** The journal as an official document: the session's letterhead, the filter, then the entries. */
import type { SessionDossier } from '../documents/session-dossier.js';
import {
  documentFooter,
  sessionIdentity,
  type FooterView,
  type IdentityView,
} from '../documents/session-identity.js';
import { JOURNAL_KIND_LABELS, type JournalLine } from './audit-phrasing.js';
import type { Journal } from './journal.service.js';

export const JOURNAL_TITLE = 'Journal des modifications de la session';

export interface JournalDocumentView {
  title: string;
  footer: FooterView;
  identity: IdentityView;
  /** « Toutes les entrées » or « Entrées du type « Candidats », par Anaïs Martin ». */
  scope: string;
  count: string;
  entries: JournalLine[];
}

/** What the filter keeps, in words, for the document's reader. */
export function journalScope(journal: Journal): string {
  const { kind, actorId } = journal.filter;
  const parts: string[] = [];
  if (kind !== null) parts.push(`du type «\u00a0${JOURNAL_KIND_LABELS[kind]}\u00a0»`);
  if (actorId !== null) {
    const actor = journal.actors.find((a) => a.id === actorId);
    parts.push(`faites par ${actor?.name ?? 'une personne sans entrée dans ce journal'}`);
  }
  return parts.length === 0
    ? 'Toutes les entrées du journal, les plus récentes d’abord.'
    : `Entrées ${parts.join(', ')}, les plus récentes d’abord.`;
}

export function journalDocument(dossier: SessionDossier, journal: Journal): JournalDocumentView {
  const count = journal.lines.length;
  return {
    title: JOURNAL_TITLE,
    footer: documentFooter(dossier, JOURNAL_TITLE),
    identity: sessionIdentity(dossier),
    scope: journalScope(journal),
    count: count === 0 ? 'Aucune entrée.' : count === 1 ? '1 entrée.' : `${count} entrées.`,
    entries: journal.lines,
  };
}

/** The journal tab's model: the phrased entries, the filter form and the PDF link. */
import {
  JOURNAL_KIND_LABELS,
  JOURNAL_KINDS,
  type JournalLine,
} from '../../audit/audit-phrasing.js';
import { journalQuery, type Journal } from '../../audit/journal.service.js';

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant as « jj/mm/aaaa hh:mm » in Paris time (the calendar's feed). */
export function parisDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : PARIS_TIME.format(date).replace(',', '');
}

export interface JournalOption {
  value: string;
  label: string;
  selected: boolean;
}

export interface JournalPageView {
  entries: JournalLine[];
  total: number;
  /** « 6 entrées », « 1 entrée », « Aucune entrée ». */
  count: string;
  filtered: boolean;
  kinds: JournalOption[];
  actors: JournalOption[];
  pdfUrl: string;
  resetUrl: string;
}

/** « 3 entrées », « 1 entrée », « aucune entrée ». */
export function entryCount(count: number): string {
  if (count === 0) return 'Aucune entrée';
  return count === 1 ? '1 entrée' : `${count} entrées`;
}

export function journalPageView(sessionId: string, journal: Journal): JournalPageView {
  const { filter } = journal;
  return {
    entries: journal.lines,
    total: journal.lines.length,
    count: entryCount(journal.lines.length),
    filtered: filter.kind !== null || filter.actorId !== null,
    kinds: JOURNAL_KINDS.map((kind) => ({
      value: kind,
      label: JOURNAL_KIND_LABELS[kind],
      selected: kind === filter.kind,
    })),
    actors: journal.actors.map((actor) => ({
      value: actor.id,
      label: actor.name,
      selected: actor.id === filter.actorId,
    })),
    pdfUrl: `/sessions/${sessionId}/audit/journal.pdf${journalQuery(filter)}`,
    resetUrl: `/sessions/${sessionId}/audit`,
  };
}

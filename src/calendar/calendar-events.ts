import {
  formatFrenchDate,
  formatFrenchLongDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { Obligation } from '../obligations/obligation-rules.js';
import type { AllDayEvent } from './icalendar.js';

export interface CalendarSession {
  id: string;
  titreCode: string;
  titreLabel: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  siteName: string;
  location: string;
}

export interface CalendarTask {
  id: string;
  label: string;
  regulatory: boolean;
  dueDate: CalendarDate;
  /** The previous working day when the due date is a weekend day or a public holiday. */
  workingDayFallback: CalendarDate | null;
  status: string;
  /** Every compliance check supporting the task passes (« vérifiée par les données »). */
  provenByData: boolean;
}

/**
 * The day an event sits on and the lines naming its due date: a due date on a weekend day or a
 * public holiday is shown on the working day before, with the real due date in the description.
 */
function dueLines(dueDate: CalendarDate, fallback: CalendarDate | null): string {
  if (fallback === null || fallback === dueDate) return `Échéance le ${formatFrenchDate(dueDate)}`;
  return (
    `À faire au plus tard le ${formatFrenchLongDate(fallback)} (${formatFrenchDate(fallback)}) : ` +
    `l’échéance du ${formatFrenchLongDate(dueDate)} (${formatFrenchDate(dueDate)}) tombe un jour non ouvré.`
  );
}

/** « (fait) », « (vérifiée par les données) » or nothing: a done or proven task is never pending. */
function taskState(task: Pick<CalendarTask, 'status' | 'provenByData'>): string {
  if (task.status === 'done') return ' (fait)';
  if (task.provenByData) return ' (vérifiée par les données)';
  return '';
}

function sessionLine(session: CalendarSession): string {
  return (
    `Session ${session.titreCode} – ${session.titreLabel}, du ${formatFrenchDate(session.startDate)}` +
    ` au ${formatFrenchDate(session.endDate)} – ${session.siteName}` +
    (session.location ? ` (${session.location})` : '')
  );
}

/**
 * The events of one session: the session itself, then each task's due date as an all-day event.
 * UIDs come from the ids, so a client updates an event when its date moves.
 */
export function sessionEvents(
  appUrl: string,
  session: CalendarSession,
  tasks: readonly CalendarTask[],
): AllDayEvent[] {
  const sessionUrl = `${appUrl}/sessions/${session.id}`;
  return [
    {
      uid: `session-${session.id}@jalon`,
      date: session.startDate,
      endDate: session.endDate,
      summary: `Session ${session.titreCode} – ${session.titreLabel} (${session.siteName})`,
      description: `${sessionLine(session)}\n${sessionUrl}`,
      url: sessionUrl,
      categories: ['Session'],
    },
    ...tasks.map((task) => {
      const kind = task.regulatory ? 'Réglementaire' : 'Conseil';
      const url = `${sessionUrl}#task-${task.id}`;
      const state = taskState(task);
      return {
        uid: `${task.id}@jalon`,
        date: task.workingDayFallback ?? task.dueDate,
        summary: `[${kind}] ${session.titreCode} – ${task.label}${state}`,
        description:
          `${dueLines(task.dueDate, task.workingDayFallback)}` +
          (task.provenByData && task.status !== 'done'
            ? '\nVérifiée par les données : toutes les vérifications de conformité qui la concernent sont satisfaites.'
            : '') +
          `\n${sessionLine(session)}\n${url}`,
        url,
        categories: [kind],
      };
    }),
  ];
}

export interface CalendarCentre {
  id: string;
  name: string;
}

/**
 * The events of a centre's yearly obligations (annual programme, provider avenants, end of an
 * agrément or of a titre version): all-day events whose UID comes from the obligation's key, so a
 * client updates them when their status or date changes. An obligation due on a weekend day or a
 * public holiday of the centre's region sits on the working day before.
 */
export function obligationEvents(
  appUrl: string,
  centre: CalendarCentre,
  year: number,
  obligations: readonly Obligation[],
): AllDayEvent[] {
  const url = `${appUrl}/centres/${centre.id}/obligations?year=${year}`;
  return obligations.map((obligation) => {
    const fallback = obligation.workingDayFallback;
    const state =
      obligation.status !== 'done' ? '' : obligation.information ? ' (passée)' : ' (fait)';
    const done =
      obligation.status === 'done' && !obligation.information && obligation.doneOn
        ? `\nFait le ${formatFrenchDate(obligation.doneOn)}.`
        : '';
    const source = obligation.source;
    return {
      uid: `obligation-${centre.id}-${obligation.key.replace(/[^A-Za-z0-9_-]/g, '-')}@jalon`,
      date: fallback ?? obligation.dueDate,
      summary: `[Obligation] ${centre.name} – ${obligation.label}${state}`,
      description:
        `${dueLines(obligation.dueDate, fallback)}${done}\n` +
        `Source : ${source.text}, ${source.article}` +
        (source.date ? ` (${formatFrenchDate(source.date)})` : '') +
        `\nObligations ${year} du centre ${centre.name} : ${url}`,
      url,
      categories: ['Obligation'],
    };
  });
}

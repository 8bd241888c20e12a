import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
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
  status: string;
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
      return {
        uid: `${task.id}@jalon`,
        date: task.dueDate,
        summary:
          `[${kind}] ${session.titreCode} – ${task.label}` +
          (task.status === 'done' ? ' (fait)' : ''),
        description: `Échéance le ${formatFrenchDate(task.dueDate)}\n${sessionLine(session)}\n${url}`,
        url,
        categories: [kind],
      };
    }),
  ];
}

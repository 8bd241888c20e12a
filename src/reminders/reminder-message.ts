import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { ReminderStep } from './reminder-policy.js';

/** What an e-mail says about a session. */
export interface SessionSummary {
  id: string;
  titreCode: string;
  titreLabel: string;
  startDate: CalendarDate;
  endDate: CalendarDate;
  siteName: string;
  location: string;
}

/** A task at a reminder step, for one recipient. */
export interface DueItem {
  taskId: string;
  sessionId: string;
  code: string;
  label: string;
  regulatory: boolean;
  dueDate: CalendarDate;
  reminder: ReminderStep;
}

export interface TaskLine {
  label: string;
  kindLabel: string;
  regulatory: boolean;
  dueDate: string;
  urgency: string;
  overdue: boolean;
  url: string;
}

export interface SessionBlock {
  title: string;
  dates: string;
  site: string;
  location: string;
  url: string;
  tasks: TaskLine[];
}

export interface DigestView {
  greeting: string;
  today: string;
  total: number;
  totalLabel: string;
  sessions: SessionBlock[];
  appUrl: string;
}

export interface RenderedParts {
  subject: string;
  view: object;
}

/** « dans 5 jours », « demain », « aujourd’hui », « en retard de 3 jours ». */
export function urgencyLabel(daysLeft: number): string {
  if (daysLeft === 0) return 'aujourd’hui';
  if (daysLeft === 1) return 'demain';
  if (daysLeft > 1) return `dans ${daysLeft} jours`;
  return daysLeft === -1 ? 'en retard de 1 jour' : `en retard de ${-daysLeft} jours`;
}

/** Most urgent first (earliest due date), réglementaire before conseil, then by label. */
export function compareItems(a: DueItem, b: DueItem): number {
  return (
    a.dueDate.localeCompare(b.dueDate) ||
    Number(b.regulatory) - Number(a.regulatory) ||
    a.label.localeCompare(b.label, 'fr')
  );
}

export function taskUrl(appUrl: string, item: { sessionId: string; taskId: string }): string {
  return `${appUrl}/sessions/${item.sessionId}#task-${item.taskId}`;
}

function sessionTitle(session: SessionSummary): string {
  return `${session.titreCode} – ${session.titreLabel}`;
}

function sessionDates(session: SessionSummary): string {
  return session.startDate === session.endDate
    ? `le ${formatFrenchDate(session.startDate)}`
    : `du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`;
}

function taskLine(appUrl: string, item: DueItem): TaskLine {
  return {
    label: item.label,
    kindLabel: item.regulatory ? 'Réglementaire' : 'Conseil',
    regulatory: item.regulatory,
    dueDate: formatFrenchDate(item.dueDate),
    urgency: urgencyLabel(item.reminder.daysLeft),
    overdue: item.reminder.daysLeft < 0,
    url: taskUrl(appUrl, item),
  };
}

function sessionBlock(appUrl: string, session: SessionSummary, items: DueItem[]): SessionBlock {
  return {
    title: sessionTitle(session),
    dates: sessionDates(session),
    site: session.siteName,
    location: session.location,
    url: `${appUrl}/sessions/${session.id}`,
    tasks: items.map((item) => taskLine(appUrl, item)),
  };
}

function greeting(name: string): string {
  return name.trim() === '' ? 'Bonjour,' : `Bonjour ${name.trim()},`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The daily digest: everything due for one person, grouped by session, most urgent first. */
export function digestMessage(input: {
  appUrl: string;
  today: CalendarDate;
  recipientName: string;
  items: DueItem[];
  sessions: ReadonlyMap<string, SessionSummary>;
}): { subject: string; view: DigestView } {
  const bySession = new Map<string, DueItem[]>();
  for (const item of [...input.items].sort(compareItems)) {
    const list = bySession.get(item.sessionId) ?? [];
    list.push(item);
    bySession.set(item.sessionId, list);
  }
  const sessions: SessionBlock[] = [];
  for (const [sessionId, items] of bySession) {
    const session = input.sessions.get(sessionId);
    if (session) sessions.push(sessionBlock(input.appUrl, session, items));
  }
  const total = input.items.length;
  const overdue = input.items.filter((item) => item.reminder.daysLeft < 0).length;
  const totalLabel = plural(total, 'échéance à suivre', 'échéances à suivre');
  const subject =
    `Jalon – ${totalLabel}` +
    (overdue > 0 ? ` dont ${plural(overdue, 'en retard', 'en retard')}` : '') +
    ` (${formatFrenchDate(input.today)})`;
  return {
    subject,
    view: {
      greeting: greeting(input.recipientName),
      today: formatFrenchDate(input.today),
      total,
      totalLabel,
      sessions,
      appUrl: input.appUrl,
    },
  };
}

export interface ImmediateView {
  greeting: string;
  urgency: string;
  session: SessionBlock;
  task: TaskLine;
  appUrl: string;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The e-mail sent at once for a réglementaire task due today or tomorrow. */
export function immediateMessage(input: {
  appUrl: string;
  recipientName: string;
  item: DueItem;
  session: SessionSummary;
}): { subject: string; view: ImmediateView } {
  const block = sessionBlock(input.appUrl, input.session, [input.item]);
  const task = block.tasks[0];
  const when = input.item.reminder.daysLeft === 0 ? 'aujourd’hui' : 'demain';
  return {
    subject: shorten(
      `[Réglementaire] Échéance ${when} : ${input.item.label} – ${input.session.titreCode} ${sessionDates(input.session)}`,
      250,
    ),
    view: {
      greeting: greeting(input.recipientName),
      urgency: when,
      session: block,
      task,
      appUrl: input.appUrl,
    },
  };
}

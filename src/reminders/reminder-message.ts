import type { ObligationStep } from '../obligations/obligation-rules.js';
import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import { personName } from '../common/person-order.js';
import type { ReminderStep } from './reminder-policy.js';
import type { ResitReminderStep } from '../certification/resit-rules.js';
import type { CertificateReminderStep } from '../cqc/certificate-rules.js';

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

/** A re-sit with no session planned, at a reminder step, for one of the centre's managers. */
export interface ResitDueItem {
  /** The enrolment whose outcome opened the re-sit. */
  candidateId: string;
  centreId: string;
  centreName: string;
  personId: string;
  lastName: string;
  firstName: string;
  titreCode: string;
  titreLabel: string;
  missingCcpCodes: readonly string[];
  deadline: CalendarDate;
  daysLeft: number;
  step: ResitReminderStep;
}

/**
 * A centre's yearly obligation at a reminder step (30 days, 7 days, overdue; 6, 3 and 1 month(s)
 * before the end of an agrément or a titre version), for a manager.
 */
export interface ObligationDueItem {
  centreId: string;
  centreName: string;
  /** The obligation's key in the centre's list (see `Obligation.key`). */
  key: string;
  label: string;
  dueDate: CalendarDate;
  daysLeft: number;
  step: ObligationStep;
  /** Path of the page that records it. */
  href: string;
}

/**
 * A driver's probationary certificate of qualification at a reminder step (30 days, 7 days before
 * its end, expired) whose card is not ordered, for one of its centre's managers.
 */
export interface CertificateDueItem {
  certificateId: string;
  centreId: string;
  lastName: string;
  firstName: string;
  titreCode: string;
  sessionStartDate: CalendarDate;
  sessionEndDate: CalendarDate;
  validUntil: CalendarDate;
  daysLeft: number;
  step: CertificateReminderStep;
}

/**
 * A reminder of a CQC-by-equivalence campaign due today (a step of campaign-timeline.ts), for one
 * of its centre's managers.
 */
export interface CampaignReminderDueItem {
  campaignId: string;
  centreId: string;
  centreName: string;
  campaignLabel: string;
  stepCode: string;
  /** The reminder's date. */
  on: CalendarDate;
  /** What to do, in French (campaign-timeline.ts). */
  message: string;
}

export interface CampaignReminderLine {
  campaign: string;
  centre: string;
  message: string;
  url: string;
}

/** The campaign in the API (no page yet). */
export function campaignUrl(appUrl: string, item: Pick<CampaignReminderDueItem, 'campaignId'>) {
  return `${appUrl}/api/cqc/campaigns/${item.campaignId}`;
}

export interface CertificateLine {
  /** « Certificat de qualification de Camille DUPONT (session CTRMP du 02/03/2027) ». */
  label: string;
  /** « expire le 12/07/2027 » or « a expiré le 12/07/2027 ». */
  end: string;
  urgency: string;
  overdue: boolean;
  url: string;
}

/** The dashboard's certificates page, at the certificate's row. */
export function certificateUrl(appUrl: string, item: Pick<CertificateDueItem, 'certificateId'>) {
  return `${appUrl}/cqc/certificates#certificat-${item.certificateId}`;
}

/** « de Camille DUPONT », « d’Éloïse MARTIN ». */
function ofName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüÿœæ]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export function certificateLine(appUrl: string, item: CertificateDueItem): CertificateLine {
  const session =
    item.sessionStartDate === item.sessionEndDate
      ? `du ${formatFrenchDate(item.sessionStartDate)}`
      : `du ${formatFrenchDate(item.sessionStartDate)} au ${formatFrenchDate(item.sessionEndDate)}`;
  const overdue = item.daysLeft < 0;
  const end = formatFrenchDate(item.validUntil);
  return {
    label: `Certificat de qualification ${ofName(personName(item))} (session ${item.titreCode} ${session})`,
    end: overdue ? `a expiré le ${end}` : `expire le ${end}`,
    urgency: urgencyLabel(item.daysLeft),
    overdue,
    url: certificateUrl(appUrl, item),
  };
}

export interface ObligationLine {
  label: string;
  centre: string;
  dueDate: string;
  urgency: string;
  overdue: boolean;
  url: string;
}

export interface ResitLine {
  name: string;
  centre: string;
  titre: string;
  missing: string;
  deadline: string;
  urgency: string;
  stepLabel: string;
  /** The centre's re-sit list, at the person's line. */
  url: string;
  personUrl: string;
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
  /** Re-sits to plan, soonest deadline first (empty when none). */
  resits: ResitLine[];
  resitsLabel: string;
  /** The centres' yearly obligations due soon or overdue (empty when none). */
  obligations: ObligationLine[];
  obligationsLabel: string;
  /** Drivers' certificates of qualification ending soon or ended, card not ordered. */
  certificates: CertificateLine[];
  certificatesLabel: string;
  /** Reminders of the CQC-by-equivalence campaigns (empty when none). */
  campaignReminders: CampaignReminderLine[];
  campaignRemindersLabel: string;
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

/** The line of the centre's re-sit list for this item: `/centres/:id/resits#resit-<candidate>`. */
export function resitUrl(appUrl: string, item: Pick<ResitDueItem, 'centreId' | 'candidateId'>) {
  return `${appUrl}/centres/${item.centreId}/resits#resit-${item.candidateId}`;
}

function resitLine(appUrl: string, item: ResitDueItem): ResitLine {
  return {
    name: `${item.firstName} ${item.lastName}`,
    centre: item.centreName,
    titre: `${item.titreCode} – ${item.titreLabel}`,
    missing: item.missingCcpCodes.join(', '),
    deadline: formatFrenchDate(item.deadline),
    urgency: urgencyLabel(item.daysLeft),
    stepLabel: item.step.label,
    url: resitUrl(appUrl, item),
    personUrl: `${appUrl}/people/${item.personId}`,
  };
}

/** Soonest deadline first, then by name. */
function compareResitItems(a: ResitDueItem, b: ResitDueItem): number {
  return (
    a.deadline.localeCompare(b.deadline) ||
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstName.localeCompare(b.firstName, 'fr') ||
    a.candidateId.localeCompare(b.candidateId)
  );
}

/**
 * The daily digest: everything due for one person, grouped by session, most urgent first; then
 * the re-sits of their centres with no session planned (`resits`), soonest deadline first.
 */
export function digestMessage(input: {
  appUrl: string;
  today: CalendarDate;
  recipientName: string;
  items: DueItem[];
  sessions: ReadonlyMap<string, SessionSummary>;
  resits?: readonly ResitDueItem[];
  obligations?: readonly ObligationDueItem[];
  certificates?: readonly CertificateDueItem[];
  campaignReminders?: readonly CampaignReminderDueItem[];
}): { subject: string; view: DigestView } {
  const campaignReminders = [...(input.campaignReminders ?? [])].sort(
    (a, b) =>
      a.on.localeCompare(b.on) ||
      a.campaignLabel.localeCompare(b.campaignLabel, 'fr') ||
      a.campaignId.localeCompare(b.campaignId) ||
      a.message.localeCompare(b.message, 'fr'),
  );
  const certificates = [...(input.certificates ?? [])].sort(
    (a, b) =>
      a.validUntil.localeCompare(b.validUntil) ||
      a.lastName.localeCompare(b.lastName, 'fr') ||
      a.firstName.localeCompare(b.firstName, 'fr') ||
      a.certificateId.localeCompare(b.certificateId),
  );
  const resits = [...(input.resits ?? [])].sort(compareResitItems);
  const obligations = [...(input.obligations ?? [])].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.centreName.localeCompare(b.centreName, 'fr') ||
      a.label.localeCompare(b.label, 'fr'),
  );
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
  const resitsLabel = plural(resits.length, 'rattrapage à programmer', 'rattrapages à programmer');
  const obligationsLabel = plural(
    obligations.length,
    'obligation du centre à remplir',
    'obligations du centre à remplir',
  );
  const certificatesLabel = plural(
    certificates.length,
    'carte de qualification de conducteur non commandée',
    'cartes de qualification de conducteur non commandées',
  );
  const campaignRemindersLabel = plural(
    campaignReminders.length,
    'rappel de campagne CQC par équivalence',
    'rappels de campagne CQC par équivalence',
  );
  const parts = [
    ...(total > 0 ||
    (resits.length === 0 &&
      obligations.length === 0 &&
      certificates.length === 0 &&
      campaignReminders.length === 0)
      ? [totalLabel + (overdue > 0 ? ` dont ${plural(overdue, 'en retard', 'en retard')}` : '')]
      : []),
    ...(resits.length > 0 ? [resitsLabel] : []),
    ...(obligations.length > 0 ? [obligationsLabel] : []),
    ...(certificates.length > 0 ? [certificatesLabel] : []),
    ...(campaignReminders.length > 0 ? [campaignRemindersLabel] : []),
  ];
  const joined =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}` : parts[0];
  const subject = `Jalon – ${joined} (${formatFrenchDate(input.today)})`;
  return {
    subject,
    view: {
      greeting: greeting(input.recipientName),
      today: formatFrenchDate(input.today),
      total,
      totalLabel,
      sessions,
      resits: resits.map((item) => resitLine(input.appUrl, item)),
      resitsLabel,
      obligations: obligations.map((item) => ({
        label: item.label,
        centre: item.centreName,
        dueDate: formatFrenchDate(item.dueDate),
        urgency: urgencyLabel(item.daysLeft),
        overdue: item.daysLeft < 0,
        url: `${input.appUrl}${item.href}`,
      })),
      obligationsLabel,
      certificates: certificates.map((item) => certificateLine(input.appUrl, item)),
      certificatesLabel,
      campaignReminders: campaignReminders.map((item) => ({
        campaign: item.campaignLabel,
        centre: item.centreName,
        message: item.message,
        url: campaignUrl(input.appUrl, item),
      })),
      campaignRemindersLabel,
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

export interface DriverCertificateView {
  greeting: string;
  message: string;
  confirmUrl: string;
  expired: boolean;
  appUrl: string;
}

/**
 * The e-mail to a driver whose certificate of qualification ends soon (or ended) while the card
 * is not ordered, with the single-use link to confirm it was ordered.
 */
export function driverCertificateMessage(input: {
  appUrl: string;
  item: CertificateDueItem;
  confirmUrl: string;
}): { subject: string; view: DriverCertificateView } {
  const { item } = input;
  const end = formatFrenchDate(item.validUntil);
  const expired = item.step === 'EXPIRED';
  return {
    subject: expired
      ? `Votre certificat de qualification a expiré le ${end} : commandez votre carte de conducteur (CQC)`
      : `Votre certificat de qualification expire le ${end} : commandez votre carte de conducteur (CQC)`,
    view: {
      greeting: greeting(personName(item)),
      message: expired
        ? `Votre certificat de qualification a expiré le ${end} et votre carte (CQC) n’a pas encore été commandée sur Hub Pro Transport : sans carte, vous pouvez être verbalisé lors d’un contrôle sur route.`
        : `Votre certificat de qualification expire le ${end}, ${urgencyLabel(item.daysLeft)} : votre carte (CQC) n’a pas encore été commandée sur Hub Pro Transport.`,
      confirmUrl: input.confirmUrl,
      expired,
      appUrl: input.appUrl,
    },
  };
}

/**
 * A centre's obligations of a year (not of one session): the annual programme of sessions, the
 * annual avenants of its training-provider conventions, and the end of its agréments and of the
 * titre versions it is approved for. Plain functions of the recorded data; the service reads it.
 */
import {
  addDays,
  daysBetween,
  formatFrenchDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';
import {
  avenantDueDate,
  avenantRequired,
  CONVENTION_SOURCES,
} from '../providers/convention-rules.js';

export const OBLIGATION_SOURCES = {
  /**
   * The article of the règlement général des sessions could not be found among the stored texts:
   * the guide's row (seed 003, « Réglementaire » flag) is cited instead.
   */
  ANNUAL_PROGRAMME: {
    code: 'ANNUAL_PROGRAMME',
    text: 'Guide de préparation de la session (seeds/003_a9a5fb2d5dda3ac7.txt), d’après le règlement général des sessions de validation (arrêté du 21 juillet 2016 modifié)',
    article:
      'Ligne « Programmer et communiquer les sessions d’examen de l’année N avant le 31 janvier (prévisionnel) », cochée « Réglementaire »',
    date: null,
    url: null,
    summary:
      'Le centre agréé programme les sessions d’examen de l’année N et les communique à l’autorité (DREETS) avant le 31 janvier, à titre prévisionnel.',
    referenceCode: null,
  },
  AGREMENT_DURATION: {
    code: 'AGREMENT_DURATION',
    text: 'Arrêté du 21 juillet 2016 relatif aux modalités d’agrément des organismes visés à l’article R. 338-8 du code de l’éducation',
    article: 'Article 1',
    date: '2016-07-21',
    url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000032931658',
    summary:
      'L’agrément est accordé par le préfet de région pour un titre professionnel, un site, et une durée qui ne peut excéder la date de fin de validité du titre.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

export type ObligationCode =
  'ANNUAL_PROGRAMME' | 'PROVIDER_AVENANT' | 'AGREMENT_END' | 'TITRE_VERSION_END';

export type ObligationStatus = 'todo' | 'done' | 'late';

export interface ObligationSource {
  text: string;
  article: string;
  date: CalendarDate | null;
}

/** Where the obligation is recorded in the application. */
export interface ObligationLink {
  kind: 'annual-programme' | 'convention' | 'agrement' | 'titre';
  id: string | null;
  /** Path of the dashboard page that records it. */
  href: string;
}

export interface Obligation {
  /** Stable within the centre and year: the code, and the record it is about. */
  key: string;
  code: ObligationCode;
  label: string;
  dueDate: CalendarDate;
  status: ObligationStatus;
  doneOn: CalendarDate | null;
  /** An information item (an end date) rather than something to send. */
  information: boolean;
  source: ObligationSource;
  link: ObligationLink;
}

export interface CentreYearFacts {
  centreId: string;
  year: number;
  today: CalendarDate;
  programme: { sentOn: CalendarDate } | null;
  conventions: readonly {
    id: string;
    providerId: string;
    providerName: string;
    signedOn: CalendarDate;
    avenants: readonly { year: number; sentToPrefectOn: CalendarDate | null }[];
  }[];
  agrements: readonly {
    id: string;
    validUntil: CalendarDate;
    titreId: string;
    titreCode: string;
    titreLabel: string;
    siteName: string;
    ccsCode: string | null;
  }[];
  titres: readonly {
    id: string;
    code: string;
    label: string;
    version: string;
    validUntil: CalendarDate;
  }[];
}

function sourceOf(source: RuleSource): ObligationSource {
  return { text: source.text, article: source.article, date: source.date };
}

function statusOf(dueDate: CalendarDate, doneOn: CalendarDate | null, today: CalendarDate) {
  if (doneOn !== null) return 'done';
  return today > dueDate ? 'late' : 'todo';
}

/** Last day to communicate the annual programme of `year`: 31 January of that year. */
export function annualProgrammeDueDate(year: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-01-31`;
}

function inYear(date: CalendarDate, year: number): boolean {
  return date.startsWith(`${String(year).padStart(4, '0')}-`);
}

/** The centre's obligations of the year, by due date then label. */
export function centreObligations(facts: CentreYearFacts): Obligation[] {
  const { centreId, year, today } = facts;
  const centrePath = `/centres/${centreId}`;
  const out: Obligation[] = [];
  const programmeDue = annualProgrammeDueDate(year);
  const programmeDone = facts.programme?.sentOn ?? null;
  out.push({
    key: `ANNUAL_PROGRAMME:${year}`,
    code: 'ANNUAL_PROGRAMME',
    label: `Communiquer le programme annuel des sessions ${year} à l’autorité (DREETS) avant le 31 janvier`,
    dueDate: programmeDue,
    status: statusOf(programmeDue, programmeDone, today),
    doneOn: programmeDone,
    information: false,
    source: sourceOf(OBLIGATION_SOURCES.ANNUAL_PROGRAMME),
    link: {
      kind: 'annual-programme',
      id: null,
      href: `${centrePath}/obligations?year=${year}#programme`,
    },
  });
  // The avenant due in `year` is the one of the next year (sent before its 1 January).
  const avenantYear = year + 1;
  for (const convention of facts.conventions) {
    if (!avenantRequired(convention.signedOn, avenantYear)) continue;
    const due = avenantDueDate(avenantYear);
    const sentOn = convention.avenants.find((a) => a.year === avenantYear)?.sentToPrefectOn ?? null;
    out.push({
      key: `PROVIDER_AVENANT:${convention.id}:${avenantYear}`,
      code: 'PROVIDER_AVENANT',
      label: `Transmettre au préfet de région l’avenant ${avenantYear} de la convention avec ${convention.providerName} (signée le ${formatFrenchDate(convention.signedOn)}) avant le 1er janvier ${avenantYear}`,
      dueDate: due,
      status: statusOf(due, sentOn, today),
      doneOn: sentOn,
      information: false,
      source: sourceOf(CONVENTION_SOURCES.ANNUAL_AVENANT),
      link: { kind: 'convention', id: convention.id, href: `${centrePath}/providers` },
    });
  }
  for (const agrement of facts.agrements) {
    if (!inYear(agrement.validUntil, year)) continue;
    const ended = today > agrement.validUntil;
    const what = agrement.ccsCode
      ? `du CCS ${agrement.ccsCode} du titre ${agrement.titreCode}`
      : `du titre ${agrement.titreCode}`;
    out.push({
      key: `AGREMENT_END:${agrement.id}`,
      code: 'AGREMENT_END',
      label: `Fin de l’agrément ${what} (${agrement.titreLabel}) sur le site ${agrement.siteName} le ${formatFrenchDate(agrement.validUntil)}`,
      dueDate: agrement.validUntil,
      status: ended ? 'done' : 'todo',
      doneOn: ended ? agrement.validUntil : null,
      information: true,
      source: sourceOf(OBLIGATION_SOURCES.AGREMENT_DURATION),
      link: { kind: 'agrement', id: agrement.id, href: `${centrePath}` },
    });
  }
  for (const titre of facts.titres) {
    if (!inYear(titre.validUntil, year)) continue;
    const ended = today > titre.validUntil;
    out.push({
      key: `TITRE_VERSION_END:${titre.id}`,
      code: 'TITRE_VERSION_END',
      label: `Fin de validité du titre ${titre.code} (${titre.label}), version ${titre.version}, le ${formatFrenchDate(titre.validUntil)}`,
      dueDate: titre.validUntil,
      status: ended ? 'done' : 'todo',
      doneOn: ended ? titre.validUntil : null,
      information: true,
      source: sourceOf(OBLIGATION_SOURCES.AGREMENT_DURATION),
      link: { kind: 'titre', id: titre.id, href: `/titres` },
    });
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.label.localeCompare(b.label, 'fr'),
  );
}

export type ObligationStep = 'D30' | 'D7' | 'OVERDUE';

/**
 * The reminder step an open obligation is at today: within 30 days of its due date, within
 * 7 days, or overdue; null when done, an information item already passed, or not yet near.
 */
export function obligationReminderStep(
  obligation: Pick<Obligation, 'dueDate' | 'status'>,
  today: CalendarDate,
): ObligationStep | null {
  if (obligation.status === 'done') return null;
  const days = daysBetween(today, obligation.dueDate);
  if (days < 0) return 'OVERDUE';
  if (days <= 7) return 'D7';
  if (days <= 30) return 'D30';
  return null;
}

/** The years whose obligations may be due within the reminder horizon of `today`. */
export function reminderYears(today: CalendarDate): number[] {
  const year = Number(today.slice(0, 4));
  const horizon = Number(addDays(today, 30).slice(0, 4));
  return horizon > year ? [year, horizon] : [year];
}

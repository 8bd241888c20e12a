/**
 * A centre's obligations of a year (not of one session): the annual programme of sessions, the
 * annual avenants of its training-provider conventions, and the end of its agréments and of the
 * titre versions it is approved for. Plain functions of the recorded data; the service reads it.
 */
import {
  addMonths,
  daysBetween,
  formatFrenchDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import { workingDayFallback, type FrenchRegion } from '../common/french-holidays.js';
import type { RuleSource } from '../certification/certification-sources.js';
import {
  avenantDueDate,
  avenantRequired,
  CONVENTION_SOURCES,
} from '../providers/convention-rules.js';

export const OBLIGATION_SOURCES = {
  /**
   * The annexe of the règlement général des sessions, point 1.1, as cited by the guide (seed 003,
   * « § 1.1 ») and read on the published text (lexbase); the guide's row is kept as evidence.
   */
  ANNUAL_PROGRAMME: {
    code: 'ANNUAL_PROGRAMME',
    text: 'Arrêté du 21 juillet 2016 portant règlement général des sessions d’examen pour l’obtention du titre professionnel du ministère chargé de l’emploi ; Guide de préparation de la session (seeds/003_a9a5fb2d5dda3ac7.txt)',
    article:
      'Annexe, point 1.1 « Programmation prévisionnelle » ; ligne du guide « Programmer et communiquer les sessions d’examen de l’année N avant le 31 janvier (prévisionnel) », cochée « Réglementaire »',
    date: '2016-07-21',
    url: 'http://www.lexbase.fr/index/source/33532763-arrete-du-21-juillet-2016-portant-reglement-general-des-sessions-dexamen-pour-lobtention-du-titre-pr',
    summary:
      'Le centre agréé programme les sessions d’examen de l’année N et les communique à l’autorité (DREETS) au moins une fois par an, avant le 31 janvier, à titre prévisionnel.',
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
  /**
   * The text fixes no délai for filing the renewal of an agrément (searched: the arrêté du 21
   * juillet 2016 modifié par l’arrêté du 1er octobre 2024 sets only the préfet’s two months to
   * decide; the six months before the first session of the repealed arrêté du 19 janvier 2010
   * are gone): no « demander le renouvellement avant le … » obligation, the end stays an
   * information item, reminded early (`END_REMINDERS`).
   */
  AGREMENT_RENEWAL: {
    code: 'AGREMENT_RENEWAL',
    text: 'Arrêté du 21 juillet 2016 relatif aux modalités d’agrément des organismes visés à l’article R. 338-8 du code de l’éducation, modifié par l’arrêté du 1er octobre 2024',
    article: 'Articles 1 et 2',
    date: '2016-07-21',
    url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000032931658',
    summary:
      'L’agrément ne dépasse pas la fin de validité du titre (article 1) ; la demande est adressée au préfet de région, qui notifie sa décision dans les deux mois suivant la réception du dossier complet (article 2). Aucun délai de dépôt de la demande de renouvellement n’est fixé : interprétation retenue, rappels 6 mois, 3 mois et 1 mois avant la fin de l’agrément ou de la version du titre, pour déposer la demande bien avant les deux mois d’instruction.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

/**
 * Months before the end of an agrément or of a titre version at which it is reminded (an
 * information item: no délai in the text, see `OBLIGATION_SOURCES.AGREMENT_RENEWAL`).
 */
export const END_REMINDERS = [
  { months: 6, step: 'M6' },
  { months: 3, step: 'M3' },
  { months: 1, step: 'M1' },
] as const;

export type ObligationCode =
  'ANNUAL_PROGRAMME' | 'PROVIDER_AVENANT' | 'AGREMENT_END' | 'TITRE_VERSION_END';

export type ObligationStatus = 'todo' | 'done' | 'late';

export interface ObligationSource {
  text: string;
  article: string;
  date: CalendarDate | null;
  /** How the text is applied where it is silent or read by the application (absent: literal). */
  interpretation?: string;
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
  /**
   * The previous working day of the centre's region when the due date is not one (weekend or
   * public holiday): the date the obligation must be met by, for its status and its reminders.
   * Null when the due date is a working day, and for information items (an end date).
   */
  workingDayFallback: CalendarDate | null;
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
  /** The centre's region: its public holidays move a due date to the previous working day. */
  region: FrenchRegion;
  programme: { sentOn: CalendarDate } | null;
  /**
   * A session of the centre (not cancelled) starts in `year`: with an agrément valid during part
   * of the year, what makes the annual programme due.
   */
  hasSessionInYear: boolean;
  conventions: readonly {
    id: string;
    providerId: string;
    providerName: string;
    signedOn: CalendarDate;
    avenants: readonly { year: number; sentToPrefectOn: CalendarDate | null }[];
  }[];
  agrements: readonly {
    id: string;
    /** Null: start not recorded (valid since before any year asked). */
    validFrom: CalendarDate | null;
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

function sourceOf(source: RuleSource, interpretation?: string): ObligationSource {
  const out: ObligationSource = { text: source.text, article: source.article, date: source.date };
  if (interpretation !== undefined) out.interpretation = interpretation;
  return out;
}

const END_INTERPRETATION =
  'Aucun délai de dépôt de la demande de renouvellement n’est fixé par le texte : information rappelée 6 mois, 3 mois et 1 mois avant la fin (le préfet dispose de deux mois pour statuer sur un dossier complet).';

function yearStart(year: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-01-01`;
}

function yearEnd(year: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/**
 * The annual programme of `year` is due from a centre with something to programme: an agrément
 * valid during part of the year, or a session starting in it (or a programme already recorded).
 */
export function annualProgrammeApplies(
  facts: Pick<CentreYearFacts, 'year' | 'programme' | 'hasSessionInYear' | 'agrements'>,
): boolean {
  if (facts.programme !== null || facts.hasSessionInYear) return true;
  const first = yearStart(facts.year);
  const last = yearEnd(facts.year);
  return facts.agrements.some(
    (a) => a.validUntil >= first && (a.validFrom === null || a.validFrom <= last),
  );
}

/** Status of a dated obligation, late once its date to act (working-day fallback) has passed. */
function statusOf(actBy: CalendarDate, doneOn: CalendarDate | null, today: CalendarDate) {
  if (doneOn !== null) return 'done';
  return today > actBy ? 'late' : 'todo';
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
  const programmeFallback = workingDayFallback(programmeDue, facts.region);
  if (annualProgrammeApplies(facts))
    out.push({
      key: `ANNUAL_PROGRAMME:${year}`,
      code: 'ANNUAL_PROGRAMME',
      label: `Communiquer le programme annuel des sessions ${year} à l’autorité (DREETS) avant le 31 janvier`,
      dueDate: programmeDue,
      workingDayFallback: programmeFallback,
      status: statusOf(programmeFallback ?? programmeDue, programmeDone, today),
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
    const fallback = workingDayFallback(due, facts.region);
    out.push({
      key: `PROVIDER_AVENANT:${convention.id}:${avenantYear}`,
      code: 'PROVIDER_AVENANT',
      label: `Transmettre au préfet de région l’avenant ${avenantYear} de la convention avec ${convention.providerName} (signée le ${formatFrenchDate(convention.signedOn)}) avant le 1er janvier ${avenantYear}`,
      dueDate: due,
      workingDayFallback: fallback,
      status: statusOf(fallback ?? due, sentOn, today),
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
      workingDayFallback: null,
      status: ended ? 'done' : 'todo',
      doneOn: ended ? agrement.validUntil : null,
      information: true,
      source: sourceOf(OBLIGATION_SOURCES.AGREMENT_RENEWAL, END_INTERPRETATION),
      link: { kind: 'agrement', id: agrement.id, href: `/agrements#agrement-${agrement.id}` },
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
      workingDayFallback: null,
      status: ended ? 'done' : 'todo',
      doneOn: ended ? titre.validUntil : null,
      information: true,
      source: sourceOf(OBLIGATION_SOURCES.AGREMENT_RENEWAL, END_INTERPRETATION),
      link: { kind: 'titre', id: titre.id, href: `/titres` },
    });
  }
  return out.sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.label.localeCompare(b.label, 'fr'),
  );
}

export type ObligationStep = 'M6' | 'M3' | 'M1' | 'D30' | 'D7' | 'OVERDUE';

/**
 * The reminder step an open obligation is at today: within 30 days of its due date, within
 * 7 days, or overdue; an information item (the end of an agrément or of a titre version) 6, 3
 * and 1 month(s) before (`END_REMINDERS`). Null when done, an information item already
 * passed, or not yet near.
 */
export function obligationReminderStep(
  obligation: Pick<Obligation, 'dueDate' | 'status'> & {
    information?: boolean;
    workingDayFallback?: CalendarDate | null;
  },
  today: CalendarDate,
): ObligationStep | null {
  if (obligation.status === 'done') return null;
  if (obligation.information) {
    if (today > obligation.dueDate) return null;
    // The nearest step reached: 1 month, else 3 months, else 6 months before the end.
    const reached = [...END_REMINDERS]
      .sort((a, b) => a.months - b.months)
      .find((r) => today >= addMonths(obligation.dueDate, -r.months));
    return reached?.step ?? null;
  }
  // Counted to the date to act: the previous working day when the due date is not one.
  const days = daysBetween(today, obligation.workingDayFallback ?? obligation.dueDate);
  if (days < 0) return 'OVERDUE';
  if (days <= 7) return 'D7';
  if (days <= 30) return 'D30';
  return null;
}

/** The years whose obligations may be due within the reminder horizon of `today` (6 months). */
export function reminderYears(today: CalendarDate): number[] {
  const year = Number(today.slice(0, 4));
  const horizon = Number(
    addMonths(today, Math.max(...END_REMINDERS.map((r) => r.months))).slice(0, 4),
  );
  const years: number[] = [];
  for (let y = year; y <= horizon; y += 1) years.push(y);
  return years;
}

/**
 * The dated steps of a CQC-by-equivalence campaign (seed 000), with their reminders, from the
 * school year and the spring holidays of the schools' zone (dates the user enters):
 * - pupil lists due before the spring holidays;
 * - fiches sent to the schools after the spring holidays, pre-filled without date nor signature;
 * - completion at mid-May (15 May) for the pupils of age;
 * - the school's envelope posted by 30 May at the latest (a weekend or a holiday does not move
 *   it: the postmark counts, and Jalon names the last working day before as a precaution);
 * - pupils still minors called as soon as they turn 18 (`majorityDates`);
 * - from July, the CQC handed over against signature; an error on a card is returned within one
 *   month of its receipt, the postmark counting (`cardErrorReturnDeadline`).
 */
import {
  addDays,
  addMonths,
  compareDates,
  formatFrenchDate,
  formatFrenchLongDate,
  isInputCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import {
  DEFAULT_REGION,
  frenchPublicHolidayName,
  workingDayFallback,
  type FrenchRegion,
} from '../common/french-holidays.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { DEFAULT_LEAP_DAY_RULE, majorityDate, type LeapDayRule } from './campaign-majority.js';
import { accepted, refused, type CampaignResult } from './campaign-result.js';
import { CQC_CAMPAIGN_SOURCES } from './campaign-sources.js';
import {
  ENVELOPE_DEADLINE,
  MAY_MAJORITY_REFERENCE,
  comparePupils,
  isSchoolYear,
  mayDate,
  schoolYearLabel,
  type CampaignPupil,
  type SchoolYear,
} from './campaign-split.js';

/** The spring holidays of the schools' zone: first and last day off (e.g. Saturday to Sunday). */
export interface SpringHolidays {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
}

/** Day from which the CQC come back and are handed over: 1 July (« dès juillet »). */
export const HANDOVER_FROM: {
  readonly month: number;
  readonly day: number;
  readonly source: RuleSource;
} = {
  month: 7,
  day: 1,
  source: CQC_CAMPAIGN_SOURCES.HANDOVER_FROM_JULY,
};

/** Time to return a card with an error: one month from its receipt, postmark counting. */
export const CARD_ERROR_RETURN: {
  readonly months: number;
  readonly source: RuleSource;
  readonly computation: RuleSource;
} = {
  months: 1,
  source: CQC_CAMPAIGN_SOURCES.CARD_ERROR_ONE_MONTH,
  computation: CQC_CAMPAIGN_SOURCES.MONTH_DEADLINE,
};

/** Days before a step's due date when its reminders fall. */
export const REMINDER_DAYS_BEFORE: Readonly<
  Record<'PUPIL_LISTS_DUE' | 'MID_MAY_COMPLETION' | 'ENVELOPE_POSTED', readonly number[]>
> = {
  PUPIL_LISTS_DUE: [21, 7],
  MID_MAY_COMPLETION: [7],
  ENVELOPE_POSTED: [7],
};

export type CampaignStepCode =
  | 'PUPIL_LISTS_DUE'
  | 'FICHES_SENT'
  | 'MID_MAY_COMPLETION'
  | 'ENVELOPE_POSTED'
  | 'CALL_AT_MAJORITY'
  | 'CQC_HANDOVER';

/** Who acts: the delegation (the training organisation) or the school. */
export type CampaignActor = 'DELEGATION' | 'SCHOOL';

export const CAMPAIGN_ACTOR_LABELS: Readonly<Record<CampaignActor, string>> = {
  DELEGATION: 'Délégation',
  SCHOOL: 'Établissement',
};

export interface CampaignReminder {
  readonly on: CalendarDate;
  readonly stepCode: CampaignStepCode;
  readonly message: string;
}

export interface CampaignStep {
  readonly code: CampaignStepCode;
  readonly label: string;
  readonly actor: CampaignActor;
  /** First day the step can be done, or null when it has no start. */
  readonly from: CalendarDate | null;
  /** Last day, or null when it has none (each pupil's majority, each card). */
  readonly due: CalendarDate | null;
  readonly reminders: readonly CampaignReminder[];
  /** What to keep in mind, in French. */
  readonly notes: readonly string[];
  readonly source: RuleSource;
}

export interface CampaignTimeline {
  readonly schoolYear: SchoolYear;
  readonly springHolidays: SpringHolidays;
  readonly steps: readonly CampaignStep[];
}

/** One French message per problem with the school year and the spring holidays entered. */
export function validateSpringHolidays(schoolYear: SchoolYear, holidays: SpringHolidays): string[] {
  if (!isSchoolYear(schoolYear)) return ['L’année scolaire est invalide.'];
  const errors: string[] = [];
  const spring = schoolYear + 1;
  const first = `${spring}-03-01`;
  const reference = mayDate(schoolYear, MAY_MAJORITY_REFERENCE);
  const checks: [keyof SpringHolidays, string][] = [
    ['start', 'Début des vacances de printemps'],
    ['end', 'Fin des vacances de printemps'],
  ];
  for (const [field, label] of checks) {
    const value = holidays[field];
    if (!isInputCalendarDate(value)) {
      errors.push(`${label} : date invalide (format attendu AAAA-MM-JJ).`);
    } else if (compareDates(value, first) < 0 || compareDates(value, reference) >= 0) {
      errors.push(
        `${label} : le ${formatFrenchDate(value)} n’est pas au printemps de l’année scolaire ${schoolYearLabel(schoolYear)} (entre le ${formatFrenchDate(first)} et le ${formatFrenchDate(addDays(reference, -1))}, avant la mi-mai).`,
      );
    }
  }
  if (errors.length === 0 && compareDates(holidays.start, holidays.end) > 0) {
    errors.push(
      `Fin des vacances de printemps : le ${formatFrenchDate(holidays.end)} précède le début (${formatFrenchDate(holidays.start)}).`,
    );
  }
  return errors;
}

function remindersBefore(
  due: CalendarDate,
  days: readonly number[],
  stepCode: CampaignStepCode,
  message: (due: CalendarDate) => string,
): CampaignReminder[] {
  return days.map((n) => ({ on: addDays(due, -n), stepCode, message: message(due) }));
}

/** Why the envelope's deadline falls on a day the post may be closed, or null. */
export function envelopeDeadlineNote(
  deadline: CalendarDate,
  region: FrenchRegion = DEFAULT_REGION,
): { readonly note: string; readonly lastWorkingDay: CalendarDate } | null {
  const fallback = workingDayFallback(deadline, region);
  if (fallback === null) return null;
  const holiday = frenchPublicHolidayName(deadline, region);
  const what = holiday
    ? `le ${formatFrenchLongDate(deadline)} (${holiday}) est un jour férié`
    : `le ${formatFrenchLongDate(deadline)} tombe un week-end`;
  return {
    lastWorkingDay: fallback,
    note: `Attention, ${what} : la date limite reste le ${formatFrenchDate(deadline)} (cachet de la poste faisant foi), mais le bureau de poste pouvant être fermé, postez l’enveloppe au plus tard le ${formatFrenchLongDate(fallback)}.`,
  };
}

/**
 * The campaign's dated steps with their reminders. Refused, with one French message per
 * problem, when the school year or the spring holidays are not valid.
 */
export function buildCampaignTimeline(
  schoolYear: SchoolYear,
  springHolidays: SpringHolidays,
  region: FrenchRegion = DEFAULT_REGION,
): CampaignResult<CampaignTimeline> {
  const errors = validateSpringHolidays(schoolYear, springHolidays);
  if (errors.length > 0) return refused(errors);
  const spring = schoolYear + 1;
  const listsDue = addDays(springHolidays.start, -1);
  const fichesFrom = addDays(springHolidays.end, 1);
  const midMay = mayDate(schoolYear, MAY_MAJORITY_REFERENCE);
  const envelope = mayDate(schoolYear, ENVELOPE_DEADLINE);
  const handover = `${spring}-${String(HANDOVER_FROM.month).padStart(2, '0')}-${String(HANDOVER_FROM.day).padStart(2, '0')}`;
  const weekend = envelopeDeadlineNote(envelope, region);

  const steps: CampaignStep[] = [
    {
      code: 'PUPIL_LISTS_DUE',
      label:
        'Listes des élèves qui passent l’examen (nom, prénom, date de naissance), par classe, demandées à chaque établissement avant les vacances de printemps',
      actor: 'SCHOOL',
      from: null,
      due: listsDue,
      reminders: remindersBefore(
        listsDue,
        REMINDER_DAYS_BEFORE.PUPIL_LISTS_DUE,
        'PUPIL_LISTS_DUE',
        (due) =>
          `Relancer les établissements : listes des élèves (nom, prénom, date de naissance) attendues au plus tard le ${formatFrenchDate(due)}, avant les vacances de printemps.`,
      ),
      notes: [
        'Dès réception, la Délégation génère les sessions dans Chronoservices (deux sessions par classe de Bac : CAP CLM et Bac Pro) et édite les fiches navettes nécessaires (32 au plus par session), enregistrées en PDF.',
      ],
      source: CQC_CAMPAIGN_SOURCES.PUPIL_LISTS_BEFORE_SPRING,
    },
    {
      code: 'FICHES_SENT',
      label:
        'Envoi des fiches navettes, par session, au contact de l’établissement (courrier ou mail), après les vacances de printemps',
      actor: 'DELEGATION',
      from: fichesFrom,
      due: null,
      reminders: [
        {
          on: fichesFrom,
          stepCode: 'FICHES_SENT',
          message: `Vacances de printemps terminées : envoyer les fiches navettes, par session, aux établissements, pour un pré-remplissage avant le ${formatFrenchDate(midMay)}.`,
        },
      ],
      notes: [
        'Les fiches navettes ne se photocopient jamais.',
        'L’établissement les fait pré-remplir par les élèves et coller la photo d’identité, sans date ni signature.',
      ],
      source: CQC_CAMPAIGN_SOURCES.FICHES_SENT_AFTER_SPRING,
    },
    {
      code: 'MID_MAY_COMPLETION',
      label:
        'Mi-mai : les élèves majeurs complètent leur fiche CAP CLM (n° de permis, date, signature) ; photocopie recto verso du permis signé',
      actor: 'SCHOOL',
      from: midMay,
      due: midMay,
      reminders: remindersBefore(
        midMay,
        REMINDER_DAYS_BEFORE.MID_MAY_COMPLETION,
        'MID_MAY_COMPLETION',
        (due) =>
          `Le ${formatFrenchDate(due)}, faire compléter les fiches CAP CLM des élèves majeurs (n° de permis, date, signature) et photocopier recto verso leur permis signé.`,
      ),
      notes: [
        MAY_MAJORITY_REFERENCE.interpretation,
        'Chaque élève signe sa fiche à partir du jour de ses 18 ans : si les fiches sont complétées avant le 15 mai, un élève qui n’a pas encore 18 ans ce jour-là la signe plus tard, avant l’envoi de l’enveloppe.',
      ],
      source: CQC_CAMPAIGN_SOURCES.MID_MAY_COMPLETION,
    },
    {
      code: 'ENVELOPE_POSTED',
      label:
        'Enveloppe de l’établissement postée à la Délégation : fiches complétées et signées, chacune avec sa pièce jointe, sans agrafe, et attestation signée du chef d’établissement nommant chaque lauréat du CAP CLM',
      actor: 'SCHOOL',
      from: midMay,
      due: envelope,
      reminders: [
        ...remindersBefore(
          envelope,
          REMINDER_DAYS_BEFORE.ENVELOPE_POSTED,
          'ENVELOPE_POSTED',
          (due) =>
            `Enveloppe à poster au plus tard le ${formatFrenchDate(due)} (cachet de la poste faisant foi) : fiches signées avec leur pièce jointe, sans agrafe, et attestation de réussite au CAP CLM.`,
        ),
        ...(weekend
          ? [
              {
                on: weekend.lastWorkingDay,
                stepCode: 'ENVELOPE_POSTED' as const,
                message: weekend.note,
              },
            ]
          : []),
      ],
      notes: [ENVELOPE_DEADLINE.interpretation, ...(weekend ? [weekend.note] : [])],
      source: CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY,
    },
    {
      code: 'CALL_AT_MAJORITY',
      label:
        'Élèves encore mineurs : convoqués dès leur majorité pour compléter leur fiche Bac Pro, ou CAP CLM en cas d’échec au Bac Pro (n° de permis, date, signature, photocopie recto verso du permis signé)',
      actor: 'SCHOOL',
      from: addDays(midMay, 1),
      due: null,
      reminders: [],
      notes: ['Les dates des 18 ans de chaque élève sont données par la liste des majorités.'],
      source: CQC_CAMPAIGN_SOURCES.CALL_AT_MAJORITY,
    },
    {
      code: 'CQC_HANDOVER',
      label:
        'Dès juillet : les CQC reviennent de Chronoservices par la Délégation et sont remises à chaque élève contre signature',
      actor: 'SCHOOL',
      from: handover,
      due: null,
      reminders: [
        {
          on: handover,
          stepCode: 'CQC_HANDOVER',
          message:
            'Les CQC peuvent arriver : les remettre en main propre à chaque élève contre signature ; une carte erronée se retourne sous un mois (cachet de la poste) avec le formulaire « défaut qualité ».',
        },
      ],
      notes: [
        'En cas d’erreur sur une CQC : la reprendre, remplir le formulaire « défaut qualité » et retourner le tout à Chronoservices sous un mois après sa réception, cachet de la poste faisant foi.',
      ],
      source: CQC_CAMPAIGN_SOURCES.HANDOVER_FROM_JULY,
    },
  ];
  return accepted({ schoolYear, springHolidays, steps });
}

/** Every reminder of the timeline from `from` to `to` (both included), in date then step order. */
export function remindersBetween(
  timeline: CampaignTimeline,
  from: CalendarDate,
  to: CalendarDate,
): CampaignReminder[] {
  const order = timeline.steps.map((s) => s.code);
  return timeline.steps
    .flatMap((s) => s.reminders)
    .filter((r) => compareDates(r.on, from) >= 0 && compareDates(r.on, to) <= 0)
    .sort(
      (a, b) => compareDates(a.on, b.on) || order.indexOf(a.stepCode) - order.indexOf(b.stepCode),
    );
}

/**
 * Last day to post back a card with an error: one month after its receipt, on the same day
 * number, or the month's last day when it has none (received 31 January → 28 or 29 February),
 * as in Code de procédure civile art. 641. The postmark counts; a weekend does not move the date.
 */
export function cardErrorReturnDeadline(receivedOn: CalendarDate): CalendarDate {
  return addMonths(receivedOn, CARD_ERROR_RETURN.months);
}

/** True when a card received on `receivedOn` and postmarked on `postmarkedOn` was returned in time. */
export function isCardErrorReturnInTime(
  receivedOn: CalendarDate,
  postmarkedOn: CalendarDate,
): boolean {
  if (compareDates(postmarkedOn, receivedOn) < 0) {
    throw new RangeError(
      `Le cachet de la poste (${formatFrenchDate(postmarkedOn)}) précède la réception de la carte (${formatFrenchDate(receivedOn)}).`,
    );
  }
  return compareDates(postmarkedOn, cardErrorReturnDeadline(receivedOn)) <= 0;
}

export interface MajorityEntry {
  readonly pupil: CampaignPupil;
  /** The day the pupil turns 18. */
  readonly majorityDate: CalendarDate;
  /** True when born on 29 February and the 18th year is not a leap year. */
  readonly leapDayBirth: boolean;
  /** What to do, in French. */
  readonly message: string;
}

/**
 * Pupils turning 18 from `from` to `to` (both included), by date then name: the school calls
 * each of them as soon as they are of age to complete their fiche. A person born on 29 February
 * turns 18 on 1 March of a non-leap year by default (see `LeapDayRule`).
 */
export function majorityDates(
  pupils: readonly CampaignPupil[],
  from: CalendarDate,
  to: CalendarDate,
  leapDayRule: LeapDayRule = DEFAULT_LEAP_DAY_RULE.rule,
): MajorityEntry[] {
  if (compareDates(from, to) > 0) {
    throw new RangeError(
      `Période invalide : le ${formatFrenchDate(from)} est postérieur au ${formatFrenchDate(to)}.`,
    );
  }
  return pupils
    .map((pupil) => ({ pupil, date: majorityDate(pupil.birthDate, leapDayRule) }))
    .filter(({ date }) => compareDates(date, from) >= 0 && compareDates(date, to) <= 0)
    .sort((a, b) => compareDates(a.date, b.date) || comparePupils(a.pupil, b.pupil))
    .map(({ pupil, date }) => ({
      pupil,
      majorityDate: date,
      leapDayBirth: pupil.birthDate.slice(5) === '02-29' && date.slice(5) !== '02-29',
      message: `${pupil.lastName.trim()} ${pupil.firstName.trim()} a 18 ans le ${formatFrenchDate(date)} : le convoquer pour compléter sa fiche navette (n° de permis, date, signature) avec la photocopie recto verso de son permis signé.`,
    }));
}

/**
 * Due-date rule of a checklist task: an anchor (31 January of the session's year,
 * session start or session end) plus signed offsets, applied in the order
 * years, months (clamped to the end of the month), weeks, days; then, when the rule has a
 * `notAfter` bound (an anchor and offsets computed the same way), the earlier of the two dates.
 */
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  isValidCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import {
  DEFAULT_REGION,
  workingDayFallback,
  type FrenchRegion,
} from '../common/french-holidays.js';

export type DueAnchor = 'SESSION_YEAR_JAN_31' | 'START' | 'END';
export type DueKind = 'regulatory' | 'advised' | 'phase';

/** A date computed from the session: an anchor plus signed offsets. */
export interface DueOffset {
  anchor: DueAnchor;
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

export interface DueRule extends DueOffset {
  kind: DueKind;
  /**
   * The due date is never after this date (e.g. the annual programme of a January–March session
   * is due by the session's UD deadline, 3 months before its start, when that comes before
   * 31 January). Absent: no bound (every v1 rule).
   */
  notAfter?: DueOffset;
}

export interface ComputedDueDate {
  dueDate: CalendarDate;
  dueKind: DueKind;
  workingDayFallback: CalendarDate | null;
}

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  regulatory: 'Échéance réglementaire',
  advised: 'Échéance conseillée',
  phase: 'Échéance indicative (phase)',
};

const ANCHORS: readonly DueAnchor[] = ['SESSION_YEAR_JAN_31', 'START', 'END'];
const KINDS: readonly DueKind[] = ['regulatory', 'advised', 'phase'];
const OFFSET_LIMITS = { years: 100, months: 1200, weeks: 5200, days: 36500 } as const;
type OffsetField = keyof typeof OFFSET_LIMITS;
const OFFSET_FIELDS = Object.keys(OFFSET_LIMITS) as OffsetField[];
const OFFSET_LABELS: Record<OffsetField, string> = {
  years: 'années',
  months: 'mois',
  weeks: 'semaines',
  days: 'jours',
};
const KNOWN_FIELDS: readonly string[] = ['anchor', 'kind', ...OFFSET_FIELDS, 'notAfter'];
const BOUND_FIELDS: readonly string[] = ['anchor', ...OFFSET_FIELDS];

function showValue(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return `« ${value} »`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * French error messages for a malformed rule (empty when the rule is valid).
 * Unknown properties are rejected so that a typo such as `month` is not silently ignored.
 */
export function validateDueRule(rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return [`La règle d'échéance doit être un objet (reçu ${showValue(rule)}).`];
  }
  const record = rule as Record<string, unknown>;
  const errors: string[] = [];

  errors.push(...validateAnchor(record, ''));

  const kind = record.kind;
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    errors.push(
      `Champ « kind » : type d'échéance inconnu ${showValue(kind)} (valeurs admises : ${KINDS.join(', ')}).`,
    );
  }

  errors.push(...validateOffsets(record, ''));

  const bound = record.notAfter;
  if (bound !== undefined) {
    if (typeof bound !== 'object' || bound === null || Array.isArray(bound)) {
      errors.push(
        `Champ « notAfter » : la borne de l'échéance doit être un objet (reçu ${showValue(bound)}).`,
      );
    } else {
      const boundRecord = bound as Record<string, unknown>;
      errors.push(...validateAnchor(boundRecord, 'notAfter.'));
      errors.push(...validateOffsets(boundRecord, 'notAfter.'));
      for (const key of Object.keys(boundRecord)) {
        if (!BOUND_FIELDS.includes(key)) {
          errors.push(
            `Champ « notAfter.${key} » inconnu dans la borne de l'échéance (champs admis : ${BOUND_FIELDS.join(', ')}).`,
          );
        }
      }
    }
  }

  for (const key of Object.keys(record)) {
    if (!KNOWN_FIELDS.includes(key)) {
      errors.push(
        `Champ « ${key} » inconnu dans la règle d'échéance (champs admis : ${KNOWN_FIELDS.join(', ')}).`,
      );
    }
  }

  return errors;
}

/** The anchor of a rule or of its bound (`prefix` names the bound's fields). */
function validateAnchor(record: Record<string, unknown>, prefix: string): string[] {
  const anchor = record.anchor;
  if (typeof anchor !== 'string' || !(ANCHORS as readonly string[]).includes(anchor)) {
    return [
      `Champ « ${prefix}anchor » : ancre inconnue ${showValue(anchor)} (valeurs admises : ${ANCHORS.join(', ')}).`,
    ];
  }
  return [];
}

/** The offsets of a rule or of its bound (`prefix` names the bound's fields). */
function validateOffsets(record: Record<string, unknown>, prefix: string): string[] {
  const errors: string[] = [];
  for (const field of OFFSET_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push(
        `Champ « ${prefix}${field} » : le décalage en ${OFFSET_LABELS[field]} doit être un nombre entier (reçu ${showValue(value)}).`,
      );
    } else if (Math.abs(value) > OFFSET_LIMITS[field]) {
      errors.push(
        `Champ « ${prefix}${field} » : le décalage en ${OFFSET_LABELS[field]} doit être compris entre -${OFFSET_LIMITS[field]} et ${OFFSET_LIMITS[field]} (reçu ${value}).`,
      );
    }
  }
  return errors;
}

function anchorDate(
  anchor: DueAnchor,
  session: { startDate: CalendarDate; endDate: CalendarDate },
): CalendarDate {
  switch (anchor) {
    case 'SESSION_YEAR_JAN_31':
      return `${session.startDate.slice(0, 4)}-01-31`;
    case 'START':
      return session.startDate;
    case 'END':
      return session.endDate;
  }
}

function offsetDate(
  offset: DueOffset,
  session: { startDate: CalendarDate; endDate: CalendarDate },
): CalendarDate {
  let date = anchorDate(offset.anchor, session);
  if (offset.years) date = addYears(date, offset.years);
  if (offset.months) date = addMonths(date, offset.months);
  if (offset.weeks) date = addWeeks(date, offset.weeks);
  if (offset.days) date = addDays(date, offset.days);
  return date;
}

/**
 * Due date of a task for a session, with its kind and the working-day fallback (in the centre's
 * region, metropolitan France by default) when the date is a weekend day or a public holiday.
 */
export function computeDueDate(
  rule: DueRule,
  session: { startDate: CalendarDate; endDate: CalendarDate },
  region: FrenchRegion = DEFAULT_REGION,
): ComputedDueDate {
  const errors = validateDueRule(rule);
  if (!isValidCalendarDate(session.startDate)) {
    errors.push(`Date de début de session invalide : ${showValue(session.startDate)}.`);
  }
  if (!isValidCalendarDate(session.endDate)) {
    errors.push(`Date de fin de session invalide : ${showValue(session.endDate)}.`);
  }
  if (errors.length > 0) {
    throw new RangeError(`Impossible de calculer l'échéance : ${errors.join(' ')}`);
  }

  let dueDate = offsetDate(rule, session);
  if (rule.notAfter) {
    const bound = offsetDate(rule.notAfter, session);
    if (bound < dueDate) dueDate = bound;
  }

  return {
    dueDate,
    dueKind: rule.kind,
    workingDayFallback: workingDayFallback(dueDate, region),
  };
}

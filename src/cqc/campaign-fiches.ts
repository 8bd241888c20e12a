/**
 * Numbering of the fiches navettes of one fiche session, as an immutable state.
 *
 * The delegation edits at most 32 fiches per session (seed 000, « maxi actuel 32 ») and saves
 * them as PDF; fiches are never photocopied, so each number serves once. A wrong fiche is voided
 * (reason, date) and then either replaced by a new, unused number or re-edited from the stored PDF
 * (same number, next edition). Every step is kept in the session's history, in order.
 *
 * A fiche's number is its rank in the session (n° 1 to 32), given in order and never reused.
 * Every operation returns a new state, or all the French reasons it was refused (state unchanged).
 */
import {
  compareDates,
  formatFrenchDate,
  isValidCalendarDate,
  type CalendarDate,
} from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { accepted, refused, type CampaignResult } from './campaign-result.js';
import { CQC_CAMPAIGN_SOURCES } from './campaign-sources.js';

/** At most 32 fiches per session, never photocopied. */
export const FICHES_PER_SESSION: {
  readonly max: number;
  readonly source: RuleSource;
  readonly noPhotocopySource: RuleSource;
  readonly replacementSource: RuleSource;
} = {
  max: 32,
  source: CQC_CAMPAIGN_SOURCES.FICHES_MAX_PER_SESSION,
  noPhotocopySource: CQC_CAMPAIGN_SOURCES.FICHES_NO_PHOTOCOPY,
  replacementSource: CQC_CAMPAIGN_SOURCES.FICHE_ERROR_REPLACEMENT,
};

/** Longest reason accepted when voiding a fiche. */
export const MAX_VOID_REASON_LENGTH = 500;

export type FicheStatus = 'ISSUED' | 'VOIDED';

export const FICHE_STATUS_LABELS: Readonly<Record<FicheStatus, string>> = {
  ISSUED: 'Éditée',
  VOIDED: 'Annulée',
};

export interface Fiche {
  /** Rank in the session, 1 to the capacity; never reused. */
  readonly number: number;
  /** The pupil the fiche is for, or null for a blank fiche. */
  readonly pupilId: string | null;
  readonly status: FicheStatus;
  /** 1 for the first edition, +1 at each re-edit from the stored PDF. */
  readonly edition: number;
  /** Date of the current edition. */
  readonly editedOn: CalendarDate;
  /** Date and reason of the last voiding, while the fiche is voided. */
  readonly voidedOn: CalendarDate | null;
  readonly voidReason: string | null;
  /** The number that replaced this voided fiche, if any. */
  readonly replacedBy: number | null;
  /** The voided number this fiche replaces, if any. */
  readonly replaces: number | null;
}

export type FicheEventType = 'ISSUED' | 'VOIDED' | 'REPLACEMENT_ISSUED' | 'RE_EDITED';

export interface FicheEvent {
  /** 1, 2, … in the order the steps were recorded. */
  readonly sequence: number;
  readonly type: FicheEventType;
  readonly number: number;
  readonly pupilId: string | null;
  readonly on: CalendarDate;
  readonly edition: number;
  /** The voiding reason (VOIDED), otherwise null. */
  readonly reason: string | null;
  /** The voided number replaced (REPLACEMENT_ISSUED), otherwise null. */
  readonly relatedNumber: number | null;
  /** The step in one French sentence, for the history shown to users. */
  readonly label: string;
}

export interface FicheSession {
  /** How users name the session (« Session CAP CLM — Terminale CTRM », …). */
  readonly label: string;
  readonly capacity: number;
  /** Every number used, in order. */
  readonly fiches: readonly Fiche[];
  readonly history: readonly FicheEvent[];
}

export interface FicheSessionSummary {
  readonly capacity: number;
  /** Numbers used (whatever their status). */
  readonly used: number;
  /** Numbers still free. */
  readonly remaining: number;
  readonly issued: number;
  readonly voided: number;
  /** Voided fiches neither replaced nor re-edited yet. */
  readonly awaitingFollowUp: readonly number[];
  /** The number the next fiche will get, or null when the session is full. */
  readonly nextNumber: number | null;
}

/** An empty fiche session (`capacity` defaults to 32). */
export function createFicheSession(
  label: string,
  capacity: number = FICHES_PER_SESSION.max,
): FicheSession {
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw new RangeError(
      `Capacité de session invalide : ${capacity} (nombre entier positif attendu).`,
    );
  }
  return { label, capacity, fiches: [], history: [] };
}

export function ficheSessionSummary(session: FicheSession): FicheSessionSummary {
  const used = session.fiches.length;
  return {
    capacity: session.capacity,
    used,
    remaining: session.capacity - used,
    issued: session.fiches.filter((f) => f.status === 'ISSUED').length,
    voided: session.fiches.filter((f) => f.status === 'VOIDED').length,
    awaitingFollowUp: session.fiches
      .filter((f) => f.status === 'VOIDED' && f.replacedBy === null)
      .map((f) => f.number),
    nextNumber: used < session.capacity ? used + 1 : null,
  };
}

/** The pupil's fiche currently valid (ISSUED), or null. */
export function currentFicheOf(session: FicheSession, pupilId: string): Fiche | null {
  return session.fiches.find((f) => f.pupilId === pupilId && f.status === 'ISSUED') ?? null;
}

function dateErrors(on: CalendarDate, what: string): string[] {
  return isValidCalendarDate(on)
    ? []
    : [`La date ${what} est invalide : « ${String(on)} » (format attendu AAAA-MM-JJ).`];
}

function fullMessage(session: FicheSession, requested: number): string {
  const free = session.capacity - session.fiches.length;
  const freeText =
    free === 0
      ? 'aucun numéro ne reste libre'
      : `${free} numéro${free > 1 ? 's restent libres' : ' reste libre'}`;
  return (
    `${requested} fiche${requested > 1 ? 's' : ''} demandée${requested > 1 ? 's' : ''} mais ${freeText} dans la « ${session.label} » : ` +
    `${session.capacity} fiches au plus par session, jamais photocopiées, chaque numéro ne sert qu’une fois. ` +
    'Rééditez une fiche annulée depuis son PDF, ou demandez une autre session à la Délégation.'
  );
}

function withEvent(
  session: FicheSession,
  fiches: readonly Fiche[],
  events: readonly Omit<FicheEvent, 'sequence'>[],
): FicheSession {
  const start = session.history.length;
  return {
    ...session,
    fiches,
    history: [...session.history, ...events.map((e, i) => ({ sequence: start + i + 1, ...e }))],
  };
}

export interface IssuedFiches {
  readonly session: FicheSession;
  /** The fiches just issued, in number order. */
  readonly fiches: readonly Fiche[];
}

/**
 * Issues one new number per pupil (null for a blank fiche), in the order given. Refused as a
 * whole when the session has not enough free numbers, when a pupil is given twice, already has a
 * valid fiche, or has a voided fiche that must be replaced or re-edited instead.
 */
export function issueFiches(
  session: FicheSession,
  pupilIds: readonly (string | null)[],
  on: CalendarDate,
): CampaignResult<IssuedFiches> {
  const errors = dateErrors(on, 'd’édition');
  if (pupilIds.length === 0) errors.push('Aucune fiche demandée.');
  const seen = new Set<string>();
  for (const pupilId of pupilIds) {
    if (pupilId === null) continue;
    if (seen.has(pupilId)) {
      errors.push(`L’élève « ${pupilId} » est demandé deux fois : une seule fiche par élève.`);
      continue;
    }
    seen.add(pupilId);
    const current = currentFicheOf(session, pupilId);
    if (current) {
      errors.push(
        `L’élève « ${pupilId} » a déjà la fiche n° ${current.number} : une fiche ne se double pas, annulez-la pour la remplacer.`,
      );
      continue;
    }
    const pending = session.fiches.find(
      (f) => f.pupilId === pupilId && f.status === 'VOIDED' && f.replacedBy === null,
    );
    if (pending) {
      errors.push(
        `La fiche n° ${pending.number} de l’élève « ${pupilId} » est annulée : remplacez-la par un nouveau numéro ou rééditez-la, pour que le lien entre les deux fiches reste tracé.`,
      );
    }
  }
  if (session.fiches.length + pupilIds.length > session.capacity) {
    errors.push(fullMessage(session, pupilIds.length));
  }
  if (errors.length > 0) return refused(errors);

  const issued: Fiche[] = pupilIds.map((pupilId, i) => ({
    number: session.fiches.length + i + 1,
    pupilId,
    status: 'ISSUED',
    edition: 1,
    editedOn: on,
    voidedOn: null,
    voidReason: null,
    replacedBy: null,
    replaces: null,
  }));
  const next = withEvent(
    session,
    [...session.fiches, ...issued],
    issued.map((f) => ({
      type: 'ISSUED' as const,
      number: f.number,
      pupilId: f.pupilId,
      on,
      edition: 1,
      reason: null,
      relatedNumber: null,
      label: `Fiche n° ${f.number} éditée le ${formatFrenchDate(on)}.`,
    })),
  );
  return accepted({ session: next, fiches: issued });
}

function findFiche(session: FicheSession, number: number): Fiche | string {
  const fiche = Number.isSafeInteger(number)
    ? session.fiches.find((f) => f.number === number)
    : undefined;
  if (fiche) return fiche;
  const used =
    session.fiches.length === 0
      ? 'aucune fiche n’a encore été éditée'
      : `fiches n° 1 à ${session.fiches.length}`;
  return `Aucune fiche n° ${String(number)} dans la « ${session.label} » (${used}).`;
}

function replaceFiche(session: FicheSession, fiche: Fiche): readonly Fiche[] {
  return session.fiches.map((f) => (f.number === fiche.number ? fiche : f));
}

function notBefore(on: CalendarDate, fiche: Fiche, what: string): string[] {
  if (!isValidCalendarDate(on)) return [];
  const last = fiche.voidedOn ?? fiche.editedOn;
  return compareDates(on, last) < 0
    ? [
        `La date ${what} (${formatFrenchDate(on)}) précède la dernière opération sur la fiche n° ${fiche.number} (${formatFrenchDate(last)}).`,
      ]
    : [];
}

/** Voids a valid fiche, with its reason and date; it then awaits a replacement or a re-edit. */
export function voidFiche(
  session: FicheSession,
  number: number,
  reason: string,
  on: CalendarDate,
): CampaignResult<FicheSession> {
  const found = findFiche(session, number);
  if (typeof found === 'string') return refused([found]);
  const errors = dateErrors(on, 'd’annulation');
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') errors.push('Le motif d’annulation est obligatoire.');
  else if (trimmed.length > MAX_VOID_REASON_LENGTH)
    errors.push(`Le motif d’annulation dépasse ${MAX_VOID_REASON_LENGTH} caractères.`);
  if (found.status === 'VOIDED') {
    errors.push(
      `La fiche n° ${found.number} est déjà annulée depuis le ${formatFrenchDate(found.voidedOn ?? found.editedOn)}${
        found.replacedBy !== null ? ` et remplacée par la fiche n° ${found.replacedBy}` : ''
      }.`,
    );
  } else {
    errors.push(...notBefore(on, found, 'd’annulation'));
  }
  if (errors.length > 0) return refused(errors);

  const voided: Fiche = { ...found, status: 'VOIDED', voidedOn: on, voidReason: trimmed };
  return accepted(
    withEvent(session, replaceFiche(session, voided), [
      {
        type: 'VOIDED',
        number: found.number,
        pupilId: found.pupilId,
        on,
        edition: found.edition,
        reason: trimmed,
        relatedNumber: null,
        label: `Fiche n° ${found.number} annulée le ${formatFrenchDate(on)} : ${trimmed}.`,
      },
    ]),
  );
}

function followUpErrors(session: FicheSession, number: number, on: CalendarDate, what: string) {
  const found = findFiche(session, number);
  if (typeof found === 'string') return { fiche: null, errors: [found] };
  const errors = dateErrors(on, what);
  if (found.status !== 'VOIDED') {
    errors.push(
      `La fiche n° ${found.number} n’est pas annulée : annulez-la d’abord (motif et date) avant de la remplacer ou de la rééditer.`,
    );
  } else if (found.replacedBy !== null) {
    errors.push(
      `La fiche n° ${found.number} est déjà remplacée par la fiche n° ${found.replacedBy} : son numéro ne peut plus servir.`,
    );
  } else {
    errors.push(...notBefore(on, found, what));
  }
  return { fiche: found, errors };
}

export interface ReplacedFiche {
  readonly session: FicheSession;
  /** The new fiche, with a new number. */
  readonly fiche: Fiche;
}

/** Replaces a voided fiche by a new, unused number for the same pupil. */
export function replaceVoidedFiche(
  session: FicheSession,
  number: number,
  on: CalendarDate,
): CampaignResult<ReplacedFiche> {
  const { fiche: old, errors } = followUpErrors(session, number, on, 'de remplacement');
  if (old && session.fiches.length >= session.capacity) {
    errors.push(
      `Plus aucun numéro libre dans la « ${session.label} » (${session.capacity} fiches au plus par session, jamais photocopiées) : rééditez la fiche n° ${old.number} depuis son PDF conservé.`,
    );
  }
  if (!old || errors.length > 0) return refused(errors);

  const fresh: Fiche = {
    number: session.fiches.length + 1,
    pupilId: old.pupilId,
    status: 'ISSUED',
    edition: 1,
    editedOn: on,
    voidedOn: null,
    voidReason: null,
    replacedBy: null,
    replaces: old.number,
  };
  const fiches = [...replaceFiche(session, { ...old, replacedBy: fresh.number }), fresh];
  const next = withEvent(session, fiches, [
    {
      type: 'REPLACEMENT_ISSUED',
      number: fresh.number,
      pupilId: fresh.pupilId,
      on,
      edition: 1,
      reason: null,
      relatedNumber: old.number,
      label: `Fiche n° ${fresh.number} éditée le ${formatFrenchDate(on)} en remplacement de la fiche n° ${old.number}.`,
    },
  ]);
  return accepted({ session: next, fiche: fresh });
}

/** Re-edits a voided fiche from its stored PDF: same number, next edition, valid again. */
export function reEditVoidedFiche(
  session: FicheSession,
  number: number,
  on: CalendarDate,
): CampaignResult<ReplacedFiche> {
  const { fiche: old, errors } = followUpErrors(session, number, on, 'de réédition');
  if (!old || errors.length > 0) return refused(errors);

  const reEdited: Fiche = {
    ...old,
    status: 'ISSUED',
    edition: old.edition + 1,
    editedOn: on,
    voidedOn: null,
    voidReason: null,
  };
  const next = withEvent(session, replaceFiche(session, reEdited), [
    {
      type: 'RE_EDITED',
      number: old.number,
      pupilId: old.pupilId,
      on,
      edition: reEdited.edition,
      reason: null,
      relatedNumber: null,
      label: `Fiche n° ${old.number} rééditée le ${formatFrenchDate(on)} depuis le PDF conservé (édition ${reEdited.edition}).`,
    },
  ]);
  return accepted({ session: next, fiche: reEdited });
}

/** Voids a fiche and replaces it by a new number in one step (nothing changes if either is refused). */
export function voidAndReplaceFiche(
  session: FicheSession,
  number: number,
  reason: string,
  on: CalendarDate,
): CampaignResult<ReplacedFiche> {
  const voided = voidFiche(session, number, reason, on);
  return voided.ok ? replaceVoidedFiche(voided.value, number, on) : voided;
}

/** Voids a fiche and re-edits it from its stored PDF in one step. */
export function voidAndReEditFiche(
  session: FicheSession,
  number: number,
  reason: string,
  on: CalendarDate,
): CampaignResult<ReplacedFiche> {
  const voided = voidFiche(session, number, reason, on);
  return voided.ok ? reEditVoidedFiche(voided.value, number, on) : voided;
}

/**
 * Recording the same convocation for several candidates, and the attendance of all candidates on
 * the day: the rules of the request and what each candidate becomes. Each candidate is then saved
 * and audited as if edited on their own.
 */
import type { CalendarDate } from '../common/calendar-date.js';
import { selectionErrors } from '../common/bulk-selection.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { FieldError } from '../common/validation/field-errors.js';
import type { Attendance, Candidate, ConvocationMode } from './candidate.entity.js';
import { convocationProofErrors } from './convocation-proof-rules.js';

export const NO_CANDIDATE_SELECTED =
  'Aucun candidat n’est sélectionné : cochez au moins un candidat (rien n’a été enregistré).';

export const NO_ATTENDANCE_CHOSEN =
  'Aucune présence n’est choisie : indiquez la présence d’au moins un candidat (rien n’a été enregistré).';

export interface BulkConvocationRequest {
  candidateIds: readonly string[];
  convocationDate: CalendarDate | undefined;
  convocationMode: ConvocationMode | undefined;
}

export interface AttendanceEntry {
  candidateId: string;
  attendance: Attendance;
}

type Named = Pick<Candidate, 'id' | 'firstName' | 'lastName'>;

export function candidateName(c: Pick<Candidate, 'firstName' | 'lastName'>): string {
  return `${c.lastName.toUpperCase()} ${c.firstName}`;
}

/** Every rule the convocation request breaks, whatever the stored candidates: all at once. */
export function bulkConvocationErrors(
  request: BulkConvocationRequest,
  today: CalendarDate,
): FieldError[] {
  const errors = selectionErrors('candidateIds', request.candidateIds, NO_CANDIDATE_SELECTED);
  if (request.convocationDate === undefined) {
    errors.push({
      field: 'convocationDate',
      message:
        'Le champ « convocationDate » est obligatoire : la date d’envoi ou de remise des convocations.',
    });
  } else {
    const future = futureDateError('convocationDate', request.convocationDate, today);
    if (future) errors.push(future);
  }
  if (request.convocationMode === undefined) {
    errors.push({
      field: 'convocationMode',
      message:
        'Le champ « convocationMode » est obligatoire : remise en main propre ou lettre recommandée.',
    });
  }
  return errors;
}

/** The attendance request: at least one candidate, each once. */
export function bulkAttendanceErrors(entries: readonly AttendanceEntry[]): FieldError[] {
  return selectionErrors(
    'entries',
    entries.map((e) => e.candidateId),
    NO_ATTENDANCE_CHOSEN,
  );
}

/** The selected candidates that are not the session's: one French error. */
export function unknownCandidatesError(
  field: string,
  ids: readonly string[],
  known: readonly Named[],
): FieldError | null {
  const set = new Set(known.map((c) => c.id));
  const count = ids.filter((id) => !set.has(id)).length;
  if (count === 0) return null;
  return {
    field,
    message:
      count === 1
        ? 'Un candidat sélectionné n’est pas inscrit à cette session (ou n’existe plus).'
        : `${count} candidats sélectionnés ne sont pas inscrits à cette session (ou n’existent plus).`,
  };
}

/**
 * The candidates whose recorded proof of convocation the new convocation would contradict (a
 * décharge for a registered letter, a proof dated before the new date): one error naming each.
 */
export function convocationConflictsError(
  candidates: readonly (Named & Pick<Candidate, 'convocationProofKind' | 'convocationProofOn'>)[],
  date: CalendarDate,
  mode: ConvocationMode,
  today: CalendarDate,
): FieldError | null {
  const problems: string[] = [];
  for (const c of candidates) {
    const errors = convocationProofErrors(
      {
        convocationDate: date,
        convocationMode: mode,
        convocationProofKind: c.convocationProofKind,
        convocationProofOn: c.convocationProofOn,
      },
      today,
    );
    if (errors.length > 0) problems.push(candidateName(c));
  }
  if (problems.length === 0) return null;
  return {
    field: 'candidateIds',
    message: `La preuve de convocation déjà enregistrée ne correspond pas à cette convocation pour : ${problems.join(', ')}. Modifiez ces candidats un par un, ou retirez-les de la sélection (rien n’a été enregistré).`,
  };
}

/** What changes for a candidate: null when the values are already those (nothing to write). */
export function convocationChange(
  current: Pick<Candidate, 'convocationDate' | 'convocationMode'>,
  date: CalendarDate,
  mode: ConvocationMode,
): { convocationDate: CalendarDate; convocationMode: ConvocationMode } | null {
  if (current.convocationDate === date && current.convocationMode === mode) return null;
  return { convocationDate: date, convocationMode: mode };
}

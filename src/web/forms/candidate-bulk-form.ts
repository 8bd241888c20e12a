/**
 * The candidates tab's bulk forms (one convocation for the candidates ticked; everyone's attendance
 * on the day): from the HTML form body to the API's bulk requests, and the view of each candidate.
 */
import {
  ATTENDANCES,
  CONVOCATION_MODES,
  type Attendance,
  type Candidate,
} from '../../candidates/candidate.entity.js';
import { candidateName } from '../../candidates/bulk-candidate-rules.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { ATTENDANCE_LABELS, CONVOCATION_MODE_LABELS } from '../views/labels.js';
import { text, texts, type FieldErrors, type FormBody } from './form-input.js';
import { labelOf } from './field-labels.js';

export const BULK_CANDIDATE_LABELS = labelOf({
  candidateIds: 'Candidats sélectionnés',
  entries: 'Présences',
  convocationDate: 'Date de convocation',
  convocationMode: 'Mode de convocation',
});

/** The name of a candidate's attendance select. */
export function attendanceField(candidateId: string): string {
  return `attendance_${candidateId}`;
}

export interface ConvocationPlain {
  candidateIds: string[];
  convocationDate?: string;
  convocationMode?: string;
}

export function convocationPlain(body: FormBody): ConvocationPlain {
  const plain: ConvocationPlain = { candidateIds: texts(body, 'candidateIds') };
  const date = text(body, 'convocationDate').trim();
  const mode = text(body, 'convocationMode').trim();
  if (date !== '') plain.convocationDate = date;
  if (mode !== '') plain.convocationMode = mode;
  return plain;
}

/**
 * The attendance chosen for each of the session's candidates (a select left on « Non renseignée »
 * changes nothing), and one error for each value that is not offered.
 */
export function attendanceEntries(
  body: FormBody,
  candidates: readonly Pick<Candidate, 'id' | 'firstName' | 'lastName'>[],
): { entries: { candidateId: string; attendance: Attendance }[]; errors: FieldError[] } {
  const entries: { candidateId: string; attendance: Attendance }[] = [];
  const errors: FieldError[] = [];
  for (const c of candidates) {
    const value = text(body, attendanceField(c.id));
    if (value === '') continue;
    const attendance = ATTENDANCES.find((a) => a === value);
    if (attendance) entries.push({ candidateId: c.id, attendance });
    else {
      errors.push({
        field: attendanceField(c.id),
        message: `La présence de ${candidateName(c)} n’est pas une des valeurs proposées.`,
      });
    }
  }
  return { entries, errors };
}

export interface BulkFormsState {
  convocation: { errors: FieldErrors; values: ConvocationPlain };
  attendance: { errors: FieldErrors; values: Record<string, string> };
}

export function emptyBulkState(): BulkFormsState {
  return {
    convocation: { errors: {}, values: { candidateIds: [] } },
    attendance: { errors: {}, values: {} },
  };
}

/** The bulk forms' view: each candidate with its box, its select and the values kept. */
export function bulkFormsView(
  candidates: readonly Candidate[],
  state: BulkFormsState,
  allPresent: boolean,
) {
  const { convocation, attendance } = state;
  const selected = new Set(convocation.values.candidateIds);
  const kept = Object.keys(attendance.values).length > 0;
  return {
    convocation: {
      errors: Object.values(convocation.errors),
      dateError: convocation.errors.convocationDate ?? '',
      modeError: convocation.errors.convocationMode ?? '',
      date: convocation.values.convocationDate ?? '',
      modes: CONVOCATION_MODES.map((value) => ({
        value,
        label: CONVOCATION_MODE_LABELS[value],
        selected: convocation.values.convocationMode === value,
      })),
      candidates: candidates.map((c) => ({
        id: c.id,
        name: candidateName(c),
        current: c.convocationDate
          ? `convoqué le ${formatFrenchDate(c.convocationDate)}`
          : 'non convoqué',
        selected: selected.has(c.id),
      })),
    },
    attendance: {
      errors: Object.values(attendance.errors),
      candidates: candidates.map((c) => {
        const field = attendanceField(c.id);
        const value = kept
          ? (attendance.values[field] ?? '')
          : (c.attendance ?? (allPresent ? 'PRESENT' : ''));
        return {
          id: c.id,
          field,
          name: candidateName(c),
          invalid: attendance.errors[field] !== undefined,
          choices: [
            { value: '', label: 'Non renseignée', selected: value === '' },
            ...ATTENDANCES.map((a) => ({
              value: a,
              label: ATTENDANCE_LABELS[a],
              selected: a === value,
            })),
          ],
        };
      }),
    },
  };
}

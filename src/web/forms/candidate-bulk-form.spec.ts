import type { Candidate } from '../../candidates/candidate.entity.js';
import {
  attendanceEntries,
  attendanceField,
  bulkFormsView,
  convocationPlain,
  emptyBulkState,
} from './candidate-bulk-form.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const anne = {
  id: A,
  firstName: 'Anne',
  lastName: 'Durand',
  convocationDate: null,
  attendance: null,
} as unknown as Candidate;
const bruno = {
  id: B,
  firstName: 'Bruno',
  lastName: 'Petit',
  convocationDate: '2027-02-01',
  attendance: 'ABSENT',
} as unknown as Candidate;

describe('convocationPlain', () => {
  it('reads the ticked candidates, leaving out empty fields', () => {
    expect(
      convocationPlain({
        candidateIds: [A, B],
        convocationDate: ' ',
        convocationMode: 'HAND_DELIVERED',
      }),
    ).toEqual({
      candidateIds: [A, B],
      convocationMode: 'HAND_DELIVERED',
    });
    expect(convocationPlain({})).toEqual({ candidateIds: [] });
  });
});

describe('attendanceEntries', () => {
  it('takes each chosen attendance, skips the ones left empty, refuses unknown values', () => {
    const body = { [attendanceField(A)]: 'PRESENT', [attendanceField(B)]: '' };
    expect(attendanceEntries(body, [anne, bruno])).toEqual({
      entries: [{ candidateId: A, attendance: 'PRESENT' }],
      errors: [],
    });
    const bad = attendanceEntries({ [attendanceField(B)]: 'MAYBE' }, [anne, bruno]);
    expect(bad.entries).toEqual([]);
    expect(bad.errors[0].message).toBe(
      'La présence de PETIT Bruno n’est pas une des valeurs proposées.',
    );
  });
});

describe('bulkFormsView', () => {
  it('« tous présents » preselects Présent for the candidates not yet recorded only', () => {
    const view = bulkFormsView([anne, bruno], emptyBulkState(), true);
    const chosen = view.attendance.candidates.map((c) => c.choices.find((x) => x.selected)?.value);
    expect(chosen).toEqual(['PRESENT', 'ABSENT']);
    const plain = bulkFormsView([anne, bruno], emptyBulkState(), false);
    expect(plain.attendance.candidates[0].choices.find((x) => x.selected)?.value).toBe('');
    expect(plain.convocation.candidates[1].current).toBe('convoqué le 01/02/2027');
  });
});

import {
  bulkAttendanceErrors,
  bulkConvocationErrors,
  convocationChange,
  convocationConflictsError,
  NO_ATTENDANCE_CHOSEN,
  NO_CANDIDATE_SELECTED,
  unknownCandidatesError,
} from './bulk-candidate-rules.js';

const TODAY = '2027-03-01';
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const anne = {
  id: A,
  firstName: 'Anne',
  lastName: 'Durand',
  convocationProofKind: null,
  convocationProofOn: null,
};
const bruno = {
  id: B,
  firstName: 'Bruno',
  lastName: 'Petit',
  convocationProofKind: 'SIGNED_DISCHARGE' as const,
  convocationProofOn: '2027-02-10',
};

describe('bulkConvocationErrors', () => {
  it('accepts a past date and a mode for selected candidates', () => {
    expect(
      bulkConvocationErrors(
        { candidateIds: [A, B], convocationDate: TODAY, convocationMode: 'HAND_DELIVERED' },
        TODAY,
      ),
    ).toEqual([]);
  });

  it('reports every missing field at once', () => {
    const errors = bulkConvocationErrors(
      { candidateIds: [], convocationDate: undefined, convocationMode: undefined },
      TODAY,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'candidateIds',
      'convocationDate',
      'convocationMode',
    ]);
    expect(errors[0].message).toBe(NO_CANDIDATE_SELECTED);
  });

  it('refuses a convocation dated in the future', () => {
    const errors = bulkConvocationErrors(
      { candidateIds: [A], convocationDate: '2027-03-05', convocationMode: 'REGISTERED_MAIL' },
      TODAY,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'convocationDate',
        message: expect.stringContaining('01/03/2027'),
      }),
    ]);
  });
});

describe('bulkAttendanceErrors', () => {
  it('needs at least one attendance, each candidate once', () => {
    expect(bulkAttendanceErrors([])).toEqual([{ field: 'entries', message: NO_ATTENDANCE_CHOSEN }]);
    expect(bulkAttendanceErrors([{ candidateId: A, attendance: 'PRESENT' }])).toEqual([]);
    expect(
      bulkAttendanceErrors([
        { candidateId: A, attendance: 'PRESENT' },
        { candidateId: A, attendance: 'ABSENT' },
      ]),
    ).toHaveLength(1);
  });
});

describe('unknownCandidatesError', () => {
  it('counts the candidates not enrolled in the session', () => {
    expect(unknownCandidatesError('candidateIds', [A], [anne])).toBeNull();
    expect(unknownCandidatesError('candidateIds', [A, B], [anne])?.message).toContain(
      'Un candidat sélectionné',
    );
    expect(unknownCandidatesError('entries', [A, B], [])?.message).toContain('2 candidats');
  });
});

describe('convocationConflictsError', () => {
  it('names the candidates whose recorded proof contradicts the new convocation', () => {
    expect(
      convocationConflictsError([anne, bruno], '2027-02-01', 'HAND_DELIVERED', TODAY),
    ).toBeNull();
    const error = convocationConflictsError([anne, bruno], '2027-02-01', 'REGISTERED_MAIL', TODAY);
    expect(error?.message).toContain('PETIT Bruno');
    expect(error?.message).not.toContain('DURAND');
    // A proof dated before the new convocation date.
    expect(
      convocationConflictsError([bruno], '2027-02-15', 'HAND_DELIVERED', TODAY)?.message,
    ).toContain('PETIT Bruno');
  });
});

describe('convocationChange', () => {
  it('is null when the candidate already has that convocation', () => {
    expect(
      convocationChange(
        { convocationDate: TODAY, convocationMode: 'HAND_DELIVERED' },
        TODAY,
        'HAND_DELIVERED',
      ),
    ).toBeNull();
    expect(
      convocationChange({ convocationDate: null, convocationMode: null }, TODAY, 'HAND_DELIVERED'),
    ).toEqual({ convocationDate: TODAY, convocationMode: 'HAND_DELIVERED' });
  });
});

import {
  ccpCodesNatureError,
  dateOrderError,
  sessionValuesErrors,
  unknownCcpCodesError,
} from './session-rules.js';

describe('session rules', () => {
  it('wants CCP codes for a CCP or CCS session and none for a TITRE session', () => {
    expect(ccpCodesNatureError('TITRE', [])).toBeNull();
    expect(ccpCodesNatureError('CCP', ['CCP1'])).toBeNull();
    expect(ccpCodesNatureError('CCS', [])).toEqual({
      field: 'ccpCodes',
      message: 'Le champ « ccpCodes » est obligatoire pour une session de nature CCS.',
    });
    expect(ccpCodesNatureError('TITRE', ['CCP1'])?.message).toBe(
      'Le champ « ccpCodes » doit être vide pour une session de nature TITRE.',
    );
  });

  it('names the unknown codes', () => {
    expect(unknownCcpCodesError('CDA', ['CCP1'], ['CCP1'])).toBeNull();
    expect(unknownCcpCodesError('CDA', ['CCP1'], ['CCP1', 'CCP7'])?.message).toBe(
      'Le champ « ccpCodes » contient des codes inconnus pour le titre CDA : CCP7.',
    );
  });

  it('refuses an end before the start', () => {
    expect(dateOrderError('2027-06-14', '2027-06-14')).toBeNull();
    expect(dateOrderError('2027-06-14', '2027-06-13')).toEqual({
      field: 'endDate',
      message: 'Le champ « endDate » ne doit pas être antérieur au champ « startDate ».',
    });
  });

  it('checks only well-formed values of a form, all at once', () => {
    expect(
      sessionValuesErrors({
        nature: 'CCP',
        ccpCodes: [],
        startDate: '2027-06-14',
        endDate: '2027-06-01',
      }).map((e) => e.field),
    ).toEqual(['ccpCodes', 'endDate']);
    expect(
      sessionValuesErrors({ nature: 'X', ccpCodes: [], startDate: '2027-02-30', endDate: '' }),
    ).toEqual([]);
  });
});

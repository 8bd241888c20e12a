import {
  ccpCodesNatureError,
  ceresCreatedOnError,
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

  it('wants the CERES creation date on or before today and the session start', () => {
    expect(ceresCreatedOnError('2027-02-01', '2027-06-14', '2027-03-01')).toBeNull();
    expect(ceresCreatedOnError('2027-03-01', '2027-03-01', '2027-03-01')).toBeNull();
    expect(ceresCreatedOnError(null, '2027-06-14', '2027-03-01')).toBeNull();
    expect(ceresCreatedOnError('2027-03-02', '2027-06-14', '2027-03-01')).toEqual({
      field: 'ceresCreatedOn',
      message:
        'Le champ « ceresCreatedOn » (02/03/2027) ne peut pas être postérieur à aujourd’hui (01/03/2027).',
    });
    expect(ceresCreatedOnError('2027-02-15', '2027-02-14', '2027-03-01')).toEqual({
      field: 'ceresCreatedOn',
      message:
        'Le champ « ceresCreatedOn » (15/02/2027) ne peut pas être postérieur au début de la session (14/02/2027).',
    });
    // Malformed values are the DTO's to refuse.
    expect(ceresCreatedOnError('2027-02-30', '2027-02-14', '2027-03-01')).toBeNull();
  });
});

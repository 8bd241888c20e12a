import { habilitationWarning, isUniqueViolation, unknownCcpCodes } from './habilitation-rules.js';

describe('habilitation CCP codes', () => {
  const titre = ['CCP1', 'CCP2', 'CCS1'];

  it('accepts no restriction and the codes of the titre', () => {
    expect(unknownCcpCodes(titre, [])).toEqual([]);
    expect(unknownCcpCodes(titre, ['CCP2', 'CCS1'])).toEqual([]);
  });

  it('lists the codes that are not CCPs of the titre', () => {
    expect(unknownCcpCodes(titre, ['CCP1', 'CCP7', 'ccp2'])).toEqual(['CCP7', 'ccp2']);
  });
});

describe('unique violations', () => {
  it('recognises SQLite and PostgreSQL unique errors', () => {
    expect(isUniqueViolation(new Error('UNIQUE constraint failed: session_staff.sessionId'))).toBe(
      true,
    );
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(
      true,
    );
  });

  it('ignores other errors', () => {
    expect(isUniqueViolation(new Error('FOREIGN KEY constraint failed'))).toBe(false);
    expect(isUniqueViolation('UNIQUE constraint')).toBe(false);
  });
});

describe('habilitation warning where the juror is chosen', () => {
  const titre = { id: 't', code: 'CDA', validUntil: '2028-12-31' };
  const session = { endDate: '2027-06-18' };
  const warn = (validUntil: string[], today = '2027-03-01', t = titre) =>
    habilitationWarning(
      validUntil.map((v) => ({ titreId: 't', validUntil: v })),
      t,
      session,
      today,
    );

  it('says nothing for a habilitation covering the session, to its last day', () => {
    expect(warn(['2027-06-18'])).toBeNull();
    expect(warn(['2026-01-01', '2029-01-01'])).toBeNull();
  });

  it('flags a missing, expired or too-short habilitation', () => {
    expect(
      habilitationWarning(
        [{ titreId: 'x', validUntil: '2030-01-01' }],
        titre,
        session,
        '2027-03-01',
      ),
    ).toBe('aucune habilitation pour le titre CDA');
    expect(warn(['2027-02-28'])).toBe('habilitation pour le titre CDA expirée le 28/02/2027');
    expect(warn(['2027-06-17'])).toBe(
      'habilitation pour le titre CDA valable seulement jusqu’au 17/06/2027, avant la fin de la session le 18/06/2027',
    );
  });

  it('caps the habilitation at the end of validity of the titre', () => {
    expect(warn(['2030-01-01'], '2027-03-01', { ...titre, validUntil: '2027-06-01' })).toBe(
      'habilitation pour le titre CDA valable seulement jusqu’au 01/06/2027, avant la fin de la session le 18/06/2027',
    );
  });
});

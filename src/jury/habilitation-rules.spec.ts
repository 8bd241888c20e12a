import { isUniqueViolation, unknownCcpCodes } from './habilitation-rules.js';

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

import { prolongationUntilError } from './titre-rules.js';

describe('prolongationUntilError', () => {
  it('accepts a prolongation end after the end of validity, or none', () => {
    expect(prolongationUntilError('2026-12-31', '2027-01-01')).toBeNull();
    expect(prolongationUntilError('2026-12-31', '2027-12-31')).toBeNull();
    expect(prolongationUntilError('2026-12-31', null)).toBeNull();
    expect(prolongationUntilError('2026-12-31', undefined)).toBeNull();
  });

  it('refuses a prolongation end on or before the end of validity, naming both dates', () => {
    expect(prolongationUntilError('2026-12-31', '2026-12-31')).toEqual({
      field: 'prolongationUntil',
      message:
        'Le champ « prolongationUntil » (31/12/2026) doit être postérieur à la fin de validité du titre (champ « validUntil », 31/12/2026).',
    });
    expect(prolongationUntilError('2026-12-31', '2026-06-30')?.field).toBe('prolongationUntil');
  });

  it('leaves malformed dates to the DTO', () => {
    expect(prolongationUntilError('2026-12-31', '2026-02-30')).toBeNull();
    expect(prolongationUntilError('demain', '2026-06-30')).toBeNull();
  });
});

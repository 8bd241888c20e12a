import { ccpCqcChanges, cqcOf } from './ccp-cqc.js';
import type { TitreCqc } from '../cqc/titre-cqc.js';

const FIMO: TitreCqc = {
  qualification: 'MARCHANDISES',
  trainingType: 'FORMATION_LONGUE',
  educationNationale: false,
};

const ccps = [
  { id: 'a', code: 'CCP1', cqc: null },
  { id: 'b', code: 'CCP2', cqc: FIMO },
];

describe('ccpCqcChanges', () => {
  it('changes the CCP named by its code, and only when the settings differ', () => {
    const result = ccpCqcChanges(ccps, [
      { code: 'CCP1', cqc: { ...FIMO, qualification: 'VOYAGEURS' } },
      { code: 'CCP2', cqc: { ...FIMO } },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      { id: 'a', code: 'CCP1', before: null, after: { ...FIMO, qualification: 'VOYAGEURS' } },
    ]);
  });

  it('clears the settings with null and leaves a CCP without `cqc` unchanged', () => {
    const result = ccpCqcChanges(ccps, [{ code: 'CCP2', cqc: null }, { code: 'CCP1' }]);
    expect(result.changes).toEqual([{ id: 'b', code: 'CCP2', before: FIMO, after: null }]);
  });

  it('refuses, all at once, an unknown code and a code given twice, naming the field', () => {
    const result = ccpCqcChanges(ccps, [
      { code: 'CCP9', cqc: FIMO },
      { code: 'CCP1', cqc: FIMO },
      { code: 'CCP1', cqc: null },
    ]);
    expect(result.errors).toEqual([
      {
        field: 'ccps[0].code',
        message:
          'Le titre n’a pas de CCP de code « CCP9 » (champ « ccps[0].code ») : ses codes sont CCP1, CCP2.',
      },
      {
        field: 'ccps[2].code',
        message: 'Le CCP « CCP1 » est cité deux fois (champ « ccps[2].code »).',
      },
    ]);
  });
});

describe('cqcOf', () => {
  it('keeps the three fields only, null for none', () => {
    expect(cqcOf({ ...FIMO, extra: 1 } as TitreCqc)).toEqual(FIMO);
    expect(cqcOf(null)).toBeNull();
    expect(cqcOf(undefined)).toBeNull();
  });
});

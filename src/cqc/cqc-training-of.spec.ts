import type { CcpResult } from '../candidates/candidate.entity.js';
import {
  cqcTrainingFollowed,
  cqcTrainingLabel,
  defaultCqcTraining,
  givesCqc,
  type CqcTitreShape,
} from './cqc-training-of.js';
import type { TitreCqc } from './titre-cqc.js';

const LONG: TitreCqc = {
  qualification: 'MARCHANDISES',
  trainingType: 'FORMATION_LONGUE',
  educationNationale: false,
};
const MODULE: TitreCqc = {
  qualification: 'MARCHANDISES',
  trainingType: 'MODULE_FCO',
  educationNationale: false,
};

function titre(cqc: TitreCqc | null, ccp2: TitreCqc | null): CqcTitreShape {
  return {
    code: 'CTRMP',
    cqc,
    ccps: [
      { code: 'CCP1', kind: 'CCP', cqc: null },
      { code: 'CCP2', kind: 'CCP', cqc: ccp2 },
    ],
  };
}

function acquired(...codes: string[]): CcpResult[] {
  return codes.map((ccpCode) => ({ ccpCode, outcome: 'ACQUIRED' }));
}

describe('givesCqc and defaultCqcTraining', () => {
  it('reads the titre, then its CCP', () => {
    expect(givesCqc(titre(null, null))).toBe(false);
    expect(givesCqc(titre(LONG, null))).toBe(true);
    expect(givesCqc(titre(null, MODULE))).toBe(true);
    expect(defaultCqcTraining(titre(LONG, MODULE))).toEqual({ cqc: LONG, ccpCode: null });
    expect(defaultCqcTraining(titre(null, MODULE))).toEqual({ cqc: MODULE, ccpCode: 'CCP2' });
    expect(defaultCqcTraining(titre(null, null))).toBeNull();
  });
});

describe('cqcTrainingFollowed', () => {
  it('is the titre’s for a candidate who obtained it, the CCP’s for one who acquired only the CCP', () => {
    const both = titre(LONG, MODULE);
    const present = { attendance: 'PRESENT' as const };
    expect(
      cqcTrainingFollowed({ ...present, results: acquired('CCP1', 'CCP2') }, 'TITRE', both),
    ).toEqual({ cqc: LONG, ccpCode: null });
    expect(cqcTrainingFollowed({ ...present, results: acquired('CCP2') }, 'TITRE', both)).toEqual({
      cqc: MODULE,
      ccpCode: 'CCP2',
    });
  });

  it('names the default training before results', () => {
    expect(
      cqcTrainingFollowed({ attendance: null, results: [] }, 'TITRE', titre(null, MODULE)),
    ).toEqual({ cqc: MODULE, ccpCode: 'CCP2' });
    expect(
      cqcTrainingFollowed({ attendance: null, results: [] }, 'TITRE', titre(null, null)),
    ).toBeNull();
  });
});

describe('cqcTrainingLabel', () => {
  it('names the CCP when one gives the CQC', () => {
    expect(cqcTrainingLabel({ cqc: LONG, ccpCode: null })).toBe('Marchandises — Formation longue');
    expect(cqcTrainingLabel({ cqc: MODULE, ccpCode: 'CCP2' })).toBe(
      'Marchandises — Module de FCO (CCP2)',
    );
  });
});

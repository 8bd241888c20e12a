import { obtainedTitreAtSession, titreBlocks } from './registration-candidates.js';

describe('the drivers of a CQC registration batch', () => {
  const blocks = titreBlocks([
    { code: 'CCP1', kind: 'CCP' },
    { code: 'CCP2', kind: 'CCP' },
    { code: 'CCS1', kind: 'CCS' },
  ]);
  const all = [
    { ccpCode: 'CCP1', outcome: 'ACQUIRED' as const },
    { ccpCode: 'CCP2', outcome: 'ACQUIRED' as const },
  ];

  it('evaluates the CCP blocks of the titre, not its CCS', () => {
    expect(blocks).toEqual(['CCP1', 'CCP2']);
    expect(titreBlocks([{ code: 'X', kind: 'CCS' }])).toEqual(['X']);
  });

  it('counts a present candidate with every block acquired at a titre session', () => {
    expect(obtainedTitreAtSession({ attendance: 'PRESENT', results: all }, 'TITRE', blocks)).toBe(
      true,
    );
    expect(
      obtainedTitreAtSession({ attendance: 'LATE_ADMITTED', results: all }, 'TITRE', blocks),
    ).toBe(true);
  });

  it('leaves out a partial success, an absent candidate and a CCP session', () => {
    const partial = [all[0], { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' as const }];
    expect(
      obtainedTitreAtSession({ attendance: 'PRESENT', results: partial }, 'TITRE', blocks),
    ).toBe(false);
    expect(obtainedTitreAtSession({ attendance: 'ABSENT', results: all }, 'TITRE', blocks)).toBe(
      false,
    );
    expect(
      obtainedTitreAtSession({ attendance: 'LATE_REFUSED', results: all }, 'TITRE', blocks),
    ).toBe(false);
    expect(obtainedTitreAtSession({ attendance: 'PRESENT', results: all }, 'CCP', blocks)).toBe(
      false,
    );
  });
});

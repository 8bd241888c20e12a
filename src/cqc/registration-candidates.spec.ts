import {
  cqcTrainingOfCandidate,
  obtainedTitreAtSession,
  titreBlocks,
} from './registration-candidates.js';

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

describe('the training a driver is registered for (titre or CCP giving the CQC)', () => {
  const ccps = [
    { code: 'CCP1', kind: 'CCP' as const, givesCqc: false },
    { code: 'CCP2', kind: 'CCP' as const, givesCqc: true },
  ];
  const acquired = (...codes: string[]) =>
    codes.map((ccpCode) => ({ ccpCode, outcome: 'ACQUIRED' as const }));

  it('takes the titre’s training when the titre gives the CQC and was obtained here', () => {
    expect(
      cqcTrainingOfCandidate(
        { attendance: 'PRESENT', results: acquired('CCP1', 'CCP2') },
        'TITRE',
        { givesCqc: true, ccps },
      ),
    ).toEqual({ ccpCode: null });
  });

  it('takes the CCP giving the CQC when the titre was not obtained, or does not give it', () => {
    const partial = [...acquired('CCP2'), { ccpCode: 'CCP1', outcome: 'NOT_ACQUIRED' as const }];
    expect(
      cqcTrainingOfCandidate({ attendance: 'PRESENT', results: partial }, 'TITRE', {
        givesCqc: true,
        ccps,
      }),
    ).toEqual({ ccpCode: 'CCP2' });
    expect(
      cqcTrainingOfCandidate({ attendance: 'PRESENT', results: acquired('CCP2') }, 'CCP', {
        givesCqc: false,
        ccps,
      }),
    ).toEqual({ ccpCode: 'CCP2' });
    expect(
      cqcTrainingOfCandidate(
        { attendance: 'PRESENT', results: acquired('CCP1', 'CCP2') },
        'TITRE',
        { givesCqc: false, ccps },
      ),
    ).toEqual({ ccpCode: 'CCP2' });
  });

  it('registers nobody for a CCP not giving the CQC, not acquired, or when absent', () => {
    const titre = { givesCqc: false, ccps };
    expect(
      cqcTrainingOfCandidate({ attendance: 'PRESENT', results: acquired('CCP1') }, 'CCP', titre),
    ).toBeNull();
    expect(
      cqcTrainingOfCandidate(
        { attendance: 'PRESENT', results: [{ ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' }] },
        'CCP',
        titre,
      ),
    ).toBeNull();
    expect(
      cqcTrainingOfCandidate({ attendance: 'ABSENT', results: acquired('CCP2') }, 'CCP', titre),
    ).toBeNull();
  });
});

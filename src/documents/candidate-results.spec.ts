import { certificationRecord, type TitreScope } from '../certification/record-rules.js';
import { ccpSession, titreSession } from '../certification/test-fixtures.js';
import { candidateResult, dossierRecord } from './candidate-results.js';
import type { DossierCcp, DossierRecord, SessionDossier } from './session-dossier.js';

const TITRE: TitreScope = {
  code: 'CDA',
  validUntil: '2029-12-31',
  prolongationUntil: null,
  ccps: [
    { code: 'CCP1', kind: 'CCP' },
    { code: 'CCP2', kind: 'CCP' },
  ],
};

const CCPS: DossierCcp[] = [
  { code: 'CCP1', label: 'Développer', kind: 'CCP' },
  { code: 'CCP2', label: 'Concevoir', kind: 'CCP' },
];

// CCP1 acquired at a titre session in June, CCP2 at a CCP session in November.
const FIRST = titreSession('s1', '2027-06-14', '2027-06-18', {
  CCP1: 'ACQUIRED',
  CCP2: 'NOT_ACQUIRED',
});
const SECOND = ccpSession('s2', '2027-11-08', '2027-11-09', ['CCP2'], { CCP2: 'ACQUIRED' });

function recordAsOf(sessionId: string): DossierRecord {
  const attempts = [SECOND, FIRST];
  return dossierRecord(
    certificationRecord(TITRE, attempts, { asOfSessionId: sessionId }),
    sessionId,
    attempts,
  );
}

function dossierOf(
  id: string,
  nature: 'TITRE' | 'CCP',
  ccpCodes: string[] = [],
): Pick<SessionDossier, 'session' | 'titre'> {
  return {
    session: {
      id,
      centreId: 'c1',
      nature,
      ccpCodes,
      startDate: '2027-11-08',
      endDate: '2027-11-09',
      startTime: '09:00',
      location: '',
      status: 'HELD',
      cancelReason: null,
      checklistVersion: 1,
    },
    titre: {
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
      version: '2023',
      examTests: [],
      convocationDocuments: [],
      ccps: CCPS,
    },
  };
}

describe('dossierRecord', () => {
  it('reads the record as of the session: the titre completed at the CCP session, with the session of each CCP', () => {
    expect(recordAsOf('s2')).toEqual({
      titreObtained: true,
      acquisitions: [
        {
          code: 'CCP1',
          acquiredOn: '2027-06-18',
          sessionId: 's1',
          sessionStartDate: '2027-06-14',
          sessionEndDate: '2027-06-18',
        },
        {
          code: 'CCP2',
          acquiredOn: '2027-11-09',
          sessionId: 's2',
          sessionStartDate: '2027-11-08',
          sessionEndDate: '2027-11-09',
        },
      ],
      missingCcpCodes: [],
    });
  });

  it('leaves later sessions out: as of the first session, CCP2 is still missing', () => {
    expect(recordAsOf('s1')).toMatchObject({ titreObtained: false, missingCcpCodes: ['CCP2'] });
    expect(recordAsOf('s1').acquisitions.map((a) => a.code)).toEqual(['CCP1']);
  });
});

describe('candidateResult with the record', () => {
  const present = { attendance: 'PRESENT' as const };

  it('gives the titre at a CCP session that completes it, naming the session of each CCP', () => {
    const result = candidateResult(
      { ...present, results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }] },
      dossierOf('s2', 'CCP', ['CCP2']),
      [CCPS[1]],
      recordAsOf('s2'),
    );
    expect(result).toMatchObject({
      titreObtained: true,
      decision: 'Titre professionnel CDA obtenu',
      earlier: ['CCP1 acquis le 18/06/2027 (session du 14/06/2027 au 18/06/2027)'],
      ccpSessions: [
        'CCP1 acquis le 18/06/2027 (session du 14/06/2027 au 18/06/2027)',
        'CCP2 acquis à cette session',
      ],
    });
    expect(result.acquired.map((c) => c.code)).toEqual(['CCP2']);
  });

  it('shows a CCP acquired earlier and not evaluated again at a titre session as « acquis le … »', () => {
    const record: DossierRecord = {
      titreObtained: true,
      acquisitions: [
        {
          code: 'CCP1',
          acquiredOn: '2027-06-18',
          sessionId: 's1',
          sessionStartDate: '2027-06-18',
          sessionEndDate: '2027-06-18',
        },
        {
          code: 'CCP2',
          acquiredOn: '2027-11-09',
          sessionId: 's2',
          sessionStartDate: '2027-11-08',
          sessionEndDate: '2027-11-09',
        },
      ],
      missingCcpCodes: [],
    };
    const result = candidateResult(
      { ...present, results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }] },
      dossierOf('s2', 'TITRE'),
      CCPS,
      record,
    );
    expect(result.cells).toEqual([
      {
        code: 'CCP1',
        outcome: 'acquis le 18/06/2027 (session du 18/06/2027)',
        acquired: true,
      },
      { code: 'CCP2', outcome: 'Acquis', acquired: true },
    ]);
    expect(result.decision).toBe('Titre professionnel CDA obtenu');
  });

  it('does not give the titre when the record still misses a CCP, nor to an absent candidate', () => {
    const missing = candidateResult(
      { ...present, results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }] },
      dossierOf('s1', 'TITRE'),
      CCPS,
      recordAsOf('s1'),
    );
    expect(missing).toMatchObject({
      titreObtained: false,
      decision: 'Validation partielle : CCP1',
      earlier: [],
      ccpSessions: [],
    });
    const absent = candidateResult(
      { attendance: 'ABSENT', results: [] },
      dossierOf('s2', 'CCP', ['CCP2']),
      [CCPS[1]],
      { ...recordAsOf('s2'), titreObtained: true },
    );
    expect(absent).toMatchObject({ titreObtained: false, decision: 'Absent(e)' });
  });

  it('without a record, only this session counts: a CCP session gives no titre', () => {
    const result = candidateResult(
      { ...present, results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }] },
      dossierOf('s2', 'CCP', ['CCP2']),
      [CCPS[1]],
    );
    expect(result).toMatchObject({
      titreObtained: false,
      decision: 'Acquis : CCP2',
      earlier: [],
    });
  });

  it('names no earlier session when this one gave every CCP', () => {
    const attempts = [
      titreSession('s9', '2027-06-14', '2027-06-18', { CCP1: 'ACQUIRED', CCP2: 'ACQUIRED' }),
    ];
    const record = dossierRecord(certificationRecord(TITRE, attempts), 's9', attempts);
    const result = candidateResult(
      {
        ...present,
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
        ],
      },
      dossierOf('s9', 'TITRE'),
      CCPS,
      record,
    );
    expect(result).toMatchObject({ titreObtained: true, earlier: [], ccpSessions: [] });
  });
});

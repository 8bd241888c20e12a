import {
  certificationRecord,
  prolongationEnd,
  sessionOutcome,
  sessionOutcomes,
  sessionScope,
} from './record-rules.js';
import { CERTIFICATION_SOURCES } from './certification-sources.js';
import { ccpSession, TITRE, titreSession } from './test-fixtures.js';

describe('sessionScope', () => {
  it('is every CCP of the titre (no CCS) for a TITRE session, the session codes otherwise', () => {
    expect(sessionScope(TITRE, titreSession('s1', '2025-03-01', '2025-03-05', {}))).toEqual([
      'CCP1',
      'CCP2',
    ]);
    expect(
      sessionScope(TITRE, ccpSession('s2', '2025-03-01', '2025-03-02', ['CCP2', 'OTHER'])),
    ).toEqual(['CCP2']);
  });
});

describe('sessionOutcome', () => {
  const s = (outcomes: Record<string, 'ACQUIRED' | 'NOT_ACQUIRED' | 'NOT_EVALUATED'>) =>
    titreSession('s1', '2025-03-01', '2025-03-05', outcomes);

  it('full success, partial, failure', () => {
    expect(sessionOutcome(TITRE, s({ CCP1: 'ACQUIRED', CCP2: 'ACQUIRED' }))).toBe('FULL_SUCCESS');
    expect(sessionOutcome(TITRE, s({ CCP1: 'ACQUIRED', CCP2: 'NOT_ACQUIRED' }))).toBe('PARTIAL');
    expect(sessionOutcome(TITRE, s({ CCP1: 'NOT_ACQUIRED', CCP2: 'NOT_EVALUATED' }))).toBe(
      'FAILURE',
    );
  });

  it('absent (or late and refused) whatever the results; pending while results are missing', () => {
    expect(
      sessionOutcome(
        TITRE,
        titreSession('s1', '2025-03-01', '2025-03-05', { CCP1: 'ACQUIRED' }, 'ABSENT'),
      ),
    ).toBe('ABSENT');
    expect(
      sessionOutcome(TITRE, titreSession('s1', '2025-03-01', '2025-03-05', {}, 'LATE_REFUSED')),
    ).toBe('ABSENT');
    expect(sessionOutcome(TITRE, s({}))).toBe('PENDING');
    expect(sessionOutcome(TITRE, s({ CCP1: 'ACQUIRED' }))).toBe('PENDING');
  });

  it('does not re-evaluate a CCP acquired before, unless a result is entered for it', () => {
    const session = s({ CCP2: 'ACQUIRED' });
    expect(sessionOutcome(TITRE, session, new Set(['CCP1']))).toBe('FULL_SUCCESS');
    expect(
      sessionOutcome(TITRE, s({ CCP1: 'NOT_ACQUIRED', CCP2: 'ACQUIRED' }), new Set(['CCP1'])),
    ).toBe('PARTIAL');
  });

  it('sessionOutcomes carries acquired CCP from session to session', () => {
    const outcomes = sessionOutcomes(TITRE, [
      titreSession('t2', '2025-09-01', '2025-09-03', { CCP2: 'NOT_ACQUIRED' }),
      titreSession('t1', '2025-03-01', '2025-03-05', { CCP1: 'ACQUIRED', CCP2: 'NOT_ACQUIRED' }),
    ]);
    expect(outcomes.get('t1')).toBe('PARTIAL');
    expect(outcomes.get('t2')).toBe('FAILURE');
  });
});

describe('certificationRecord', () => {
  const partial = titreSession('t1', '2025-03-03', '2025-03-07', {
    CCP1: 'ACQUIRED',
    CCP2: 'NOT_ACQUIRED',
  });
  const ccp2 = ccpSession('c2', '2025-06-10', '2025-06-11', ['CCP2'], { CCP2: 'ACQUIRED' });

  it('capitalises a CCP: acquired for life, whatever later sessions say', () => {
    const failedLater = titreSession('t2', '2025-10-01', '2025-10-03', {
      CCP1: 'NOT_ACQUIRED',
      CCP2: 'NOT_ACQUIRED',
    });
    const record = certificationRecord(TITRE, [failedLater, partial]);
    const ccp1 = record.ccps.find((c) => c.code === 'CCP1');
    expect(ccp1?.acquired).toEqual({
      sessionId: 't1',
      nature: 'TITRE',
      acquiredOn: '2025-03-07',
      carriedOver: true,
    });
    expect(ccp1?.attempts.map((a) => [a.sessionId, a.outcome])).toEqual([
      ['t1', 'ACQUIRED'],
      ['t2', 'NOT_ACQUIRED'],
    ]);
    expect(ccp1?.lastAttempt?.sessionId).toBe('t2');
    const ccp2Record = record.ccps.find((c) => c.code === 'CCP2');
    expect(ccp2Record?.acquired).toBeNull();
    expect(ccp2Record?.lastAttempt).toEqual({
      sessionId: 't2',
      nature: 'TITRE',
      endDate: '2025-10-03',
      outcome: 'NOT_ACQUIRED',
    });
    expect(record.titre.status).toBe('IN_PROGRESS');
    expect(record.titre.missingCcpCodes).toEqual(['CCP2']);
  });

  it('obtains the titre across two sessions: CCP1 in a TITRE session, CCP2 in a later CCP session', () => {
    const record = certificationRecord(TITRE, [ccp2, partial]);
    expect(record.titre).toEqual({
      status: 'OBTAINED',
      obtainedOn: '2025-06-11',
      obtainedInSessionId: 'c2',
      ccpSessions: [
        { code: 'CCP1', sessionId: 't1' },
        { code: 'CCP2', sessionId: 'c2' },
      ],
      missingCcpCodes: [],
      lastSessionDate: '2027-12-31',
    });
    expect(record.referenceSessionId).toBe('c2');
    expect(record.ccps.map((c) => [c.code, c.acquired?.carriedOver])).toEqual([
      ['CCP1', true],
      ['CCP2', false],
    ]);
  });

  it('keeps the first session that gave a CCP when a later one gives it again', () => {
    const again = titreSession('t3', '2026-01-05', '2026-01-09', {
      CCP1: 'ACQUIRED',
      CCP2: 'NOT_ACQUIRED',
    });
    const record = certificationRecord(TITRE, [again, partial]);
    expect(record.ccps[0]?.acquired).toMatchObject({ sessionId: 't1', acquiredOn: '2025-03-07' });
    expect(record.ccps[0]?.attempts).toHaveLength(2);
  });

  it('reads the record as it stood at a given session', () => {
    const record = certificationRecord(TITRE, [ccp2, partial], { asOfSessionId: 't1' });
    expect(record.titre.status).toBe('IN_PROGRESS');
    expect(record.ccps[0]?.acquired?.carriedOver).toBe(false);
    expect(record.ccps[1]?.attempts).toHaveLength(1);
    expect(() => certificationRecord(TITRE, [partial], { asOfSessionId: 'nope' })).toThrow(
      'absente du parcours',
    );
  });

  it('obtains the titre in one TITRE session', () => {
    const full = titreSession('t1', '2025-03-03', '2025-03-07', {
      CCP1: 'ACQUIRED',
      CCP2: 'ACQUIRED',
    });
    const record = certificationRecord(TITRE, [full]);
    expect(record.titre.status).toBe('OBTAINED');
    expect(record.titre.obtainedOn).toBe('2025-03-07');
    expect(record.ccps.every((c) => c.acquired?.carriedOver === false)).toBe(true);
  });

  it('does not count a CCP of an absent person, nor a CCP outside the session', () => {
    const absent = titreSession(
      't1',
      '2025-03-03',
      '2025-03-07',
      { CCP1: 'ACQUIRED', CCP2: 'ACQUIRED' },
      'ABSENT',
    );
    const outside = ccpSession('c1', '2025-04-01', '2025-04-01', ['CCP1'], { CCP2: 'ACQUIRED' });
    const record = certificationRecord(TITRE, [absent, outside]);
    expect(record.ccps.map((c) => c.acquired)).toEqual([null, null]);
    expect(record.ccps[0]?.attempts.map((a) => a.outcome)).toEqual(['ABSENT', 'PENDING']);
  });

  it('completes the titre in the prolongation year, not after it', () => {
    const late = (start: string) => ccpSession('c2', start, start, ['CCP2'], { CCP2: 'ACQUIRED' });
    expect(certificationRecord(TITRE, [partial, late('2027-12-31')]).titre.status).toBe('OBTAINED');
    const after = certificationRecord(TITRE, [partial, late('2028-01-03')]);
    expect(after.titre.status).toBe('OUT_OF_VALIDITY');
    expect(after.titre.obtainedOn).toBeNull();
    // The CCP stays acquired for life even so.
    expect(after.ccps[1]?.acquired?.acquiredOn).toBe('2028-01-03');
    // A prolongation end set by hand wins.
    const shorter = { ...TITRE, prolongationUntil: '2027-06-30' };
    expect(certificationRecord(shorter, [partial, late('2027-07-01')]).titre.status).toBe(
      'OUT_OF_VALIDITY',
    );
  });

  it('certifies a CCS only once the titre is obtained', () => {
    const ccs = ccpSession('s1', '2025-07-01', '2025-07-02', ['CCS1'], { CCS1: 'ACQUIRED' }, 'CCS');
    const withoutTitre = certificationRecord(TITRE, [partial, ccs]);
    expect(withoutTitre.ccs[0]).toMatchObject({ code: 'CCS1', certified: false });
    expect(withoutTitre.ccs[0]?.acquired?.sessionId).toBe('s1');
    const withTitre = certificationRecord(TITRE, [partial, ccp2, ccs]);
    expect(withTitre.ccs[0]?.certified).toBe(true);
    // The CCS never counts towards the titre.
    expect(withTitre.titre.ccpSessions.map((c) => c.code)).toEqual(['CCP1', 'CCP2']);
  });

  it('is in progress without sessions, and carries its sources', () => {
    const record = certificationRecord(TITRE, []);
    expect(record.referenceSessionId).toBeNull();
    expect(record.titre.missingCcpCodes).toEqual(['CCP1', 'CCP2']);
    expect(record.sources).toContain(CERTIFICATION_SOURCES.CCP_FOR_LIFE);
  });
});

describe('prolongationEnd', () => {
  it('is the end of validity + 1 year unless set by hand (29 February → 28 February)', () => {
    expect(prolongationEnd({ validUntil: '2026-12-31', prolongationUntil: null })).toBe(
      '2027-12-31',
    );
    expect(prolongationEnd({ validUntil: '2028-02-29', prolongationUntil: null })).toBe(
      '2029-02-28',
    );
    expect(prolongationEnd({ validUntil: '2026-12-31', prolongationUntil: '2027-03-31' })).toBe(
      '2027-03-31',
    );
  });
});

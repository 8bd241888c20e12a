import type { PersonTitreRecord } from '../certification/certification-records.service.js';
import {
  certificationRecord,
  sessionOutcomes,
  type TitreScope,
} from '../certification/record-rules.js';
import { ccpSession, titreSession } from '../certification/test-fixtures.js';
import { enrolmentOutcomes, sessionOutcomeLabel, titreRecordView } from './person-record-view.js';

const SCOPE: TitreScope = {
  code: 'CDA',
  validUntil: '2029-12-31',
  prolongationUntil: null,
  ccps: [
    { code: 'CCP1', kind: 'CCP' },
    { code: 'CCP2', kind: 'CCP' },
    { code: 'CCS1', kind: 'CCS' },
  ],
};

function found(attempts: ReturnType<typeof titreSession>[]): PersonTitreRecord {
  const outcomes = sessionOutcomes(SCOPE, attempts);
  return {
    personId: 'p1',
    titre: {
      id: 't1',
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
      version: '2023',
      scope: SCOPE,
      labels: new Map([
        ['CCP1', 'Développer'],
        ['CCP2', 'Concevoir'],
        ['CCS1', 'Spécialisation'],
      ]),
    },
    enrolments: attempts.map((attempt, i) => ({
      candidateId: `c${i + 1}`,
      attempt,
      outcome: outcomes.get(attempt.sessionId) ?? 'PENDING',
      trainingStartDate: null,
    })),
    record: certificationRecord(SCOPE, attempts),
  };
}

const FIRST = titreSession('s1', '2027-06-14', '2027-06-18', {
  CCP1: 'ACQUIRED',
  CCP2: 'NOT_ACQUIRED',
});
const SECOND = ccpSession('s2', '2027-11-08', '2027-11-09', ['CCP2'], { CCP2: 'ACQUIRED' });

describe('titreRecordView', () => {
  it('gives the titre obtained at the second session, CCP1 kept from the first (carried over)', () => {
    const view = titreRecordView(found([FIRST, SECOND]));
    expect(view).toMatchObject({
      titre: { id: 't1', code: 'CDA', version: '2023' },
      status: 'OBTAINED',
      statusLabel: 'Titre obtenu',
      obtainedOn: '2027-11-09',
      obtainedInSessionId: 's2',
      ccpSessions: [
        { code: 'CCP1', sessionId: 's1', acquiredOn: '2027-06-18' },
        { code: 'CCP2', sessionId: 's2', acquiredOn: '2027-11-09' },
      ],
      missingCcpCodes: [],
      lastSessionDate: '2030-12-31',
    });
    expect(view.sessions.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(view.ccps).toEqual([
      {
        code: 'CCP1',
        label: 'Développer',
        kind: 'CCP',
        attempts: [
          {
            sessionId: 's1',
            nature: 'TITRE',
            endDate: '2027-06-18',
            outcome: 'ACQUIRED',
            outcomeLabel: 'Acquis',
          },
        ],
        acquired: { sessionId: 's1', nature: 'TITRE', acquiredOn: '2027-06-18', carriedOver: true },
      },
      {
        code: 'CCP2',
        label: 'Concevoir',
        kind: 'CCP',
        attempts: [
          {
            sessionId: 's1',
            nature: 'TITRE',
            endDate: '2027-06-18',
            outcome: 'NOT_ACQUIRED',
            outcomeLabel: 'Non acquis',
          },
          {
            sessionId: 's2',
            nature: 'CCP',
            endDate: '2027-11-09',
            outcome: 'ACQUIRED',
            outcomeLabel: 'Acquis',
          },
        ],
        acquired: { sessionId: 's2', nature: 'CCP', acquiredOn: '2027-11-09', carriedOver: false },
      },
    ]);
    expect(view.ccs).toEqual([
      {
        code: 'CCS1',
        label: 'Spécialisation',
        kind: 'CCS',
        attempts: [],
        acquired: null,
        certified: false,
      },
    ]);
  });

  it('lists the missing CCP while the titre is in progress', () => {
    const view = titreRecordView(found([FIRST]));
    expect(view).toMatchObject({
      status: 'IN_PROGRESS',
      statusLabel: 'En cours (CCP manquants)',
      obtainedOn: null,
      ccpSessions: [],
      missingCcpCodes: ['CCP2'],
    });
  });
});

describe('enrolmentOutcomes', () => {
  it('gives each enrolment its session outcome, with its French label', () => {
    const outcomes = enrolmentOutcomes([found([FIRST, SECOND])]);
    expect([...outcomes]).toEqual([
      ['c1', 'PARTIAL'],
      ['c2', 'FULL_SUCCESS'],
    ]);
    expect(sessionOutcomeLabel('PARTIAL')).toBe('Réussite partielle');
    expect(sessionOutcomeLabel(null)).toBeNull();
  });
});

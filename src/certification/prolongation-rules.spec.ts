import {
  prolongationEligibility,
  prolongationVerdict,
  titrePhaseOn,
  type ProlongationCandidate,
  type ProlongationSession,
} from './prolongation-rules.js';
import { PROLONGATION_PERIOD } from './certification-sources.js';
import { ccpSession, TITRE, titreSession } from './test-fixtures.js';

// TITRE is valid until 2026-12-31: prolongation year 2027-01-01 … 2027-12-31.
const session: ProlongationSession = {
  sessionId: 'prolongation',
  nature: 'CCP',
  startDate: '2027-03-01',
  endDate: '2027-03-02',
  ceresCreatedOn: '2026-11-15',
};

const failed: ProlongationCandidate = {
  personId: 'p-failed',
  lastName: 'Martin',
  firstName: 'Paul',
  trainingStartDate: null,
  sessions: [
    titreSession('t1', '2026-06-01', '2026-06-05', { CCP1: 'NOT_ACQUIRED', CCP2: 'NOT_ACQUIRED' }),
  ],
};
const partial: ProlongationCandidate = {
  personId: 'p-partial',
  lastName: 'Durand',
  firstName: 'Léa',
  trainingStartDate: null,
  sessions: [
    titreSession('t1', '2026-06-01', '2026-06-05', { CCP1: 'ACQUIRED', CCP2: 'NOT_ACQUIRED' }),
  ],
};
const trainedBefore: ProlongationCandidate = {
  personId: 'p-trained',
  lastName: 'Petit',
  firstName: 'Jean-Luc',
  trainingStartDate: '2026-12-31',
  sessions: [],
};
const newcomer: ProlongationCandidate = {
  personId: 'p-new',
  lastName: 'd’Arc',
  firstName: 'Jeanne',
  trainingStartDate: '2027-01-04',
  sessions: [],
};

describe('titrePhaseOn', () => {
  it('is VALID to the end date, PROLONGATION for one year, then CLOSED', () => {
    expect(titrePhaseOn(TITRE, '2026-12-31')).toBe('VALID');
    expect(titrePhaseOn(TITRE, '2027-01-01')).toBe('PROLONGATION');
    expect(titrePhaseOn(TITRE, '2027-12-31')).toBe('PROLONGATION');
    expect(titrePhaseOn(TITRE, '2028-01-01')).toBe('CLOSED');
    expect(titrePhaseOn({ ...TITRE, prolongationUntil: '2027-06-30' }, '2027-07-01')).toBe(
      'CLOSED',
    );
    expect(titrePhaseOn(TITRE, '2028-06-01', { ...PROLONGATION_PERIOD, years: 2 })).toBe(
      'PROLONGATION',
    );
  });
});

describe('prolongationEligibility', () => {
  it('accepts a person who failed or partly succeeded before, with the session', () => {
    expect(prolongationEligibility(TITRE, session, failed)).toEqual({
      personId: 'p-failed',
      eligible: true,
      ground: 'FAILED',
      groundSessionId: 't1',
      message: null,
    });
    expect(prolongationEligibility(TITRE, session, partial).ground).toBe('PARTIAL');
  });

  it('accepts a person whose training started on or before the end of validity', () => {
    expect(prolongationEligibility(TITRE, session, trainedBefore)).toMatchObject({
      eligible: true,
      ground: 'TRAINING_BEFORE_END',
    });
  });

  it('ignores the checked session itself and sessions not yet ended at its start', () => {
    const sameSession: ProlongationCandidate = {
      ...newcomer,
      sessions: [
        ccpSession('prolongation', '2027-03-01', '2027-03-02', ['CCP1'], { CCP1: 'NOT_ACQUIRED' }),
        ccpSession('overlap', '2027-02-20', '2027-03-01', ['CCP1'], { CCP1: 'NOT_ACQUIRED' }),
      ],
    };
    expect(prolongationEligibility(TITRE, session, sameSession).eligible).toBe(false);
  });

  it('refuses a person who succeeded in full before (nothing to re-sit)', () => {
    const succeeded: ProlongationCandidate = {
      ...newcomer,
      trainingStartDate: null,
      sessions: [
        titreSession('t1', '2026-06-01', '2026-06-05', { CCP1: 'ACQUIRED', CCP2: 'ACQUIRED' }),
      ],
    };
    expect(prolongationEligibility(TITRE, session, succeeded)).toMatchObject({
      eligible: false,
      message: expect.stringContaining(
        'aucune date de début de formation n’est renseignée',
      ) as string,
    });
  });
});

describe('prolongationVerdict', () => {
  it('allows a prolongation-year session for eligible candidates created in CERES before the end', () => {
    const verdict = prolongationVerdict(TITRE, session, [failed, partial, trainedBefore]);
    expect(verdict).toMatchObject({
      phase: 'PROLONGATION',
      allowed: true,
      titreEnd: '2026-12-31',
      prolongationEnd: '2027-12-31',
      reasons: [],
    });
    expect(verdict.candidates.map((c) => c.ground)).toEqual([
      'FAILED',
      'PARTIAL',
      'TRAINING_BEFORE_END',
    ]);
    expect(verdict.source.code).toBe('PROLONGATION_YEAR');
  });

  it('blocks a new candidate, with the reason naming them and the dates', () => {
    const verdict = prolongationVerdict(TITRE, session, [failed, newcomer]);
    expect(verdict.allowed).toBe(false);
    expect(verdict.reasons).toEqual([
      {
        code: 'CANDIDATE_NOT_ELIGIBLE',
        severity: 'blocking',
        personId: 'p-new',
        message:
          'Jeanne D’ARC ne peut pas être présenté(e) pendant le délai de prolongation du titre TP-ABC ' +
          '(fin de validité le 31/12/2026) : aucune session précédente de cette version du titre ne ' +
          'l’a vu(e) échouer ou réussir partiellement, et sa formation a commencé le 04/01/2027, après ' +
          'la fin de validité du titre.',
      },
    ]);
    expect(verdict.candidates.map((c) => c.eligible)).toEqual([true, false]);
  });

  it('blocks a session created in CERES after the end of validity, or not recorded', () => {
    const late = prolongationVerdict(TITRE, { ...session, ceresCreatedOn: '2027-01-02' }, [failed]);
    expect(late.allowed).toBe(false);
    expect(late.reasons).toEqual([
      {
        code: 'CERES_AFTER_END',
        severity: 'blocking',
        message:
          'La session commence le 01/03/2027, pendant le délai de prolongation du titre TP-ABC : ' +
          'elle a été créée dans CERES le 02/01/2027, après la fin de validité du titre le 31/12/2026 ; ' +
          'une session du délai de prolongation doit être créée dans CERES au plus tard ce jour-là.',
      },
    ]);
    const onTheDay = prolongationVerdict(TITRE, { ...session, ceresCreatedOn: '2026-12-31' }, [
      failed,
    ]);
    expect(onTheDay.allowed).toBe(true);
    const unknown = prolongationVerdict(TITRE, { ...session, ceresCreatedOn: null }, [failed]);
    expect(unknown.reasons.map((r) => r.code)).toEqual(['CERES_NOT_RECORDED']);
    expect(unknown.reasons[0]?.message).toContain('n’est pas renseignée');
  });

  it('gives every reason at once', () => {
    const verdict = prolongationVerdict(TITRE, { ...session, ceresCreatedOn: '2027-01-02' }, [
      newcomer,
      failed,
    ]);
    expect(verdict.reasons.map((r) => [r.code, r.personId])).toEqual([
      ['CERES_AFTER_END', undefined],
      ['CANDIDATE_NOT_ELIGIBLE', 'p-new'],
    ]);
  });

  it('allows anything while the titre is valid, and nothing once the prolongation is over', () => {
    const valid = prolongationVerdict(
      TITRE,
      { ...session, startDate: '2026-12-31', endDate: '2027-01-02', ceresCreatedOn: null },
      [newcomer],
    );
    expect(valid).toMatchObject({ phase: 'VALID', allowed: true, reasons: [], candidates: [] });
    const closed = prolongationVerdict(
      TITRE,
      { ...session, startDate: '2028-01-03', endDate: '2028-01-04' },
      [failed],
    );
    expect(closed.allowed).toBe(false);
    expect(closed.reasons.map((r) => r.code)).toEqual(['TITRE_CLOSED']);
    expect(closed.reasons[0]?.message).toContain('après la fin du délai de prolongation');
  });

  it('warns when a prolongation-year session ends after the prolongation', () => {
    const verdict = prolongationVerdict(
      TITRE,
      { ...session, startDate: '2027-12-30', endDate: '2028-01-02' },
      [failed],
    );
    expect(verdict.allowed).toBe(true);
    expect(verdict.reasons).toEqual([
      expect.objectContaining({ code: 'ENDS_AFTER_PROLONGATION', severity: 'warning' }),
    ]);
    expect(verdict.reasons[0]?.message).toContain('du 01/01/2027 au 31/12/2027');
  });
});

/** Builders shared by the certification rules' unit tests. */
import type { CcpResult } from '../candidates/candidate.entity.js';
import type { SessionAttempt, TitreScope } from './record-rules.js';

/** A titre with two CCP and one CCS, valid until 2026-12-31. */
export const TITRE: TitreScope = {
  code: 'TP-ABC',
  validUntil: '2026-12-31',
  prolongationUntil: null,
  ccps: [
    { code: 'CCP1', kind: 'CCP' },
    { code: 'CCP2', kind: 'CCP' },
    { code: 'CCS1', kind: 'CCS' },
  ],
};

type Outcomes = Record<string, CcpResult['outcome']>;

function results(outcomes: Outcomes): CcpResult[] {
  return Object.entries(outcomes).map(([ccpCode, outcome]) => ({ ccpCode, outcome }));
}

/** A TITRE session from `start` to `end` with these results. */
export function titreSession(
  sessionId: string,
  start: string,
  end: string,
  outcomes: Outcomes,
  attendance: SessionAttempt['attendance'] = 'PRESENT',
): SessionAttempt {
  return {
    sessionId,
    nature: 'TITRE',
    startDate: start,
    endDate: end,
    ccpCodes: [],
    attendance,
    results: results(outcomes),
  };
}

/** A CCP (or CCS) session on `codes` with these results (none: planned). */
export function ccpSession(
  sessionId: string,
  start: string,
  end: string,
  codes: string[],
  outcomes: Outcomes = {},
  nature: SessionAttempt['nature'] = 'CCP',
): SessionAttempt {
  return {
    sessionId,
    nature,
    startDate: start,
    endDate: end,
    ccpCodes: codes,
    attendance: Object.keys(outcomes).length > 0 ? 'PRESENT' : null,
    results: results(outcomes),
  };
}

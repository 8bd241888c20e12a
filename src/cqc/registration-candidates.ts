/**
 * The drivers of a registration batch: the session's candidates who obtained the titre at this
 * session, read like the PV (src/documents/candidate-results.ts without the certification
 * record): a titre session, present (or admitted late), every CCP block of the titre acquired
 * here. A titre completed at a CCP session with CCP acquired earlier is not counted yet.
 */
import type { Attendance, CcpResult } from '../candidates/candidate.entity.js';
import type { CcpKind } from '../titres/ccp.entity.js';

export interface RegistrationCandidate {
  readonly attendance: Attendance | null;
  readonly results: readonly CcpResult[];
}

/** The CCP a titre session evaluates: the CCP blocks (CCS excluded), or every one if none. */
export function titreBlocks(ccps: readonly { code: string; kind: CcpKind }[]): string[] {
  const blocks = ccps.filter((c) => c.kind === 'CCP');
  return (blocks.length > 0 ? blocks : ccps).map((c) => c.code);
}

/** True when the candidate obtained the titre at this session (as the PV's decision reads it). */
export function obtainedTitreAtSession(
  candidate: RegistrationCandidate,
  sessionNature: string,
  blocks: readonly string[],
): boolean {
  if (sessionNature !== 'TITRE' || blocks.length === 0) return false;
  if (candidate.attendance === 'ABSENT' || candidate.attendance === 'LATE_REFUSED') return false;
  const acquired = new Set(
    candidate.results.filter((r) => r.outcome === 'ACQUIRED').map((r) => r.ccpCode),
  );
  return blocks.every((code) => acquired.has(code));
}

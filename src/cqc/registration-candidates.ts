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

/** A CCP acquired at this session (present or admitted late, outcome ACQUIRED). */
export function acquiredCcpAtSession(candidate: RegistrationCandidate, ccpCode: string): boolean {
  if (candidate.attendance === 'ABSENT' || candidate.attendance === 'LATE_REFUSED') return false;
  return candidate.results.some((r) => r.ccpCode === ccpCode && r.outcome === 'ACQUIRED');
}

/** The training a driver is registered for: the titre's, or one of its CCP's (its code). */
export type CqcTrainingChoice = { readonly ccpCode: null } | { readonly ccpCode: string };

/**
 * The training that gives a candidate the CQC at this session: the titre's when the titre gives
 * it and the candidate obtained the titre here; else the first CCP (in the titre's order) giving
 * the CQC on its own (FIMO-type) that the candidate acquired here; else null (not registered).
 */
export function cqcTrainingOfCandidate(
  candidate: RegistrationCandidate,
  sessionNature: string,
  titre: {
    readonly givesCqc: boolean;
    readonly ccps: readonly { code: string; kind: CcpKind; givesCqc: boolean }[];
  },
): CqcTrainingChoice | null {
  if (titre.givesCqc && obtainedTitreAtSession(candidate, sessionNature, titreBlocks(titre.ccps))) {
    return { ccpCode: null };
  }
  const ccp = titre.ccps.find((c) => c.givesCqc && acquiredCcpAtSession(candidate, c.code));
  return ccp ? { ccpCode: ccp.code } : null;
}

import { CERTIFICATION_RECORD_PATHWAYS, type Pathway } from '../candidates/candidate.entity.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { Applicability } from './checklist-template.js';

/** What the applicability conditions of the checklist depend on. */
export interface SessionFacts {
  nature: SessionNature;
  hasVaeCandidates: boolean;
  /** Candidates trained for the titre (formation): ECF and DP. */
  hasTrainingCandidates: boolean;
  /** Candidates with a livret de certification (suite de parcours, parcours progressif, équivalence). */
  hasLivretCandidates: boolean;
  hasAccommodationRequests: boolean;
}

export function sessionFacts(
  nature: SessionNature,
  candidates: readonly { pathway: string; accommodationRequested: boolean }[],
): SessionFacts {
  return {
    nature,
    hasVaeCandidates: candidates.some((c) => c.pathway === 'VAE'),
    hasTrainingCandidates: candidates.some((c) => c.pathway === 'FORMATION'),
    hasLivretCandidates: candidates.some((c) =>
      CERTIFICATION_RECORD_PATHWAYS.includes(c.pathway as Pathway),
    ),
    hasAccommodationRequests: candidates.some((c) => c.accommodationRequested),
  };
}

/** Whether a task concerns the session, from the session's own data. */
export function isTaskApplicable(applicability: Applicability, facts: SessionFacts): boolean {
  switch (applicability) {
    case 'CCP_SESSION':
      return facts.nature === 'CCP' || facts.nature === 'CCS';
    case 'VAE_CANDIDATES':
      return facts.hasVaeCandidates;
    case 'TRAINING_CANDIDATES':
      return facts.hasTrainingCandidates;
    case 'DP_CANDIDATES':
      return facts.hasTrainingCandidates || facts.hasVaeCandidates;
    case 'LIVRET_CANDIDATES':
      return facts.hasLivretCandidates;
    case 'ACCOMMODATION_REQUESTS':
      return facts.hasAccommodationRequests;
    case 'INCIDENT':
    case 'ALWAYS':
      return true;
  }
}

/** A task that is only needed if an incident happens (otherwise « sans objet »). */
export function isConditionalTask(applicability: Applicability): boolean {
  return applicability === 'INCIDENT';
}

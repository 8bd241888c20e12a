import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { CcpResult, Pathway } from './candidate.entity.js';

/** A VAE candidate needs the end of validity of their recevabilité; a FORMATION candidate has none. */
export function pathwayError(pathway: Pathway, vaeValidUntil: string | null): string | null {
  if (pathway === 'VAE' && !vaeValidUntil) {
    return 'Le champ « vaeValidUntil » est obligatoire pour un candidat en parcours VAE (fin de validité de la recevabilité).';
  }
  if (pathway === 'FORMATION' && vaeValidUntil) {
    return 'Le champ « vaeValidUntil » ne s’applique qu’au parcours VAE : laissez-le vide pour un candidat en parcours FORMATION.';
  }
  return null;
}

export interface ResultScope {
  /** The codes of the CCP (and CCS) of the session's titre. */
  titreCcpCodes: readonly string[];
  nature: SessionNature;
  /** The session's CCP codes, for a CCP or CCS session. */
  sessionCcpCodes: readonly string[];
}

/** Each result names a CCP of the titre — of the session for a CCP/CCS session — at most once. */
export function resultsError(results: readonly CcpResult[], scope: ResultScope): string | null {
  const known = new Set(scope.titreCcpCodes);
  const seen = new Set<string>();
  for (const [index, result] of results.entries()) {
    const field = `results[${index}].ccpCode`;
    if (!known.has(result.ccpCode)) {
      return `Le champ « ${field} » (${result.ccpCode}) ne désigne aucun CCP du titre de la session.`;
    }
    if (scope.nature !== 'TITRE' && !scope.sessionCcpCodes.includes(result.ccpCode)) {
      return `Le champ « ${field} » (${result.ccpCode}) ne fait pas partie des CCP de la session : ${scope.sessionCcpCodes.join(', ')}.`;
    }
    if (seen.has(result.ccpCode)) {
      return `Le champ « ${field} » reprend le CCP ${result.ccpCode}, déjà présent dans « results ».`;
    }
    seen.add(result.ccpCode);
  }
  return null;
}

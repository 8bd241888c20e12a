import type { CalendarDate } from '../common/calendar-date.js';
import { futureDateError } from '../common/validation/date-rules.js';
import type { FieldError } from '../common/validation/field-errors.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';
import type { CcpResult, Pathway } from './candidate.entity.js';

/** A VAE candidate needs the end of validity of their recevabilité; a FORMATION candidate has none. */
export function pathwayError(pathway: Pathway, vaeValidUntil: string | null): FieldError | null {
  const field = 'vaeValidUntil';
  if (pathway === 'VAE' && !vaeValidUntil) {
    return {
      field,
      message:
        'Le champ « vaeValidUntil » est obligatoire pour un candidat en parcours VAE (fin de validité de la recevabilité).',
    };
  }
  if (pathway === 'FORMATION' && vaeValidUntil) {
    return {
      field,
      message:
        'Le champ « vaeValidUntil » ne s’applique qu’au parcours VAE : laissez-le vide pour un candidat en parcours FORMATION.',
    };
  }
  return null;
}

/** What the rules of a candidate's identity read (a new candidate, or the values of an edit). */
export interface CandidateIdentity {
  pathway?: Pathway;
  vaeValidUntil?: string | null;
  birthDate?: CalendarDate | null;
  convocationDate?: CalendarDate | null;
}

/**
 * Every rule a candidate's values break that needs no database (VAE recevabilité, birth date and
 * convocation date not in the future): one error per field, all at once.
 */
export function candidateErrors(values: CandidateIdentity, today: CalendarDate): FieldError[] {
  return [
    pathwayError(values.pathway ?? 'FORMATION', values.vaeValidUntil ?? null),
    futureDateError('birthDate', values.birthDate, today),
    futureDateError('convocationDate', values.convocationDate, today),
  ].filter((e): e is FieldError => e !== null);
}

export interface ResultScope {
  /** The codes of the CCP (and CCS) of the session's titre. */
  titreCcpCodes: readonly string[];
  nature: SessionNature;
  /** The session's CCP codes, for a CCP or CCS session. */
  sessionCcpCodes: readonly string[];
}

/** Each result names a CCP of the titre — of the session for a CCP/CCS session — at most once. */
export function resultsErrors(results: readonly CcpResult[], scope: ResultScope): FieldError[] {
  const known = new Set(scope.titreCcpCodes);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const [index, result] of results.entries()) {
    const field = `results[${index}].ccpCode`;
    if (!known.has(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » (${result.ccpCode}) ne désigne aucun CCP du titre de la session.`,
      });
    } else if (scope.nature !== 'TITRE' && !scope.sessionCcpCodes.includes(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » (${result.ccpCode}) ne fait pas partie des CCP de la session : ${scope.sessionCcpCodes.join(', ')}.`,
      });
    } else if (seen.has(result.ccpCode)) {
      errors.push({
        field,
        message: `Le champ « ${field} » reprend le CCP ${result.ccpCode}, déjà présent dans « results ».`,
      });
    }
    seen.add(result.ccpCode);
  }
  return errors;
}

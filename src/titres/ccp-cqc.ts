/**
 * Whether a titre's CCP gives the CQC (a FIMO-type training registered on Hub Pro Transport on its
 * own, issue 15): the settings stored, and the changes an edit of the titre asks for.
 */
import type { FieldError } from '../common/validation/field-errors.js';
import type { TitreCqc } from '../cqc/titre-cqc.js';
import type { Ccp } from './ccp.entity.js';

export interface CcpCqcChange {
  id: string;
  code: string;
  before: TitreCqc | null;
  after: TitreCqc | null;
}

/**
 * The CCP whose CQC settings change: each code must be one of the titre's, once; an entry
 * without `cqc` changes nothing.
 */
export function ccpCqcChanges(
  ccps: readonly Pick<Ccp, 'id' | 'code' | 'cqc'>[],
  entries: readonly { code: string; cqc?: TitreCqc | null }[],
): { changes: CcpCqcChange[]; errors: FieldError[] } {
  const changes: CcpCqcChange[] = [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const field = `ccps[${index}].code`;
    const ccp = ccps.find((c) => c.code === entry.code);
    if (!ccp) {
      errors.push({
        field,
        message: `Le titre n’a pas de CCP de code « ${entry.code} » (champ « ${field} ») : ${ccps.length === 0 ? 'il n’en a aucun' : `ses codes sont ${ccps.map((c) => c.code).join(', ')}`}.`,
      });
      return;
    }
    if (seen.has(entry.code)) {
      errors.push({
        field,
        message: `Le CCP « ${entry.code} » est cité deux fois (champ « ${field} »).`,
      });
      return;
    }
    seen.add(entry.code);
    if (entry.cqc === undefined) return;
    const after = cqcOf(entry.cqc);
    if (JSON.stringify(ccp.cqc ?? null) === JSON.stringify(after)) return;
    changes.push({ id: ccp.id, code: ccp.code, before: ccp.cqc ?? null, after });
  });
  return { changes, errors };
}

/** The stored CQC settings: the DTO's fields only. */
export function cqcOf(dto: TitreCqc | null | undefined): TitreCqc | null {
  if (!dto) return null;
  return {
    qualification: dto.qualification,
    trainingType: dto.trainingType,
    educationNationale: dto.educationNationale,
  };
}

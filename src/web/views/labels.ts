/** French labels of the domain's codes, as the dashboard shows them. */
import type { Attendance, CcpOutcome, ConvocationMode } from '../../candidates/candidate.entity.js';
import type { StaffRole } from '../../jury/session-staff.entity.js';
import type { CcpKind } from '../../titres/ccp.entity.js';
import type { Role } from '../../users/user.entity.js';
import type { Option } from '../forms/form-fields.js';

export { SESSION_NATURE_LABELS, SESSION_STATUS_LABELS } from '../../planning/planning-csv.js';
export { TASK_STATUS_LABELS } from '../../checklist/task-view.js';

export { PATHWAY_LABELS } from '../../candidates/candidate.entity.js';

export const CONVOCATION_MODE_LABELS: Record<ConvocationMode, string> = {
  HAND_DELIVERED: 'Remise en main propre contre décharge',
  REGISTERED_MAIL: 'Lettre recommandée avec accusé de réception',
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  PRESENT: 'Présent',
  ABSENT: 'Absent',
  LATE_ADMITTED: 'En retard, admis',
  LATE_REFUSED: 'En retard, refusé',
};

export const OUTCOME_LABELS: Record<CcpOutcome, string> = {
  ACQUIRED: 'Acquis',
  NOT_ACQUIRED: 'Non acquis',
  NOT_EVALUATED: 'Non évalué',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  manager: 'Gestionnaire',
  viewer: 'Lecteur',
};

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  JURY: 'Membre du jury',
  SURVEILLANT: 'Surveillant',
  COMEDIEN: 'Comédien',
};

export const CCP_KIND_LABELS: Record<CcpKind, string> = {
  CCP: 'CCP',
  CCS: 'CCS',
};

/** The options of a select from a label map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Option[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** « Prénom Nom », or the e-mail when the name is unknown. */
export function personLabel(person: {
  firstName: string | null;
  lastName: string | null;
  email?: string | null;
}): string {
  const name = `${person.firstName ?? ''} ${person.lastName ?? ''}`.trim();
  return name !== '' ? name : (person.email ?? '');
}

/** '45 %' with the narrow no-break space French typography puts before the sign. */
export function percent(value: number): string {
  return `${value}\u202f%`;
}

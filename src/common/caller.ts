import type { Role } from '../users/user.entity.js';

/** Who is calling: the authenticated user, their role and their centres. */
export interface Caller {
  userId: string;
  email: string;
  role: Role;
  centreIds: string[];
}

export function isAdmin(caller: Caller): boolean {
  return caller.role === 'admin';
}

export function canReadCentre(caller: Caller, centreId: string): boolean {
  return isAdmin(caller) || caller.centreIds.includes(centreId);
}

export function canWriteCentre(caller: Caller, centreId: string): boolean {
  return caller.role !== 'viewer' && canReadCentre(caller, centreId);
}

/** The centres a caller may see, or null for all (administrators). */
export function readableCentreIds(caller: Caller): string[] | null {
  return isAdmin(caller) ? null : caller.centreIds;
}

/** A system actor for the scheduler and the command line. */
export const SYSTEM_CALLER: Caller = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'système',
  role: 'admin',
  centreIds: [],
};

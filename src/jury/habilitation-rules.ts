import { constraintViolation } from '../database/constraint-violation.js';

/** The codes among `codes` that are not CCPs of the titre (an empty list covers the whole titre). */
export function unknownCcpCodes(
  titreCcpCodes: readonly string[],
  codes: readonly string[],
): string[] {
  const known = new Set(titreCcpCodes);
  return codes.filter((code) => !known.has(code));
}

/** True when a database error says a unique index refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return constraintViolation(error)?.kind === 'unique';
}

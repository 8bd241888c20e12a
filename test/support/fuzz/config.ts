/**
 * Seed and size of the fuzz suites, from the environment:
 * - FUZZ_SEED (default 20270301): the fast-check seed; printed with every failure to replay it;
 * - FUZZ_RUNS (default 4 for the API, 12 for forms, after a fixed sweep of each field's worst values): generated cases per route or per form;
 * - FUZZ_SHRINK=1: stop at the first failure and shrink it to a minimal case (fast-check's own
 *   report), instead of collecting every distinct failure of the run;
 * - FUZZ_REPORT=FILE: also write the distinct failures as JSON to FILE (for the findings list).
 */
import { writeFileSync } from 'node:fs';

export const FUZZ_SEED = intFromEnv('FUZZ_SEED', 20_270_301);
export const FUZZ_SHRINK = process.env.FUZZ_SHRINK === '1';

export function fuzzRuns(ciDefault: number): number {
  return intFromEnv('FUZZ_RUNS', ciDefault);
}

/**
 * A per-test seed derived from FUZZ_SEED and the test's name: each route gets its own stream
 * (adding a route does not change the cases of the others) and stays replayable.
 */
export function seedFor(name: string): number {
  let h = FUZZ_SEED | 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x9e3779b1);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Jest allows this long per route or form. Shrinking replays the failing case many times, and
 * long local runs (a large FUZZ_RUNS) take as long as they need.
 */
export function fuzzTimeout(runs: number, perRunMs: number): number {
  return Math.max(60_000, runs * perRunMs * (FUZZ_SHRINK ? 10 : 1));
}

export function writeReport(name: string, failures: unknown): void {
  const file = process.env.FUZZ_REPORT;
  if (!file) return;
  writeFileSync(file.replace(/(\.json)?$/, `-${name}.json`), JSON.stringify(failures, null, 1));
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got ${raw}`);
  return value;
}

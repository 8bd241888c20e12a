/**
 * Read queries of the dashboard written in SQL that runs unchanged on SQLite and PostgreSQL:
 * identifiers double-quoted, named parameters (`:name`, `:...list`) bound by TypeORM's driver.
 */
export {
  bool,
  json,
  jsonArraySql,
  num,
  sqlRows,
  str,
  type SqlParams,
} from '../../database/sql-rows.js';

/** Whether the session of task `t` has a candidate matching `condition` (alias `k`). */
function hasCandidate(condition: string): string {
  return `EXISTS (SELECT 1 FROM "candidate" k WHERE k."sessionId" = t."sessionId" AND ${condition})`;
}

/** The applicabilities that depend on the session's candidates (see task-applicability.ts). */
const CANDIDATE_APPLICABILITIES_SQL = `(t."applicability" = 'VAE_CANDIDATES' AND ${hasCandidate(`k."pathway" = 'VAE'`)})
  OR (t."applicability" = 'TRAINING_CANDIDATES' AND ${hasCandidate(`k."pathway" = 'FORMATION'`)})
  OR (t."applicability" = 'DP_CANDIDATES' AND ${hasCandidate(`k."pathway" IN ('FORMATION', 'VAE')`)})
  OR (t."applicability" = 'LIVRET_CANDIDATES' AND ${hasCandidate(
    `k."pathway" IN ('SUITE_PARCOURS', 'PARCOURS_PROGRESSIF', 'EQUIVALENCE')`,
  )})
  OR (t."applicability" = 'ACCOMMODATION_REQUESTS' AND ${hasCandidate(`k."accommodationRequested"`)})`;

/**
 * Whether the task `t` of the session `s` concerns it (see task-applicability.ts): CCP-only tasks
 * for CCP/CCS sessions, pathway and accommodation tasks when a candidate needs them. The candidate
 * lookups only run for the few tasks that depend on them.
 */
export const TASK_APPLICABLE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND s."nature" IN ('CCP', 'CCS'))
  OR ${CANDIDATE_APPLICABILITIES_SQL})`;

/**
 * TASK_APPLICABLE_SQL for a task `t` read without its session: the session's nature is looked up
 * only for the few tasks that depend on it, so aggregates over many tasks need no join.
 */
export const TASK_APPLICABLE_ALONE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND EXISTS (
    SELECT 1 FROM "exam_session" sn WHERE sn."id" = t."sessionId" AND sn."nature" IN ('CCP', 'CCS')))
  OR ${CANDIDATE_APPLICABILITIES_SQL})`;

/** An applicable task still to do whose deadline counts (not an incident-only task). */
export const TASK_OPEN_DEADLINE_SQL = `(t."status" = 'todo' AND t."applicability" <> 'INCIDENT' AND ${TASK_APPLICABLE_SQL})`;

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

/**
 * Whether the task `t` of the session `s` concerns it (see task-applicability.ts): CCP-only tasks
 * for CCP/CCS sessions, VAE and accommodation tasks when a candidate needs them. The candidate
 * lookups only run for the few tasks that depend on them.
 */
export const TASK_APPLICABLE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND s."nature" IN ('CCP', 'CCS'))
  OR (t."applicability" = 'VAE_CANDIDATES' AND EXISTS (
    SELECT 1 FROM "candidate" cv WHERE cv."sessionId" = t."sessionId" AND cv."pathway" = 'VAE'))
  OR (t."applicability" = 'ACCOMMODATION_REQUESTS' AND EXISTS (
    SELECT 1 FROM "candidate" ca WHERE ca."sessionId" = t."sessionId" AND ca."accommodationRequested")))`;

/**
 * TASK_APPLICABLE_SQL for a task `t` read without its session: the session's nature is looked up
 * only for the few tasks that depend on it, so aggregates over many tasks need no join.
 */
export const TASK_APPLICABLE_ALONE_SQL = `(t."applicability" IN ('ALWAYS', 'INCIDENT')
  OR (t."applicability" = 'CCP_SESSION' AND EXISTS (
    SELECT 1 FROM "exam_session" sn WHERE sn."id" = t."sessionId" AND sn."nature" IN ('CCP', 'CCS')))
  OR (t."applicability" = 'VAE_CANDIDATES' AND EXISTS (
    SELECT 1 FROM "candidate" cv WHERE cv."sessionId" = t."sessionId" AND cv."pathway" = 'VAE'))
  OR (t."applicability" = 'ACCOMMODATION_REQUESTS' AND EXISTS (
    SELECT 1 FROM "candidate" ca WHERE ca."sessionId" = t."sessionId" AND ca."accommodationRequested")))`;

/** An applicable task still to do whose deadline counts (not an incident-only task). */
export const TASK_OPEN_DEADLINE_SQL = `(t."status" = 'todo' AND t."applicability" <> 'INCIDENT' AND ${TASK_APPLICABLE_SQL})`;

import { CronTime, validateCronExpression } from 'cron';

/** The scheduler's jobs run on Paris civil time. */
export const SCHEDULER_TIME_ZONE = 'Europe/Paris';

/**
 * Why the scheduler could not run a cron expression, or null if it can. The expression is read
 * by the `cron` library's own validator (the parser `CronJob` uses: five fields, or six with the
 * seconds first; names such as MON or JAN; steps and ranges), then its next run is computed in
 * the scheduler's time zone as `CronJob.start()` does: « 0 0 30 2 * » parses but never fires.
 */
export function cronExpressionError(expression: string): string | null {
  const { valid, error } = validateCronExpression(expression);
  if (!valid) return error instanceof Error ? error.message : 'expression illisible';
  try {
    new CronTime(expression, SCHEDULER_TIME_ZONE).sendAt();
  } catch {
    return 'aucune date d’exécution dans les 8 prochaines années';
  }
  return null;
}

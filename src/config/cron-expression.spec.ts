import { CronJob } from 'cron';
import { RETENTION_CRON } from '../reminders/reminder-scheduler.js';
import { cronExpressionError, SCHEDULER_TIME_ZONE } from './cron-expression.js';

/** Whether the scheduler can register and start a job on this expression. */
function schedulerRuns(expression: string): boolean {
  try {
    const job = CronJob.from({
      cronTime: expression,
      onTick: () => undefined,
      timeZone: SCHEDULER_TIME_ZONE,
    });
    job.start();
    void job.stop();
    return true;
  } catch {
    return false;
  }
}

describe('cronExpressionError', () => {
  it.each([
    '*/15 * * * *',
    '0 9 * * MON',
    '0 9 * * mon-fri',
    '0 9 * * 7',
    '0 0 29 2 *',
    '30 3 * * *',
    '0 */2 * * *',
    '1,2-4/2 * * * *',
    '*/0 * * * *',
    '5-1 * * * *',
    '60 * * * *',
    '0 24 * * *',
    '* * *',
    '* * * * * * *',
    '0 9 L * *',
    '0 9 * * MON#2',
    '0 0 30 2 *',
    'tous les jours',
  ])('accepts %s exactly when the scheduler can run it', (expression) => {
    expect(cronExpressionError(expression) === null).toBe(schedulerRuns(expression));
  });

  it('gives the library’s reason', () => {
    expect(cronExpressionError('*/0 * * * *')).toBe('Field (minute) has a step of zero');
    expect(cronExpressionError('5-1 * * * *')).toBe('Field (minute) has an invalid range');
    expect(cronExpressionError('0 0 30 2 *')).toBe(
      'aucune date d’exécution dans les 8 prochaines années',
    );
  });

  it('accepts the nightly retention schedule', () => {
    expect(cronExpressionError(RETENTION_CRON)).toBeNull();
  });
});

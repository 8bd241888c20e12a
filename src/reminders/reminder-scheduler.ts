import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SCHEDULER_TIME_ZONE } from '../config/cron-expression.js';
import { RetentionService } from '../retention/retention.service.js';
import { ReminderPassService } from './reminder-pass.service.js';

export const REMINDER_JOB = 'jalon-reminders';
export const RETENTION_JOB = 'jalon-retention';
/** Retention purges run once a day, at night (Paris time). */
export const RETENTION_CRON = '30 3 * * *';

/**
 * Registers the cron jobs (REMINDER_CRON for reminders, nightly retention) and runs one catch-up
 * pass at start, so what fell due while the application was down goes out now. Off for the CLI
 * and the tests (JALON_SCHEDULER=off).
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Planificateur');
  private retentionRun: Promise<unknown> | null = null;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly passes: ReminderPassService,
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.scheduler) return;
    this.register(REMINDER_JOB, this.config.reminderCron, () => this.reminders('planifié'));
    this.register(RETENTION_JOB, RETENTION_CRON, () => this.purge());
    void this.reminders('rattrapage au démarrage').then(() => this.purge());
  }

  async onModuleDestroy(): Promise<void> {
    for (const name of [REMINDER_JOB, RETENTION_JOB]) {
      if (this.registry.doesExist('cron', name)) {
        await this.registry.getCronJob(name).stop();
        this.registry.deleteCronJob(name);
      }
    }
    await Promise.allSettled([this.passes.busy ? this.passes.run() : null, this.retentionRun]);
  }

  private register(name: string, cronTime: string, onTick: () => Promise<void>): void {
    const job = CronJob.from({
      cronTime,
      onTick,
      timeZone: SCHEDULER_TIME_ZONE,
      waitForCompletion: true,
    });
    this.registry.addCronJob(name, job);
    job.start();
  }

  private async reminders(reason: string): Promise<void> {
    if (this.passes.busy) return;
    try {
      const report = await this.passes.run();
      if (report.sent.length + report.failed.length + report.lost.length > 0) {
        const final = report.failed.filter((mail) => mail.final).length;
        this.logger.log(
          `Passe de rappels (${reason}) : ${report.sent.length} envoyé(s), ${report.failed.length} en échec` +
            (final > 0 ? ` (dont ${final} définitif(s))` : '') +
            (report.lost.length > 0 ? `, ${report.lost.length} réservation(s) perdue(s)` : ''),
        );
      }
    } catch (error) {
      this.logger.error(
        `Passe de rappels (${reason}) interrompue : ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async purge(): Promise<void> {
    if (this.retentionRun) return;
    this.retentionRun = this.retention
      .purge({ dryRun: false })
      .then((report) => {
        if (report.candidatesPurged > 0) {
          this.logger.log(
            `Conservation : ${report.candidatesPurged} candidat(s) anonymisé(s) dans ${report.sessions.length} session(s)`,
          );
        }
      })
      .catch((error: unknown) => {
        this.logger.error(
          `Purge de conservation interrompue : ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => {
        this.retentionRun = null;
      });
    await this.retentionRun;
  }
}

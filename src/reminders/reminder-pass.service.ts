import { Injectable } from '@nestjs/common';
import { OutboxSender, type DeliveryReport } from '../mail/outbox-sender.js';
import { ReminderPlanner, type PlanReport } from './reminder-planner.js';

export interface PassReport extends DeliveryReport {
  planned: PlanReport;
}

/**
 * One scheduler pass: queue what is due today in the outbox, then send what the outbox holds
 * (including messages left by an earlier failure or by an instance that stopped mid-pass).
 * Passes of one process never overlap; several processes are kept apart by the database.
 */
@Injectable()
export class ReminderPassService {
  private running: Promise<PassReport> | null = null;

  constructor(
    private readonly planner: ReminderPlanner,
    private readonly sender: OutboxSender,
  ) {}

  /** Runs a pass, or waits for the one already running in this process. */
  run(): Promise<PassReport> {
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  private async pass(): Promise<PassReport> {
    const planned = await this.planner.plan();
    const delivered = await this.sender.deliver();
    return { planned, ...delivered };
  }
}

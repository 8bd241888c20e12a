import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { diffFields } from '../audit/audit-diff.js';
import { CentresService } from '../centres/centres.service.js';
import { canWriteCentre, type Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { forbidden } from '../common/errors.js';
import type { ReminderPolicyDto } from './dto/reminder-policy.dto.js';
import { ReminderPolicyEntity } from './reminder-policy.entity.js';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-policy.js';
import { Database } from '../database/database.js';

export interface ReminderPolicyView extends ReminderPolicy {
  centreId: string;
  /** False while the centre uses the defaults. */
  custom: boolean;
  updatedAt: string | null;
}

function view(centreId: string, row: ReminderPolicyEntity | null): ReminderPolicyView {
  return row
    ? {
        centreId,
        offsets: row.offsets,
        overdueEveryDays: row.overdueEveryDays,
        enabled: row.enabled,
        custom: true,
        updatedAt: row.updatedAt,
      }
    : {
        centreId,
        ...DEFAULT_REMINDER_POLICY,
        offsets: [...DEFAULT_REMINDER_POLICY.offsets],
        custom: false,
        updatedAt: null,
      };
}

/** Each centre's reminder settings (the defaults when it has none). */
@Injectable()
export class ReminderPolicyService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly centres: CentresService,
  ) {}

  async get(caller: Caller, centreId: string): Promise<ReminderPolicyView> {
    await this.centres.get(caller, centreId);
    const row = await this.db.read((m) =>
      m.getRepository(ReminderPolicyEntity).findOne({ where: { centreId } }),
    );
    return view(centreId, row);
  }

  async put(caller: Caller, centreId: string, dto: ReminderPolicyDto): Promise<ReminderPolicyView> {
    await this.centres.get(caller, centreId);
    if (!canWriteCentre(caller, centreId)) throw forbidden();
    const next = {
      offsets: [...dto.offsets].sort((a, b) => b - a),
      overdueEveryDays: dto.overdueEveryDays,
      enabled: dto.enabled ?? true,
    };
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(ReminderPolicyEntity);
      const before = view(centreId, await repo.findOne({ where: { centreId } }));
      await repo.save({ centreId, ...next, updatedAt: this.clock.nowIso() });
      const changes = diffFields(
        {
          offsets: before.offsets,
          overdueEveryDays: before.overdueEveryDays,
          enabled: before.enabled,
        },
        next,
        ['offsets', 'overdueEveryDays', 'enabled'],
      );
      if (Object.keys(changes).length > 0) {
        await this.audit.record(m, caller, {
          sessionId: null,
          centreId,
          entity: 'reminder_policy',
          entityId: centreId,
          action: 'update',
          changes,
        });
      }
    });
    return this.get(caller, centreId);
  }

  /** Every stored policy, by centre, for a scheduler pass. */
  async all(): Promise<Map<string, ReminderPolicy>> {
    const rows = await this.db.read((m) => m.getRepository(ReminderPolicyEntity).find());
    return new Map(
      rows.map((row) => [
        row.centreId,
        { offsets: row.offsets, overdueEveryDays: row.overdueEveryDays, enabled: row.enabled },
      ]),
    );
  }
}

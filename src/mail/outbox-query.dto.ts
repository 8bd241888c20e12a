import { IsIn, IsOptional } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from './outbox-message.entity.js';

export class OutboxQueryDto {
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { OUTBOX_STATUSES } from './outbox-message.entity.js';
import { OutboxQueryDto } from './outbox-query.dto.js';
import { OutboxService, type OutboxListing } from './outbox.service.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiQuery({ name: 'status', required: false, enum: [...OUTBOX_STATUSES] })
  list(@Query() query: OutboxQueryDto): Promise<OutboxListing> {
    return this.outbox.list(query.status);
  }
}

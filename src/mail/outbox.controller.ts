import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { OutboxQueryDto } from './outbox-query.dto.js';
import { OutboxService, type OutboxListing } from './outbox.service.js';

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/admin/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @Roles('admin')
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'sending', 'sent'] })
  list(@Query() query: OutboxQueryDto): Promise<OutboxListing> {
    return this.outbox.list(query.status);
  }
}

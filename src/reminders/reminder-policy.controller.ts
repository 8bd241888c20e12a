import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { ReminderPolicyDto } from './dto/reminder-policy.dto.js';
import { ReminderPolicyService, type ReminderPolicyView } from './reminder-policy.service.js';

@ApiTags('rappels')
@ApiBearerAuth()
@Controller('api/centres/:id/reminder-policy')
export class ReminderPolicyController {
  constructor(private readonly policies: ReminderPolicyService) {}

  @Get()
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<ReminderPolicyView> {
    return this.policies.get(caller, id);
  }

  @Put()
  put(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: ReminderPolicyDto,
  ): Promise<ReminderPolicyView> {
    return this.policies.put(caller, id, dto);
  }
}

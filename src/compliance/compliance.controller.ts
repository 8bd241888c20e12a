import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { ComplianceService, type ComplianceView } from './compliance.service.js';

@ApiTags('conformité')
@ApiBearerAuth()
@Controller('api/sessions/:id/compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get()
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<ComplianceView> {
    return this.compliance.forSession(caller, id);
  }
}

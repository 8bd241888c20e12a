import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreateIncidentDto } from './dto/incident.dto.js';
import { IncidentsService } from './incidents.service.js';
import { SessionIncident } from './session-incident.entity.js';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/sessions/:id/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: CreateIncidentDto,
  ): Promise<SessionIncident> {
    return this.incidents.create(caller, sessionId, dto);
  }

  @Get()
  list(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
  ): Promise<SessionIncident[]> {
    return this.incidents.list(caller, sessionId);
  }

  @Delete(':incidentId')
  @HttpCode(204)
  remove(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('incidentId') id: string,
  ): Promise<void> {
    return this.incidents.remove(caller, sessionId, id);
  }
}

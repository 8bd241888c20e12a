import { Controller, Get, Headers, type StreamableFile, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { PlanningQuery } from './dto/planning.query.js';
import { wantsCsv, type PlanningEntry } from './planning-csv.js';
import { PlanningService } from './planning.service.js';

@ApiTags('planning')
@ApiBearerAuth()
@Controller('api/centres/:id/planning')
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  @Get()
  @ApiProduces('application/json', 'text/csv')
  get(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: PlanningQuery,
    @Headers('accept') accept?: string,
  ): Promise<PlanningEntry[] | StreamableFile> {
    return wantsCsv(query.format, accept)
      ? this.planning.csv(caller, id, query.year)
      : this.planning.list(caller, id, query.year);
  }
}

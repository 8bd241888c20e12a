import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import type { AnnualProgramme } from './annual-programme.entity.js';
import { ObligationsQuery, RecordAnnualProgrammeDto } from './dto/obligations.dto.js';
import type { Obligation } from './obligation-rules.js';
import { ObligationsService } from './obligations.service.js';

@ApiTags('obligations du centre')
@ApiBearerAuth()
@Controller('api/centres/:id')
export class ObligationsController {
  constructor(private readonly obligations: ObligationsService) {}

  @Get('obligations')
  list(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query() query: ObligationsQuery,
  ): Promise<Obligation[]> {
    return this.obligations.list(caller, id, query.year);
  }

  /** Records (or corrects) the day the programme of `year` was sent: one row per year. */
  @Post('annual-programme')
  record(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: RecordAnnualProgrammeDto,
  ): Promise<AnnualProgramme> {
    return this.obligations.recordProgramme(caller, id, dto.year, dto);
  }
}

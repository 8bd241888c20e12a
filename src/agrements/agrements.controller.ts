import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { Agrement } from './agrement.entity.js';
import { AgrementsService } from './agrements.service.js';
import { CreateAgrementDto, UpdateAgrementDto } from './dto/create-agrement.dto.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { ListByCentreQuery } from './dto/list-by-centre.query.js';

@ApiTags('agréments')
@ApiBearerAuth()
@Controller('api/agrements')
export class AgrementsController {
  constructor(private readonly agrements: AgrementsService) {}

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateAgrementDto): Promise<Agrement> {
    return this.agrements.create(caller, dto);
  }

  /** Corrects the dates, capacity, plateau technique or reference of an agrément (audited). */
  @Patch(':id')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdateAgrementDto,
  ): Promise<Agrement> {
    return this.agrements.update(caller, id, dto);
  }

  @Get()
  @ApiQuery({ name: 'centreId', required: false })
  list(@CurrentCaller() caller: Caller, @Query() query: ListByCentreQuery): Promise<Agrement[]> {
    return this.agrements.list(caller, query.centreId);
  }
}

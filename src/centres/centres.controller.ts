import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { Centre } from './centre.entity.js';
import { CentresService } from './centres.service.js';
import { CreateCentreDto, CreateSiteDto, UpdateCentreRegionDto } from './dto/centre.dto.js';
import { Site } from './site.entity.js';

@ApiTags('centres')
@ApiBearerAuth()
@Controller('api/centres')
export class CentresController {
  constructor(private readonly centres: CentresService) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: CreateCentreDto): Promise<Centre> {
    return this.centres.create(dto);
  }

  @Get()
  list(@CurrentCaller() caller: Caller): Promise<Centre[]> {
    return this.centres.list(caller);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<Centre> {
    return this.centres.get(caller, id);
  }

  /** The centre's region: its public holidays and the DREETS / DEETS / DRIEETS wording. */
  @Patch(':id/region')
  setRegion(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdateCentreRegionDto,
  ): Promise<Centre> {
    return this.centres.setRegion(caller, id, dto);
  }

  @Post(':id/sites')
  addSite(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CreateSiteDto,
  ): Promise<Site> {
    return this.centres.addSite(caller, id, dto);
  }
}

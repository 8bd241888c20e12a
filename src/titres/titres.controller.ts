import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreateTitreDto, UpdateTitreDto } from './dto/create-titre.dto.js';
import { Titre } from './titre.entity.js';
import { TitresService } from './titres.service.js';

@ApiTags('titres')
@ApiBearerAuth()
@Controller('api/titres')
export class TitresController {
  constructor(private readonly titres: TitresService) {}

  @Post()
  @Roles('admin', 'manager')
  create(@Body() dto: CreateTitreDto): Promise<Titre> {
    return this.titres.create(dto);
  }

  @Get()
  list(): Promise<Titre[]> {
    return this.titres.list();
  }

  @Patch(':id')
  @Roles('admin', 'manager')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdateTitreDto,
  ): Promise<Titre> {
    return this.titres.update(caller, id, dto);
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<Titre> {
    return this.titres.get(id);
  }
}

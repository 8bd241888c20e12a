import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreateTitreDto } from './dto/create-titre.dto.js';
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

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<Titre> {
    return this.titres.get(id);
  }
}

import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreatePersonDto, ListPeopleQuery } from './dto/person.dto.js';
import { PeopleService, type PersonView } from './people.service.js';
import { Person } from './person.entity.js';

@ApiTags('personnes')
@ApiBearerAuth()
@Controller('api/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** A person of a centre (409 when the centre already has this name and birth date). */
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(caller, dto);
  }

  /** The people of my centres, by name (at most 100: refine with `q`). */
  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: ListPeopleQuery): Promise<Person[]> {
    return this.people.list(caller, query);
  }

  /** A person's identity and enrolments (sessions, titre, dates, status, results). */
  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<PersonView> {
    return this.people.get(caller, id);
  }
}

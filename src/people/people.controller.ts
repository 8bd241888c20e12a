import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { CreatePersonDto, ListPeopleQuery, UpdatePersonDto } from './dto/person.dto.js';
import { PeopleService, type PersonView, type PublicPerson } from './people.service.js';

@ApiTags('personnes')
@ApiBearerAuth()
@Controller('api/people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** A person of a centre (409 when the centre already has this name and birth date). */
  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreatePersonDto): Promise<PublicPerson> {
    return this.people.create(caller, dto);
  }

  /** The people of my centres, by name (at most 100: refine with `q`). */
  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: ListPeopleQuery): Promise<PublicPerson[]> {
    return this.people.list(caller, query);
  }

  /**
   * A person's identity, enrolments (sessions, titre, dates, status, results, session outcome)
   * and certification record per titre version (CCP per session, acquired for life and carried
   * over, titre obtained or CCP missing).
   */
  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<PersonView> {
    return this.people.get(caller, id);
  }

  /**
   * Changes the person's identity and contacts (their enrolments keep theirs): `version` is the
   * one read (409 when stale); 409 when the identity is another person's of the centre.
   */
  @Patch(':id')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdatePersonDto,
  ): Promise<PublicPerson> {
    return this.people.update(caller, id, dto);
  }
}

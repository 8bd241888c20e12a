import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  CreateJuryMemberDto,
  HabilitationDto,
  ListJuryMembersQuery,
  UpdateJuryMemberDto,
} from './dto/jury-member.dto.js';
import { JuryMember } from './jury-member.entity.js';
import { JuryMembersService } from './jury-members.service.js';

@ApiTags('jury')
@ApiBearerAuth()
@Controller('api/jury-members')
export class JuryMembersController {
  constructor(private readonly members: JuryMembersService) {}

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateJuryMemberDto): Promise<JuryMember> {
    return this.members.create(caller, dto);
  }

  @Get()
  list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListJuryMembersQuery,
  ): Promise<JuryMember[]> {
    return this.members.list(caller, query);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<JuryMember> {
    return this.members.get(caller, id);
  }

  @Patch(':id')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdateJuryMemberDto,
  ): Promise<JuryMember> {
    return this.members.update(caller, id, dto);
  }

  @Post(':id/habilitations')
  addHabilitation(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: HabilitationDto,
  ): Promise<JuryMember> {
    return this.members.addHabilitation(caller, id, dto);
  }
}

import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  CancelSessionDto,
  CreateSessionDto,
  ListSessionsQuery,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { ExamSession } from './exam-session.entity.js';
import { SessionsService, type SessionDetailView, type SessionView } from './sessions.service.js';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('api/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  create(@CurrentCaller() caller: Caller, @Body() dto: CreateSessionDto): Promise<SessionView> {
    return this.sessions.create(caller, dto);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @Query() query: ListSessionsQuery): Promise<ExamSession[]> {
    return this.sessions.list(caller, query);
  }

  @Get(':id')
  get(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<SessionDetailView> {
    return this.sessions.get(caller, id);
  }

  @Patch(':id')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionView> {
    return this.sessions.update(caller, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: CancelSessionDto,
  ): Promise<SessionView> {
    return this.sessions.cancel(caller, id, dto);
  }
}

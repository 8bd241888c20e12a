import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import { Candidate } from './candidate.entity.js';
import {
  CandidatesService,
  type BulkCandidatesResult,
  type CreatedCandidate,
} from './candidates.service.js';
import { BulkAttendanceDto, BulkConvocationDto } from './dto/bulk-candidates.dto.js';
import { CreateCandidateDto, UpdateCandidateDto } from './dto/candidate.dto.js';

@ApiTags('candidats')
@ApiBearerAuth()
@Controller('api/sessions/:id/candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Post()
  create(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: CreateCandidateDto,
  ): Promise<CreatedCandidate> {
    return this.candidates.create(caller, sessionId, dto);
  }

  /** The same convocation date and mode for several candidates (one audit entry each). */
  @Post('bulk-convocation')
  @HttpCode(200)
  bulkConvocation(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: BulkConvocationDto,
  ): Promise<BulkCandidatesResult> {
    return this.candidates.bulkConvocation(caller, sessionId, dto);
  }

  /** The attendance of several candidates on the day (one audit entry each). */
  @Post('bulk-attendance')
  @HttpCode(200)
  bulkAttendance(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: BulkAttendanceDto,
  ): Promise<BulkCandidatesResult> {
    return this.candidates.bulkAttendance(caller, sessionId, dto);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @UuidParam('id') sessionId: string): Promise<Candidate[]> {
    return this.candidates.list(caller, sessionId);
  }

  @Get(':cid')
  get(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('cid') id: string,
  ): Promise<Candidate> {
    return this.candidates.get(caller, sessionId, id);
  }

  @Patch(':cid')
  update(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('cid') id: string,
    @Body() dto: UpdateCandidateDto,
  ): Promise<Candidate> {
    return this.candidates.update(caller, sessionId, id, dto);
  }

  @Delete(':cid')
  @HttpCode(204)
  remove(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('cid') id: string,
  ): Promise<void> {
    return this.candidates.remove(caller, sessionId, id);
  }
}

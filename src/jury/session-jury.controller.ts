import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  AssignStaffDto,
  DeclareLinkDto,
  RecordAttendanceDto,
  RecordConvocationDto,
} from './dto/session-jury.dto.js';
import { LinkDeclaration } from './link-declaration.entity.js';
import { SessionJuryService, type StaffView } from './session-jury.service.js';

@ApiTags('jury')
@ApiBearerAuth()
@Controller('api/sessions/:id')
export class SessionJuryController {
  constructor(private readonly jury: SessionJuryService) {}

  @Post('jury')
  assign(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: AssignStaffDto,
  ): Promise<StaffView> {
    return this.jury.assign(caller, sessionId, dto);
  }

  @Get('jury')
  staff(@CurrentCaller() caller: Caller, @UuidParam('id') sessionId: string): Promise<StaffView[]> {
    return this.jury.staff(caller, sessionId);
  }

  @Delete('jury/:assignmentId')
  @HttpCode(204)
  unassign(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('assignmentId') assignmentId: string,
  ): Promise<void> {
    return this.jury.unassign(caller, sessionId, assignmentId);
  }

  /** The member's convocation date: a warning when it is less than 15 days before the session. */
  @Patch('jury/:assignmentId/convocation')
  convocation(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Body() dto: RecordConvocationDto,
  ): Promise<StaffView> {
    return this.jury.recordConvocation(caller, sessionId, assignmentId, dto);
  }

  /** Attendance on the day: « au moins deux membres de jury présents » is checked from it. */
  @Patch('jury/:assignmentId/attendance')
  attendance(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @UuidParam('assignmentId') assignmentId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<StaffView> {
    return this.jury.recordAttendance(caller, sessionId, assignmentId, dto);
  }

  @Post('link-declarations')
  declare(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
    @Body() dto: DeclareLinkDto,
  ): Promise<LinkDeclaration> {
    return this.jury.declare(caller, sessionId, dto);
  }

  @Get('link-declarations')
  declarations(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') sessionId: string,
  ): Promise<LinkDeclaration[]> {
    return this.jury.declarations(caller, sessionId);
  }
}

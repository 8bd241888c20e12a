import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/auth.decorators.js';
import type { Caller } from '../common/caller.js';
import { UuidParam } from '../common/validation/uuid-param.js';
import {
  ChecklistService,
  type BulkCompleteResult,
  type ChecklistSummary,
  type ChecklistUpgradeResult,
} from './checklist.service.js';
import { UpdateTaskDto } from './dto/update-task.dto.js';
import { BulkCompleteTasksDto } from './dto/bulk-complete.dto.js';
import { UpgradeChecklistDto } from './dto/upgrade-checklist.dto.js';
import type { TaskView } from './task-view.js';

@ApiTags('liste de contrôle')
@ApiBearerAuth()
@Controller('api/sessions/:id')
export class ChecklistController {
  constructor(private readonly checklist: ChecklistService) {}

  @Get('tasks')
  list(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<TaskView[]> {
    return this.checklist.list(caller, id);
  }

  /** Ticks several tasks done on one date, all or nothing (one audit entry per task). */
  @Post('tasks/bulk-complete')
  @HttpCode(200)
  bulkComplete(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: BulkCompleteTasksDto,
  ): Promise<BulkCompleteResult> {
    return this.checklist.bulkComplete(caller, id, dto);
  }

  @Patch('tasks/:taskId')
  tick(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('taskId') taskId: string,
    @Body() dto: UpdateTaskDto,
  ): Promise<TaskView> {
    return this.checklist.tick(caller, id, taskId, dto);
  }

  @Get('checklist')
  summary(@CurrentCaller() caller: Caller, @UuidParam('id') id: string): Promise<ChecklistSummary> {
    return this.checklist.summary(caller, id);
  }

  @Post('checklist/upgrade')
  @HttpCode(200)
  upgrade(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() dto: UpgradeChecklistDto,
  ): Promise<ChecklistUpgradeResult> {
    return this.checklist.upgrade(caller, id, dto);
  }
}

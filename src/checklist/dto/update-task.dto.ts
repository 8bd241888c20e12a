import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Min } from 'class-validator';
import { IsCalendarDate, NotNull, PatchText } from '../../common/validation/decorators.js';
import { TASK_STATUSES, type TaskStatus } from '../session-task.entity.js';

export class UpdateTaskDto {
  @ApiProperty({
    enum: TASK_STATUSES,
    description: 'todo : à faire ; done : fait ; not_applicable : sans objet (motif obligatoire)',
  })
  @IsIn(TASK_STATUSES)
  status!: TaskStatus;

  @ApiProperty({
    required: false,
    example: '2027-02-20',
    description: "Fait le (par défaut : aujourd'hui) ; jamais dans le futur",
  })
  @NotNull()
  @IsCalendarDate()
  doneAt?: string;

  @ApiProperty({ required: false, maxLength: 2000 })
  @PatchText(2000, { multiline: true })
  observations?: string;

  @ApiProperty({
    required: false,
    maxLength: 1000,
    description:
      'Motif : obligatoire pour « sans objet » et pour cocher une tâche dont un contrôle échoue',
  })
  @PatchText(1000)
  reason?: string;

  @ApiProperty({ description: 'La version lue ; une version périmée répond 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray } from 'class-validator';
import { BULK_MAX } from '../../common/bulk-selection.js';
import { IsCalendarDate, NotNull, Uuid } from '../../common/validation/decorators.js';

export class BulkCompleteTasksDto {
  @ApiProperty({
    type: [String],
    description: 'Les tâches de la session à cocher « fait » (au moins une)',
  })
  @IsArray()
  @ArrayMaxSize(BULK_MAX)
  @Uuid({ each: true })
  @ArrayUnique()
  taskIds!: string[];

  @ApiProperty({
    example: '2027-02-20',
    description: 'Fait le : la même date pour toutes ; jamais dans le futur',
  })
  @NotNull()
  @IsCalendarDate()
  doneAt?: string;
}

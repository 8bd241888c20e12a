import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, ValidateNested } from 'class-validator';
import { BULK_MAX } from '../../common/bulk-selection.js';
import { IsCalendarDate, NotNull, Uuid } from '../../common/validation/decorators.js';
import {
  ATTENDANCES,
  CONVOCATION_MODES,
  type Attendance,
  type ConvocationMode,
} from '../candidate.entity.js';

export class BulkConvocationDto {
  @ApiProperty({ type: [String], description: 'Les candidats de la session (au moins un)' })
  @IsArray()
  @ArrayMaxSize(BULK_MAX)
  @Uuid({ each: true })
  @ArrayUnique()
  candidateIds!: string[];

  @ApiProperty({
    example: '2027-02-01',
    description:
      'Date d’envoi ou de remise des convocations (la même pour tous) ; jamais dans le futur',
  })
  @NotNull()
  @IsCalendarDate()
  convocationDate?: string;

  @ApiProperty({ enum: CONVOCATION_MODES })
  @NotNull()
  @IsIn(CONVOCATION_MODES)
  convocationMode?: ConvocationMode;
}

export class AttendanceEntryDto {
  @ApiProperty() @Uuid() candidateId!: string;

  @ApiProperty({ enum: ATTENDANCES }) @IsIn(ATTENDANCES) attendance!: Attendance;
}

export class BulkAttendanceDto {
  @ApiProperty({
    type: [AttendanceEntryDto],
    description: 'La présence de chaque candidat le jour des épreuves (au moins un)',
  })
  @IsArray()
  @ArrayMaxSize(BULK_MAX)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

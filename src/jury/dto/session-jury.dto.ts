import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate, Text, Uuid } from '../../common/validation/decorators.js';
import { STAFF_ROLES, type StaffRole } from '../session-staff.entity.js';

export class AssignStaffDto {
  @ApiProperty() @Uuid() juryMemberId!: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'Juré, surveillant ou comédien' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class DeclareLinkDto {
  @ApiProperty() @Uuid() juryMemberId!: string;

  @ApiProperty() @Uuid() candidateId!: string;

  @ApiProperty({ description: 'Lien personnel ou professionnel avec le candidat' })
  @IsBoolean()
  hasLink!: boolean;

  @ApiProperty({ required: false }) @Text(2000, { optional: true, multiline: true }) details?:
    string | null;

  @ApiProperty({
    required: false,
    description: 'Date de la déclaration (par défaut : aujourd’hui)',
  })
  @IsOptional()
  @IsCalendarDate()
  declaredOn?: string | null;
}

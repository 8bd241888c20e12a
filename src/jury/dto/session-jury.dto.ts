import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsTimeOfDay, Text, Uuid } from '../../common/validation/decorators.js';
import { LINK_KINDS, type LinkKind } from '../link-declaration.entity.js';
import {
  ATTENDANCES,
  STAFF_ROLES,
  type Attendance,
  type StaffRole,
} from '../session-staff.entity.js';

export class AssignStaffDto {
  @ApiProperty() @Uuid() juryMemberId!: string;

  @ApiProperty({ enum: STAFF_ROLES, description: 'Juré, surveillant ou comédien' })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Date d’envoi ou de remise de la convocation du membre',
  })
  @IsOptional()
  @IsCalendarDate()
  convocationDate?: string | null;
}

export class RecordConvocationDto {
  @ApiProperty({
    nullable: true,
    example: '2027-05-20',
    description: 'Date d’envoi ou de remise de la convocation (null : non convoqué)',
  })
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  convocationDate!: string | null;
}

export class DeclareLinkDto {
  @ApiProperty() @Uuid() juryMemberId!: string;

  @ApiProperty() @Uuid() candidateId!: string;

  @ApiProperty({ description: 'Lien personnel, professionnel ou pédagogique avec le candidat' })
  @IsBoolean()
  hasLink!: boolean;

  @ApiProperty({
    enum: LINK_KINDS,
    required: false,
    nullable: true,
    description: 'Nature du lien déclaré : personnel, professionnel ou pédagogique',
  })
  @IsOptional()
  @IsIn(LINK_KINDS)
  linkKind?: LinkKind | null;

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

export class RecordAttendanceDto {
  @ApiProperty({
    enum: ATTENDANCES,
    nullable: true,
    description: 'Présent ou absent le jour de la session (null : non relevé)',
  })
  @ValidateIf((_, value) => value !== null)
  @IsIn(ATTENDANCES)
  attendance!: Attendance | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '08:30',
    description: 'Heure d’arrivée',
  })
  @IsOptional()
  @IsTimeOfDay()
  arrivalTime?: string | null;
}

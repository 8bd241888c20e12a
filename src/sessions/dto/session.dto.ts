import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  IsCalendarDate,
  IsOnOrAfter,
  IsTimeOfDay,
  Text,
  Trim,
} from '../../common/validation/decorators.js';
import {
  SESSION_NATURES,
  SESSION_STATUSES,
  type SessionNature,
  type SessionStatus,
} from '../exam-session.entity.js';

export class CreateSessionDto {
  @ApiProperty() @IsUUID('all') centreId!: string;

  @ApiProperty() @IsUUID('all') siteId!: string;

  @ApiProperty() @IsUUID('all') titreId!: string;

  @ApiProperty({ enum: SESSION_NATURES })
  @IsIn(SESSION_NATURES)
  nature!: SessionNature;

  @ApiProperty({
    type: [String],
    required: false,
    description: 'Codes des CCP/CCS concernés (sessions CCP ou CCS)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Trim()
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  ccpCodes?: string[];

  @ApiProperty({ example: '2027-06-14' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2027-06-18' })
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate!: string;

  @ApiProperty({ required: false, example: '08:30' })
  @IsOptional()
  @IsTimeOfDay()
  startTime?: string;

  @ApiProperty({ required: false })
  @Text(300, { optional: true })
  location?: string;

  @ApiProperty({ required: false, description: 'Responsable de session (par défaut : vous)' })
  @IsOptional()
  @IsUUID('all')
  managerId?: string;

  @ApiProperty({ required: false, description: 'Responsable de session suppléant' })
  @IsOptional()
  @IsUUID('all')
  deputyManagerId?: string;
}

export const EDITABLE_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;

export class UpdateSessionDto {
  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all') siteId?: string;

  @ApiProperty({ enum: SESSION_NATURES, required: false })
  @IsOptional()
  @IsIn(SESSION_NATURES)
  nature?: SessionNature;

  @ApiProperty({ type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  ccpCodes?: string[];

  @ApiProperty({ required: false }) @IsOptional() @IsCalendarDate() startDate?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string;

  @ApiProperty({ required: false }) @IsOptional() @IsTimeOfDay() startTime?: string;

  @ApiProperty({ required: false }) @Text(300, { optional: true }) location?: string;

  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all') managerId?: string;

  @ApiProperty({ required: false, nullable: true })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsUUID('all')
  deputyManagerId?: string | null;

  @ApiProperty({ enum: EDITABLE_STATUSES, required: false })
  @IsOptional()
  @IsIn(EDITABLE_STATUSES)
  status?: Exclude<SessionStatus, 'CANCELLED' | 'POSTPONED'>;

  @ApiProperty({ required: false, description: 'Motif du changement de dates (report)' })
  @Text(1000, { optional: true })
  reason?: string;

  @ApiProperty({ required: false, description: 'La version lue ; une version périmée répond 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CancelSessionDto {
  @ApiProperty({ description: "Motif de l'annulation" })
  @Text(1000)
  reason!: string;
}

export class ListSessionsQuery {
  @IsOptional() @IsUUID('all') centreId?: string;

  @IsOptional() @IsUUID('all') siteId?: string;

  @IsOptional() @IsUUID('all') titreId?: string;

  @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;

  @IsOptional() @IsCalendarDate() from?: string;

  @IsOptional() @IsCalendarDate() to?: string;
}

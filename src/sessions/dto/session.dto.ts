import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCleanText,
  IsOnOrAfter,
  IsTimeOfDay,
  NotNull,
  PatchText,
  Text,
  Trim,
  Uuid,
} from '../../common/validation/decorators.js';
import {
  SESSION_NATURES,
  SESSION_STATUSES,
  type SessionNature,
  type SessionStatus,
} from '../exam-session.entity.js';

export class CreateSessionDto {
  @ApiProperty() @Uuid() centreId!: string;

  @ApiProperty() @Uuid() siteId!: string;

  @ApiProperty() @Uuid() titreId!: string;

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
  @IsCleanText()
  @MaxLength(30, { each: true })
  ccpCodes?: string[];

  @ApiProperty({ example: '2027-06-14' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ example: '2027-06-18' })
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '2027-02-01',
    description:
      'Date de création de la session dans CERES (AAAA-MM-JJ), au plus tard aujourd’hui et le premier jour de la session',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  ceresCreatedOn?: string | null;

  @ApiProperty({ required: false, example: '08:30' })
  @IsOptional()
  @IsTimeOfDay()
  startTime?: string;

  @ApiProperty({ required: false })
  @Text(300, { optional: true })
  location?: string;

  @ApiProperty({ required: false, description: 'Responsable de session (par défaut : vous)' })
  @IsOptional()
  @Uuid()
  managerId?: string;

  @ApiProperty({ required: false, description: 'Responsable de session suppléant' })
  @IsOptional()
  @Uuid()
  deputyManagerId?: string;
}

export const EDITABLE_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;

/**
 * A partial edit: a field left out keeps its value; `null` is refused (« ne peut pas être vide
 * (null) ») except for `deputyManagerId`, where it removes the deputy. `version` is required.
 */
export class UpdateSessionDto {
  @ApiProperty({ required: false }) @NotNull() @Uuid() siteId?: string;

  @ApiProperty({ enum: SESSION_NATURES, required: false })
  @NotNull()
  @IsIn(SESSION_NATURES)
  nature?: SessionNature;

  @ApiProperty({ type: [String], required: false })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @Trim()
  @IsString({ each: true })
  @IsCleanText()
  @MaxLength(30, { each: true })
  ccpCodes?: string[];

  @ApiProperty({ required: false }) @NotNull() @IsCalendarDate() startDate?: string;

  @ApiProperty({ required: false })
  @NotNull()
  @IsCalendarDate()
  @IsOnOrAfter('startDate')
  endDate?: string;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Date de création de la session dans CERES ; null : non renseignée',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  ceresCreatedOn?: string | null;

  @ApiProperty({ required: false }) @NotNull() @IsTimeOfDay() startTime?: string;

  @ApiProperty({ required: false }) @PatchText(300) location?: string;

  @ApiProperty({ required: false }) @NotNull() @Uuid() managerId?: string;

  @ApiProperty({ required: false, nullable: true, description: 'null : plus de suppléant' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @Uuid()
  deputyManagerId?: string | null;

  @ApiProperty({ enum: EDITABLE_STATUSES, required: false })
  @NotNull()
  @IsIn(EDITABLE_STATUSES)
  status?: Exclude<SessionStatus, 'CANCELLED' | 'POSTPONED'>;

  @ApiProperty({ required: false, description: 'Motif du changement de dates (report)' })
  @PatchText(1000, { multiline: true })
  reason?: string;

  @ApiProperty({ description: 'La version lue ; une version périmée répond 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class CancelSessionDto {
  @ApiProperty({ description: "Motif de l'annulation" })
  @Text(1000, { multiline: true })
  reason!: string;
}

export class ListSessionsQuery {
  @IsOptional() @Uuid() centreId?: string;

  @IsOptional() @Uuid() siteId?: string;

  @IsOptional() @Uuid() titreId?: string;

  @IsOptional() @IsIn(SESSION_STATUSES) status?: SessionStatus;

  @IsOptional() @IsCalendarDate() from?: string;

  @IsOptional() @IsCalendarDate() to?: string;
}

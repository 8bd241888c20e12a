import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import {
  IsCalendarDate,
  NotNull,
  PatchText,
  Text,
  Uuid,
} from '../../common/validation/decorators.js';

export class CreateAgrementDto {
  @ApiProperty() @Uuid() centreId!: string;

  @ApiProperty() @Uuid() siteId!: string;

  @ApiProperty() @Uuid() titreId!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'CCS1',
    description:
      'Code d’un CCS du titre : l’agrément de ce CCS (une session CCS en a besoin) ; absent ou null : l’agrément du titre',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @Text(30)
  ccsCode?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '2024-07-01',
    description: 'Début de validité de l’agrément (au plus tard sa fin de validité)',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiProperty({ example: '2028-06-30' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCandidates!: number;

  @ApiProperty({ required: false, description: "Plateau technique de l'agrément" })
  @Text(2000, { optional: true, multiline: true })
  technicalPlatform?: string;

  @ApiProperty({ required: false, description: 'Référence de la décision' })
  @Text(50, { optional: true })
  reference?: string;
}

/**
 * The fields of an agrément that can be corrected (its centre, site, titre and CCS cannot): each
 * may be left out; only `validFrom` may be set to null (start not recorded).
 */
export class UpdateAgrementDto {
  @ApiProperty({ required: false, nullable: true, example: '2024-07-01' })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiProperty({ required: false, example: '2028-06-30' })
  @NotNull()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({ required: false, example: 12 })
  @NotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCandidates?: number;

  @ApiProperty({ required: false, description: "Plateau technique de l'agrément" })
  @PatchText(2000, { multiline: true })
  technicalPlatform?: string;

  @ApiProperty({ required: false, description: 'Référence de la décision' })
  @PatchText(50)
  reference?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, Text, Uuid } from '../../common/validation/decorators.js';

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

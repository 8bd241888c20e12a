import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate, Text, Uuid } from '../../common/validation/decorators.js';

export class CreateProviderDto {
  @ApiProperty({ example: 'Forma Plus' }) @Text(200) name!: string;

  @ApiProperty({ required: false, example: '82412345600017' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{14}$/)
  siret?: string | null;

  @ApiProperty({ required: false })
  @Text(500, { optional: true, multiline: true })
  address?: string;

  @ApiProperty({ required: false, description: 'Contact : nom, courriel, téléphone' })
  @Text(500, { optional: true })
  contact?: string;
}

export class UpdateProviderDto extends PartialType(CreateProviderDto) {}

export class CreateConventionDto {
  @ApiProperty({ example: '2024-11-04' }) @IsCalendarDate() signedOn!: string;

  @ApiProperty({ example: '2025-01-01' }) @IsCalendarDate() effectiveFrom!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Date de transmission au préfet de région (avant l’entrée en vigueur)',
  })
  @IsOptional()
  @IsCalendarDate()
  sentToPrefectOn?: string | null;

  @ApiProperty({ type: [String], description: 'Titres couverts (identifiants)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @Uuid({ each: true })
  titreIds!: string[];

  @ApiProperty({
    required: false,
    description: 'CCP et CCS couverts, tels que la convention les cite',
  })
  @Text(500, { optional: true })
  certifications?: string;

  @ApiProperty({ required: false, description: 'Modalités d’inscription des candidats' })
  @Text(2000, { optional: true, multiline: true })
  registrationTerms?: string;

  @ApiProperty({ description: 'Nombre prévisionnel de candidats pour l’année en cours' })
  @IsInt()
  @Min(0)
  @Max(100000)
  forecastCurrentYear!: number;

  @ApiProperty({ description: 'Nombre prévisionnel de candidats pour l’année à venir' })
  @IsInt()
  @Min(0)
  @Max(100000)
  forecastNextYear!: number;
}

export class UpdateConventionDto extends PartialType(CreateConventionDto) {}

export class CreateAvenantDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year!: number;

  @ApiProperty({ description: 'Nombre prévisionnel de candidats formés par l’organisme' })
  @IsInt()
  @Min(0)
  @Max(100000)
  forecastCount!: number;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Date de transmission au préfet de région (avant le 1er janvier de l’année)',
  })
  @IsOptional()
  @IsCalendarDate()
  sentToPrefectOn?: string | null;
}

export class UpdateAvenantDto extends PartialType(CreateAvenantDto) {}

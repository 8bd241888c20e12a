import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { FRENCH_REGIONS, type FrenchRegion } from '../../common/french-holidays.js';
import { Text } from '../../common/validation/decorators.js';

export class CreateCentreDto {
  @ApiProperty({ example: 'AFPA Rhône-Alpes' })
  @Text(200)
  name!: string;

  @ApiProperty({ required: false, example: '82412345600017' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{14}$/)
  siret?: string;

  @ApiProperty({ required: false })
  @Text(300, { optional: true })
  address?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/)
  postalCode?: string;

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  city?: string;

  @ApiProperty({ required: false, enum: FRENCH_REGIONS, default: 'METROPOLE' })
  @IsOptional()
  @IsIn(FRENCH_REGIONS)
  region?: FrenchRegion;
}

/** The centre's region (its public holidays and the DREETS / DEETS / DRIEETS wording). */
export class UpdateCentreRegionDto {
  @ApiProperty({ enum: FRENCH_REGIONS })
  @IsIn(FRENCH_REGIONS)
  region!: FrenchRegion;
}

export class CreateSiteDto {
  @ApiProperty({ example: 'Site de Vénissieux' })
  @Text(200)
  name!: string;

  @ApiProperty({ required: false })
  @Text(300, { optional: true })
  address?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/)
  postalCode?: string;

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  city?: string;
}

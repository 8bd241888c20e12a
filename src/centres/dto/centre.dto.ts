import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
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

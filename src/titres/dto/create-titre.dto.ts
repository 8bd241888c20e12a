import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate, Text } from '../../common/validation/decorators.js';
import { CCP_KINDS, type CcpKind } from '../ccp.entity.js';

export class CcpDto {
  @ApiProperty({ example: 'CCP1' })
  @Text(30)
  @Matches(/^[A-Za-z0-9_.-]+$/)
  code!: string;

  @ApiProperty({ example: 'Développer une application sécurisée' })
  @Text(300)
  label!: string;

  @ApiProperty({ enum: CCP_KINDS, required: false })
  @IsOptional()
  @IsIn(CCP_KINDS)
  kind?: CcpKind;
}

export class CreateTitreDto {
  @ApiProperty({ example: 'CDA', description: 'Sigle du titre' })
  @Text(30)
  code!: string;

  @ApiProperty({ example: 'Concepteur développeur d’applications' })
  @Text(300)
  label!: string;

  @ApiProperty({ example: '2023', description: 'Millésime' })
  @Text(30)
  version!: string;

  @ApiProperty({ example: '2028-12-31', description: 'Fin de validité (AAAA-MM-JJ)' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({ type: [CcpDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CcpDto)
  ccps!: CcpDto[];
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate, Text } from '../../common/validation/decorators.js';

export class ObligationsQuery {
  @ApiProperty({ description: 'Année des obligations (2000 à 2100)', example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class RecordAnnualProgrammeDto {
  @ApiProperty({ description: 'Année du programme (2000 à 2100)', example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({
    example: '2027-01-15',
    description: 'Date de communication du programme annuel à l’autorité (DREETS)',
  })
  @IsCalendarDate()
  sentOn!: string;

  @ApiProperty({ required: false, description: 'Observations (destinataire, moyen d’envoi…)' })
  @Text(2000, { optional: true, multiline: true })
  observations?: string;
}

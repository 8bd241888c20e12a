import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate, Text } from '../../common/validation/decorators.js';

export class CreateAgrementDto {
  @ApiProperty() @IsUUID('all') centreId!: string;

  @ApiProperty() @IsUUID('all') siteId!: string;

  @ApiProperty() @IsUUID('all') titreId!: string;

  @ApiProperty({ example: '2028-06-30' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxCandidates!: number;

  @ApiProperty({ required: false, description: "Plateau technique de l'agrément" })
  @Text(2000, { optional: true })
  technicalPlatform?: string;

  @ApiProperty({ required: false, description: 'Référence de la décision' })
  @Text(50, { optional: true })
  reference?: string;
}

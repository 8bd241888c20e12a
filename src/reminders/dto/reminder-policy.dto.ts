import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';

export class ReminderPolicyDto {
  @ApiProperty({
    type: [Number],
    example: [14, 7, 1, 0],
    description: 'Jours avant l’échéance où un rappel part (0 = le jour même), de 0 à 365',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(365, { each: true })
  offsets!: number[];

  @ApiProperty({
    example: 7,
    description: 'Après l’échéance, un rappel de retard tous les N jours (0 = aucun)',
  })
  @IsInt()
  @Min(0)
  @Max(90)
  overdueEveryDays!: number;

  @ApiProperty({ required: false, default: true, description: 'Rappels actifs pour ce centre' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

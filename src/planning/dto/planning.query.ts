import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const PLANNING_FORMATS = ['json', 'csv'] as const;
export type PlanningFormat = (typeof PLANNING_FORMATS)[number];

export class PlanningQuery {
  @ApiProperty({ description: 'Année de début des sessions (2000 à 2100)', example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({
    enum: PLANNING_FORMATS,
    required: false,
    description: 'csv : fichier pour tableur (sinon selon l’en-tête Accept, JSON par défaut)',
  })
  @IsOptional()
  @IsIn(PLANNING_FORMATS)
  format?: PlanningFormat;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class UpgradeChecklistDto {
  @ApiProperty({ description: 'Version du modèle de liste de contrôle à appliquer', example: 2 })
  @IsInt()
  @Min(1)
  version!: number;
}

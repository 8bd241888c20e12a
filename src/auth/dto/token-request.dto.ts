import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { Text, Trim } from '../../common/validation/decorators.js';

export class TokenRequestDto {
  @ApiProperty({ example: 'admin@centre.fr' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @Text(200)
  password!: string;
}

export class SetupRequestDto extends TokenRequestDto {
  @ApiProperty({ description: 'Le jeton du lien de mise en service affiché au démarrage' })
  @Text(200)
  token!: string;
}

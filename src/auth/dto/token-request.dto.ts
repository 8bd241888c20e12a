import { ApiProperty } from '@nestjs/swagger';
import { EmailAddress, Password, Text } from '../../common/validation/decorators.js';

export class TokenRequestDto {
  @ApiProperty({ example: 'admin@centre.fr' })
  @EmailAddress()
  email!: string;

  @ApiProperty()
  @Password()
  password!: string;
}

export class SetupRequestDto extends TokenRequestDto {
  @ApiProperty({ description: 'Le jeton du lien de mise en service affiché au démarrage' })
  @Text(200)
  token!: string;
}

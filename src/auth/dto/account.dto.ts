import { ApiProperty } from '@nestjs/swagger';
import { EmailAddress, Password, Text } from '../../common/validation/decorators.js';

/** A change of one's own password. */
export class ChangePasswordDto {
  @ApiProperty({ description: 'Le mot de passe actuel' })
  @Password()
  currentPassword!: string;

  @ApiProperty({ minLength: 12, description: 'Le nouveau mot de passe (12 caractères au moins)' })
  @Password()
  newPassword!: string;
}

/** A request of a « Mot de passe oublié » link. */
export class ForgotPasswordDto {
  @ApiProperty({ example: 'rs@centre.fr' })
  @EmailAddress()
  email!: string;
}

/** A new password set with a reset link. */
export class ResetPasswordDto {
  @ApiProperty({ description: 'Le jeton du lien reçu par e-mail' })
  @Text(200)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @Password()
  newPassword!: string;
}

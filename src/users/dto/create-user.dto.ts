import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { EmailAddress, Password, Text, Uuid } from '../../common/validation/decorators.js';
import { ROLES, type Role } from '../user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'rs@centre.fr' })
  @EmailAddress()
  email!: string;

  @ApiProperty({ minLength: 12 })
  @Password()
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Uuid({ each: true })
  centreIds?: string[];

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  firstName?: string;

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  lastName?: string;
}

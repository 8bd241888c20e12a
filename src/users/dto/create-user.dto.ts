import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Text, Trim } from '../../common/validation/decorators.js';
import { ROLES, type Role } from '../user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'rs@centre.fr' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 12 })
  @Text(200)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  firstName?: string;

  @ApiProperty({ required: false })
  @Text(100, { optional: true })
  lastName?: string;
}

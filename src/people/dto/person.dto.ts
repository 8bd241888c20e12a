import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import {
  EmailAddress,
  IsCalendarDate,
  PatchText,
  Text,
  Uuid,
} from '../../common/validation/decorators.js';

export class CreatePersonDto {
  @ApiProperty({ description: 'Centre de la personne' }) @Uuid() centreId!: string;

  @ApiProperty({ example: 'Dupont' }) @Text(100) lastName!: string;

  @ApiProperty({ example: 'Camille' }) @Text(100) firstName!: string;

  @ApiProperty({ required: false, nullable: true, example: '1990-05-12' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(30, { optional: true })
  phone?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(500, { optional: true, multiline: true })
  address?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Numéro de permis de conduire (NEPH), pour la CQC',
  })
  @Text(30, { optional: true })
  drivingLicenceNumber?: string | null;
}

export class ListPeopleQuery {
  @ApiProperty({ required: false }) @IsOptional() @Uuid() centreId?: string;

  @ApiProperty({ required: false, description: 'Début du nom ou du prénom (accents ignorés)' })
  @Text(100, { optional: true })
  q?: string;
}

/** A change of a person's identity and contacts (each enrolment keeps its own identity). */
export class UpdatePersonDto {
  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) lastName?: string;

  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) firstName?: string;

  @ApiProperty({ required: false, nullable: true, description: 'null : efface la date' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string | null;

  @ApiProperty({ required: false, nullable: true, description: 'null : efface l’adresse' })
  @IsOptional()
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(30, { optional: true })
  phone?: string | null;

  @ApiProperty({ required: false })
  @PatchText(500, { multiline: true })
  address?: string;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Numéro de permis de conduire (NEPH), pour la CQC',
  })
  @Text(30, { optional: true })
  drivingLicenceNumber?: string | null;

  @ApiProperty({ description: 'La version lue ; une version périmée répond 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

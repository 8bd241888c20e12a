import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EmailAddress,
  IsCalendarDate,
  IsCleanText,
  NotNull,
  PatchText,
  Text,
  Trim,
  Uuid,
} from '../../common/validation/decorators.js';
import {
  HABILITATION_BASES,
  LICENCE_CATEGORIES,
  type HabilitationBasis,
  type LicenceCategory,
} from '../jury-requirements.js';

/** The driving-licence categories a juror holds (create and update alike). */
function LicenceCategoriesField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      enum: LICENCE_CATEGORIES,
      isArray: true,
      example: ['C', 'CE'],
      description: 'Catégories de permis de conduire détenues (titres du transport routier)',
    }),
    NotNull(),
    IsArray(),
    ArrayMaxSize(LICENCE_CATEGORIES.length),
    IsIn(LICENCE_CATEGORIES, { each: true }),
    ArrayUnique(),
  );
}

/** The last day of validity of the juror's CQC; null: none. */
function CqcValidUntilField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      example: '2029-03-31',
      description:
        'Fin de validité de la carte de qualification de conducteur (CQC) ; null : aucune',
    }),
    ValidateIf((_o, v) => v !== null),
    IsOptional(),
    IsCalendarDate(),
  );
}

export class HabilitationDto {
  @ApiProperty() @Uuid() titreId!: string;

  @ApiProperty({ example: '2028-12-31', description: 'Fin de validité de l’habilitation' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({
    type: [String],
    required: false,
    description: 'Restriction à certains CCP (vide : tout le titre)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Trim()
  @IsString({ each: true })
  @IsCleanText()
  @MaxLength(30, { each: true })
  ccpCodes?: string[];

  @ApiProperty({
    enum: HABILITATION_BASES,
    required: false,
    nullable: true,
    description:
      'Fondement de l’habilitation : professionnel du métier, encadrement de professionnels du métier ou formateur du titre',
  })
  @IsOptional()
  @IsIn(HABILITATION_BASES)
  basis?: HabilitationBasis | null;
}

export class CreateJuryMemberDto {
  @ApiProperty() @Uuid() centreId!: string;

  @ApiProperty({ example: 'Durand' }) @Text(100) lastName!: string;

  @ApiProperty({ example: 'Claire' }) @Text(100) firstName!: string;

  @ApiProperty() @EmailAddress() email!: string;

  @ApiProperty({ required: false }) @Text(30, { optional: true }) phone?: string | null;

  @ApiProperty({ required: false }) @Text(200, { optional: true }) employer?: string | null;

  @ApiProperty({ required: false, description: 'Adresse postale, pour la convocation' })
  @Text(500, { optional: true, multiline: true })
  address?: string | null;

  @ApiProperty({ required: false, description: 'Professionnel en activité dans le métier' })
  @IsOptional()
  @IsBoolean()
  professionalised?: boolean;

  @LicenceCategoriesField() licenceCategories?: LicenceCategory[];

  @CqcValidUntilField() cqcValidUntil?: string | null;

  @ApiProperty({ type: [HabilitationDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HabilitationDto)
  habilitations?: HabilitationDto[];
}

export class UpdateJuryMemberDto {
  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) lastName?: string;

  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) firstName?: string;

  @ApiProperty({ required: false })
  @NotNull()
  @EmailAddress()
  email?: string;

  @ApiProperty({ required: false, nullable: true }) @Text(30, { optional: true }) phone?:
    string | null;

  @ApiProperty({ required: false }) @PatchText(200) employer?: string;

  @ApiProperty({ required: false, description: 'Adresse postale, pour la convocation' })
  @PatchText(500, { multiline: true })
  address?: string;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() professionalised?: boolean;

  @LicenceCategoriesField() licenceCategories?: LicenceCategory[];

  @CqcValidUntilField() cqcValidUntil?: string | null;
}

export class ListJuryMembersQuery {
  @IsOptional() @Uuid() centreId?: string;
}

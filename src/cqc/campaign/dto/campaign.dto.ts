import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EmailAddress,
  IsCalendarDate,
  IsOnOrAfter,
  NotNull,
  PatchText,
  Text,
  Uuid,
} from '../../../common/validation/decorators.js';
import { MAX_VOID_REASON_LENGTH } from '../../campaign-fiches.js';
import {
  FICHE_SESSION_KINDS,
  FIRST_SCHOOL_YEAR,
  LAST_SCHOOL_YEAR,
  type FicheSessionKind,
  type MoveReason,
} from '../../campaign-split.js';
import { CAMPAIGN_DIPLOMAS, type CampaignDiploma } from '../campaign.entity.js';

/** Most pupils one request may send (a few classes). */
export const MAX_PUPILS_PER_REQUEST = 200;

function OptionalDate(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, nullable: true, example: '2027-07-03', description }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null),
    IsCalendarDate(),
  );
}

function OptionalBoolean(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, nullable: true, description }),
    IsOptional(),
    ValidateIf((_o, v) => v !== null),
    IsBoolean(),
  );
}

export class CreateCampaignDto {
  @ApiProperty({ description: 'Centre (délégation) qui mène la campagne' })
  @Uuid()
  centreId!: string;

  @ApiProperty({
    example: 2026,
    description: `Année de la rentrée (2026 pour 2026-2027), de ${FIRST_SCHOOL_YEAR} à ${LAST_SCHOOL_YEAR}`,
  })
  @IsInt()
  @Min(FIRST_SCHOOL_YEAR)
  @Max(LAST_SCHOOL_YEAR)
  schoolYear!: number;

  @ApiProperty({
    required: false,
    example: 'Campagne CQC par équivalence 2026-2027',
    description: 'Libellé (par défaut « Campagne CQC par équivalence AAAA-AAAA »)',
  })
  @Text(200, { optional: true })
  label?: string;

  @ApiProperty({
    example: '2027-04-17',
    description: 'Premier jour des vacances de printemps de la zone des établissements',
  })
  @IsCalendarDate()
  springHolidaysStart!: string;

  @ApiProperty({ example: '2027-05-02', description: 'Dernier jour des vacances de printemps' })
  @IsCalendarDate()
  @IsOnOrAfter('springHolidaysStart')
  springHolidaysEnd!: string;
}

export class PatchCampaignDto {
  @ApiProperty({ description: 'La version lue ; une version périmée répond 409' })
  @IsInt()
  version!: number;

  @ApiProperty({ required: false })
  @PatchText(200, { min: 1 })
  label?: string;

  @ApiProperty({ required: false, example: '2027-04-17' })
  @NotNull()
  @IsCalendarDate()
  springHolidaysStart?: string;

  @ApiProperty({ required: false, example: '2027-05-02' })
  @NotNull()
  @IsCalendarDate()
  springHolidaysEnd?: string;
}

export class CreateSchoolDto {
  @ApiProperty({ example: 'Lycée professionnel Jean Moulin' })
  @Text(200)
  name!: string;

  @ApiProperty({ required: false, nullable: true, example: 'Béziers' })
  @Text(100, { optional: true })
  city?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'Mme Martine Roux' })
  @Text(200, { optional: true })
  contactName?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'Chef des travaux',
    description: 'Fonction du contact : chef des travaux, proviseur…',
  })
  @Text(100, { optional: true })
  contactRole?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'ddfpt@lycee.example.fr' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true, example: '04 67 00 00 00' })
  @Text(30, { optional: true })
  phone?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'CONV-2026-12' })
  @Text(100, { optional: true })
  conventionReference?: string | null;

  @OptionalDate('Date de la convention')
  conventionDate?: string | null;
}

export class PatchSchoolDto {
  @ApiProperty({ required: false })
  @PatchText(200, { min: 1 })
  name?: string;

  @ApiProperty({ required: false, nullable: true })
  @Text(100, { optional: true })
  city?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(200, { optional: true })
  contactName?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(100, { optional: true })
  contactRole?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(30, { optional: true })
  phone?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(100, { optional: true })
  conventionReference?: string | null;

  @OptionalDate('Date de la convention')
  conventionDate?: string | null;
}

export class CreateClassDto {
  @ApiProperty({ description: 'Établissement de la classe' })
  @Uuid()
  schoolId!: string;

  @ApiProperty({ example: 'Terminale Bac Pro CTRM' })
  @Text(100)
  name!: string;

  @ApiProperty({ enum: CAMPAIGN_DIPLOMAS, description: 'CAP CLM ou Bac Pro CTRM' })
  @IsIn(CAMPAIGN_DIPLOMAS)
  diploma!: CampaignDiploma;
}

export class PatchClassDto {
  @ApiProperty({ required: false })
  @PatchText(100, { min: 1 })
  name?: string;

  @ApiProperty({ required: false, enum: CAMPAIGN_DIPLOMAS })
  @NotNull()
  @IsIn(CAMPAIGN_DIPLOMAS)
  diploma?: CampaignDiploma;
}

export class PupilRowDto {
  @ApiProperty({ example: 'MARTIN' })
  @Text(100)
  lastName!: string;

  @ApiProperty({ example: 'Léa' })
  @Text(100)
  firstName!: string;

  @ApiProperty({ example: '2009-03-14' })
  @IsCalendarDate()
  birthDate!: string;

  @OptionalBoolean('Titulaire du permis de conduire ; null : pas encore connu')
  licenceHeld?: boolean | null;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Numéro de permis (NEPH à 12 chiffres ou ancien numéro)',
  })
  @Text(40, { optional: true })
  licenceNumber?: string | null;

  @OptionalDate('Date de délivrance du permis')
  licenceDate?: string | null;

  @OptionalBoolean('A obtenu le CAP CLM ; null : pas encore connu')
  capClmObtained?: boolean | null;
}

export class CreatePupilsDto {
  @ApiProperty({ description: 'Classe des élèves' })
  @Uuid()
  classId!: string;

  @ApiProperty({ type: [PupilRowDto], description: 'Élèves envoyés par l’établissement' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PUPILS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PupilRowDto)
  pupils!: PupilRowDto[];
}

export class PatchPupilDto {
  @ApiProperty({ required: false })
  @PatchText(100, { min: 1 })
  lastName?: string;

  @ApiProperty({ required: false })
  @PatchText(100, { min: 1 })
  firstName?: string;

  @ApiProperty({ required: false })
  @NotNull()
  @IsCalendarDate()
  birthDate?: string;

  @OptionalBoolean('Titulaire du permis de conduire ; null : pas encore connu')
  licenceHeld?: boolean | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(40, { optional: true })
  licenceNumber?: string | null;

  @OptionalDate('Date de délivrance du permis')
  licenceDate?: string | null;

  @OptionalBoolean('A obtenu le CAP CLM ; null : pas encore connu')
  capClmObtained?: boolean | null;
}

export class PupilsQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Uuid()
  classId?: string;
}

export class PupilMoveDto {
  @ApiProperty()
  @Uuid()
  pupilId!: string;

  @ApiProperty({ enum: FICHE_SESSION_KINDS })
  @IsIn(FICHE_SESSION_KINDS)
  to!: FicheSessionKind;

  @ApiProperty({
    required: false,
    nullable: true,
    enum: ['BAC_PRO_FAILURE', 'CAP_CLM_NOT_OBTAINED'],
    description:
      'Motif, quand l’âge ou le permis ne justifient pas la session : N’obtiendra pas le Bac Pro, CAP CLM non obtenu',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(['BAC_PRO_FAILURE', 'CAP_CLM_NOT_OBTAINED'])
  reason?: MoveReason | null;
}

export class CreateFicheSessionsDto {
  @ApiProperty({ description: 'Classe dont les sessions sont créées' })
  @Uuid()
  classId!: string;

  @ApiProperty({
    required: false,
    type: [PupilMoveDto],
    description: 'Ajustements de la proposition : élève → session',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PUPILS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => PupilMoveDto)
  moves?: PupilMoveDto[];
}

export class PlacePupilDto {
  @ApiProperty({ description: 'Session de fiches de la classe de l’élève où le placer' })
  @Uuid()
  ficheSessionId!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    enum: ['BAC_PRO_FAILURE', 'CAP_CLM_NOT_OBTAINED'],
    description:
      'Motif, quand l’âge ou le permis ne justifient pas la session : N’obtiendra pas le Bac Pro, CAP CLM non obtenu',
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsIn(['BAC_PRO_FAILURE', 'CAP_CLM_NOT_OBTAINED'])
  reason?: MoveReason | null;
}

export class SplitQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Uuid()
  classId?: string;
}

export class IssueFichesDto {
  @ApiProperty({
    required: false,
    description:
      'Élèves de la session à qui éditer une fiche, dans l’ordre des numéros ; absent : chaque élève de la session sans fiche, par ordre alphabétique',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  @Uuid({ each: true })
  pupilIds?: string[];

  @ApiProperty({
    required: false,
    example: '2027-05-03',
    description: 'Date d’édition ; par défaut aujourd’hui',
  })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class VoidFicheDto {
  @ApiProperty({ example: 'Date de naissance erronée' })
  @Text(MAX_VOID_REASON_LENGTH)
  reason!: string;

  @ApiProperty({ required: false, example: '2027-05-06', description: 'Par défaut aujourd’hui' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;

  @ApiProperty({
    enum: ['REPLACE', 'RE_EDIT'],
    description:
      'REPLACE : nouvelle fiche sous un nouveau numéro ; RE_EDIT : même fiche rééditée depuis son PDF',
  })
  @IsIn(['REPLACE', 'RE_EDIT'])
  followUp!: 'REPLACE' | 'RE_EDIT';
}

export class MajorityQuery {
  @ApiProperty({ required: false, description: 'Par défaut le lendemain de la mi-mai' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('from')
  to?: string;
}

class HandoverFields {
  @OptionalDate('Remise à l’élève, contre signature')
  handedOverOn?: string | null;

  @ApiProperty({ required: false, nullable: true, example: 'Léa MARTIN' })
  @Text(200, { optional: true })
  signedBy?: string | null;

  @OptionalDate('Erreur sur la carte constatée le')
  errorReportedOn?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(500, { optional: true })
  errorDescription?: string | null;

  @OptionalDate('Cachet de la poste du retour de la carte erronée (formulaire défaut qualité)')
  errorReturnPostmarkedOn?: string | null;
}

export class CreateHandoverDto extends HandoverFields {
  @ApiProperty()
  @Uuid()
  pupilId!: string;

  @ApiProperty({ example: '2027-07-02', description: 'Réception de la CQC' })
  @IsCalendarDate()
  cardReceivedOn!: string;
}

export class PatchHandoverDto extends HandoverFields {
  @ApiProperty({ required: false })
  @NotNull()
  @IsCalendarDate()
  cardReceivedOn?: string;
}

export class DocumentQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Uuid()
  schoolId?: string;
}

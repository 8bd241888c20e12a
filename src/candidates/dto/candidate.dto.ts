import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EmailAddress,
  IsCalendarDate,
  NotNull,
  PatchText,
  Text,
  Uuid,
} from '../../common/validation/decorators.js';
import {
  ATTENDANCES,
  CCP_OUTCOMES,
  CONVOCATION_MODES,
  CONVOCATION_PROOF_KINDS,
  type ConvocationProofKind,
  PATHWAYS,
  type Attendance,
  type CcpOutcome,
  type ConvocationMode,
  type Pathway,
} from '../candidate.entity.js';
import { SESSION_NATURES, type SessionNature } from '../../sessions/exam-session.entity.js';

/*
 * The convocation and its proof, declared once for the new and the edited candidate (each may be
 * null: not sent yet, or cleared); the rules tying them together are in convocation-proof-rules.
 */

function ConvocationDateField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, nullable: true, description }),
    IsOptional(),
    IsCalendarDate(),
  );
}

function ConvocationModeField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: CONVOCATION_MODES, required: false, nullable: true }),
    IsOptional(),
    IsIn(CONVOCATION_MODES),
  );
}

const PROOF_KIND =
  'Preuve de la convocation : décharge signée (remise en main propre) ou accusé de réception (LRAR)';

function ConvocationProofKindField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: CONVOCATION_PROOF_KINDS, required: false, nullable: true, description }),
    IsOptional(),
    IsIn(CONVOCATION_PROOF_KINDS),
  );
}

function ConvocationProofOnField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      description: 'Date de la décharge ou de l’accusé de réception',
    }),
    IsOptional(),
    IsCalendarDate(),
  );
}

/** Identity fields are required unless the candidate enrols an existing person (`personId`). */
const unlessPersonId = ValidateIf(
  (dto: CreateCandidateDto, value: unknown) => dto.personId === undefined || value !== undefined,
);

export class CreateCandidateDto {
  @ApiProperty({
    required: false,
    description:
      'Inscrit une personne déjà connue du centre : son identité est reprise de sa fiche (ne pas envoyer alors les champs d’identité)',
  })
  @NotNull()
  @Uuid()
  personId?: string;

  @ApiProperty({ required: false, example: 'Dupont', description: 'Obligatoire sans « personId »' })
  @unlessPersonId
  @Text(100)
  lastName!: string;

  @ApiProperty({
    required: false,
    example: 'Camille',
    description: 'Obligatoire sans « personId »',
  })
  @unlessPersonId
  @Text(100)
  firstName!: string;

  @ApiProperty({ required: false, example: '1990-05-12' })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string | null;

  @ApiProperty({ required: false })
  @IsOptional()
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false }) @Text(30, { optional: true }) phone?: string | null;

  @ApiProperty({ required: false })
  @Text(500, { optional: true, multiline: true })
  address?: string | null;

  @ApiProperty({ enum: PATHWAYS, required: false, default: 'FORMATION' })
  @IsOptional()
  @IsIn(PATHWAYS)
  pathway?: Pathway;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Organisme de formation qui a formé le candidat ; null : le centre lui-même',
  })
  @IsOptional()
  @Uuid()
  trainingProviderId?: string | null;

  @ApiProperty({
    required: false,
    description: 'Premier jour de la formation (année de prolongation du titre)',
  })
  @IsOptional()
  @IsCalendarDate()
  trainingStartDate?: string | null;

  @ApiProperty({ required: false, description: 'Date de notification de la recevabilité (VAE)' })
  @IsOptional()
  @IsCalendarDate()
  vaeNotifiedOn?: string | null;

  @ApiProperty({
    required: false,
    enum: SESSION_NATURES,
    isArray: true,
    description: 'Types de session que la recevabilité autorise (VAE)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(SESSION_NATURES, { each: true })
  @ArrayUnique()
  vaeAllowedNatures?: SessionNature[];

  @ApiProperty({
    required: false,
    description:
      'Fin de validité de la recevabilité (VAE) : calculée à un an de la notification ; une autre date demande « vaeOverrideReason ». Sans date de notification, obligatoire.',
  })
  @IsOptional()
  @IsCalendarDate()
  vaeValidUntil?: string | null;

  @ApiProperty({
    required: false,
    description: 'Motif d’une fin de validité fixée à la main (VAE)',
  })
  @Text(500, { optional: true })
  vaeOverrideReason?: string | null;

  @ApiProperty({
    required: false,
    type: [String],
    description:
      'Formateurs du candidat : membres du jury du centre, exclus de son évaluation (lien pédagogique)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Uuid({ each: true })
  @ArrayUnique()
  trainerIds?: string[];

  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() accommodationRequested?: boolean;

  @ApiProperty({ required: false, description: 'Aménagement d’épreuves demandé' })
  @Text(2000, { optional: true, multiline: true })
  accommodationDetails?: string | null;

  @ConvocationDateField(
    'Date d’envoi ou de remise de la convocation (déjà faite, par exemple importée)',
  )
  convocationDate?: string | null;

  @ConvocationModeField() convocationMode?: ConvocationMode | null;

  @ConvocationProofKindField(`${PROOF_KIND} ; suppose la date et le mode de la convocation`)
  convocationProofKind?: ConvocationProofKind | null;

  @ConvocationProofOnField() convocationProofOn?: string | null;
}

export class CcpResultDto {
  @ApiProperty({ example: 'CCP1' }) @Text(30) ccpCode!: string;

  @ApiProperty({ enum: CCP_OUTCOMES }) @IsIn(CCP_OUTCOMES) outcome!: CcpOutcome;
}

export class UpdateCandidateDto {
  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) lastName?: string;

  @ApiProperty({ required: false }) @PatchText(100, { min: 1 }) firstName?: string;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  birthDate?: string | null;

  @ApiProperty({ required: false, nullable: true, description: 'null : efface l’adresse' })
  @IsOptional()
  @EmailAddress()
  email?: string | null;

  @ApiProperty({ required: false, nullable: true }) @Text(30, { optional: true }) phone?:
    string | null;

  @ApiProperty({ required: false })
  @PatchText(500, { multiline: true })
  address?: string;

  @ApiProperty({ enum: PATHWAYS, required: false }) @NotNull() @IsIn(PATHWAYS) pathway?: Pathway;

  @ApiProperty({
    required: false,
    nullable: true,
    description: 'Organisme de formation qui a formé le candidat ; null : le centre lui-même',
  })
  @IsOptional()
  @Uuid()
  trainingProviderId?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  trainingStartDate?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  vaeNotifiedOn?: string | null;

  @ApiProperty({ required: false, enum: SESSION_NATURES, isArray: true })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(SESSION_NATURES, { each: true })
  @ArrayUnique()
  vaeAllowedNatures?: SessionNature[];

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsCalendarDate()
  vaeValidUntil?: string | null;

  @ApiProperty({ required: false, nullable: true })
  @Text(500, { optional: true })
  vaeOverrideReason?: string | null;

  @ApiProperty({
    required: false,
    type: [String],
    description:
      'Formateurs du candidat : membres du jury du centre, exclus de son évaluation (lien pédagogique)',
  })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @Uuid({ each: true })
  @ArrayUnique()
  trainerIds?: string[];

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() accommodationRequested?: boolean;

  @ApiProperty({ required: false })
  @PatchText(2000, { multiline: true })
  accommodationDetails?: string;

  @ConvocationDateField('Date d’envoi ou de remise') convocationDate?: string | null;

  @ConvocationModeField() convocationMode?: ConvocationMode | null;

  @ConvocationProofKindField(PROOF_KIND) convocationProofKind?: ConvocationProofKind | null;

  @ConvocationProofOnField() convocationProofOn?: string | null;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() ecfSignedByTrainingManager?: boolean;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() ecfSignedByTrainer?: boolean;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() ecfSignedByCandidate?: boolean;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() dpSigned?: boolean;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() certificationBooklet?: boolean;

  @ApiProperty({ required: false }) @NotNull() @IsBoolean() recevabiliteCollected?: boolean;

  @ApiProperty({ required: false })
  @PatchText(2000, { multiline: true })
  otherDocuments?: string;

  @ApiProperty({ enum: ATTENDANCES, required: false, nullable: true })
  @IsOptional()
  @IsIn(ATTENDANCES)
  attendance?: Attendance | null;

  @ApiProperty({ type: [CcpResultDto], required: false })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CcpResultDto)
  results?: CcpResultDto[];

  @ApiProperty({ description: 'La version lue ; une version périmée répond 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

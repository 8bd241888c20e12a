import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCleanText,
  NotNull,
  Text,
  Trim,
} from '../../common/validation/decorators.js';
import { EXAM_TESTS, type ExamTest } from '../../documents/convocation-rules.js';
import { CCP_KINDS, type CcpKind } from '../ccp.entity.js';
import { LICENCE_CATEGORIES, type LicenceCategory } from '../../jury/jury-requirements.js';
import {
  CQC_QUALIFICATIONS,
  CQC_TRAINING_TYPES,
  type CqcQualification,
  type CqcTrainingType,
} from '../../cqc/cqc-training.js';

/** What the titre asks of its jurors beyond the habilitation, with its source. */
export class JuryRequirementsDto {
  @ApiProperty({
    enum: LICENCE_CATEGORIES,
    isArray: true,
    example: ['C', 'D'],
    description: 'Le juré détient au moins une de ces catégories de permis (vide : aucune)',
  })
  @IsArray()
  @ArrayMaxSize(LICENCE_CATEGORIES.length)
  @IsIn(LICENCE_CATEGORIES, { each: true })
  @ArrayUnique()
  licenceCategories!: LicenceCategory[];

  @ApiProperty({ description: 'Le juré détient une CQC valable jusqu’à la fin de la session' })
  @IsBoolean()
  cqc!: boolean;

  @ApiProperty({
    example: 'Référentiel de certification du titre, exigences relatives au jury',
    description: 'Source de l’exigence (texte, article) ou ce qui n’a pas pu être confirmé',
  })
  @Text(500, { multiline: true })
  source!: string;
}

/** The titre's jury requirements: null for none. */
function JuryRequirementsField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type: JuryRequirementsDto,
      description:
        'Exigences faites aux membres du jury (permis, CQC), avec leur source ; null : aucune',
    }),
    ValidateIf((_o, v) => v !== null),
    IsOptional(),
    ValidateNested(),
    Type(() => JuryRequirementsDto),
  );
}

/** The titre gives the CQC (carte de qualification de conducteur). */
export class TitreCqcDto {
  @ApiProperty({
    enum: CQC_QUALIFICATIONS,
    description: 'Qualification donnée : marchandises ou voyageurs',
  })
  @IsIn(CQC_QUALIFICATIONS)
  qualification!: CqcQualification;

  @ApiProperty({
    enum: CQC_TRAINING_TYPES,
    description:
      'Type de formation (Hub Pro Transport) : formation longue, FCO complète, module de FCO',
  })
  @IsIn(CQC_TRAINING_TYPES)
  trainingType!: CqcTrainingType;

  @ApiProperty({
    description:
      'Formation de l’Éducation nationale (CAP, Bac Pro) : un conducteur mineur est admis',
  })
  @IsBoolean()
  educationNationale!: boolean;
}

/** The titre gives the CQC: null for not. */
function CqcField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      nullable: true,
      type: TitreCqcDto,
      description:
        'Le titre donne la carte de qualification de conducteur (CQC) : qualification, type de formation, Éducation nationale ; null : non',
    }),
    ValidateIf((_o, v) => v !== null),
    IsOptional(),
    ValidateNested(),
    Type(() => TitreCqcDto),
  );
}

/** The titre's tests, as the convocation cites them (create and update alike). */
function ExamTestsField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      enum: EXAM_TESTS,
      isArray: true,
      description:
        'Épreuves du référentiel d’évaluation, citées dans la convocation (l’entretien final s’ajoute en session titre) ; vide : liste usuelle',
    }),
    NotNull(),
    IsArray(),
    ArrayMaxSize(EXAM_TESTS.length),
    IsIn(EXAM_TESTS, { each: true }),
    ArrayUnique(),
  );
}

/** The documents to bring besides the identity document and the convocation. */
function ConvocationDocumentsField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: false,
      type: [String],
      example: ['le permis de conduire de catégorie C en cours de validité'],
      description:
        'Documents à apporter en plus de la pièce d’identité et de la convocation (un par élément)',
    }),
    NotNull(),
    IsArray(),
    ArrayMaxSize(10),
    Trim(),
    IsString({ each: true }),
    IsCleanText({}, { each: true }),
    MinLength(1, { each: true }),
    MaxLength(300, { each: true }),
  );
}

export class CcpDto {
  @ApiProperty({ example: 'CCP1' })
  @Text(30)
  @Matches(/^[A-Za-z0-9_.-]+$/)
  code!: string;

  @ApiProperty({ example: 'Développer une application sécurisée' })
  @Text(300)
  label!: string;

  @ApiProperty({ enum: CCP_KINDS, required: false })
  @IsOptional()
  @IsIn(CCP_KINDS)
  kind?: CcpKind;

  @CqcField() cqc?: TitreCqcDto | null;
}

/** Whether one CCP of the titre gives the CQC (FIMO-type training), changed after creation. */
export class CcpCqcDto {
  @ApiProperty({ example: 'CCP1', description: 'Code du CCP (ou CCS) du titre' })
  @Text(30)
  code!: string;

  @CqcField() cqc?: TitreCqcDto | null;
}

export class CreateTitreDto {
  @ApiProperty({ example: 'CDA', description: 'Sigle du titre' })
  @Text(30)
  code!: string;

  @ApiProperty({ example: 'Concepteur développeur d’applications' })
  @Text(300)
  label!: string;

  @ApiProperty({ example: '2023', description: 'Millésime' })
  @Text(30)
  version!: string;

  @ApiProperty({ example: '2028-12-31', description: 'Fin de validité (AAAA-MM-JJ)' })
  @IsCalendarDate()
  validUntil!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '2029-12-31',
    description:
      'Fin du délai de prolongation (AAAA-MM-JJ), postérieure à la fin de validité ; absente ou null : fin de validité + 1 an',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  prolongationUntil?: string | null;

  @ExamTestsField() examTests?: ExamTest[];

  @ConvocationDocumentsField() convocationDocuments?: string[];

  @JuryRequirementsField() juryRequirements?: JuryRequirementsDto | null;

  @CqcField() cqc?: TitreCqcDto | null;

  @ApiProperty({ type: [CcpDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CcpDto)
  ccps!: CcpDto[];
}

/**
 * The lifecycle dates, tests and documents to bring of a titre version: a field left out keeps its value; `prolongationUntil`
 * null goes back to the default (end of validity + 1 year).
 */
export class UpdateTitreDto {
  @ApiProperty({
    required: false,
    example: '2028-12-31',
    description: 'Fin de validité (AAAA-MM-JJ)',
  })
  @NotNull()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({
    required: false,
    nullable: true,
    example: '2029-12-31',
    description: 'Fin du délai de prolongation ; null : fin de validité + 1 an',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsOptional()
  @IsCalendarDate()
  prolongationUntil?: string | null;

  @ExamTestsField() examTests?: ExamTest[];

  @ConvocationDocumentsField() convocationDocuments?: string[];

  @JuryRequirementsField() juryRequirements?: JuryRequirementsDto | null;

  @CqcField() cqc?: TitreCqcDto | null;

  @ApiProperty({
    required: false,
    type: [CcpCqcDto],
    description:
      'Les CCP dont le champ « cqc » change (donne la CQC, comme une FIMO) ; un CCP absent garde le sien',
  })
  @NotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CcpCqcDto)
  ccps?: CcpCqcDto[];
}

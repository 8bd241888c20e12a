import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, ValidateIf } from 'class-validator';
import { IsCalendarDate, Text } from '../../common/validation/decorators.js';
import { CQC_ORDER_NUMBER_MAX_LENGTH } from '../registration-rules.js';

/** What Hub Pro Transport asks of a driver besides their identity (seed 002, Étape 2). */
export class PutCqcDriverDto {
  @ApiProperty({
    example: '210692106990',
    description:
      'Numéro de permis de conduire : NEPH à 12 chiffres (« 2A » ou « 2B » en 5e et 6e positions pour la Corse) ou numéro d’un ancien permis papier (1 à 15 lettres majuscules ou chiffres) ; les espaces sont retirées',
  })
  @Text(40)
  licenceNumber!: string;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'FAC-2027-0142',
    description:
      'Numéro de commande (index de la facture du centre ; pour un organisme public, numéro CHORUS) ; obligatoire pour exporter l’enregistrement',
  })
  @Text(CQC_ORDER_NUMBER_MAX_LENGTH, { optional: true })
  orderNumber?: string | null;

  @ApiProperty({
    required: false,
    nullable: true,
    example: 'CTRMP-06-2027',
    description: 'Référence (facultative, pour un numéro de commande annuel)',
  })
  @Text(CQC_ORDER_NUMBER_MAX_LENGTH, { optional: true })
  reference?: string | null;
}

/** The day the batch was registered on Hub Pro Transport. */
export class RecordCqcRegistrationDto {
  @ApiProperty({
    example: '2027-06-21',
    description:
      'Date de l’enregistrement sur Hub Pro Transport (AAAA-MM-JJ), au plus tôt la fin de la session, au plus tard aujourd’hui',
  })
  @IsCalendarDate()
  registeredOn!: string;
}

/** Which training's file, when the session registers drivers for several. */
export class CqcRegistrationCsvQuery {
  @ApiProperty({
    required: false,
    example: 'TITRE',
    description:
      'La formation exportée : « TITRE » ou le code du CCP donnant la CQC (type FIMO) ; facultatif quand la session n’en a qu’une',
  })
  @Text(30, { optional: true })
  training?: string;
}

export class CqcCertificatesQuery {
  @ApiProperty({
    required: false,
    example: '2027-11-01',
    description: 'Seulement les certificats dont la fin de validité est antérieure à cette date',
  })
  @IsOptional()
  @IsCalendarDate()
  expiringBefore?: string;
}

/** The day the card (CQC) was ordered on the Hub. */
export class PatchCqcCertificateDto {
  @ApiProperty({
    nullable: true,
    example: '2027-07-02',
    description:
      'Date de la commande de la carte (CQC) sur Hub Pro Transport (AAAA-MM-JJ) ; null : pas encore commandée',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsCalendarDate()
  cardOrderedOn!: string | null;
}

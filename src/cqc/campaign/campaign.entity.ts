import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../../database/columns.js';
import { UniqueKeyMessage } from '../../database/unique-key-message.js';

/**
 * A CQC-by-equivalence campaign of a centre (the delegation of a training organisation) for one
 * school year (seed 000), with the spring holidays of the schools' zone the user enters.
 */
@Entity('cqc_campaign')
@Index(['centreId', 'schoolYear'], { unique: true })
@UniqueKeyMessage({
  columns: ['centreId', 'schoolYear'],
  fields: ['schoolYear'],
  message:
    'Ce centre a déjà une campagne CQC par équivalence pour cette année scolaire (champ « schoolYear »).',
})
export class CqcCampaign {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  /** Calendar year the school year starts in (2026 for 2026-2027). */
  @Column({ type: 'integer' }) schoolYear!: number;

  @Column({ type: 'varchar', length: 200 }) label!: string;

  @DateColumn() springHolidaysStart!: string;

  @DateColumn() springHolidaysEnd!: string;

  @VersionColumn() version!: number;

  @Column('uuid') createdById!: string;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;
}

/** A school under convention taking part in a campaign, with its contact. */
@Entity('cqc_campaign_school')
export class CqcCampaignSchool {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Column({ type: 'varchar', length: 200 }) name!: string;

  @Column({ type: 'varchar', length: 100, nullable: true }) city!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true }) contactName!: string | null;

  /** « Chef des travaux », « Proviseur »… */
  @Column({ type: 'varchar', length: 100, nullable: true }) contactRole!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true }) phone!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true }) conventionReference!: string | null;

  @DateColumn({ nullable: true }) conventionDate!: string | null;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;
}

export type CampaignDiploma = 'CAP_CLM' | 'BAC_PRO';

export const CAMPAIGN_DIPLOMAS: readonly CampaignDiploma[] = ['CAP_CLM', 'BAC_PRO'];

/** A class of a school: its pupils sit the CAP CLM or the Bac Pro CTRM. */
@Entity('cqc_campaign_class')
export class CqcCampaignClass {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Index()
  @Column('uuid')
  schoolId!: string;

  @Column({ type: 'varchar', length: 100 }) name!: string;

  @Column({ type: 'varchar', length: 8 }) diploma!: CampaignDiploma;

  @InstantColumn() createdAt!: string;
}

/** A pupil of a class, as the school sends them, and their placement in a fiche session. */
@Entity('cqc_campaign_pupil')
export class CqcCampaignPupil {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Index()
  @Column('uuid')
  classId!: string;

  @Column({ type: 'varchar', length: 100 }) lastName!: string;

  @Column({ type: 'varchar', length: 100 }) firstName!: string;

  @DateColumn() birthDate!: string;

  /** Holds the driving licence; null: not known yet. */
  @Column({ type: 'boolean', nullable: true }) licenceHeld!: boolean | null;

  @Column({ type: 'varchar', length: 15, nullable: true }) licenceNumber!: string | null;

  @DateColumn({ nullable: true }) licenceDate!: string | null;

  /** Obtained the CAP CLM (listed on the attestation of success); null: not known yet. */
  @Column({ type: 'boolean', nullable: true }) capClmObtained!: boolean | null;

  /** The fiche session the pupil is placed in, once the sessions are created. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ficheSessionId!: string | null;

  /** Why (campaign-split.ts PlacementBasis). */
  @Column({ type: 'varchar', length: 30, nullable: true }) placementBasis!: string | null;

  /** The user's move reason, when the user moved the pupil. */
  @Column({ type: 'varchar', length: 30, nullable: true }) moveReason!: string | null;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;
}

/** A fiche-navette session of a class: CAP CLM or Bac Pro, at most 32 fiches. */
@Entity('cqc_fiche_session')
export class CqcFicheSession {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Index()
  @Column('uuid')
  classId!: string;

  @Column({ type: 'varchar', length: 8 }) kind!: CampaignDiploma;

  @Column({ type: 'varchar', length: 200 }) label!: string;

  @Column({ type: 'integer' }) capacity!: number;

  @InstantColumn() createdAt!: string;
}

/** A numbered fiche navette (campaign-fiches.ts Fiche); a number serves once per session. */
@Entity('cqc_fiche')
@Index(['ficheSessionId', 'number'], { unique: true })
@UniqueKeyMessage({
  columns: ['ficheSessionId', 'number'],
  fields: ['number'],
  message:
    'Ce numéro de fiche vient d’être attribué par une autre demande (champ « number ») : rechargez la page et recommencez.',
})
export class CqcFiche {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') ficheSessionId!: string;

  @Column({ type: 'integer' }) number!: number;

  @Column({ type: 'uuid', nullable: true }) pupilId!: string | null;

  @Column({ type: 'varchar', length: 8 }) status!: 'ISSUED' | 'VOIDED';

  @Column({ type: 'integer' }) edition!: number;

  @DateColumn() editedOn!: string;

  @DateColumn({ nullable: true }) voidedOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true }) voidReason!: string | null;

  @Column({ type: 'integer', nullable: true }) replacedBy!: number | null;

  @Column({ type: 'integer', nullable: true }) replaces!: number | null;
}

/** One step of a fiche session's history (campaign-fiches.ts FicheEvent), in order. */
@Entity('cqc_fiche_event')
@Index(['ficheSessionId', 'sequence'], { unique: true })
@UniqueKeyMessage({
  columns: ['ficheSessionId', 'sequence'],
  fields: ['sequence'],
  message:
    'Les fiches de cette session viennent d’être modifiées par une autre demande (champ « sequence ») : rechargez la page et recommencez.',
})
export class CqcFicheEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') ficheSessionId!: string;

  @Column({ type: 'integer' }) sequence!: number;

  @Column({ type: 'varchar', length: 20 }) type!:
    'ISSUED' | 'VOIDED' | 'REPLACEMENT_ISSUED' | 'RE_EDITED';

  @Column({ type: 'integer' }) number!: number;

  @Column({ type: 'uuid', nullable: true }) pupilId!: string | null;

  @DateColumn() on!: string;

  @Column({ type: 'integer' }) edition!: number;

  @Column({ type: 'varchar', length: 500, nullable: true }) reason!: string | null;

  @Column({ type: 'integer', nullable: true }) relatedNumber!: number | null;

  @Column({ type: 'varchar', length: 800 }) label!: string;

  @Column('uuid') createdById!: string;

  @InstantColumn() createdAt!: string;
}

/** A pupil's CQC: received, handed over against signature, an error returned in time or not. */
@Entity('cqc_handover')
@Index(['pupilId'], { unique: true })
@UniqueKeyMessage({
  columns: ['pupilId'],
  fields: ['pupilId'],
  message:
    'La remise de la CQC de cet élève est déjà enregistrée (champ « pupilId ») : modifiez-la plutôt.',
})
export class CqcHandover {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Column('uuid') pupilId!: string;

  @DateColumn() cardReceivedOn!: string;

  @DateColumn({ nullable: true }) handedOverOn!: string | null;

  /** Who signed for the card (the pupil, or their representative). */
  @Column({ type: 'varchar', length: 200, nullable: true }) signedBy!: string | null;

  @DateColumn({ nullable: true }) errorReportedOn!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true }) errorDescription!: string | null;

  /** Postmark of the card sent back with the défaut-qualité form. */
  @DateColumn({ nullable: true }) errorReturnPostmarkedOn!: string | null;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;
}

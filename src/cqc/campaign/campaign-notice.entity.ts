import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../../database/columns.js';
import { UniqueKeyMessage } from '../../database/unique-key-message.js';

/**
 * Records that a reminder of a CQC-by-equivalence campaign (a step of campaign-timeline.ts on
 * its date) was put in a manager's daily digest: never sent twice.
 */
@Entity('cqc_campaign_notice')
@Index(['recipientId', 'campaignId', 'stepCode', 'on'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientId', 'campaignId', 'stepCode', 'on'],
  fields: ['recipientId', 'campaignId', 'stepCode', 'on'],
  message:
    'Ce rappel de campagne CQC est déjà enregistré (champs « recipientId », « campaignId », « stepCode » et « on »).',
})
export class CqcCampaignNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  @Index()
  @Column('uuid')
  campaignId!: string;

  @Column({ type: 'varchar', length: 30 }) stepCode!: string;

  @DateColumn() on!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns.js';
import { UniqueKeyMessage } from '../../database/unique-key-message.js';

/**
 * Records that a candidate was e-mailed « Créez votre compte Hub Pro Transport » (by the daily
 * run or by the centre), with the outbox message: never sent twice to the same enrolment.
 */
@Entity('cqc_hub_account_notice')
@UniqueKeyMessage({
  columns: ['candidateId'],
  fields: ['candidateId'],
  message:
    'Ce candidat (« candidateId ») a déjà reçu le message « Créez votre compte Hub Pro Transport ».',
})
export class CqcHubAccountNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column('uuid')
  candidateId!: string;

  @Index()
  @Column('uuid')
  sessionId!: string;

  /** `daily`: the reminders run; `manual`: the centre's request (its user in `createdById`). */
  @Column({ type: 'varchar', length: 8 }) trigger!: 'daily' | 'manual';

  @Column({ type: 'uuid', nullable: true }) createdById!: string | null;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

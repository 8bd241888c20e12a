import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * Records that a reminder step (30 days, 7 days before the end, expired) of a driver's
 * probationary certificate of qualification was put in a message to one of the centre's managers
 * (`recipientKind` « manager », `recipientId` a user) or to the driver (« driver », the
 * enrolment): never sent twice.
 */
@Entity('cqc_certificate_notice')
@Index(['recipientKind', 'recipientId', 'certificateId', 'step', 'validUntil'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientKind', 'recipientId', 'certificateId', 'step', 'validUntil'],
  fields: ['recipientKind', 'recipientId', 'certificateId', 'step', 'validUntil'],
  message:
    'Ce rappel de certificat de qualification est déjà enregistré (champs « recipientKind », « recipientId », « certificateId », « step » et « validUntil »).',
})
export class CqcCertificateNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'varchar', length: 8 }) recipientKind!: 'manager' | 'driver';

  @Column('uuid') recipientId!: string;

  @Index()
  @Column('uuid')
  certificateId!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() validUntil!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

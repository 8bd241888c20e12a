import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { CqcRegistration } from './cqc-registration.entity.js';

/**
 * A driver's probationary certificate of qualification, given by the registration on Hub Pro
 * Transport and valid 4 months (certificate-rules.ts), until the card is ordered.
 */
@Entity('cqc_certificate')
@UniqueKeyMessage({
  columns: ['candidateId'],
  fields: ['candidateId'],
  message:
    'Ce conducteur (« candidateId ») a déjà un certificat de qualification : rechargez la page et recommencez.',
})
export class CqcCertificate {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column('uuid')
  candidateId!: string;

  @OneToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate?: Relation<Candidate>;

  @Index()
  @Column('uuid')
  registrationId!: string;

  @ManyToOne(() => CqcRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'registrationId' })
  registration?: Relation<CqcRegistration>;

  /** Last day of validity (probationaryCertificateEndDate of the registration day). */
  @Index()
  @DateColumn()
  validUntil!: string;

  /** The day the card (CQC) was ordered on the Hub; null: not yet. */
  @DateColumn({ nullable: true }) cardOrderedOn!: string | null;

  @InstantColumn() createdAt!: string;
}

import {
  Column,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * What Hub Pro Transport asks of a driver besides their identity (seed 002, Étape 2), for one
 * enrolled candidate of a session whose titre gives the CQC. The birth date is the candidate's.
 */
@Entity('cqc_driver')
@UniqueKeyMessage({
  columns: ['candidateId'],
  fields: ['candidateId'],
  message:
    'Les données de ce conducteur (« candidateId ») viennent d’être enregistrées par une autre demande : rechargez la page et recommencez.',
})
export class CqcDriver {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column('uuid')
  candidateId!: string;

  @OneToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate?: Relation<Candidate>;

  /** Driving-licence number (NEPH or former number), spaces removed (licence-number.ts). */
  @Column({ type: 'varchar', length: 15 }) licenceNumber!: string;

  /** Order number (for a public body, its CHORUS number); null: not entered yet. */
  @Column({ type: 'varchar', length: 50, nullable: true }) orderNumber!: string | null;

  /** Optional reference (for centres whose order number is yearly). */
  @Column({ type: 'varchar', length: 50, nullable: true }) reference!: string | null;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;
}

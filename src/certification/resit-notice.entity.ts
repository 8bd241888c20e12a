import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * Records that a re-sit reminder step (3 months, 1 month, 1 week before the deadline) was put in
 * a message to a manager, for the enrolment that opened the re-sit: never sent twice.
 */
@Entity('resit_notice')
@Index(['recipientId', 'candidateId', 'step', 'deadline'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientId', 'candidateId', 'step', 'deadline'],
  fields: ['recipientId', 'candidateId', 'step', 'deadline'],
  message:
    'Ce rappel de rattrapage est déjà enregistré (champs « recipientId », « candidateId », « step » et « deadline »).',
})
export class ResitNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  /** The enrolment (session candidate) whose outcome opened the re-sit. */
  @Index()
  @Column('uuid')
  candidateId!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() deadline!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

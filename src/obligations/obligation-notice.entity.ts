import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * Records that a reminder step (30 days, 7 days before the due date, overdue) of a centre's
 * yearly obligation was put in a message to a manager: never sent twice.
 */
@Entity('obligation_notice')
@Index(['recipientId', 'centreId', 'obligationKey', 'step', 'dueDate'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientId', 'centreId', 'obligationKey', 'step', 'dueDate'],
  fields: ['recipientId', 'centreId', 'obligationKey', 'step', 'dueDate'],
  message:
    'Ce rappel d’obligation est déjà enregistré (champs « recipientId », « centreId », « obligationKey », « step » et « dueDate »).',
})
export class ObligationNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  @Index()
  @Column('uuid')
  centreId!: string;

  /** The obligation's key in the centre's list of the year (code and, for a convention, its id). */
  @Column({ type: 'varchar', length: 120 }) obligationKey!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() dueDate!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

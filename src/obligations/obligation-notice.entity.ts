import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * Records that a reminder step (30 days, 7 days before, overdue) of a centre obligation was put in
 * a message to a manager: never sent twice.
 */
@Entity('obligation_notice')
@Index(['recipientId', 'obligationKey', 'step', 'dueDate'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientId', 'obligationKey', 'step', 'dueDate'],
  fields: ['recipientId', 'obligationKey', 'step', 'dueDate'],
  message:
    'Ce rappel d’obligation est déjà enregistré (champs « recipientId », « obligationKey », « step » et « dueDate »).',
})
export class ObligationNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  @Index()
  @Column('uuid')
  centreId!: string;

  /** Stable key of the obligation (kind and subject), e.g. `PROGRAMME:2027`. */
  @Column({ type: 'varchar', length: 120 }) obligationKey!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() dueDate!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

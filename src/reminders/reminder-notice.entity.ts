import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/** Records that a reminder step of a task was put in a message to a recipient (never twice). */
@Entity('reminder_notice')
@Index(['recipientId', 'taskId', 'step', 'stepDate'], { unique: true })
@UniqueKeyMessage({
  columns: ['recipientId', 'taskId', 'step', 'stepDate'],
  fields: ['recipientId', 'taskId', 'step', 'stepDate'],
  message:
    'Ce rappel est déjà enregistré (champs « recipientId », « taskId », « step » et « stepDate »).',
})
export class ReminderNotice {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  @Index()
  @Column('uuid')
  taskId!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() stepDate!: string;

  @Column('uuid') outboxId!: string;

  @InstantColumn() createdAt!: string;
}

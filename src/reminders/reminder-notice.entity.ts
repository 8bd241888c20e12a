import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';

/** Records that a reminder step of a task was put in a message to a recipient (never twice). */
@Entity('reminder_notice')
@Index(['recipientId', 'taskId', 'step', 'stepDate'], { unique: true })
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

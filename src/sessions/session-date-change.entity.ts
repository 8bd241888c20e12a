import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { ExamSession } from './exam-session.entity.js';

/** The history of a session's dates: one row per postponement or date change. */
@Entity('session_date_change')
export class SessionDateChange {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  @DateColumn() previousStartDate!: string;

  @DateColumn() previousEndDate!: string;

  @DateColumn() newStartDate!: string;

  @DateColumn() newEndDate!: string;

  @Column({ type: 'text', default: '' }) reason!: string;

  @Column({ type: 'uuid', nullable: true }) changedBy!: string | null;

  @InstantColumn() changedAt!: string;
}

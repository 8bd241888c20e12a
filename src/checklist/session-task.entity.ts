import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import type { Applicability, PhaseCode } from './checklist-template.js';
import type { DueKind, DueRule } from './due-date.js';

export const TASK_STATUSES = ['todo', 'done', 'not_applicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * One task of a session's checklist: a snapshot of the template task taken when the session was
 * created (or explicitly moved to a newer template), with its due date and its tick.
 */
@Entity('session_task')
@Index(['sessionId', 'code'], { unique: true })
@Index(['status', 'dueDate'])
// Covering indexes of the dashboard's task counts: per session (home page), and the open tasks
// past their deadline across sessions (« en retard d'abord »).
@Index(['sessionId', 'status', 'applicability', 'regulatory', 'dueDate'])
@Index(['status', 'dueDate', 'applicability', 'sessionId'])
@UniqueKeyMessage({
  columns: ['sessionId', 'code'],
  fields: ['code'],
  message:
    'Cette session a déjà une tâche de ce code (champ « code ») : rechargez la page et recommencez.',
})
export class SessionTask {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  @Column({ type: 'integer' }) templateVersion!: number;

  @Column({ type: 'varchar', length: 60 }) code!: string;

  @Column({ type: 'varchar', length: 10 }) phase!: PhaseCode;

  @Column({ type: 'integer' }) position!: number;

  @Column({ type: 'varchar', length: 60, nullable: true }) parentCode!: string | null;

  @Column({ type: 'text' }) label!: string;

  @JsonColumn() items!: string[];

  @Column({ type: 'boolean' }) regulatory!: boolean;

  @Column({ type: 'boolean' }) advised!: boolean;

  /** Not flagged réglementaire by the guide but committed to by the agrément (see the template). */
  @Column({ type: 'boolean', default: false }) obligation!: boolean;

  @JsonColumn() dueRule!: DueRule;

  @Column({ type: 'varchar', length: 30 }) applicability!: Applicability;

  @Column({ type: 'text' }) sourceText!: string;

  @JsonColumn() references!: string[];

  @Column({ type: 'text', default: '' }) notes!: string;

  @DateColumn() dueDate!: string;

  @Column({ type: 'varchar', length: 12 }) dueKind!: DueKind;

  @DateColumn({ nullable: true }) workingDayFallback!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'todo' }) status!: TaskStatus;

  @DateColumn({ nullable: true }) doneAt!: string | null;

  @Column({ type: 'uuid', nullable: true }) doneBy!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true }) doneByEmail!: string | null;

  @Column({ type: 'text', default: '' }) observations!: string;

  /** Why the task is sans objet, or why it was ticked while a compliance check failed. */
  @Column({ type: 'text', default: '' }) reason!: string;

  @InstantColumn() updatedAt!: string;

  @VersionColumn() version!: number;
}

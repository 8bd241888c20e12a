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
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { JuryMember } from './jury-member.entity.js';

export const STAFF_ROLES = ['JURY', 'SURVEILLANT', 'COMEDIEN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Attendance on the day of the session: recorded once the session has started. */
export const ATTENDANCES = ['PRESENT', 'ABSENT'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** The assignment of a jury member to a session, with a role. */
@Entity('session_staff')
@Index(['sessionId', 'juryMemberId'], { unique: true })
@UniqueKeyMessage({
  columns: ['sessionId', 'juryMemberId'],
  fields: ['juryMemberId'],
  message: 'Ce membre du jury est déjà affecté à cette session (champ « juryMemberId »).',
})
export class SessionStaff {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  @Column('uuid') juryMemberId!: string;

  @ManyToOne(() => JuryMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'juryMemberId' })
  juryMember?: Relation<JuryMember>;

  @Column({ type: 'varchar', length: 12 }) role!: StaffRole;

  /** Day the member was sent (or handed) their convocation; null: not recorded. */
  @DateColumn({ nullable: true }) convocationDate!: string | null;

  /** Present or absent on the day; null: not recorded yet. */
  @Column({ type: 'varchar', length: 8, nullable: true }) attendance!: Attendance | null;

  /** Arrival time 'HH:MM' (Europe/Paris) of a member present; null when not recorded. */
  @Column({ type: 'varchar', length: 5, nullable: true }) arrivalTime!: string | null;

  @InstantColumn() createdAt!: string;
}

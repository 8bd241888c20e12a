import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { ExamSession } from '../sessions/exam-session.entity.js';

export const INCIDENT_KINDS = ['INCIDENT', 'FRAUD'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** An incident during a session, or a fraud (or attempted fraud) report, for the PV. */
@Entity('session_incident')
export class SessionIncident {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  @Column({ type: 'varchar', length: 10 }) kind!: IncidentKind;

  /** The candidate concerned, if any. */
  @Column({ type: 'uuid', nullable: true }) candidateId!: string | null;

  @ManyToOne(() => Candidate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'candidateId' })
  candidate?: Relation<Candidate> | null;

  @DateColumn() occurredOn!: string;

  @Column({ type: 'text' }) description!: string;

  @Column({ type: 'text', default: '' }) measures!: string;

  @InstantColumn() createdAt!: string;

  @Column({ type: 'uuid' }) createdBy!: string;

  @Column({ type: 'varchar', length: 254 }) createdByEmail!: string;
}

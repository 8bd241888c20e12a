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
import { Centre } from '../centres/centre.entity.js';
import { Site } from '../centres/site.entity.js';
import { DateColumn, InstantColumn, JsonColumn } from '../database/columns.js';
import { Titre } from '../titres/titre.entity.js';
import { User } from '../users/user.entity.js';

export const SESSION_NATURES = ['TITRE', 'CCP', 'CCS'] as const;
export type SessionNature = (typeof SESSION_NATURES)[number];

export const SESSION_STATUSES = ['PLANNED', 'POSTPONED', 'HELD', 'CLOSED', 'CANCELLED'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

@Entity('exam_session')
@Index(['centreId', 'startDate'])
// The home page's default order (by dates) across every centre.
@Index(['startDate', 'endDate'])
export class ExamSession {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column('uuid') siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'siteId' })
  site?: Relation<Site>;

  @Column('uuid') titreId!: string;

  @ManyToOne(() => Titre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'titreId' })
  titre?: Relation<Titre>;

  @Column({ type: 'varchar', length: 5 }) nature!: SessionNature;

  @JsonColumn() ccpCodes!: string[];

  @DateColumn() startDate!: string;

  @DateColumn() endDate!: string;

  /** Date the session was created in CERES (needed for a session in the prolongation year). */
  @DateColumn({ nullable: true }) ceresCreatedOn!: string | null;

  @Column({ type: 'varchar', length: 5, default: '09:00' }) startTime!: string;

  @Column({ type: 'varchar', length: 300, default: '' }) location!: string;

  @Column({ type: 'uuid', nullable: true }) managerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'managerId' })
  manager?: Relation<User> | null;

  @Column({ type: 'uuid', nullable: true }) deputyManagerId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'deputyManagerId' })
  deputyManager?: Relation<User> | null;

  @Column({ type: 'varchar', length: 10, default: 'PLANNED' }) status!: SessionStatus;

  @Column({ type: 'text', nullable: true }) cancelReason!: string | null;

  /** The checklist template version this session's tasks were taken from. */
  @Column({ type: 'integer', default: 1 }) checklistVersion!: number;

  @InstantColumn() createdAt!: string;

  @InstantColumn() updatedAt!: string;

  @VersionColumn() version!: number;
}

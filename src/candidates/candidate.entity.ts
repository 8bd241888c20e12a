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
import { Person } from '../people/person.entity.js';
import { TrainingProvider } from '../providers/training-provider.entity.js';
import { ExamSession } from '../sessions/exam-session.entity.js';

/**
 * How the candidate comes to the session: after training (formation), by VAE, or with a livret
 * de certification (suite de parcours after a partial success, parcours progressif CCP by CCP,
 * CCP obtained by équivalence or correspondance) — guide de la session, « livret de certification ».
 */
export const PATHWAYS = [
  'FORMATION',
  'VAE',
  'SUITE_PARCOURS',
  'PARCOURS_PROGRESSIF',
  'EQUIVALENCE',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** The pathways whose candidates hold a livret de certification. */
export const CERTIFICATION_RECORD_PATHWAYS: readonly Pathway[] = [
  'SUITE_PARCOURS',
  'PARCOURS_PROGRESSIF',
  'EQUIVALENCE',
];

export const PATHWAY_LABELS: Readonly<Record<Pathway, string>> = {
  FORMATION: 'Formation',
  VAE: 'VAE',
  SUITE_PARCOURS: 'Suite de parcours',
  PARCOURS_PROGRESSIF: 'Parcours progressif',
  EQUIVALENCE: 'Équivalence ou correspondance',
};

export const CONVOCATION_MODES = ['HAND_DELIVERED', 'REGISTERED_MAIL'] as const;
export type ConvocationMode = (typeof CONVOCATION_MODES)[number];

/** The proof of a convocation: the signed décharge (hand-delivered) or the AR of the LRAR. */
export const CONVOCATION_PROOF_KINDS = ['SIGNED_DISCHARGE', 'RECEIPT_ACKNOWLEDGEMENT'] as const;
export type ConvocationProofKind = (typeof CONVOCATION_PROOF_KINDS)[number];

export const ATTENDANCES = ['PRESENT', 'ABSENT', 'LATE_ADMITTED', 'LATE_REFUSED'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const CCP_OUTCOMES = ['ACQUIRED', 'NOT_ACQUIRED', 'NOT_EVALUATED'] as const;
export type CcpOutcome = (typeof CCP_OUTCOMES)[number];

export interface CcpResult {
  ccpCode: string;
  outcome: CcpOutcome;
}

@Entity('candidate')
export class Candidate {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  /** The person enrolled; the identity columns below are the identity at enrolment. */
  @Index()
  @Column('uuid')
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<Person>;

  @Column({ type: 'varchar', length: 100 }) lastName!: string;

  @Column({ type: 'varchar', length: 100 }) firstName!: string;

  @DateColumn({ nullable: true }) birthDate!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true }) phone!: string | null;

  @Column({ type: 'varchar', length: 500, default: '' }) address!: string;

  @Column({ type: 'varchar', length: 20, default: 'FORMATION' }) pathway!: Pathway;

  /** The training provider who trained them; null: the centre itself (or no training). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  trainingProviderId!: string | null;

  @ManyToOne(() => TrainingProvider, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'trainingProviderId' })
  trainingProvider?: Relation<TrainingProvider>;

  /** First day of the training (formation), for the titre's prolongation year. */
  @DateColumn({ nullable: true }) trainingStartDate!: string | null;

  /** Date the VAE recevabilité was notified to the candidate. */
  @DateColumn({ nullable: true }) vaeNotifiedOn!: string | null;

  /** The session natures the recevabilité allows (TITRE, CCP, CCS); empty: not stated. */
  @JsonColumn({ default: '[]' }) vaeAllowedNatures!: string[];

  /**
   * Last day of validity of the VAE recevabilité: one year from notification, or the date
   * entered by hand with `vaeOverrideReason` (or entered before the notification date was kept).
   */
  @DateColumn({ nullable: true }) vaeValidUntil!: string | null;

  /** Why `vaeValidUntil` differs from the computed one; empty when computed. */
  @Column({ type: 'varchar', length: 500, default: '' }) vaeOverrideReason!: string;

  /** The jury members of the centre who trained the candidate: excluded from evaluating them. */
  @JsonColumn({ default: '[]' }) trainerIds!: string[];

  @Column({ type: 'boolean', default: false }) accommodationRequested!: boolean;

  @Column({ type: 'text', default: '' }) accommodationDetails!: string;

  @DateColumn({ nullable: true }) convocationDate!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true }) convocationMode!: ConvocationMode | null;

  /** The proof kept by the centre: décharge signée or accusé de réception; null: none yet. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  convocationProofKind!: ConvocationProofKind | null;

  /** The date on the signed décharge or on the accusé de réception. */
  @DateColumn({ nullable: true }) convocationProofOn!: string | null;

  @Column({ type: 'boolean', default: false }) ecfSignedByTrainingManager!: boolean;

  @Column({ type: 'boolean', default: false }) ecfSignedByTrainer!: boolean;

  @Column({ type: 'boolean', default: false }) ecfSignedByCandidate!: boolean;

  @Column({ type: 'boolean', default: false }) dpSigned!: boolean;

  @Column({ type: 'boolean', default: false }) certificationBooklet!: boolean;

  @Column({ type: 'boolean', default: false }) recevabiliteCollected!: boolean;

  @Column({ type: 'text', default: '' }) otherDocuments!: string;

  @Column({ type: 'varchar', length: 15, nullable: true }) attendance!: Attendance | null;

  @JsonColumn() results!: CcpResult[];

  @InstantColumn({ nullable: true }) purgedAt!: string | null;

  @InstantColumn() createdAt!: string;

  @VersionColumn() version!: number;
}

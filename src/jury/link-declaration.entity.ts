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
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { JuryMember } from './jury-member.entity.js';

/** The kinds of link a juror declares with a candidate: personal, professional, pedagogical. */
export const LINK_KINDS = ['PERSONAL', 'PROFESSIONAL', 'PEDAGOGICAL'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * A juror's declaration of no personal, professional or pedagogical link (or of a link, with its
 * kind) with a candidate.
 */
@Entity('link_declaration')
@Index(['sessionId', 'juryMemberId', 'candidateId'], { unique: true })
@UniqueKeyMessage({
  columns: ['sessionId', 'juryMemberId', 'candidateId'],
  fields: ['juryMemberId', 'candidateId'],
  message:
    'Ce juré a déjà une déclaration pour ce candidat (champs « juryMemberId » et « candidateId ») : elle vient d’être enregistrée par une autre demande ; rechargez la page et recommencez.',
})
export class LinkDeclaration {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  @Column('uuid') juryMemberId!: string;

  @ManyToOne(() => JuryMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'juryMemberId' })
  juryMember?: Relation<JuryMember>;

  @Column('uuid') candidateId!: string;

  @ManyToOne(() => Candidate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidateId' })
  candidate?: Relation<Candidate>;

  @Column({ type: 'boolean' }) hasLink!: boolean;

  /** The kind of the declared link; null when there is none (or for a link declared before kinds). */
  @Column({ type: 'varchar', length: 12, nullable: true }) linkKind!: LinkKind | null;

  @Column({ type: 'text', default: '' }) details!: string;

  @DateColumn() declaredOn!: string;

  @InstantColumn() createdAt!: string;
}

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

/** A session's batch of drivers registered on Hub Pro Transport, on the day the centre did it. */
@Entity('cqc_registration')
@UniqueKeyMessage({
  columns: ['sessionId'],
  fields: ['registeredOn'],
  message:
    'Les conducteurs de cette session sont déjà enregistrés sur Hub Pro Transport (champ « registeredOn ») : l’enregistrement ne se saisit qu’une fois.',
})
export class CqcRegistration {
  @PrimaryGeneratedColumn('uuid') id!: string;

  /** One batch per session. */
  @Index({ unique: true })
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => ExamSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<ExamSession>;

  /** The day the batch was registered on the Hub: each driver's certificate starts that day. */
  @DateColumn() registeredOn!: string;

  @Column('uuid') createdById!: string;

  @InstantColumn() createdAt!: string;
}

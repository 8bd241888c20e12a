import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Centre } from '../centres/centre.entity.js';
import { InstantColumn } from '../database/columns.js';

/**
 * A training organisation (organisme de formation, prestataire au sens de l’article L. 6351-1 du
 * code du travail) whose trainees the centre registers for its sessions.
 */
@Entity('training_provider')
export class TrainingProvider {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column({ type: 'varchar', length: 200 }) name!: string;

  @Column({ type: 'varchar', length: 14, nullable: true }) siret!: string | null;

  @Column({ type: 'varchar', length: 500, default: '' }) address!: string;

  /** Contact person, e-mail or telephone, as the centre writes it. */
  @Column({ type: 'varchar', length: 500, default: '' }) contact!: string;

  @InstantColumn() createdAt!: string;
}

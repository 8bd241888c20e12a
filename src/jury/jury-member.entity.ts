import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Centre } from '../centres/centre.entity.js';
import { DateColumn, InstantColumn, JsonColumn } from '../database/columns.js';
import { Habilitation } from './habilitation.entity.js';

/** A juror (or invigilator, actor) in a centre's directory. */
@Entity('jury_member')
export class JuryMember {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column({ type: 'varchar', length: 100 }) lastName!: string;

  @Column({ type: 'varchar', length: 100 }) firstName!: string;

  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true }) phone!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' }) employer!: string;

  /** Postal address, for the convocation. */
  @Column({ type: 'varchar', length: 500, default: '' }) address!: string;

  @Column({ type: 'boolean', default: false }) professionalised!: boolean;

  /** Driving-licence categories held (`LICENCE_CATEGORIES`), for the titres that ask for one. */
  @JsonColumn({ default: '[]' }) licenceCategories!: string[];

  /** Last day of validity of the carte de qualification de conducteur; null: none recorded. */
  @DateColumn({ nullable: true }) cqcValidUntil!: string | null;

  @InstantColumn() createdAt!: string;

  @OneToMany(() => Habilitation, (h) => h.juryMember, { cascade: ['insert'] })
  habilitations?: Relation<Habilitation[]>;
}

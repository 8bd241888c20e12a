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
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * The annual programme of the centre's sessions of a year, communicated to the authority before
 * 31 January (règlement général des sessions): recorded once per centre and year.
 */
@Entity('annual_programme')
@Index(['centreId', 'year'], { unique: true })
@UniqueKeyMessage({
  columns: ['centreId', 'year'],
  fields: ['year'],
  message: 'Le programme annuel de cette année est déjà enregistré pour ce centre (champ « year »).',
})
export class AnnualProgramme {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column({ type: 'integer' }) year!: number;

  /** Day the programme was communicated. */
  @DateColumn() doneOn!: string;

  /** Who recorded it (user id) and their e-mail at the time. */
  @Column('uuid') doneById!: string;

  @Column({ type: 'varchar', length: 254 }) doneByEmail!: string;

  @Column({ type: 'text', default: '' }) observations!: string;

  @InstantColumn() createdAt!: string;
}

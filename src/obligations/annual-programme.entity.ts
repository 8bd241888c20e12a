import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * The centre's annual programme of sessions for a year, communicated to the authority (DREETS)
 * before 31 January of that year: one row per centre and year.
 */
@Entity('annual_programme')
@Index(['centreId', 'year'], { unique: true })
@UniqueKeyMessage({
  columns: ['centreId', 'year'],
  fields: ['year'],
  message: 'Le programme annuel de cette année est déjà enregistré (champ « year »).',
})
export class AnnualProgramme {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  @Column({ type: 'integer' }) year!: number;

  /** Day the programme was sent to the authority. */
  @DateColumn() sentOn!: string;

  /** The account that recorded the sending. */
  @Column({ type: 'uuid', nullable: true }) sentById!: string | null;

  @Column({ type: 'text', default: '' }) observations!: string;

  @InstantColumn() createdAt!: string;

  @VersionColumn() version!: number;
}

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
import { ProviderConvention } from './provider-convention.entity.js';

/** The annual avenant of a convention: the forecast number of candidates for a year. */
@Entity('convention_avenant')
@Index(['conventionId', 'year'], { unique: true })
@UniqueKeyMessage({
  columns: ['conventionId', 'year'],
  fields: ['year'],
  message: 'Cette convention a déjà un avenant pour cette année (champ « year »).',
})
export class ConventionAvenant {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') conventionId!: string;

  @ManyToOne(() => ProviderConvention, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conventionId' })
  convention?: Relation<ProviderConvention>;

  @Column({ type: 'integer' }) year!: number;

  @Column({ type: 'integer' }) forecastCount!: number;

  /** Day it was sent to the préfet de région; due before 1 January of `year`. */
  @DateColumn({ nullable: true }) sentToPrefectOn!: string | null;

  @InstantColumn() createdAt!: string;
}

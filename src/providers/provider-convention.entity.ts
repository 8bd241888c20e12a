import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DateColumn, InstantColumn, JsonColumn } from '../database/columns.js';
import { TrainingProvider } from './training-provider.entity.js';

/**
 * The written convention between the centre and a training provider (arrêté du 21 juillet 2016
 * relatif aux modalités d’agrément, article 3, dans sa rédaction issue de l’arrêté du 1er octobre 2024).
 */
@Entity('provider_convention')
export class ProviderConvention {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  providerId!: string;

  @ManyToOne(() => TrainingProvider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'providerId' })
  provider?: Relation<TrainingProvider>;

  /** The provider's centre, kept here for scoping. */
  @Index()
  @Column('uuid')
  centreId!: string;

  @DateColumn() signedOn!: string;

  @DateColumn() effectiveFrom!: string;

  /** Day it was sent to the préfet de région; it must be before `effectiveFrom`. */
  @DateColumn({ nullable: true }) sentToPrefectOn!: string | null;

  /** The titre versions it covers (ids). */
  @JsonColumn({ default: '[]' }) titreIds!: string[];

  /** The CCP and CCS it covers, as written in the convention (empty: the whole titres). */
  @Column({ type: 'varchar', length: 500, default: '' }) certifications!: string;

  @Column({ type: 'text', default: '' }) registrationTerms!: string;

  @Column({ type: 'integer' }) forecastCurrentYear!: number;

  @Column({ type: 'integer' }) forecastNextYear!: number;

  @InstantColumn() createdAt!: string;
}

import { Column, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { DEFAULT_REGION, type FrenchRegion } from '../common/french-holidays.js';
import { InstantColumn } from '../database/columns.js';
import { Site } from './site.entity.js';

@Entity('centre')
export class Centre {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'varchar', length: 200 }) name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true }) siret!: string | null;

  @Column({ type: 'varchar', length: 300, default: '' }) address!: string;

  @Column({ type: 'varchar', length: 10, default: '' }) postalCode!: string;

  @Column({ type: 'varchar', length: 100, default: '' }) city!: string;

  /** Public holidays of the due dates and the name of the labour administration (DREETS…). */
  @Column({ type: 'varchar', length: 20, default: DEFAULT_REGION }) region!: FrenchRegion;

  @InstantColumn() createdAt!: string;

  @OneToMany(() => Site, (site) => site.centre)
  sites?: Relation<Site[]>;
}

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
import { Site } from '../centres/site.entity.js';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { Titre } from '../titres/titre.entity.js';

/** Approval of a centre and site for a titre version. */
@Entity('agrement')
@Index(['centreId', 'siteId', 'titreId'])
export class Agrement {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') centreId!: string;

  @ManyToOne(() => Centre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column('uuid') siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siteId' })
  site?: Relation<Site>;

  @Column('uuid') titreId!: string;

  @ManyToOne(() => Titre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'titreId' })
  titre?: Relation<Titre>;

  /**
   * Null: the agrément of the titre (its CCP). A code: the agrément of that CCS of the titre,
   * which a CCS session needs on its own.
   */
  @Column({ type: 'varchar', length: 30, nullable: true }) ccsCode!: string | null;

  @Column({ type: 'varchar', length: 50, default: '' }) reference!: string;

  /** First day of validity (the decision's date of effect); null: not recorded (older rows). */
  @DateColumn({ nullable: true }) validFrom!: string | null;

  @DateColumn() validUntil!: string;

  @Column({ type: 'integer' }) maxCandidates!: number;

  @Column({ type: 'text', default: '' }) technicalPlatform!: string;

  @InstantColumn() createdAt!: string;
}

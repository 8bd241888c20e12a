import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { Centre } from './centre.entity.js';

@Entity('site')
export class Site {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  centreId!: string;

  @ManyToOne(() => Centre, (centre) => centre.sites, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centreId' })
  centre?: Relation<Centre>;

  @Column({ type: 'varchar', length: 200 }) name!: string;

  @Column({ type: 'varchar', length: 300, default: '' }) address!: string;

  @Column({ type: 'varchar', length: 10, default: '' }) postalCode!: string;

  @Column({ type: 'varchar', length: 100, default: '' }) city!: string;

  @InstantColumn() createdAt!: string;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';

/** One-time token of the set-up URL that creates the first administrator. */
@Entity('setup_token')
export class SetupToken {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ type: 'varchar', length: 64 }) tokenHash!: string;

  @InstantColumn() createdAt!: string;

  @InstantColumn({ nullable: true }) usedAt!: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';

/** One recorded change. Insert-only: no route edits or deletes it. */
@Entity('audit_entry')
@Index(['sessionId', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn('increment') seq!: number;

  @Column({ type: 'uuid', nullable: true }) sessionId!: string | null;

  @Column({ type: 'uuid', nullable: true }) centreId!: string | null;

  @Column({ type: 'varchar', length: 40 }) entity!: string;

  @Column({ type: 'varchar', length: 36 }) entityId!: string;

  @Column({ type: 'varchar', length: 20 }) action!: string;

  @Column({ type: 'varchar', length: 60, nullable: true }) field!: string | null;

  @Column({ type: 'text', nullable: true }) before!: string | null;

  @Column({ type: 'text', nullable: true }) after!: string | null;

  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;

  @Column({ type: 'varchar', length: 254 }) actorEmail!: string;

  @InstantColumn() at!: string;
}

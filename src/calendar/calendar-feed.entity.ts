import {
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Column,
  type Relation,
} from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { User } from '../users/user.entity.js';

/** A user's private calendar feed; only the SHA-256 hash of its secret is stored. */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryColumn('uuid') userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash!: string;

  @InstantColumn() createdAt!: string;
}

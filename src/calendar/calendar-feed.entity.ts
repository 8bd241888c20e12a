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
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { User } from '../users/user.entity.js';

/** A user's private calendar feed; only the SHA-256 hash of its secret is stored. */
@Entity('calendar_feed')
@UniqueKeyMessage({
  columns: ['userId'],
  fields: ['userId'],
  message:
    'Un lien d’agenda vient d’être créé pour ce compte par une autre demande (champ « userId ») : recommencez pour en obtenir un nouveau.',
})
@UniqueKeyMessage({
  columns: ['secretHash'],
  fields: ['secretHash'],
  message:
    'Ce lien d’agenda existe déjà (champ « secretHash ») : recommencez pour en obtenir un autre.',
})
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

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
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { User } from '../users/user.entity.js';

/** A bearer token; only its SHA-256 hash is stored. */
@Entity('api_token')
@UniqueKeyMessage({
  columns: ['tokenHash'],
  fields: ['tokenHash'],
  message: 'Ce jeton existe déjà (champ « tokenHash ») : recommencez pour en obtenir un autre.',
})
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column('uuid') userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @InstantColumn() createdAt!: string;

  @InstantColumn() expiresAt!: string;

  @InstantColumn({ nullable: true }) revokedAt!: string | null;
}

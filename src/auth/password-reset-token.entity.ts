import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * A link « Mot de passe oublié » sent by e-mail: only the SHA-256 of its secret is stored; it
 * expires (`expiresAt`) and serves once (`usedAt`). A successful reset marks every other
 * unused link of the user as used too.
 */
@Entity('password_reset_token')
@UniqueKeyMessage({
  columns: ['tokenHash'],
  fields: ['token'],
  message: 'Ce lien de réinitialisation existe déjà (champ « token ») : demandez-en un nouveau.',
})
export class PasswordResetToken {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index()
  @Column('uuid')
  userId!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @InstantColumn() createdAt!: string;

  @InstantColumn() expiresAt!: string;

  @InstantColumn({ nullable: true }) usedAt!: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/**
 * The single-use token of the link a driver follows to confirm they ordered their card (CQC):
 * random, 256 bits, stored hashed (sha256) like the other tokens; sent in a certificate reminder.
 */
@Entity('cqc_confirm_token')
@UniqueKeyMessage({
  columns: ['tokenHash'],
  fields: ['tokenHash'],
  message:
    'Ce lien de confirmation existe déjà (champ « tokenHash ») : relancez l’envoi du rappel.',
})
export class CqcConfirmToken {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index()
  @Column('uuid')
  certificateId!: string;

  @InstantColumn() expiresAt!: string;

  @InstantColumn({ nullable: true }) usedAt!: string | null;

  @InstantColumn() createdAt!: string;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

export const OUTBOX_KINDS = ['digest', 'immediate'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/** `failed`: given up after the tries allowed (see `delivery-failure.ts`); `lastError` says why. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An e-mail to send, written in the same transaction as what caused it. Its unique key
 * (recipient, kind, task or digest, step, date) makes each reminder exist once; a pass claims
 * rows with a lease, and a row becomes `sent` only once the SMTP server accepted it, or `failed`
 * once its tries are used up.
 */
@Entity('outbox_message')
@Index(['recipientId', 'kind', 'ref', 'step', 'date'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@UniqueKeyMessage({
  columns: ['recipientId', 'kind', 'ref', 'step', 'date'],
  fields: ['recipientId', 'kind', 'ref', 'step', 'date'],
  message:
    'Ce message est déjà dans la file d’envoi (champs « recipientId », « kind », « ref », « step » et « date »).',
})
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column('uuid') recipientId!: string;

  @Column({ type: 'varchar', length: 254 }) recipientEmail!: string;

  @Column({ type: 'varchar', length: 10 }) kind!: OutboxKind;

  /** The task id, or `digest`. */
  @Column({ type: 'varchar', length: 40 }) ref!: string;

  @Column({ type: 'varchar', length: 12 }) step!: string;

  @DateColumn() date!: string;

  /** Deterministic, derived from the unique key: a resend after a crash carries the same one. */
  @Column({ type: 'varchar', length: 100 }) messageId!: string;

  @Column({ type: 'varchar', length: 300 }) subject!: string;

  @Column({ type: 'text' }) html!: string;

  @Column({ type: 'text' }) text!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' }) status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 }) attempts!: number;

  @Column({ type: 'text', nullable: true }) lastError!: string | null;

  @InstantColumn() nextAttemptAt!: string;

  @InstantColumn({ nullable: true }) leaseUntil!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true }) claimToken!: string | null;

  @InstantColumn({ nullable: true }) sentAt!: string | null;

  /** Where the message was written when no SMTP server is configured. */
  @Column({ type: 'varchar', length: 500, nullable: true }) emlPath!: string | null;

  @InstantColumn() createdAt!: string;
}

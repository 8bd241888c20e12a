import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';

/** `reset` and `reset-ip`: requests of a password reset link, per e-mail and per address. */
export const LOGIN_THROTTLE_KINDS = [
  'pair',
  'account',
  'address',
  'known',
  'reset',
  'reset-ip',
] as const;
export type LoginThrottleKind = (typeof LOGIN_THROTTLE_KINDS)[number];

/**
 * One row per key of the login limiter (see LoginRateLimiter): a failure counter of an
 * (e-mail, address) pair, of an e-mail or of an address over a window that closes at
 * `expiresAt`; or a `known` pair (a successful login from that address) until `expiresAt`.
 * Keys are SHA-256 hashes: the table holds no e-mail or address in clear. Rows whose
 * `expiresAt` has passed mean nothing and are purged.
 */
@Entity('login_throttle')
@UniqueKeyMessage({
  columns: ['key'],
  fields: ['email'],
  message:
    'Une autre tentative de connexion pour ce compte est en cours (champ « email ») : réessayez dans un instant.',
})
export class LoginThrottle {
  /** SHA-256 (hex) of the kind, the e-mail and/or the address. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) key!: string;

  @Column({ type: 'varchar', length: 10 }) kind!: LoginThrottleKind;

  /** Attempts counted in the window: failures, and attempts whose password is being checked. */
  @Column({ type: 'integer', default: 0 }) failures!: number;

  @Index()
  @InstantColumn()
  expiresAt!: string;
}

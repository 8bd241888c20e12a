import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { clientAddressKey } from './client-address.js';
import type { LoginThrottleKind } from './login-throttle.entity.js';
import { LoginThrottleStore, type HeldSlot, type ThrottleCounter } from './login-throttle.store.js';
import { resetRequestCounters, tooManyResetRequests } from './password-reset-rules.js';

/** A counter's window opens at its first failure and closes this much later. */
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** Failures per window: per (e-mail, address) pair, and — from unknown addresses — per e-mail and per address. */
export const LOGIN_LIMITS = { pair: 5, account: 20, address: 20 } as const;

/** An address stays known for an e-mail this long after a successful login from it. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

/** Closed windows are purged from the table at most this often (per instance). */
const PURGE_EVERY_MS = 60_000;

/** The key of a row of `login_throttle`: a SHA-256, so no e-mail or address is stored in clear. */
export function throttleKey(kind: LoginThrottleKind, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\n'))
    .digest('hex');
}

/**
 * The counters a login attempt takes one from (the policy):
 * - the (e-mail, address) pair, always: 5 failures per window. An attacker's address is locked
 *   out of an account without locking anyone else out of it;
 * - unless the address is known for this e-mail (a successful login from it in the last 30
 *   days): the e-mail, 20 failures per window from all unknown addresses together (bounds a
 *   guessing attack spread over many addresses), and the address, 20 failures per window over
 *   all e-mails (bounds one address trying many accounts).
 * So no lock-out stops a correct login for good: the attacker's pair lock is theirs; the
 * e-mail and address locks spare the addresses a user already logged in from; and every lock
 * ends 15 minutes after the failure that opened its window.
 */
export function loginCounters(email: string, address: string, known: boolean): ThrottleCounter[] {
  const pair: ThrottleCounter = {
    key: throttleKey('pair', email, address),
    kind: 'pair',
    limit: LOGIN_LIMITS.pair,
  };
  if (known) return [pair];
  return [
    pair,
    { key: throttleKey('account', email), kind: 'account', limit: LOGIN_LIMITS.account },
    { key: throttleKey('address', address), kind: 'address', limit: LOGIN_LIMITS.address },
  ];
}

/** An attempt counted before its password is checked; a failure leaves it counted. */
export interface LoginReservation {
  readonly pairKey: string;
  readonly knownKey: string;
  readonly slots: readonly HeldSlot[];
}

export function tooManyAttempts(retryAt: string, now: Date): HttpException {
  const minutes = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 60_000));
  return new HttpException(
    `Trop de tentatives de connexion échouées : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/**
 * Limits failed logins (API and dashboard alike), in the database so that the limit holds across
 * parallel requests and application instances: each attempt first reserves a slot in its
 * counters, atomically, before its password is checked; a full counter answers 429 and the
 * password is not checked. A failure keeps its slot; a success gives its slots back, clears its
 * pair's failures and makes the address known for the e-mail. Nothing is kept in memory but the
 * time of the last purge.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger('Connexion');
  private lastPurge: number | null = null;

  constructor(
    private readonly store: LoginThrottleStore,
    private readonly clock: Clock,
  ) {}

  /** Counts an attempt of `email` from `ip`, or throws 429 when one of its counters is full. */
  async reserve(email: string, ip: string | undefined): Promise<LoginReservation> {
    const now = this.clock.now();
    await this.purgeIfDue(now);
    const account = email.trim().toLowerCase();
    const address = clientAddressKey(ip);
    const knownKey = throttleKey('known', account, address);
    const known = await this.store.isLive(knownKey, now.toISOString());
    const counters = loginCounters(account, address, known);
    const outcome = await this.store.reserve(
      counters,
      now.toISOString(),
      new Date(now.getTime() + LOGIN_WINDOW_MS).toISOString(),
    );
    if (!outcome.reserved) throw tooManyAttempts(outcome.retryAt, now);
    return { pairKey: counters[0].key, knownKey, slots: outcome.slots };
  }

  /**
   * Counts a request of a password reset link for `email` from `ip` (whether the account exists
   * or not), or throws 429 once its e-mail or its address asked too often in the window.
   */
  async reserveResetRequest(email: string, ip: string | undefined): Promise<void> {
    const now = this.clock.now();
    await this.purgeIfDue(now);
    const outcome = await this.store.reserve(
      resetRequestCounters(email.trim().toLowerCase(), clientAddressKey(ip)),
      now.toISOString(),
      new Date(now.getTime() + LOGIN_WINDOW_MS).toISOString(),
    );
    if (!outcome.reserved) throw tooManyResetRequests(outcome.retryAt, now);
  }

  /** The password was right: see the class comment. */
  async succeeded(reservation: LoginReservation): Promise<void> {
    const now = this.clock.now().getTime();
    await this.store.settle(
      reservation.slots.filter((slot) => slot.key !== reservation.pairKey),
      [reservation.pairKey],
      { key: reservation.knownKey, until: new Date(now + KNOWN_ADDRESS_MS).toISOString() },
    );
  }

  private async purgeIfDue(now: Date): Promise<void> {
    const time = now.getTime();
    if (this.lastPurge !== null && Math.abs(time - this.lastPurge) < PURGE_EVERY_MS) return;
    this.lastPurge = time;
    try {
      await this.store.purgeExpired(now.toISOString());
    } catch (error) {
      this.logger.warn(
        `Purge des compteurs de connexion interrompue : ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

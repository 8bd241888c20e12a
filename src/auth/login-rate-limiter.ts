import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/** Counts failed logins per e-mail and per address; too many in 15 minutes answers 429. */
@Injectable()
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - WINDOW_MS;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private keys(email: string, ip: string): string[] {
    return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
  }

  assertAllowed(email: string, ip: string): void {
    for (const key of this.keys(email, ip)) {
      const list = this.recent(key);
      const limit = key.startsWith('ip:') ? MAX_FAILURES * 4 : MAX_FAILURES;
      if (list.length >= limit) {
        const waitMs = list[0] + WINDOW_MS - this.clock.now().getTime();
        const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
        throw new HttpException(
          `Trop de tentatives de connexion échouées : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
    }
  }

  recordFailure(email: string, ip: string): void {
    const now = this.clock.now().getTime();
    for (const key of this.keys(email, ip)) this.failures.set(key, [...this.recent(key), now]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(this.keys(email, '')[0]);
  }
}

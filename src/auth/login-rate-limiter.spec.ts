import { HttpException, UnauthorizedException } from '@nestjs/common';
import { FixedClock } from '../common/clock.js';
import type { TokenService } from './token.service.js';
import type { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import {
  LOGIN_LIMITS,
  LOGIN_WINDOW_MS,
  LoginRateLimiter,
  loginCounters,
  throttleKey,
  tooManyAttempts,
} from './login-rate-limiter.js';
import type {
  HeldSlot,
  LoginThrottleStore,
  ReserveOutcome,
  ThrottleCounter,
} from './login-throttle.store.js';

/** An in-memory stand-in of the store that records what the limiter asks of it. */
class FakeStore {
  known = new Set<string>();
  full: string | null = null;
  reserved: ThrottleCounter[][] = [];
  settled: { release: HeldSlot[]; clear: string[]; remember: { key: string; until: string } }[] =
    [];
  purges: string[] = [];

  async isLive(key: string): Promise<boolean> {
    return this.known.has(key);
  }

  async reserve(
    counters: ThrottleCounter[],
    _now: string,
    windowEnd: string,
  ): Promise<ReserveOutcome> {
    this.reserved.push(counters);
    if (this.full) return { reserved: false, retryAt: this.full };
    return {
      reserved: true,
      slots: counters.map((c) => ({ key: c.key, kind: c.kind, expiresAt: windowEnd })),
    };
  }

  async settle(
    release: HeldSlot[],
    clear: string[],
    remember: { key: string; until: string },
  ): Promise<void> {
    this.settled.push({ release, clear, remember });
  }

  async purgeExpired(now: string): Promise<number> {
    this.purges.push(now);
    return 0;
  }
}

function setUp(now = '2027-03-01T09:00:00.000Z') {
  const store = new FakeStore();
  const clock = new FixedClock(new Date(now));
  const limiter = new LoginRateLimiter(store as unknown as LoginThrottleStore, clock);
  return { store, clock, limiter };
}

describe('loginCounters (the policy)', () => {
  it('an unknown address counts against the pair, the e-mail and the address', () => {
    const counters = loginCounters('a@b.fr', '203.0.113.7', false);
    expect(counters.map((c) => [c.kind, c.limit])).toEqual([
      ['pair', LOGIN_LIMITS.pair],
      ['account', LOGIN_LIMITS.account],
      ['address', LOGIN_LIMITS.address],
    ]);
    expect(new Set(counters.map((c) => c.key)).size).toBe(3);
    expect(LOGIN_LIMITS.pair).toBe(5);
  });

  it('an address known for the e-mail counts against its pair only', () => {
    expect(loginCounters('a@b.fr', '203.0.113.7', true)).toEqual([
      { key: throttleKey('pair', 'a@b.fr', '203.0.113.7'), kind: 'pair', limit: 5 },
    ]);
  });

  it('keys are hashes that depend on the kind and every part', () => {
    expect(throttleKey('pair', 'a@b.fr', '1.2.3.4')).toMatch(/^[0-9a-f]{64}$/);
    expect(throttleKey('pair', 'a@b.fr', '1.2.3.4')).not.toBe(
      throttleKey('known', 'a@b.fr', '1.2.3.4'),
    );
    expect(throttleKey('pair', 'a@b.fr', '1.2.3.4')).not.toBe(
      throttleKey('pair', 'a@b.fr', '1.2.3.5'),
    );
  });
});

describe('LoginRateLimiter', () => {
  it('normalises the e-mail and the address before counting', async () => {
    const { store, limiter } = setUp();
    await limiter.reserve(' Admin@B.fr ', '::ffff:203.0.113.7');
    await limiter.reserve('admin@b.fr', '203.0.113.7');
    expect(store.reserved[0]).toEqual(store.reserved[1]);
    expect(store.reserved[0][0].key).toBe(throttleKey('pair', 'admin@b.fr', '203.0.113.7'));
  });

  it('uses the known pair of an earlier success', async () => {
    const { store, limiter } = setUp();
    store.known.add(throttleKey('known', 'a@b.fr', '203.0.113.7'));
    await limiter.reserve('a@b.fr', '203.0.113.7');
    expect(store.reserved[0].map((c) => c.kind)).toEqual(['pair']);
  });

  it('refuses with 429 and the minutes left when a counter is full', async () => {
    const { store, limiter } = setUp();
    store.full = '2027-03-01T09:14:00.000Z';
    const refusal = limiter.reserve('a@b.fr', '203.0.113.7');
    await expect(refusal).rejects.toBeInstanceOf(HttpException);
    await expect(refusal).rejects.toMatchObject({
      status: 429,
      message: 'Trop de tentatives de connexion échouées : réessayez dans 14 minutes.',
    });
  });

  it('on success clears the pair, gives back the other slots and remembers the address', async () => {
    const { store, clock, limiter } = setUp();
    const reservation = await limiter.reserve('a@b.fr', '203.0.113.7');
    clock.advance(1000);
    await limiter.succeeded(reservation);
    const [settled] = store.settled;
    expect(settled.clear).toEqual([throttleKey('pair', 'a@b.fr', '203.0.113.7')]);
    expect(settled.release.map((s) => s.kind)).toEqual(['account', 'address']);
    expect(settled.remember).toEqual({
      key: throttleKey('known', 'a@b.fr', '203.0.113.7'),
      until: '2027-03-31T09:00:01.000Z',
    });
  });

  it('purges expired rows at most once a minute', async () => {
    const { store, clock, limiter } = setUp();
    await Promise.all([limiter.reserve('a@b.fr', '1.2.3.4'), limiter.reserve('a@b.fr', '1.2.3.4')]);
    clock.advance(59_000);
    await limiter.reserve('a@b.fr', '1.2.3.4');
    clock.advance(1_000);
    await limiter.reserve('a@b.fr', '1.2.3.4');
    expect(store.purges).toEqual(['2027-03-01T09:00:00.000Z', '2027-03-01T09:01:00.000Z']);
  });
});

describe('tooManyAttempts', () => {
  it('rounds up to whole minutes, one at least', () => {
    const now = new Date('2027-03-01T09:00:00.000Z');
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    expect(tooManyAttempts(at(LOGIN_WINDOW_MS), now).message).toContain('dans 15 minutes.');
    expect(tooManyAttempts(at(61_000), now).message).toContain('dans 2 minutes.');
    expect(tooManyAttempts(at(10), now).message).toContain('dans 1 minute.');
    expect(tooManyAttempts(at(-5_000), now).message).toContain('dans 1 minute.');
  });
});

describe('AuthService.login and the limiter', () => {
  function auth(outcome: 'refused' | 'allowed') {
    const calls = { findByEmail: 0, succeeded: 0, issued: 0 };
    const users = {
      async findByEmail() {
        calls.findByEmail++;
        return null;
      },
    };
    const tokens = {
      async issue() {
        calls.issued++;
        return { token: 't', expiresAt: '' };
      },
    };
    const limiter = {
      async reserve() {
        if (outcome === 'refused') throw tooManyAttempts('2027-03-01T09:10:00.000Z', new Date(0));
        return { pairKey: 'p', knownKey: 'k', slots: [] };
      },
      async succeeded() {
        calls.succeeded++;
      },
    };
    const service = new AuthService(
      users as unknown as UsersService,
      tokens as unknown as TokenService,
      limiter as unknown as LoginRateLimiter,
    );
    return { service, calls };
  }

  it('a refused attempt neither looks the account up nor checks the password', async () => {
    const { service, calls } = auth('refused');
    await expect(service.login('a@b.fr', 'secret', '1.2.3.4')).rejects.toMatchObject({
      status: 429,
    });
    expect(calls).toEqual({ findByEmail: 0, succeeded: 0, issued: 0 });
  });

  it('a failure keeps its reserved slot (nothing is given back)', async () => {
    const { service, calls } = auth('allowed');
    await expect(service.login('a@b.fr', 'secret', '1.2.3.4')).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
    expect(calls).toEqual({ findByEmail: 1, succeeded: 0, issued: 0 });
  });
});

import { Injectable, UnauthorizedException } from '@nestjs/common';
import { hashPassword, verifyPassword } from '../users/password.js';
import { UsersService } from '../users/users.service.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { randomSecret, TokenService } from './token.service.js';

@Injectable()
export class AuthService {
  /** Verified when the e-mail is unknown, so that response time does not reveal which accounts exist. */
  private readonly dummyHash = hashPassword(randomSecret());

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(
    email: string,
    password: string,
    ip: string | undefined,
  ): Promise<{ token: string; expiresAt: string }> {
    // Counted before the password is checked (429 when a limit is reached): parallel attempts
    // cannot all pass the limit before the first failure is known.
    const reservation = await this.limiter.reserve(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) {
      // The reserved attempt stays counted: it is the failure.
      throw new UnauthorizedException('E-mail ou mot de passe incorrect.');
    }
    await this.limiter.succeeded(reservation);
    return this.tokens.issue(user.id);
  }
}

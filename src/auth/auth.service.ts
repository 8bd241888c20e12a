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
    ip: string,
  ): Promise<{ token: string; expiresAt: string }> {
    this.limiter.assertAllowed(email, ip);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) {
      this.limiter.recordFailure(email, ip);
      throw new UnauthorizedException('E-mail ou mot de passe incorrect.');
    }
    this.limiter.recordSuccess(email);
    return this.tokens.issue(user.id);
  }
}

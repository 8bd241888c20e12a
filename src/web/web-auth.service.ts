import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuthService } from '../auth/auth.service.js';
import { TokenService } from '../auth/token.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Caller } from '../common/caller.js';

/**
 * Log in and out of the dashboard with the API's own machinery: `AuthService.login` (argon2id,
 * rate limit shared with the API) issues a fresh token — a new session id at every login — and
 * `TokenService` resolves and revokes it.
 */
@Injectable()
export class WebAuthService {
  private auth: AuthService | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The AuthModule's instance (it is not exported), so that the login rate limit is shared. */
  private authService(): AuthService {
    if (!this.auth) {
      const auth = this.moduleRef.get(AuthService, { strict: false });
      if (!auth) throw new Error('AuthService is not available');
      this.auth = auth;
    }
    return this.auth;
  }

  /** Session lifetime in seconds (the tokens' TTL). */
  get sessionSeconds(): number {
    return this.config.tokenTtlHours * 3600;
  }

  get appUrl(): string {
    return this.config.appUrl;
  }

  /** Checks the password and opens a new session; the previous one, if any, is revoked. */
  async login(
    email: string,
    password: string,
    ip: string,
    previousToken: string | null,
  ): Promise<string> {
    const { token } = await this.authService().login(email, password, ip);
    if (previousToken) {
      const previous = await this.tokens.resolve(previousToken);
      if (previous) await this.tokens.revoke(previous.tokenId);
    }
    return token;
  }

  /** The caller of a session token, or null when it is unknown, expired or revoked. */
  async callerOf(token: string | null): Promise<Caller | null> {
    if (!token) return null;
    return (await this.tokens.resolve(token))?.caller ?? null;
  }

  logout(tokenId: string): Promise<void> {
    return this.tokens.revoke(tokenId);
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Bearer tokens: random, stored hashed, with an expiry, revocable. */
@Injectable()
export class TokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
    const token = `jln_${randomSecret()}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.tokenTtlHours * 3_600_000).toISOString();
    await this.dataSource.getRepository(ApiToken).insert({
      tokenHash: sha256(token),
      userId,
      createdAt: now.toISOString(),
      expiresAt,
      revokedAt: null,
    });
    return { token, expiresAt };
  }

  /** The caller behind a token, or null when it is unknown, expired, revoked or its user inactive. */
  async resolve(token: string): Promise<{ caller: Caller; tokenId: string } | null> {
    const row = await this.dataSource
      .getRepository(ApiToken)
      .findOne({ where: { tokenHash: sha256(token), revokedAt: IsNull() } });
    if (!row || row.expiresAt <= this.clock.nowIso()) return null;
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: row.userId } });
    if (!user || !user.active) return null;
    const links = await this.dataSource
      .getRepository(UserCentre)
      .find({ where: { userId: user.id } });
    return {
      caller: {
        userId: user.id,
        email: user.email,
        role: user.role,
        centreIds: links.map((l) => l.centreId),
      },
      tokenId: row.id,
    };
  }

  async revoke(tokenId: string): Promise<void> {
    await this.dataSource
      .getRepository(ApiToken)
      .update({ id: tokenId }, { revokedAt: this.clock.nowIso() });
  }
}

import { hash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { bool, sqlRows } from '../database/sql-rows.js';
import type { Role } from '../users/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { Database } from '../database/database.js';

export function sha256(value: string): string {
  return hash('sha256', value, 'hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

interface TokenRow {
  tokenId: string;
  expiresAt: string;
  userId: string;
  email: string;
  role: Role;
  /** A boolean on PostgreSQL, 0/1 on SQLite. */
  active: boolean | number;
}

/** Bearer tokens: random, stored hashed, with an expiry, revocable. */
@Injectable()
export class TokenService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
    const token = `jln_${randomSecret()}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.tokenTtlHours * 3_600_000).toISOString();
    await this.db.transaction((m) =>
      m.getRepository(ApiToken).insert({
        tokenHash: sha256(token),
        userId,
        createdAt: now.toISOString(),
        expiresAt,
        revokedAt: null,
      }),
    );
    return { token, expiresAt };
  }

  /** The caller behind a token, or null when it is unknown, expired, revoked or its user inactive. */
  async resolve(token: string): Promise<{ caller: Caller; tokenId: string } | null> {
    // Every authenticated request comes here: two plain queries, no entity hydration.
    const [row] = await this.db.read((m) =>
      sqlRows<TokenRow>(
        m,
        `SELECT t."id" AS "tokenId", t."expiresAt", u."id" AS "userId", u."email", u."role", u."active"
        FROM "api_token" t JOIN "app_user" u ON u."id" = t."userId"
        WHERE t."tokenHash" = :hash AND t."revokedAt" IS NULL`,
        { hash: sha256(token) },
      ),
    );
    if (!row || row.expiresAt <= this.clock.nowIso()) return null;
    if (!bool(row.active)) return null;
    const links = await this.db.read((m) =>
      sqlRows<{ centreId: string }>(
        m,
        `SELECT "centreId" FROM "user_centre" WHERE "userId" = :userId`,
        { userId: row.userId },
      ),
    );
    return {
      caller: {
        userId: row.userId,
        email: row.email,
        role: row.role,
        centreIds: links.map((l) => l.centreId),
      },
      tokenId: row.tokenId,
    };
  }

  async revoke(tokenId: string): Promise<void> {
    await this.db.transaction((m) =>
      m.getRepository(ApiToken).update({ id: tokenId }, { revokedAt: this.clock.nowIso() }),
    );
  }
}

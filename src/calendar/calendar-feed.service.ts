import { Inject, Injectable } from '@nestjs/common';
import { randomSecret, sha256 } from '../auth/token.service.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import { Database } from '../database/database.js';

export interface CalendarFeedView {
  /** The secret URL; only known right after it is created (the server keeps a hash). */
  url: string | null;
  active: boolean;
  createdAt: string | null;
}

/** Each user's private, revocable calendar feed URL (the secret is stored hashed). */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async current(caller: Caller): Promise<CalendarFeedView> {
    const feed = await this.db.read((m) =>
      m.getRepository(CalendarFeed).findOne({ where: { userId: caller.userId } }),
    );
    return { url: null, active: feed !== null, createdAt: feed?.createdAt ?? null };
  }

  /** Creates the feed, or replaces its secret: the previous URL stops working at once. */
  async rotate(caller: Caller): Promise<CalendarFeedView & { url: string }> {
    const { secret, view } = await this.rotateSecret(caller);
    return { ...view, url: this.urlFor(secret) };
  }

  /** The same, giving the bare secret (the dashboard carries it to the page that shows it once). */
  async rotateSecret(caller: Caller): Promise<{ secret: string; view: CalendarFeedView }> {
    const secret = randomSecret();
    const createdAt = this.clock.nowIso();
    await this.db.transaction((m) =>
      m
        .getRepository(CalendarFeed)
        .save({ userId: caller.userId, secretHash: sha256(secret), createdAt }),
    );
    return { secret, view: { url: null, active: true, createdAt } };
  }

  async revoke(caller: Caller): Promise<void> {
    await this.db.transaction((m) =>
      m.getRepository(CalendarFeed).delete({ userId: caller.userId }),
    );
  }

  /** The user a secret belongs to, or null. */
  async userFor(secret: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
    const feed = await this.db.read((m) =>
      m.getRepository(CalendarFeed).findOne({ where: { secretHash: sha256(secret) } }),
    );
    return feed?.userId ?? null;
  }

  /** The URL of a secret when it is the caller's current feed (shown once after its creation). */
  async urlIfCurrent(caller: Caller, secret: string): Promise<string | null> {
    return (await this.userFor(secret)) === caller.userId ? this.urlFor(secret) : null;
  }

  urlFor(secret: string): string {
    return `${this.config.appUrl}/calendar/feed/${secret}.ics`;
  }
}

import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
} from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../database/database.js';
import { sqlRows } from '../database/sql-rows.js';
import { MailTemplates } from '../mail/mail-templates.js';
import { OutboxSender } from '../mail/outbox-sender.js';
import { OutboxService } from '../mail/outbox.service.js';
import { hashPassword, verifyPassword } from '../users/password.js';
import { disableRefusal, passwordError } from '../users/user-rules.js';
import { UserCentre } from '../users/user-centre.entity.js';
import { User } from '../users/user.entity.js';
import { toView, type UserView } from '../users/users.service.js';
import { ApiToken } from './api-token.entity.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import {
  resetLinkExpiry,
  resetLinkRefusal,
  resetLinkState,
  type ResetLinkState,
} from './password-reset-rules.js';
import { randomSecret, sha256 } from './token.service.js';

/** The outbox key's step of a reset e-mail (its ref is the link's id: one e-mail per link). */
const RESET_STEP = 'pwd-reset';

/** A reset link that cannot serve: 404 when unknown, 410 when used or expired. */
export class ResetLinkRefused extends HttpException {
  constructor(readonly state: Exclude<ResetLinkState, 'valid'>) {
    super(resetLinkRefusal(state), state === 'unknown' ? HttpStatus.NOT_FOUND : HttpStatus.GONE);
  }
}

/**
 * A user's own account (change of password, reset link by e-mail) and the administrators'
 * switch that disables or re-enables an account. Sessions are API tokens stored server-side:
 * a new password ends the user's other sessions, a disabled account all of them.
 */
@Injectable()
export class AccountService implements OnModuleDestroy {
  private readonly logger = new Logger('Comptes');
  /** Deliveries started after a reset request, awaited when the application stops. */
  private readonly deliveries = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly mail: MailTemplates,
    private readonly sender: OutboxSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.deliveries]);
  }

  /**
   * Changes the caller's password: the current one must be right (a wrong one counts as a failed
   * login in the login limiter), the new one follows the policy of every password. The caller's
   * other sessions and tokens end; `keepTokenId` (the session in use) stays open.
   */
  async changePassword(
    caller: Caller,
    input: { currentPassword: string; newPassword: string },
    keepTokenId: string | null,
    ip: string | undefined,
  ): Promise<void> {
    refuseFieldErrors([passwordError(input.newPassword, 'newPassword')]);
    const reservation = await this.limiter.reserve(caller.email, ip);
    const user = await this.db.read((m) =>
      m.getRepository(User).findOne({ where: { id: caller.userId } }),
    );
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw fieldError('currentPassword', 'Le mot de passe actuel est incorrect.');
    }
    await this.limiter.succeeded(reservation);
    if (input.newPassword === input.currentPassword) {
      throw fieldError(
        'newPassword',
        'Le nouveau mot de passe doit être différent du mot de passe actuel.',
      );
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (m) => {
      await m.getRepository(User).update({ id: user.id }, { passwordHash });
      const ended = await this.endSessions(m, user.id, keepTokenId);
      await this.invalidateResetLinks(m, user.id);
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: null,
        entity: 'user',
        entityId: user.id,
        action: 'password-change',
        snapshot: { email: user.email, endedSessions: ended },
      });
    });
  }

  /**
   * A reset link for `email`, sent through the outbox when an active account has this address;
   * nothing otherwise. The caller answers the same either way; the limiter counts every request.
   */
  async requestReset(email: string, ip: string | undefined): Promise<void> {
    await this.limiter.reserveResetRequest(email, ip);
    const address = email.trim().toLowerCase();
    const user = await this.db.read((m) =>
      m.getRepository(User).findOne({ where: { email: address } }),
    );
    if (!user || !user.active) return;
    const secret = randomSecret();
    const now = this.clock.now();
    const id = randomUUID();
    const link = `${this.config.appUrl}/password/reset?token=${secret}`;
    const name = `${user.firstName} ${user.lastName}`.trim();
    await this.db.transaction(async (m) => {
      await m.getRepository(PasswordResetToken).insert({
        id,
        userId: user.id,
        tokenHash: sha256(secret),
        createdAt: now.toISOString(),
        expiresAt: resetLinkExpiry(now),
        usedAt: null,
      });
      await this.outbox.enqueue(m, {
        recipientId: user.id,
        recipientEmail: user.email,
        kind: 'immediate',
        ref: id,
        step: RESET_STEP,
        date: this.clock.today(),
        subject: 'Jalon : choisissez un nouveau mot de passe',
        ...this.mail.render('password-reset', {
          greeting: name === '' ? 'Bonjour,' : `Bonjour ${name},`,
          link,
          appUrl: this.config.appUrl,
        }),
      });
      await this.audit.record(m, await this.callerOf(m, user), {
        sessionId: null,
        centreId: null,
        entity: 'user',
        entityId: user.id,
        action: 'reset-request',
        snapshot: { email: user.email, expiresAt: resetLinkExpiry(now) },
      });
    });
    this.deliverSoon();
  }

  /** The state of a reset link (the page shows the form only for a valid one). */
  async resetLinkState(secret: string): Promise<ResetLinkState> {
    const link = await this.db.read((m) =>
      m.getRepository(PasswordResetToken).findOne({ where: { tokenHash: sha256(secret) } }),
    );
    return resetLinkState(link, this.clock.nowIso());
  }

  /**
   * Sets a new password with a reset link, once: the link is spent by a conditional update, so
   * of two parallel uses exactly one succeeds. The user's other links are spent too and all
   * their sessions end.
   */
  async resetPassword(secret: string, newPassword: string): Promise<{ email: string }> {
    refuseFieldErrors([passwordError(newPassword, 'newPassword')]);
    const state = await this.resetLinkState(secret);
    if (state !== 'valid') throw new ResetLinkRefused(state);
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction(async (m) => {
      const now = this.clock.nowIso();
      const repo = m.getRepository(PasswordResetToken);
      const spent = await m
        .createQueryBuilder()
        .update(PasswordResetToken)
        .set({ usedAt: now })
        .where('"tokenHash" = :hash AND "usedAt" IS NULL AND "expiresAt" > :now', {
          hash: sha256(secret),
          now,
        })
        .execute();
      const link = await repo.findOne({ where: { tokenHash: sha256(secret) } });
      if ((spent.affected ?? 0) !== 1 || !link) {
        const refused = resetLinkState(link, now);
        throw new ResetLinkRefused(refused === 'valid' ? 'used' : refused);
      }
      const user = await m.getRepository(User).findOne({ where: { id: link.userId } });
      // A disabled account keeps its password: its links no longer serve.
      if (!user || !user.active) throw new ResetLinkRefused('unknown');
      await m.getRepository(User).update({ id: user.id }, { passwordHash });
      await this.invalidateResetLinks(m, user.id);
      const ended = await this.endSessions(m, user.id, null);
      await this.audit.record(m, await this.callerOf(m, user), {
        sessionId: null,
        centreId: null,
        entity: 'user',
        entityId: user.id,
        action: 'password-reset',
        snapshot: { email: user.email, endedSessions: ended },
      });
      return { email: user.email };
    });
  }

  /**
   * Disables (`active` false) or re-enables an account. A disabled user cannot log in and all
   * their sessions and tokens end. An administrator cannot disable themselves nor the last active
   * administrator: on PostgreSQL the active administrators' rows are locked first, so that two
   * administrators disabling each other at once cannot both succeed (SQLite has one writer).
   */
  async setActive(caller: Caller, userId: string, active: boolean): Promise<UserView> {
    return this.db.transaction(async (m) => {
      if (!this.db.isSqlite) {
        await m.query(
          `SELECT "id" FROM "app_user" WHERE "role" = 'admin' AND "active" = true ORDER BY "id" FOR UPDATE`,
        );
      }
      const repo = m.getRepository(User);
      const user = await repo.findOne({ where: { id: userId } });
      if (!user) throw notFound('Utilisateur');
      if (!active) {
        const others = await repo.count({
          where: { role: 'admin', active: true, id: Not(user.id) },
        });
        const refusal = disableRefusal(caller.userId, user, others);
        if (refusal) throw new ConflictException(refusal);
      }
      const centreIds = (await m.getRepository(UserCentre).find({ where: { userId } })).map(
        (l) => l.centreId,
      );
      if (user.active === active) return toView(user, centreIds);
      await repo.update({ id: user.id }, { active });
      const ended = active ? 0 : await this.endSessions(m, user.id, null);
      await this.audit.record(m, caller, {
        sessionId: null,
        centreId: null,
        entity: 'user',
        entityId: user.id,
        action: active ? 'enable' : 'disable',
        changes: { active: { before: !active, after: active } },
      });
      if (ended > 0) {
        this.logger.log({ msg: 'Compte désactivé : sessions fermées', userId, ended });
      }
      return toView({ ...user, active }, centreIds);
    });
  }

  /** Revokes the user's open tokens (sessions of the dashboard and API tokens) but `keep`. */
  private async endSessions(
    m: EntityManager,
    userId: string,
    keep: string | null,
  ): Promise<number> {
    const result = await m
      .getRepository(ApiToken)
      .update(
        keep === null
          ? { userId, revokedAt: IsNull() }
          : { userId, revokedAt: IsNull(), id: Not(keep) },
        { revokedAt: this.clock.nowIso() },
      );
    return result.affected ?? 0;
  }

  /** Spends the user's unused reset links. */
  private async invalidateResetLinks(m: EntityManager, userId: string): Promise<void> {
    await m
      .getRepository(PasswordResetToken)
      .update({ userId, usedAt: IsNull() }, { usedAt: this.clock.nowIso() });
  }

  /** The user as the actor of their own audit entries (no session yet when they reset). */
  private async callerOf(m: EntityManager, user: User): Promise<Caller> {
    const links = await sqlRows<{ centreId: string }>(
      m,
      `SELECT "centreId" FROM "user_centre" WHERE "userId" = :userId`,
      { userId: user.id },
    );
    return {
      userId: user.id,
      email: user.email,
      role: user.role,
      centreIds: links.map((l) => l.centreId),
    };
  }

  /**
   * Sends the outbox now rather than at the next scheduled pass, in the background (the request
   * answers at once, whatever the address): only where this process runs the scheduler.
   */
  private deliverSoon(): void {
    if (!this.config.scheduler) return;
    const delivery = this.sender
      .deliver()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.warn(
          `Envoi du lien de réinitialisation différé : ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }
}

import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { UsersService, type UserView } from '../users/users.service.js';
import { SetupToken } from './setup-token.entity.js';
import { randomSecret, sha256 } from './token.service.js';
import { Database } from '../database/database.js';

/**
 * The first administrator: from JALON_ADMIN_EMAIL/JALON_ADMIN_PASSWORD, or else through a one-time
 * set-up URL printed at start while no administrator exists. There is never a default password.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');
  /** The URL printed at the last start, for tests and the command line. */
  lastSetupUrl: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly users: UsersService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.hasAdministrator()) return;
    if (this.config.adminEmail && this.config.adminPassword) {
      try {
        await this.users.create({
          email: this.config.adminEmail,
          password: this.config.adminPassword,
          role: 'admin',
        });
      } catch (error) {
        // Instances starting together: another one created it first (unique e-mail).
        if (await this.users.hasAdministrator()) return;
        throw error;
      }
      this.logger.log({
        msg: 'Administrateur initial créé depuis JALON_ADMIN_EMAIL',
        email: this.config.adminEmail,
      });
      return;
    }
    if (!this.config.issueSetupLink) return;
    const token = randomSecret();
    await this.db.transaction(async (manager) => {
      await manager.getRepository(SetupToken).delete({ usedAt: IsNull() });
      await manager.getRepository(SetupToken).insert({
        tokenHash: sha256(token),
        createdAt: this.clock.nowIso(),
        usedAt: null,
      });
    });
    this.lastSetupUrl = `${this.config.appUrl}/setup?token=${token}`;
    this.logger.warn({
      msg: `Aucun utilisateur : ouvrez ce lien à usage unique pour créer le premier administrateur : ${this.lastSetupUrl}`,
    });
  }

  async isValid(token: string): Promise<boolean> {
    if (await this.users.hasAdministrator()) return false;
    return this.db.read((m) =>
      m.getRepository(SetupToken).exists({ where: { tokenHash: sha256(token), usedAt: IsNull() } }),
    );
  }

  async complete(token: string, email: string, password: string): Promise<UserView> {
    if (await this.users.hasAdministrator()) {
      throw new ConflictException('Jalon est déjà mis en service : connectez-vous.');
    }
    const passwordHash = await this.users.preparePassword(password);
    return this.db.transaction(async (manager) => {
      const used = await manager
        .getRepository(SetupToken)
        .update({ tokenHash: sha256(token), usedAt: IsNull() }, { usedAt: this.clock.nowIso() });
      if (used.affected !== 1) {
        throw new ForbiddenException('Lien de mise en service invalide ou déjà utilisé.');
      }
      return this.users.insert(manager, { email, password, role: 'admin' }, passwordHash);
    });
  }
}

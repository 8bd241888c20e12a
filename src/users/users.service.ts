import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { Centre } from '../centres/centre.entity.js';
import { fieldError, refuseFieldErrors } from '../common/validation/field-errors.js';
import { hashPassword } from './password.js';
import { centreIdsError, passwordError } from './user-rules.js';
import { UserCentre } from './user-centre.entity.js';
import { User, type Role } from './user.entity.js';
import { Database } from '../database/database.js';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  active: boolean;
  centreIds: string[];
}

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  centreIds?: string[];
  firstName?: string;
  lastName?: string;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Whether an active administrator exists (the set-up URL is offered until one does). */
  hasAdministrator(): Promise<boolean> {
    return this.db.read((m) =>
      m.getRepository(User).exists({ where: { role: 'admin', active: true } }),
    );
  }

  findByEmail(email: string): Promise<User | null> {
    return this.db.read((m) =>
      m.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } }),
    );
  }

  async centreIdsOf(userId: string): Promise<string[]> {
    const links = await this.db.read((m) =>
      m.getRepository(UserCentre).find({ where: { userId } }),
    );
    return links.map((l) => l.centreId);
  }

  /** Checks the password and hashes it (outside any transaction: argon2id is slow on purpose). */
  async preparePassword(password: string): Promise<string> {
    refuseFieldErrors([passwordError(password)]);
    return hashPassword(password);
  }

  async create(input: NewUser): Promise<UserView> {
    const passwordHash = await this.preparePassword(input.password);
    return this.db.transaction((manager) => this.insert(manager, input, passwordHash));
  }

  /** Inserts a user inside the caller's transaction. */
  async insert(manager: EntityManager, input: NewUser, passwordHash: string): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    const centreIds = [...new Set(input.centreIds ?? [])];
    refuseFieldErrors([centreIdsError(input.role, centreIds)]);
    if (await manager.getRepository(User).exists({ where: { email } })) {
      throw fieldError(
        'email',
        `Un compte existe déjà pour l'adresse ${email} (champ « email »).`,
        409,
      );
    }
    if (centreIds.length > 0) {
      const found = await manager.getRepository(Centre).count({ where: { id: In(centreIds) } });
      if (found !== centreIds.length) throw notFound('Centre');
    }
    const user = await manager.getRepository(User).save(
      manager.getRepository(User).create({
        email,
        passwordHash,
        role: input.role,
        firstName: input.firstName ?? '',
        lastName: input.lastName ?? '',
        active: true,
        createdAt: this.clock.nowIso(),
      }),
    );
    if (centreIds.length > 0) {
      await manager
        .getRepository(UserCentre)
        .insert(centreIds.map((centreId) => ({ userId: user.id, centreId })));
    }
    return toView(user, centreIds);
  }

  async list(): Promise<UserView[]> {
    const users = await this.db.read((m) =>
      m.getRepository(User).find({ order: { email: 'ASC' } }),
    );
    const links = await this.db.read((m) => m.getRepository(UserCentre).find());
    return users.map((u) =>
      toView(
        u,
        links.filter((l) => l.userId === u.id).map((l) => l.centreId),
      ),
    );
  }

  async get(userId: string): Promise<UserView> {
    const user = await this.db.read((m) =>
      m.getRepository(User).findOne({ where: { id: userId } }),
    );
    if (!user) throw notFound('Utilisateur');
    return toView(user, await this.centreIdsOf(userId));
  }
}

export function toView(user: User, centreIds: string[]): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    firstName: user.firstName,
    lastName: user.lastName,
    active: user.active,
    centreIds,
  };
}

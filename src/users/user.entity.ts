import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { InstantColumn } from '../database/columns.js';
import { UniqueKeyMessage } from '../database/unique-key-message.js';
import { UserCentre } from './user-centre.entity.js';

export const ROLES = ['admin', 'manager', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

@Entity('app_user')
@UniqueKeyMessage({
  columns: ['email'],
  fields: ['email'],
  message: 'Un compte existe déjà pour cette adresse e-mail (champ « email »).',
})
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 }) passwordHash!: string;

  @Column({ type: 'varchar', length: 10 }) role!: Role;

  @Column({ type: 'varchar', length: 100, default: '' }) firstName!: string;

  @Column({ type: 'varchar', length: 100, default: '' }) lastName!: string;

  @Column({ type: 'boolean', default: true }) active!: boolean;

  @InstantColumn() createdAt!: string;

  @OneToMany(() => UserCentre, (link) => link.user)
  centres?: Relation<UserCentre[]>;
}

import type { MigrationInterface } from 'typeorm';
import { Initial1795426480411 } from './1795426480411-Initial.js';

export const sqliteMigrations: (new () => MigrationInterface)[] = [Initial1795426480411];

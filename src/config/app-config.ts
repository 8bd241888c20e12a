import { isIP } from 'node:net';
import { DEFAULT_OUTBOX_LEASE, type OutboxLease } from '../mail/outbox-timing.js';
import { cronExpressionError } from './cron-expression.js';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  appUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Folder of the `.eml` files written when SMTP_URL is unset. */
  mailDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  chromiumPath: string;
  chromiumWsEndpoint: string | null;
  reminderCron: string;
  /** Whether this process runs the scheduler (cron and catch-up at start); off for the CLI. */
  scheduler: boolean;
  /**
   * Whether this process issues the one-time set-up link while no administrator exists: the
   * server does, the command line does not (a new link would void the one the server printed).
   */
  issueSetupLink: boolean;
  /**
   * The claim on an outbox message being sent and its renewal (not read from the environment:
   * always the defaults, except in tests that need a lease to expire quickly).
   */
  outboxLease: OutboxLease;
  retentionYears: number;
  tokenTtlHours: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * Express `trust proxy`: the proxies whose `X-Forwarded-For`/`-Proto` headers are believed
   * (addresses, CIDR subnets, `loopback`, `linklocal`, `uniquelocal`); empty: none, the client
   * is the socket's peer.
   */
  trustProxy: string[];
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      `${name}="${raw}" est invalide : un nombre entier entre ${min} et ${max} est attendu.`,
    );
  }
  return Number(raw);
}

function httpUrl(env: Env, name: string, fallback: string): string {
  const raw = read(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}="${raw}" est invalide : une URL http(s) est attendue.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name}="${raw}" est invalide : une URL http(s) est attendue.`);
  }
  return raw.replace(/\/+$/, '');
}

function database(env: Env): DatabaseConfig {
  const raw = read(env, 'DATABASE_URL') ?? 'sqlite:data/jalon.sqlite';
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new ConfigError('DATABASE_URL="sqlite:" est invalide : chemin manquant.');
    return { type: 'sqlite', path };
  }
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL est invalide : URL PostgreSQL mal formée.');
    }
    return { type: 'postgres', url: raw };
  }
  const scheme = raw.split(':')[0];
  throw new ConfigError(
    `DATABASE_URL est invalide : schéma « ${scheme} » non pris en charge (attendu sqlite:CHEMIN ou postgres://…).`,
  );
}

function smtpUrl(env: Env): string | null {
  const raw = read(env, 'SMTP_URL');
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'SMTP_URL est invalide : attendu smtp://utilisateur:motdepasse@hôte:port.',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL est invalide : le schéma doit être smtp:// ou smtps://.');
  }
  return raw;
}

function email(env: Env, name: string): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  if (!/^[^\s@]+@[^\s@]+$/.test(raw)) {
    throw new ConfigError(`${name}="${raw}" est invalide : une adresse e-mail est attendue.`);
  }
  return raw.toLowerCase();
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`${name}="${raw}" est invalide : valeurs possibles on, off.`);
}

function logLevel(env: Env): AppConfig['logLevel'] {
  const raw = read(env, 'LOG_LEVEL') ?? 'info';
  const levels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
  const found = levels.find((level) => level === raw);
  if (!found) {
    throw new ConfigError(
      `LOG_LEVEL="${raw}" est invalide : valeurs possibles ${levels.join(', ')}.`,
    );
  }
  return found;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet `address/length`, or a name of a range, as Express's `trust proxy` takes them. */
function isProxySpec(item: string): boolean {
  if (PROXY_NAMES.includes(item)) return true;
  if (item.includes('%')) return false;
  const slash = item.indexOf('/');
  const version = isIP(slash < 0 ? item : item.slice(0, slash));
  if (version === 0) return false;
  if (slash < 0) return true;
  const length = item.slice(slash + 1);
  // As Express (proxy-addr) checks it: 1 to 32 (IPv4) or 128 (IPv6); /0 would trust everyone.
  return (
    /^\d{1,3}$/.test(length) && Number(length) >= 1 && Number(length) <= (version === 4 ? 32 : 128)
  );
}

function trustProxy(env: Env): string[] {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined || raw === 'off') return [];
  const items = raw.split(',').map((item) => item.trim());
  const bad = items.find((item) => !isProxySpec(item));
  if (bad === '') {
    throw new ConfigError(`TRUST_PROXY="${raw}" est invalide : un élément de la liste est vide.`);
  }
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY="${raw}" est invalide : « ${bad} » n'est ni une adresse IP, ni un sous-réseau (adresse/longueur), ni ${PROXY_NAMES.join(', ')} ; off pour aucun mandataire.`,
    );
  }
  return items;
}

/** Reads and validates every setting; throws a ConfigError naming the variable. */
export function loadAppConfig(env: Env): AppConfig {
  const adminEmail = email(env, 'JALON_ADMIN_EMAIL');
  const adminPassword = read(env, 'JALON_ADMIN_PASSWORD') ?? null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError(
      'JALON_ADMIN_EMAIL et JALON_ADMIN_PASSWORD doivent être définis ensemble (ou aucun des deux).',
    );
  }
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('JALON_ADMIN_PASSWORD est trop court : 12 caractères au minimum.');
  }
  const reminderCron = read(env, 'REMINDER_CRON') ?? '*/15 * * * *';
  const cronError = cronExpressionError(reminderCron);
  if (cronError !== null) {
    throw new ConfigError(
      `REMINDER_CRON="${reminderCron}" est invalide (${cronError}) : une expression cron est attendue (cinq champs : minute heure jour mois jour-de-semaine), par exemple « */15 * * * * » ou « 0 9 * * MON ».`,
    );
  }
  const wsEndpoint = read(env, 'CHROMIUM_WS_ENDPOINT') ?? null;
  if (wsEndpoint !== null && !/^wss?:\/\//.test(wsEndpoint)) {
    throw new ConfigError(
      'CHROMIUM_WS_ENDPOINT est invalide : une URL ws:// ou wss:// est attendue.',
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    database: database(env),
    appUrl: httpUrl(env, 'APP_URL', 'http://localhost:3000'),
    smtpUrl: smtpUrl(env),
    mailFrom: read(env, 'MAIL_FROM') ?? 'Jalon <no-reply@localhost>',
    mailDir: read(env, 'MAIL_DIR') ?? 'data/mail',
    adminEmail,
    adminPassword,
    chromiumPath: read(env, 'CHROMIUM_PATH') ?? '/usr/bin/chromium',
    chromiumWsEndpoint: wsEndpoint,
    reminderCron,
    scheduler: onOff(env, 'JALON_SCHEDULER', true),
    issueSetupLink: true,
    outboxLease: DEFAULT_OUTBOX_LEASE,
    retentionYears: integer(env, 'RETENTION_YEARS', 5, 1, 100),
    tokenTtlHours: integer(env, 'TOKEN_TTL_HOURS', 12, 1, 24 * 90),
    logLevel: logLevel(env),
    trustProxy: trustProxy(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

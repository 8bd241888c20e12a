/**
 * Rules of the « Mot de passe oublié » links, without I/O: how long a link lives, which state a
 * stored link is in, what the pages answer, and how often a link may be requested.
 */
import { HttpException, HttpStatus } from '@nestjs/common';
import type { ThrottleCounter } from './login-throttle.store.js';
import { throttleKey } from './login-rate-limiter.js';

/** A reset link serves for one hour after it was requested. */
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

/** Requests of a reset link per window (the login limiter's 15 minutes): per e-mail, per address. */
export const RESET_REQUEST_LIMITS = { account: 3, address: 10 } as const;

/** The only answer to a request, whether an account exists for the address or not. */
export const RESET_REQUEST_ANSWER =
  'Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien sert une seule fois et expire au bout d’une heure.';

export type ResetLinkState = 'valid' | 'unknown' | 'used' | 'expired';

export interface StoredResetLink {
  expiresAt: string;
  usedAt: string | null;
}

/** When a link requested at `now` expires. */
export function resetLinkExpiry(now: Date): string {
  return new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString();
}

/** The state of a stored link at `nowIso` (ISO instants compare as strings). */
export function resetLinkState(link: StoredResetLink | null, nowIso: string): ResetLinkState {
  if (!link) return 'unknown';
  if (link.usedAt !== null) return 'used';
  if (link.expiresAt <= nowIso) return 'expired';
  return 'valid';
}

/** What the reset page says of a link it cannot use. */
export function resetLinkRefusal(state: Exclude<ResetLinkState, 'valid'>): string {
  switch (state) {
    case 'used':
      return 'Ce lien de réinitialisation a déjà servi : il ne fonctionne qu’une fois. Demandez-en un nouveau si besoin.';
    case 'expired':
      return 'Ce lien de réinitialisation a expiré (il est valable une heure) : demandez-en un nouveau.';
    case 'unknown':
      return 'Ce lien de réinitialisation est invalide : vérifiez qu’il a été copié en entier, ou demandez-en un nouveau.';
  }
}

/** The counters a request of a reset link takes one from (never given back). */
export function resetRequestCounters(email: string, address: string): ThrottleCounter[] {
  return [
    { key: throttleKey('reset', email), kind: 'reset', limit: RESET_REQUEST_LIMITS.account },
    {
      key: throttleKey('reset-ip', address),
      kind: 'reset-ip',
      limit: RESET_REQUEST_LIMITS.address,
    },
  ];
}

export function tooManyResetRequests(retryAt: string, now: Date): HttpException {
  const minutes = Math.max(1, Math.ceil((Date.parse(retryAt) - now.getTime()) / 60_000));
  return new HttpException(
    `Trop de demandes de réinitialisation : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

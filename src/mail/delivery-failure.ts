import { retryDelayMs } from './message-id.js';

/** Tries of a message the server refuses for good (5xx) before it is given up. */
export const MAX_TRIES_REFUSED = 3;

/**
 * Tries of a message that keeps failing for a passing reason (4xx reply, network, timeout,
 * credentials): with the backoff of `retryDelayMs` (1, 2, 4… minutes, then every 6 hours), the
 * 20th try comes about 2 days and 20 hours after the first; then the message is given up.
 */
export const MAX_TRIES = 20;

/** Why a send failed: the server's reply (or the error), and whether it refused for good. */
export interface DeliveryFailure {
  /** A 5xx reply about this message (sender, recipient or content): sending it again is futile. */
  permanent: boolean;
  /** The server's reply when there is one (« 550 5.1.1 … »), the error message otherwise. */
  reason: string;
}

/** What to do with a message after a failed try. */
export type AfterFailure = { giveUp: true } | { giveUp: false; retryInMs: number };

function field(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

/** SMTP reply codes that mean « never » (RFC 5321: every 5yz except 503, a sequencing error). */
export function isPermanentReplyCode(code: number): boolean {
  return code >= 500 && code < 600 && code !== 503;
}

/**
 * Reads a transport error (nodemailer's carry `code`, `responseCode` and `response`). Only a 5xx
 * reply is permanent, and not when it refuses Jalon's credentials (`EAUTH`): that is a
 * configuration problem to fix, after which the message can still go.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  if (typeof error !== 'object' || error === null) {
    return { permanent: false, reason: String(error) };
  }
  const message = error instanceof Error ? error.message : String(error);
  const response = field(error, 'response');
  const reply = typeof response === 'string' && response.trim() !== '' ? response.trim() : null;
  const responseCode = field(error, 'responseCode');
  const code =
    typeof responseCode === 'number'
      ? responseCode
      : reply && /^\d{3}\b/.test(reply)
        ? Number(reply.slice(0, 3))
        : null;
  const errorCode = field(error, 'code');
  const credentials = errorCode === 'EAUTH' || errorCode === 'ENOAUTH';
  return {
    permanent: code !== null && isPermanentReplyCode(code) && !credentials,
    reason: reply ?? message,
  };
}

/**
 * After the `attempts`-th try failed: a permanent refusal is tried `MAX_TRIES_REFUSED` times in
 * all, anything else `MAX_TRIES` times, with exponential backoff in between.
 */
export function afterFailure(attempts: number, failure: DeliveryFailure): AfterFailure {
  const limit = failure.permanent ? MAX_TRIES_REFUSED : MAX_TRIES;
  if (attempts >= limit) return { giveUp: true };
  return { giveUp: false, retryInMs: retryDelayMs(attempts) };
}

import { createHash } from 'node:crypto';

/** The parts that make an outbox message unique. */
export interface OutboxKey {
  recipientId: string;
  kind: string;
  ref: string;
  step: string;
  date: string;
}

export function outboxKeyString(key: OutboxKey): string {
  return [key.recipientId, key.kind, key.ref, key.step, key.date].join('|');
}

/**
 * A Message-ID derived from the outbox key only: if a crash between the SMTP server's acceptance
 * and the database commit makes Jalon send a message again, the copy carries the same Message-ID
 * and mail clients (and people) can recognise it as a duplicate.
 */
export function deterministicMessageId(key: OutboxKey): string {
  return `<${createHash('sha256').update(outboxKeyString(key)).digest('hex')}@jalon>`;
}

/** Exponential backoff after a failed attempt: 1 min, 2, 4, … capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  const minute = 60_000;
  return Math.min(minute * 2 ** Math.max(0, attempts - 1), 6 * 60 * minute);
}

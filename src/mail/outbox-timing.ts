/**
 * How long a claimed outbox message stays reserved, how often the sender renews that
 * reservation, and how long the SMTP client waits for the server at each step.
 *
 * The lease outlives every SMTP wait by construction: a send stalled at any step fails after at
 * most one SMTP timeout, far within one lease, and while a send is in progress its lease is
 * renewed every heartbeat. So a lease only expires when the sending process stopped (crash,
 * kill) or could not reach the database for a whole lease.
 */

/** How long a claim on an outbox message lasts without renewal. */
export const LEASE_MS = 10 * 60_000;

/** How often the sender renews the claim of the message it is sending. */
export const HEARTBEAT_MS = 60_000;

/**
 * nodemailer's waits: to resolve the host, to connect, for the greeting, and for any reply on an
 * idle socket (its own default for the last one is 10 minutes, a whole lease).
 */
export const SMTP_TIMEOUTS = {
  dnsTimeout: 30_000,
  connectionTimeout: 30_000,
  greetingTimeout: 30_000,
  socketTimeout: 60_000,
} as const;

/** The lease and its renewal, as the sender uses them (tests shorten them). */
export interface OutboxLease {
  leaseMs: number;
  heartbeatMs: number;
}

export const DEFAULT_OUTBOX_LEASE: OutboxLease = { leaseMs: LEASE_MS, heartbeatMs: HEARTBEAT_MS };

/**
 * Throws unless the heartbeat renews a lease at least twice before it would expire (one late
 * or failed renewal must not lose the claim).
 */
export function checkOutboxLease(lease: OutboxLease): OutboxLease {
  if (!(lease.heartbeatMs > 0 && lease.heartbeatMs * 2 <= lease.leaseMs)) {
    throw new Error(
      `Réservation de la file d’envoi invalide : le renouvellement (${lease.heartbeatMs} ms) doit valoir au plus la moitié de la réservation (${lease.leaseMs} ms).`,
    );
  }
  return lease;
}

import {
  afterFailure,
  classifyDeliveryError,
  isPermanentReplyCode,
  MAX_TRIES,
  MAX_TRIES_REFUSED,
} from './delivery-failure.js';
import {
  checkOutboxLease,
  DEFAULT_OUTBOX_LEASE,
  HEARTBEAT_MS,
  LEASE_MS,
  SMTP_TIMEOUTS,
} from './outbox-timing.js';

/** An error shaped like nodemailer's. */
function smtpError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifyDeliveryError', () => {
  it('treats a 5xx refusal of the recipient or the message as permanent, with the server’s reply', () => {
    const reply = '550 5.1.1 <x@example.fr>: Recipient address rejected';
    expect(
      classifyDeliveryError(
        smtpError(`Can't send mail - all recipients were rejected: ${reply}`, {
          code: 'EENVELOPE',
          response: reply,
          responseCode: 550,
          command: 'RCPT TO',
        }),
      ),
    ).toEqual({ permanent: true, reason: reply });
    expect(
      classifyDeliveryError(
        smtpError('Message failed: 554 5.7.1 spam', {
          code: 'EMESSAGE',
          response: '554 5.7.1 spam',
          responseCode: 554,
        }),
      ),
    ).toEqual({ permanent: true, reason: '554 5.7.1 spam' });
    // The reply code is read from the reply when the error does not carry it.
    expect(
      classifyDeliveryError(smtpError('x', { response: '553 5.1.3 adresse invalide' })).permanent,
    ).toBe(true);
  });

  it.each([
    [
      'a 4xx reply (greylisting, mailbox busy)',
      { code: 'EENVELOPE', responseCode: 450, response: '450 4.2.0 greylisted' },
    ],
    [
      '421 (service closing)',
      { code: 'EPROTOCOL', responseCode: 421, response: '421 4.3.2 shutting down' },
    ],
    [
      '503 (bad sequence: a session problem, not the message)',
      { code: 'EPROTOCOL', responseCode: 503, response: '503 5.5.1 bad sequence' },
    ],
    [
      'refused credentials (configuration to fix)',
      { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' },
    ],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }],
    ['a timeout', { code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }],
  ])('treats %s as transient', (_label, fields) => {
    expect(classifyDeliveryError(smtpError('échec', fields)).permanent).toBe(false);
  });

  it('keeps the error message when there is no reply, and copes with non-errors', () => {
    expect(
      classifyDeliveryError(smtpError('connect ECONNREFUSED 127.0.0.1:25', { code: 'ESOCKET' })),
    ).toEqual({ permanent: false, reason: 'connect ECONNREFUSED 127.0.0.1:25' });
    expect(classifyDeliveryError('disque plein')).toEqual({
      permanent: false,
      reason: 'disque plein',
    });
    expect(classifyDeliveryError(null)).toEqual({ permanent: false, reason: 'null' });
  });

  it('reads reply codes as RFC 5321 does', () => {
    expect(
      [250, 354, 421, 450, 499, 500, 503, 550, 553, 554, 599, 600].map(isPermanentReplyCode),
    ).toEqual([false, false, false, false, false, true, false, true, true, true, true, false]);
  });
});

describe('afterFailure', () => {
  const refused = { permanent: true, reason: '550 non' };
  const passing = { permanent: false, reason: '451 plus tard' };

  it('gives a refused message three tries in all, with backoff in between', () => {
    expect(MAX_TRIES_REFUSED).toBe(3);
    expect(afterFailure(1, refused)).toEqual({ giveUp: false, retryInMs: 60_000 });
    expect(afterFailure(2, refused)).toEqual({ giveUp: false, retryInMs: 120_000 });
    expect(afterFailure(3, refused)).toEqual({ giveUp: true });
  });

  it('keeps the exponential backoff for passing failures, up to MAX_TRIES tries', () => {
    expect(afterFailure(1, passing)).toEqual({ giveUp: false, retryInMs: 60_000 });
    expect(afterFailure(3, passing)).toEqual({ giveUp: false, retryInMs: 240_000 });
    expect(afterFailure(MAX_TRIES - 1, passing)).toEqual({
      giveUp: false,
      retryInMs: 6 * 3_600_000,
    });
    expect(afterFailure(MAX_TRIES, passing)).toEqual({ giveUp: true });
    expect(afterFailure(MAX_TRIES + 1, passing)).toEqual({ giveUp: true });
    // The documented span: the last try comes between 2 and 3 days after the first.
    let span = 0;
    for (let attempt = 1; attempt < MAX_TRIES; attempt++) {
      const next = afterFailure(attempt, passing);
      if (next.giveUp) throw new Error('abandonné trop tôt');
      span += next.retryInMs;
    }
    expect(span).toBeGreaterThan(2 * 24 * 3_600_000);
    expect(span).toBeLessThan(3 * 24 * 3_600_000);
  });
});

describe('outbox timing', () => {
  it('makes the lease outlive every SMTP wait, and renews it many times per lease', () => {
    for (const wait of Object.values(SMTP_TIMEOUTS)) expect(wait * 5).toBeLessThanOrEqual(LEASE_MS);
    expect(HEARTBEAT_MS * 5).toBeLessThanOrEqual(LEASE_MS);
    expect(checkOutboxLease(DEFAULT_OUTBOX_LEASE)).toBe(DEFAULT_OUTBOX_LEASE);
  });

  it('refuses a heartbeat that would not renew a lease twice before it expires', () => {
    expect(() => checkOutboxLease({ leaseMs: 1_000, heartbeatMs: 600 })).toThrow(
      'au plus la moitié',
    );
    expect(() => checkOutboxLease({ leaseMs: 1_000, heartbeatMs: 0 })).toThrow();
    expect(checkOutboxLease({ leaseMs: 1_000, heartbeatMs: 500 }).leaseMs).toBe(1_000);
  });
});

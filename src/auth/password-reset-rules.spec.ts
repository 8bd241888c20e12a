import {
  PASSWORD_RESET_TTL_MS,
  RESET_REQUEST_LIMITS,
  resetLinkExpiry,
  resetLinkRefusal,
  resetLinkState,
  resetRequestCounters,
  tooManyResetRequests,
} from './password-reset-rules.js';

describe('password reset links', () => {
  const requested = new Date('2027-03-01T09:00:00.000Z');
  const expiresAt = resetLinkExpiry(requested);

  it('expire one hour after they were requested', () => {
    expect(PASSWORD_RESET_TTL_MS).toBe(3_600_000);
    expect(expiresAt).toBe('2027-03-01T10:00:00.000Z');
  });

  it('are valid until their expiry, not at it nor after', () => {
    expect(resetLinkState({ expiresAt, usedAt: null }, '2027-03-01T09:59:59.999Z')).toBe('valid');
    expect(resetLinkState({ expiresAt, usedAt: null }, '2027-03-01T10:00:00.000Z')).toBe('expired');
    expect(resetLinkState({ expiresAt, usedAt: null }, '2027-03-02T08:00:00.000Z')).toBe('expired');
  });

  it('serve once: a used link is refused, even before its expiry', () => {
    expect(
      resetLinkState({ expiresAt, usedAt: '2027-03-01T09:10:00.000Z' }, '2027-03-01T09:11:00.000Z'),
    ).toBe('used');
    expect(resetLinkState(null, '2027-03-01T09:11:00.000Z')).toBe('unknown');
  });

  it('say in French why a link cannot serve', () => {
    expect(resetLinkRefusal('used')).toMatch(/déjà servi/);
    expect(resetLinkRefusal('expired')).toMatch(/expiré/);
    expect(resetLinkRefusal('unknown')).toMatch(/invalide/);
  });

  it('are requested a few times per window, per e-mail and per address, without storing either', () => {
    const counters = resetRequestCounters('rs@centre.fr', '203.0.113.7');
    expect(counters.map((c) => [c.kind, c.limit])).toEqual([
      ['reset', RESET_REQUEST_LIMITS.account],
      ['reset-ip', RESET_REQUEST_LIMITS.address],
    ]);
    for (const c of counters) expect(c.key).toMatch(/^[0-9a-f]{64}$/);
    expect(resetRequestCounters('autre@centre.fr', '203.0.113.7')[0].key).not.toBe(counters[0].key);
    const refusal = tooManyResetRequests('2027-03-01T09:14:00.000Z', requested);
    expect(refusal.getStatus()).toBe(429);
    expect(refusal.message).toBe(
      'Trop de demandes de réinitialisation : réessayez dans 14 minutes.',
    );
  });
});

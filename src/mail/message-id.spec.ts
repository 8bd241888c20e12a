import { deterministicMessageId, retryDelayMs } from './message-id.js';

describe('deterministicMessageId', () => {
  const key = {
    recipientId: '4f1c0b7e-2d7a-4e55-9b1a-0c9d7a1e2f30',
    kind: 'digest',
    ref: 'digest',
    step: 'digest',
    date: '2027-06-01',
  };

  it('is the same for the same key and differs for another one', () => {
    const id = deterministicMessageId(key);
    expect(id).toMatch(/^<[0-9a-f]{64}@jalon>$/);
    expect(deterministicMessageId({ ...key })).toBe(id);
    expect(deterministicMessageId({ ...key, date: '2027-06-02' })).not.toBe(id);
    expect(deterministicMessageId({ ...key, kind: 'immediate' })).not.toBe(id);
  });
});

describe('retryDelayMs', () => {
  it('doubles from one minute and stops at six hours', () => {
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(2)).toBe(120_000);
    expect(retryDelayMs(4)).toBe(480_000);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });
});

import { HttpStatus } from '@nestjs/common';
import { DOCUMENT_CAPS, DocumentQuota, TooManyDocumentsException } from './document-quota.js';

describe('DocumentQuota', () => {
  const caps = { user: { packs: 2, requests: 4 }, centre: { packs: 3, requests: 5 } };

  it('counts packs and requests per user, and answers 429 beyond either cap', () => {
    const quota = new DocumentQuota(caps);
    const zips = [quota.enter('user', 'u1', 'pack'), quota.enter('user', 'u1', 'pack')];
    expect(() => quota.enter('user', 'u1', 'pack')).toThrow(TooManyDocumentsException);
    // A single document is still within the cap on requests.
    const singles = [quota.enter('user', 'u1', 'single'), quota.enter('user', 'u1', 'single')];
    expect(quota.inProgress('user', 'u1')).toEqual({ packs: 2, requests: 4 });
    let refusal: unknown;
    try {
      quota.enter('user', 'u1', 'single');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyDocumentsException);
    const exception = refusal as TooManyDocumentsException;
    expect(exception.getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS);
    expect(exception.message).toBe(
      'Trop de documents en cours de préparation pour votre compte : réessayez dans un instant.',
    );
    // Another user is not concerned.
    quota.enter('user', 'u2', 'pack')();
    singles[0]();
    quota.enter('user', 'u1', 'single');
    zips[0]();
    quota.enter('user', 'u1', 'pack');
  });

  it('caps a centre with its own limits and message', () => {
    const quota = new DocumentQuota(caps);
    for (let i = 0; i < 3; i++) quota.enter('centre', 'c1', 'pack');
    expect(() => quota.enter('centre', 'c1', 'pack')).toThrow(
      'Trop de documents en cours de préparation pour ce centre : réessayez dans un instant.',
    );
    quota.enter('centre', 'c1', 'single');
    quota.enter('centre', 'c1', 'single');
    expect(() => quota.enter('centre', 'c1', 'single')).toThrow(TooManyDocumentsException);
    expect(() => quota.enter('centre', 'c2', 'pack')).not.toThrow();
    // The same id as a user is another count.
    expect(() => quota.enter('user', 'c1', 'pack')).not.toThrow();
  });

  it('ends a request once only, and forgets the users and centres with nothing in progress', () => {
    const quota = new DocumentQuota(caps);
    const leave = quota.enter('user', 'u1', 'pack');
    const other = quota.enter('user', 'u1', 'single');
    leave();
    leave();
    expect(quota.inProgress('user', 'u1')).toEqual({ packs: 0, requests: 1 });
    other();
    expect(quota.inProgress('user', 'u1')).toEqual({ packs: 0, requests: 0 });
    expect(quota.size).toBe(0);
  });

  it('defaults to 2 ZIPs and 4 requests per user, 4 ZIPs and 8 requests per centre', () => {
    expect(DOCUMENT_CAPS).toEqual({
      user: { packs: 2, requests: 4 },
      centre: { packs: 4, requests: 8 },
    });
  });
});

import { FEED_ONCE_COOKIE, feedOnceSecret } from './calendar-feed-once.js';

describe('feedOnceSecret', () => {
  const secret = 'aZ09_-aZ09_-aZ09_-aZ09_-';

  it('reads the secret to show once from the cookies', () => {
    expect(feedOnceSecret(`a=1; ${FEED_ONCE_COOKIE}=${secret}`)).toBe(secret);
  });

  it('ignores a missing, empty or malformed value', () => {
    expect(feedOnceSecret(undefined)).toBeNull();
    expect(feedOnceSecret('a=1')).toBeNull();
    expect(feedOnceSecret(`${FEED_ONCE_COOKIE}=`)).toBeNull();
    expect(feedOnceSecret(`${FEED_ONCE_COOKIE}=short`)).toBeNull();
    expect(feedOnceSecret(`${FEED_ONCE_COOKIE}=${secret}%3Cscript%3E`)).toBeNull();
  });
});

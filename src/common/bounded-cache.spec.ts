import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('returns what was stored, and undefined for an unknown key', () => {
    const cache = new BoundedCache<string, number>(4);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its capacity', () => {
    const cache = new BoundedCache<number, number>(10);
    for (let i = 0; i < 1_000; i++) {
      cache.set(i, i);
      expect(cache.size).toBeLessThanOrEqual(10);
    }
    // The most recent half is always there.
    for (let i = 995; i < 1_000; i++) expect(cache.get(i)).toBe(i);
    expect(cache.get(0)).toBeUndefined();
  });

  it('keeps an entry that is used while newer ones come in, drops one that is not', () => {
    const cache = new BoundedCache<string, number>(4);
    cache.set('used', 1);
    cache.set('unused', 2);
    for (let i = 0; i < 20; i++) {
      cache.set(`new-${i}`, i);
      expect(cache.get('used')).toBe(1);
    }
    expect(cache.get('unused')).toBeUndefined();
  });

  it('replaces the value of a key already present', () => {
    const cache = new BoundedCache<string, number>(4);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    cache.set('b', 3);
    cache.set('c', 4); // `a` and `b` are now the old generation
    cache.set('a', 5);
    expect(cache.get('a')).toBe(5);
  });

  it('refuses a capacity below 2 or not an integer', () => {
    expect(() => new BoundedCache(1)).toThrow(RangeError);
    expect(() => new BoundedCache(2.5)).toThrow(RangeError);
  });
});

import { jsonEqual } from './json-equal.js';

describe('jsonEqual', () => {
  it('compares primitives by value', () => {
    expect(jsonEqual('é', 'é')).toBe(true);
    expect(jsonEqual('a', 'b')).toBe(false);
    expect(jsonEqual(1, 1)).toBe(true);
    expect(jsonEqual(1, '1')).toBe(false);
    expect(jsonEqual(null, null)).toBe(true);
    expect(jsonEqual(null, false)).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });

  it('compares arrays item by item, in order', () => {
    expect(jsonEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(jsonEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(jsonEqual(['a'], ['a', 'b'])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
  });

  it('compares objects key by key, whatever their order, nested', () => {
    expect(jsonEqual({ a: 1, b: { c: [true] } }, { b: { c: [true] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: { c: [true] } }, { a: 1, b: { c: [false] } })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: undefined }, { b: undefined })).toBe(false);
    expect(jsonEqual({ a: null }, { a: null })).toBe(true);
  });

  it('treats objects that are not plain data as equal only to themselves', () => {
    const date = new Date(0);
    expect(jsonEqual(date, date)).toBe(true);
    expect(jsonEqual(new Date(0), new Date(1))).toBe(false);
    expect(jsonEqual(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false);
    expect(jsonEqual({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
    expect(jsonEqual(Object.create(null) as object, {})).toBe(true);
  });
});

import {
  parseReturnTarget,
  returnTargetKey,
  RETURN_TARGETS,
  UNKNOWN_RETURN_TARGET,
} from './return-target.js';

describe('parseReturnTarget', () => {
  it('means the session page when the field is absent or empty', () => {
    expect(parseReturnTarget(undefined)).toEqual({ ok: true, target: null });
    expect(parseReturnTarget('')).toEqual({ ok: true, target: null });
  });

  it('knows « Mes échéances » and its view of my sessions', () => {
    expect(parseReturnTarget('echeances')).toEqual({
      ok: true,
      target: { key: 'echeances', path: '/echeances', view: 'all' },
    });
    expect(parseReturnTarget('echeances-miennes')).toEqual({
      ok: true,
      target: { key: 'echeances-miennes', path: '/echeances?view=mine', view: 'mine' },
    });
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/echeances',
    '/\\evil.example',
    'ECHEANCES',
    ' echeances',
    'constructor',
    '__proto__',
    'toString',
    ['echeances'],
    { echeances: '1' },
    42,
    null,
  ])('refuses %p with a French message', (value) => {
    expect(parseReturnTarget(value)).toEqual({ ok: false, message: UNKNOWN_RETURN_TARGET });
  });

  it('only ever leads to an internal path', () => {
    for (const target of Object.values(RETURN_TARGETS)) {
      expect(target.path).toMatch(/^\/[a-z]/);
    }
  });

  it('names the key of the page’s view', () => {
    expect(returnTargetKey(false)).toBe('echeances');
    expect(returnTargetKey(true)).toBe('echeances-miennes');
  });
});

import { HttpException } from '@nestjs/common';
import {
  bodyKindOf,
  forbiddenJsonKeys,
  isApiPath,
  isForbiddenKey,
  jsonTooDeep,
  mediaTypeOf,
  parseJsonBody,
  parseUrlEncoded,
} from './body-parsing.js';

function refusal(run: () => unknown): { status: number; body: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpException)
      return { status: error.getStatus(), body: error.getResponse() };
    throw error;
  }
  throw new Error('not refused');
}

describe('jsonTooDeep', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('allows 32 levels of arrays and objects, refuses 33', () => {
    expect(jsonTooDeep(nested(32))).toBe(false);
    expect(jsonTooDeep(nested(33))).toBe(true);
    expect(jsonTooDeep('{"a":'.repeat(33) + '1' + '}'.repeat(33))).toBe(true);
    expect(jsonTooDeep(`{"a":[${nested(30)}]}`)).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonTooDeep(JSON.stringify({ a: '['.repeat(100) }))).toBe(false);
    expect(jsonTooDeep(JSON.stringify({ a: '\\"[[[[', b: '"' + '{'.repeat(40) }))).toBe(false);
    expect(jsonTooDeep(`["\\\\", ${nested(40)}]`)).toBe(true);
  });

  it('counts siblings once: depth, not the number of containers', () => {
    expect(jsonTooDeep(`[${Array(1000).fill('[]').join(',')}]`)).toBe(false);
  });
});

describe('forbiddenJsonKeys', () => {
  it('finds __proto__, constructor and prototype at any depth, as field paths', () => {
    const value = JSON.parse(
      '{"a":1,"__proto__":{"x":1},"list":[{"ok":1},{"constructor":2}],"o":{"prototype":{}}}',
    ) as unknown;
    expect(forbiddenJsonKeys(value)).toEqual(['__proto__', 'list[1].constructor', 'o.prototype']);
    expect(forbiddenJsonKeys({ name: 'constructor', proto: '__proto__' })).toEqual([]);
  });
});

describe('parseJsonBody', () => {
  it('parses objects and arrays; an empty body is {}', () => {
    expect(parseJsonBody('{"a":[1]}')).toEqual({ a: [1] });
    expect(parseJsonBody('[1]')).toEqual([1]);
    expect(parseJsonBody('  ')).toEqual({});
  });

  it('refuses, in French, depth before parsing, malformed JSON, scalars and prototype keys', () => {
    expect(refusal(() => parseJsonBody('['.repeat(5000)))).toEqual({
      status: 400,
      body: expect.objectContaining({
        message: 'Le corps de la requête est trop imbriqué (profondeur maximale : 32).',
      }),
    });
    expect(refusal(() => parseJsonBody('{"a":'))).toMatchObject({ status: 400 });
    expect(refusal(() => parseJsonBody('"text"'))).toMatchObject({ status: 400 });
    expect(refusal(() => parseJsonBody('{"__proto__":{}}'))).toEqual({
      status: 400,
      body: expect.objectContaining({
        message: 'Le champ « __proto__ » n’est pas autorisé.',
        fields: [{ field: '__proto__', message: 'Le champ « __proto__ » n’est pas autorisé.' }],
      }),
    });
  });
});

describe('parseUrlEncoded', () => {
  it('reads names as written, repeated names as arrays, + as a space', () => {
    expect(parseUrlEncoded('a=1&b=x+y&a=2&c[d]=%C3%A9&empty=&flag')).toEqual({
      a: ['1', '2'],
      b: 'x y',
      'c[d]': 'é',
      empty: '',
      flag: '',
    });
    expect(parseUrlEncoded('')).toEqual({});
    expect(parseUrlEncoded('p=100%')).toEqual({ p: '100%' });
  });

  it('refuses prototype keys and invalid UTF-8, naming the field', () => {
    expect(refusal(() => parseUrlEncoded('a=1&a[__proto__]=x'))).toMatchObject({
      status: 400,
      body: { fields: [{ field: 'a[__proto__]' }] },
    });
    expect(refusal(() => parseUrlEncoded('lastName=L%9Cvenbruck'))).toMatchObject({
      status: 400,
      body: {
        fields: [
          { field: 'lastName', message: 'Le champ « lastName » n’est pas un texte UTF-8 valide.' },
        ],
      },
    });
  });

  it('refuses more than 1000 fields with 413', () => {
    expect(refusal(() => parseUrlEncoded(Array(1001).fill('a=1').join('&')))).toMatchObject({
      status: 413,
    });
  });
});

describe('content types and paths', () => {
  it('tells JSON, forms, multipart and the rest apart', () => {
    expect(bodyKindOf(mediaTypeOf('application/json; charset=UTF-8'))).toBe('json');
    expect(mediaTypeOf('application/json; charset="UTF-8"')?.charset).toBe('utf-8');
    expect(bodyKindOf(mediaTypeOf('application/merge-patch+json'))).toBe('json');
    expect(bodyKindOf(mediaTypeOf('Application/X-WWW-Form-Urlencoded'))).toBe('form');
    expect(bodyKindOf(mediaTypeOf('multipart/form-data; boundary=x'))).toBe('multipart');
    expect(bodyKindOf(mediaTypeOf('text/plain'))).toBe('other');
    expect(bodyKindOf(mediaTypeOf(undefined))).toBe('other');
    expect(bodyKindOf(mediaTypeOf('application/jsonx'))).toBe('other');
  });

  it('knows the API by its path and prototype keys by their segments', () => {
    expect(isApiPath('/api/sessions')).toBe(true);
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/apiary')).toBe(false);
    expect(isApiPath('/sessions')).toBe(false);
    expect(isForbiddenKey('a[constructor]')).toBe(true);
    expect(isForbiddenKey('a.prototype.b')).toBe(true);
    expect(isForbiddenKey('constructorName')).toBe(false);
  });
});

/**
 * Values a careless or hostile client sends: wrong types, hostile characters, far or impossible
 * dates, malformed identifiers, deep or huge structures. Identifiers of seeded rows are symbolic
 * (`IdRef`) and resolved when the request is sent, so that generated cases stay replayable.
 */
import fc from 'fast-check';

/** The kinds of seeded rows a path parameter or a body field can point to. */
export type IdKind =
  | 'centre'
  | 'site'
  | 'titre'
  | 'session'
  | 'candidate'
  | 'person'
  | 'juryMember'
  | 'assignment'
  | 'task'
  | 'incident'
  | 'manager'
  | 'admin'
  | 'otherCentre'
  | 'otherSession'
  | 'agrement';

/** The id of a seeded row, as is, in uppercase, or padded with spaces. */
export class IdRef {
  constructor(
    readonly kind: IdKind,
    readonly variant: 'valid' | 'upper' | 'spaced' | 'braced' = 'valid',
  ) {}

  resolve(ids: Record<IdKind, string>): string {
    const id = ids[this.kind];
    if (this.variant === 'upper') return id.toUpperCase();
    if (this.variant === 'spaced') return ` ${id} `;
    if (this.variant === 'braced') return `{${id}}`;
    return id;
  }

  toJSON(): string {
    return `<${this.kind}:${this.variant}>`;
  }
}

/** A JSON value whose serialisation needs raw text (`__proto__` as an own key, deep nesting…). */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}

  toJSON(): string {
    return `<raw:${this.label}>`;
  }
}

/** Characters the validation policy must refuse (or strip) in any text field. */
export const HOSTILE_CHARACTERS: Record<string, string> = {
  NUL: '\u0000',
  BEL: '\u0007',
  ESC: '\u001b[31m',
  DEL: '\u007f',
  C1: '\u0085\u009c',
  CRLF: '\r\nBcc: pirate@example.com\r\n',
  'lone high surrogate': '\ud800',
  'lone low surrogate': '\udc00',
  'bidi override': '\u202e',
  'bidi isolate': '\u2066',
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  BOM: '\ufeff',
  'line separator': '\u2028',
  noncharacter: '\uffff',
};

const hostileCharacter = fc.constantFrom(...Object.values(HOSTILE_CHARACTERS));

/** Text: hostile characters inside otherwise plausible values, sizes, injections, non-NFC. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '   \t  ',
    'x'.repeat(5_000),
    'é'.repeat(70_000),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%s%n%x',
    '../../etc/passwd',
    '{{constructor.constructor("return process")()}}',
    'Lœvenbruck ’ « » …',
    'e\u0301te\u0301', // not NFC
    '\u0000',
    '\ud83d', // half an emoji
    '😀'.repeat(300),
    'null',
    'undefined',
    'true',
    '0',
    '-1',
    'NaN',
    'Infinity',
  ),
  fc
    .tuple(
      fc.constantFrom('Dupont', 'Salle Molière', 'rs@centre.fr', 'CCP1', '2027-06-14'),
      hostileCharacter,
    )
    .map(([base, bad]) => `${base.slice(0, 3)}${bad}${base.slice(3)}`),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Dates: far, impossible, wrongly formatted, or on the edges of a 1900–2100 range. */
export const hostileDate: fc.Arbitrary<string> = fc.constantFrom(
  '9995-01-01',
  '9994-12-31',
  '9999-12-31',
  '0001-01-01',
  '0000-01-01',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '2027-02-30',
  '2027-02-29',
  '2027-13-01',
  '2027-00-10',
  '2027-6-4',
  '27-06-14',
  '14/06/2027',
  '2027-06-14T08:00:00Z',
  '2027-06-14 ',
  '+275760-09-13',
  '-000001-01-01',
  '20270614',
  '２０２７-０６-１４', // full-width digits
);

/** Numbers: out of range, fractional, huge, negative zero, as strings. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.constantFrom(
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  1e308,
  -0,
  '12',
  '1e3',
  '',
  '0x10',
);

export const hostileBoolean: fc.Arbitrary<unknown> = fc.constantFrom(
  'true',
  'false',
  1,
  0,
  'oui',
  '',
);

/** A JSON array nested `depth` deep (4 KB of `[` is enough to crash naive recursive code). */
export function nestedArrays(depth: number): RawJson {
  return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `${depth} nested arrays`);
}

export function nestedObjects(depth: number): RawJson {
  return new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `${depth} nested objects`);
}

/** Structures in place of a scalar, or in place of the whole body. */
export const hostileStructure: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    [],
    {},
    [null],
    ['a', 'b'],
    { $ne: null },
    { toString: 'x' },
    true,
    new RawJson('{"__proto__":{"isAdmin":true,"role":"admin"}}', '__proto__ object'),
    new RawJson('{"constructor":{"prototype":{"isAdmin":true}}}', 'constructor object'),
    nestedArrays(4_096),
    nestedObjects(600),
    new RawJson(`[${Array.from({ length: 20_000 }, () => '0').join(',')}]`, '20k-item array'),
  ),
  fc.integer({ min: 2, max: 60 }).map(nestedArrays),
);

/** Identifiers in a field or a path: other rows, unknown, uppercase, malformed, very long. */
export function hostileId(valid: IdKind): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      new IdRef(valid, 'upper'),
      new IdRef(valid, 'spaced'),
      new IdRef(valid, 'braced'),
      new IdRef('otherCentre'),
      new IdRef('otherSession'),
      new IdRef('candidate'),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '00000000-0000-0000-0000-00000000000g',
      'not-a-uuid',
      '1',
      '%00',
      'x'.repeat(3_000),
    ),
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
  );
}

/** Any hostile value for a field of this kind (the field's own type first, then any type). */
export function hostileFor(kind: FieldKind): fc.Arbitrary<unknown> {
  const own =
    kind.type === 'id'
      ? hostileId(kind.idKind)
      : kind.type === 'date'
        ? hostileDate
        : kind.type === 'number'
          ? hostileNumber
          : kind.type === 'boolean'
            ? hostileBoolean
            : kind.type === 'enum'
              ? fc.constantFrom<unknown>(
                  '',
                  'INCONNU',
                  ...kind.values.map((v) => v.toLowerCase()),
                  ...kind.values.map((v) => ` ${v}`),
                )
              : hostileString;
  return fc.oneof(
    { weight: 8, arbitrary: own },
    { weight: 2, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileStructure },
    { weight: 1, arbitrary: hostileDate },
    { weight: 1, arbitrary: hostileNumber },
  );
}

export type FieldKind =
  | { type: 'id'; idKind: IdKind }
  | { type: 'date' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'enum'; values: string[] }
  | { type: 'text' };

/** Keys a body should not carry: prototype pollution, server-owned fields, unknown ones. */
export const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'version',
  'createdAt',
  'centreId',
  'role',
  'isAdmin',
  'champInconnu',
  '',
  'a'.repeat(300),
];

/** Characters that must never come back from the server in stored text. */
export const FORBIDDEN_IN_STORED_TEXT =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

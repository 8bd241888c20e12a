/**
 * Requests generated from the OpenAPI document: a valid-ish body per operation (seeded ids,
 * plausible values), then mutations of its fields, of the whole body, of the path parameters,
 * of the query string and of the body's headers.
 */
import fc from 'fast-check';
import {
  EXTRA_KEYS,
  nestedArrays,
  hostileDate,
  hostileFor,
  hostileId,
  hostileNumber,
  hostileString,
  hostileStructure,
  IdRef,
  RawJson,
  type FieldKind,
  type IdKind,
} from './hostile.js';
import type { Role } from './fixtures.js';

export interface Schema {
  type?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  nullable?: boolean;
  $ref?: string;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As documented: `/api/sessions/{id}`. */
  path: string;
  pathParams: string[];
  query: OpenApiParameter[];
  headers: OpenApiParameter[];
  body: Schema | null;
  secured: boolean;
  key: string;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const list: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const body = op.requestBody?.content['application/json']?.schema;
      list.push({
        method: method as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        body: body ? resolve(doc, body) : null,
        secured: (op.security ?? []).length > 0,
        key: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return list;
}

function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.items) return { ...schema, items: resolve(doc, schema.items) };
  if (schema.properties) {
    return {
      ...schema,
      properties: Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v)]),
      ),
    };
  }
  return schema;
}

const ID_FIELDS: Record<string, IdKind> = {
  centreId: 'centre',
  siteId: 'site',
  titreId: 'titre',
  juryMemberId: 'juryMember',
  candidateId: 'candidate',
  personId: 'person',
  managerId: 'manager',
  deputyManagerId: 'admin',
};

const DATE_FIELD = /(Date|validUntil|ValidUntil|doneAt|declaredOn|occurredOn)$/;

export function fieldKind(name: string, schema: Schema): FieldKind {
  if (ID_FIELDS[name]) return { type: 'id', idKind: ID_FIELDS[name] };
  if (DATE_FIELD.test(name)) return { type: 'date' };
  if (schema.enum) return { type: 'enum', values: schema.enum };
  if (schema.type === 'number' || schema.type === 'integer') return { type: 'number' };
  if (schema.type === 'boolean') return { type: 'boolean' };
  return { type: 'text' };
}

const PLAUSIBLE: Record<string, unknown> = {
  email: 'camille.martin@example.fr',
  password: 'un-mot-de-passe-solide',
  startDate: '2027-06-14',
  endDate: '2027-06-18',
  occurredOn: '2027-06-14',
  birthDate: '1990-04-12',
  doneAt: '2027-02-20',
  declaredOn: '2027-03-01',
  validUntil: '2029-12-31',
  startTime: '08:30',
  version: 1,
  ccpCodes: ['CCP1'],
  code: 'CCP1',
  ccpCode: 'CCP1',
  centreIds: [new IdRef('centre')],
  offsets: [14, 7, 1, 0],
  overdueEveryDays: 7,
  maxCandidates: 12,
  siret: '82412345600017',
  postalCode: '69002',
  phone: '04 72 00 00 00',
  reason: 'Indisponibilité de la salle',
  description: 'Un candidat a consulté son téléphone.',
  lastName: 'Dupré',
  firstName: 'Éloïse',
};

/** A plausible value for a field (seeded ids, sensible dates, the schema's example). */
export function plausible(name: string, schema: Schema): unknown {
  const kind = fieldKind(name, schema);
  if (kind.type === 'id') return new IdRef(kind.idKind);
  if (name in PLAUSIBLE) return PLAUSIBLE[name];
  if (schema.type === 'array' && schema.items?.properties) return [plausibleObject(schema.items)];
  if (schema.type === 'array') return [];
  if (kind.type === 'date') return '2027-06-15';
  if (kind.type === 'enum') return kind.values[0];
  if (schema.example !== undefined) return schema.example;
  if (kind.type === 'number') return 1;
  if (kind.type === 'boolean') return true;
  return 'Salle Molière, 12 rue de la Paix';
}

export function plausibleObject(schema: Schema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if ((schema.required ?? []).includes(name)) body[name] = plausible(name, prop);
  }
  return body;
}

/** One change to the body: a path of keys, and a value (`DELETE` removes the key). */
export type Mutation = { path: (string | number)[]; value: unknown };
export const DELETE = Symbol('delete');

export type BodyCase =
  | { kind: 'none' }
  | { kind: 'object'; optional: string[]; mutations: Mutation[] }
  | { kind: 'whole'; value: unknown }
  | { kind: 'raw'; text: string | Buffer; label: string };

export interface ApiCase {
  auth: Role | 'none' | 'garbage';
  params: Record<string, unknown>;
  query: { name: string; value: unknown }[];
  body: BodyCase;
  contentType: string | null;
  contentEncoding: string | null;
  accept: string | null;
}

const RAW_BODIES: { text: string | Buffer; label: string }[] = [
  { text: '{', label: 'truncated JSON' },
  { text: '{"a":', label: 'truncated JSON' },
  { text: "{'lastName':'Dupont'}", label: 'single quotes' },
  { text: '{"a":1}{"b":2}', label: 'two documents' },
  { text: '{"a":1,}', label: 'trailing comma' },
  { text: '{"email":"a@b.fr","email":["x"]}', label: 'duplicate keys' },
  { text: 'null', label: 'null' },
  { text: '"texte"', label: 'string' },
  { text: '42', label: 'number' },
  { text: '\u0000', label: 'NUL' },
  { text: '\ufeff{}', label: 'BOM' },
  { text: '{"name":"\\ud800"}', label: 'escaped lone surrogate' },
  {
    text: '{"name":"a\\u0000b","lastName":"a\\u0000b","reason":"a\\u0000b"}',
    label: 'escaped NUL',
  },
  {
    text: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    label: 'invalid UTF-8',
  },
  { text: Buffer.from('{"a":"é"}', 'utf16le'), label: 'UTF-16 body' },
  { text: 'a=1&b=2', label: 'form text' },
  { text: ' '.repeat(2_000_000), label: '2 MB of spaces' },
];

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'JSON',
  '',
];

const ENCODINGS = ['gzip', 'deflate', 'br', 'bogus', 'identity, gzip', 'zstd'];

function pathParamKind(op: Operation, name: string): IdKind | 'file' {
  if (name === 'cid') return 'candidate';
  if (name === 'assignmentId') return 'assignment';
  if (name === 'taskId') return 'task';
  if (name === 'incidentId') return 'incident';
  if (name === 'file') return 'file';
  if (op.path.startsWith('/api/centres')) return 'centre';
  if (op.path.startsWith('/api/titres')) return 'titre';
  if (op.path.startsWith('/api/agrements')) return 'agrement';
  if (op.path.startsWith('/api/jury-members')) return 'juryMember';
  if (op.path.startsWith('/api/people')) return 'person';
  return 'session';
}

/** The feed file of the fixtures (resolved when sent). */
export class FeedFileRef {
  constructor(readonly variant: 'valid' | 'upper' | 'noext') {}
  toJSON(): string {
    return `<feed:${this.variant}>`;
  }
}

/** A raw piece of URL, sent as is (bad percent-encoding, encoded NUL…). */
export class RawUrl {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `<raw:${this.text.slice(0, 40)}>`;
  }
}

const RAW_URL_PIECES = [
  '%',
  '%ZZ',
  '%00',
  '%C0%80',
  '%ED%A0%80',
  '%E2%80%AE',
  '..%2F..%2F',
  '%2e%2e',
  '%0d%0aX-Injected:%201',
];

function pathParamArb(op: Operation, name: string): fc.Arbitrary<unknown> {
  const kind = pathParamKind(op, name);
  const valid: fc.Arbitrary<unknown> =
    kind === 'file' ? fc.constant(new FeedFileRef('valid')) : fc.constant(new IdRef(kind));
  const bad: fc.Arbitrary<unknown> =
    kind === 'file'
      ? fc.oneof(
          fc.constantFrom(new FeedFileRef('upper'), new FeedFileRef('noext')),
          hostileString,
          fc.uuid().map((u) => `${u}.ics`),
        )
      : hostileId(kind);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: bad },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES).map((p) => new RawUrl(p)) },
  );
}

function queryValueArb(param: OpenApiParameter | null): fc.Arbitrary<unknown> {
  const own: fc.Arbitrary<unknown>[] = [];
  if (param?.schema?.enum) own.push(fc.constantFrom(...param.schema.enum));
  if (param?.schema?.type === 'number') {
    own.push(
      fc.constantFrom(
        '2027',
        '1999',
        '2000',
        '2100',
        '2101',
        '0',
        '-1',
        '2027.5',
        '1e3',
        '9'.repeat(30),
      ),
    );
  }
  if (param?.name.endsWith('Id')) own.push(hostileId('centre'), fc.constant(new IdRef('centre')));
  return fc.oneof(
    ...own.map((arbitrary) => ({ weight: 3, arbitrary })),
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: hostileDate },
    { weight: 1, arbitrary: hostileNumber.map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES).map((p) => new RawUrl(p)) },
  );
}

function queryArb(op: Operation): fc.Arbitrary<{ name: string; value: unknown }[]> {
  const documented = op.query.map((p) =>
    fc.record({ name: fc.constant(p.name), value: queryValueArb(p) }),
  );
  const names = [
    ...op.query.map((p) => p.name),
    ...op.query.map((p) => `${p.name}[]`),
    ...op.query.map((p) => `${p.name}[a]`),
    'from',
    'to',
    'month',
    'limit',
    '__proto__',
  ];
  const any = fc.record({ name: fc.constantFrom(...names), value: queryValueArb(null) });
  return fc.array(fc.oneof(...documented, any), { maxLength: 4 });
}

function bodyArb(op: Operation): fc.Arbitrary<BodyCase> {
  const schema = op.body;
  if (!schema) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant<BodyCase>({ kind: 'none' }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...RAW_BODIES).map((r): BodyCase => ({ kind: 'raw', ...r })),
      },
      {
        weight: 1,
        arbitrary: hostileStructure.map((value): BodyCase => ({ kind: 'whole', value })),
      },
    );
  }
  const props = schema.properties ?? {};
  const optional = Object.keys(props).filter((k) => !(schema.required ?? []).includes(k));
  type Target = { path: (string | number)[]; kind: FieldKind };
  const paths: fc.Arbitrary<Target>[] = [
    ...Object.entries(props).map(([name, prop]) =>
      fc.constant<Target>({ path: [name], kind: fieldKind(name, prop) }),
    ),
    fc
      .constantFrom(...EXTRA_KEYS)
      .map((name): Target => ({ path: [name], kind: { type: 'text' } })),
  ];
  for (const [name, prop] of Object.entries(props)) {
    if (prop.type === 'array' && prop.items?.properties) {
      for (const [sub, subProp] of Object.entries(prop.items.properties)) {
        paths.push(fc.constant<Target>({ path: [name, 0, sub], kind: fieldKind(sub, subProp) }));
      }
    }
    if (prop.type === 'array' && !prop.items?.properties) {
      const item = fieldKind(name.replace(/s$/, ''), prop.items ?? {});
      paths.push(fc.constant<Target>({ path: [name, 0], kind: item }));
    }
  }
  const mutation: fc.Arbitrary<Mutation> = fc
    .oneof(...paths)
    .chain(({ path, kind }) =>
      fc
        .oneof(
          { weight: 1, arbitrary: fc.constant<unknown>(DELETE) },
          { weight: 6, arbitrary: hostileFor(kind) },
        )
        .map((value) => ({ path, value })),
    );
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc
        .record({
          optional: fc.subarray(optional),
          // Mostly one change to an otherwise valid body, so that it reaches the service.
          mutations: fc.oneof(
            { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
            { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
            { weight: 3, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
          ),
        })
        .map((r): BodyCase => ({ kind: 'object', ...r })),
    },
    { weight: 1, arbitrary: hostileStructure.map((value): BodyCase => ({ kind: 'whole', value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((r): BodyCase => ({ kind: 'raw', ...r })),
    },
  );
}

export function apiCaseArb(op: Operation): fc.Arbitrary<ApiCase> {
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of op.pathParams) params[name] = pathParamArb(op, name);
  return fc.record({
    auth: op.secured
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constant<ApiCase['auth']>('admin') },
          { weight: 4, arbitrary: fc.constant<ApiCase['auth']>('manager') },
          { weight: 1, arbitrary: fc.constantFrom<ApiCase['auth']>('viewer', 'none', 'garbage') },
        )
      : fc.constantFrom<ApiCase['auth']>('none', 'none', 'manager', 'garbage'),
    params: fc.record(params),
    query: fc.oneof(
      { weight: op.query.length > 0 ? 1 : 4, arbitrary: fc.constant<ApiCase['query']>([]) },
      { weight: 2, arbitrary: queryArb(op) },
    ),
    body: bodyArb(op),
    contentType: fc.oneof(
      { weight: 10, arbitrary: fc.constant<string | null>('application/json') },
      { weight: 1, arbitrary: fc.constant<string | null>(null) },
      { weight: 2, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
    ),
    contentEncoding: fc.oneof(
      { weight: 12, arbitrary: fc.constant<string | null>(null) },
      { weight: 1, arbitrary: fc.constantFrom<string | null>(...ENCODINGS) },
    ),
    accept: op.headers.some((h) => h.name === 'accept')
      ? fc.constantFrom<string | null>(
          null,
          'text/csv',
          'application/json',
          '*/*',
          'text/html',
          'x/y;;',
        )
      : fc.constant(null),
  });
}

/** Builds the body sent for a case: JSON text (or raw bytes) and a printable description. */
export function bodyText(
  op: Operation,
  body: BodyCase,
  resolveValue: (v: unknown) => unknown,
): { text: string | Buffer | null; fields: string[]; values: unknown[] } {
  if (body.kind === 'none') return { text: null, fields: [], values: [] };
  if (body.kind === 'raw') return { text: body.text, fields: [], values: [] };
  if (body.kind === 'whole') {
    return { text: serialise(resolveValue(body.value)), fields: [], values: [body.value] };
  }
  const base = plausibleObject(op.body ?? {});
  for (const name of body.optional) base[name] = plausible(name, op.body?.properties?.[name] ?? {});
  const fields: string[] = [];
  const values: unknown[] = [];
  for (const m of body.mutations) {
    setPath(base, m.path, m.value);
    fields.push(String(m.path[0]));
    if (m.value !== DELETE) values.push(m.value);
  }
  return { text: serialise(resolveValue(base)), fields, values };
}

function setPath(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') return; // the path was mutated away
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === DELETE) {
    delete node[last];
  } else {
    // An own property even for `__proto__` (JSON.stringify then writes it as a key).
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

/** JSON text with `RawJson` values spliced in verbatim. */
export function serialise(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    const own = (this as Record<string, unknown>)[_key];
    if (own instanceof RawJson) {
      raws.push(own.text);
      return `\u0000RAW${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return 'null';
  return text.replace(/"\\u0000RAW(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]);
}

/** The worst value of each kind, for the systematic sweep (one field at a time). */
function worstValues(name: string, kind: FieldKind, index: number): unknown[] {
  switch (kind.type) {
    case 'date':
      return [index % 2 === 0 ? '9995-01-01' : '0001-01-01', '9994-12-31'];
    case 'id':
      return [new IdRef(kind.idKind, 'upper')];
    case 'number':
      return [-1, '12'];
    case 'boolean':
      return ['true'];
    case 'enum':
      return ['INCONNU'];
    case 'text':
      return /email/i.test(name)
        ? ['rs\ud800@centre.fr', 'Dup\u0000ont']
        : ['Dup\u0000ont', 'Dup\u202eont'];
  }
}

/**
 * A systematic sweep run before the random cases, so that a short CI run still tries each field
 * of each body with null and with the worst value of its kind (far dates, NUL, a lone surrogate,
 * a bidi override, an uppercase id…), and each body with deep nesting and prototype keys.
 */
export function sweepCases(op: Operation): ApiCase[] {
  const base: ApiCase = {
    auth: op.secured ? 'admin' : 'none',
    params: Object.fromEntries(op.pathParams.map((name) => [name, validParam(op, name)])),
    query: [],
    body: { kind: 'none' },
    contentType: 'application/json',
    contentEncoding: null,
    accept: null,
  };
  const cases: ApiCase[] = [];
  for (const name of op.pathParams) {
    cases.push({ ...base, params: { ...base.params, [name]: upperParam(op, name) } });
  }
  for (const q of op.query) {
    cases.push({ ...base, query: [{ name: q.name, value: '9995-01-01' }] });
    cases.push({
      ...base,
      query: [
        { name: q.name, value: 'a' },
        { name: q.name, value: 'b' },
      ],
    });
  }
  if (!op.body) return cases;
  // Required fields only (plus the one changed), so that nothing else gets refused first.
  const optional: string[] = [];
  Object.entries(op.body.properties ?? {}).forEach(([name, prop], index) => {
    for (const value of [null, ...worstValues(name, fieldKind(name, prop), index)]) {
      cases.push({
        ...base,
        body: { kind: 'object', optional, mutations: [{ path: [name], value }] },
      });
    }
  });
  // Every date of the body at once (a start after its end is refused before the range is).
  const dates = Object.entries(op.body.properties ?? {})
    .filter(([name, prop]) => fieldKind(name, prop).type === 'date')
    .map(([name]) => name);
  if (dates.length > 1) {
    for (const value of ['9995-01-01', '0001-01-01', '9994-12-31']) {
      const mutations = dates.map((name) => ({ path: [name], value }));
      cases.push({ ...base, body: { kind: 'object', optional, mutations } });
    }
  }
  cases.push(
    { ...base, body: { kind: 'whole', value: nestedArrays(4_096) } },
    {
      ...base,
      body: {
        kind: 'raw',
        text: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
        label: 'prototype keys',
      },
    },
    { ...base, body: { kind: 'object', optional, mutations: [] }, contentType: 'text/plain' },
    { ...base, body: { kind: 'object', optional, mutations: [] }, contentType: null },
    { ...base, body: { kind: 'object', optional, mutations: [] }, contentEncoding: 'bogus' },
    { ...base, body: { kind: 'raw', text: '{"a":', label: 'truncated JSON' } },
  );
  return cases;
}

function validParam(op: Operation, name: string): unknown {
  const kind = pathParamKind(op, name);
  return kind === 'file' ? new FeedFileRef('valid') : new IdRef(kind);
}

function upperParam(op: Operation, name: string): unknown {
  const kind = pathParamKind(op, name);
  return kind === 'file' ? new FeedFileRef('upper') : new IdRef(kind, 'upper');
}

import { existsSync } from 'node:fs';
import request from 'supertest';
import type { TestApp } from '../test-app.js';
import {
  describe as show,
  frenchMessageProblem,
  type Finding,
  type ServerErrors,
} from './findings.js';
import type { Fixtures } from './fixtures.js';
import { FORBIDDEN_IN_STORED_TEXT, IdRef, RawJson } from './hostile.js';
import { bodyText, FeedFileRef, RawUrl, type ApiCase, type Operation } from './openapi.js';
import type { DataSnapshots } from './snapshot.js';

/**
 * Sends these bytes exactly: superagent would otherwise serialise a Buffer sent as JSON or as a
 * form (`{"type":"Buffer","data":[…]}`).
 */
export function sendBytes(req: request.Test, bytes: Buffer | string): request.Test {
  const identity = ((data: unknown) => data) as unknown as (obj: unknown) => string;
  return req.serialize(identity).send(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'));
}

/** Percent-encodes the UTF-8 bytes of a text (a lone surrogate becomes U+FFFD, as in browsers). */
export function encodePiece(value: unknown): string {
  if (value instanceof RawUrl) return value.text;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Replaces the symbolic ids of a generated value by the fixtures' current ids. */
export function resolveWith(f: Fixtures): (value: unknown) => unknown {
  const resolve = (value: unknown): unknown => {
    if (value instanceof IdRef) return value.resolve(f.ids);
    if (value instanceof FeedFileRef) {
      if (value.variant === 'upper') return f.feedFile.toUpperCase();
      if (value.variant === 'noext') return f.feedFile.replace(/\.ics$/, '');
      return f.feedFile;
    }
    if (value instanceof RawJson || value instanceof RawUrl) return value;
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        Object.defineProperty(out, key, {
          value: resolve((value as Record<string, unknown>)[key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  return resolve;
}

const NO_CHROMIUM =
  !process.env.CHROMIUM_WS_ENDPOINT &&
  !existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

/** Document routes render PDFs with Chromium: without one, only their refusals can be fuzzed. */
function needsChromium(op: Operation): boolean {
  return NO_CHROMIUM && /\.(pdf|zip)$/.test(op.path);
}

function isJsonType(type: string | null): boolean {
  return type !== null && /^application\/json\s*(;|$)/i.test(type);
}

const FAR_OR_IMPOSSIBLE_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}/;

function badDate(value: string): boolean {
  if (!FAR_OR_IMPOSSIBLE_DATE.test(value)) return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return y < 1900 || y > 2100 || !real;
}

function flatStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => flatStrings(v, out));
  else if (value !== null && typeof value === 'object' && !(value instanceof IdRef))
    Object.values(value).forEach((v) => flatStrings(v, out));
  return out;
}

export interface RunContext {
  t: TestApp;
  f: Fixtures;
  snapshots: DataSnapshots;
  errors: ServerErrors;
}

/** Sends one generated request and returns what is wrong with the answer (empty when fine). */
export async function runApiCase(
  ctx: RunContext,
  op: Operation,
  c: ApiCase,
): Promise<Omit<Finding, 'run' | 'seed' | 'target'>[]> {
  const { t, f, snapshots, errors } = ctx;
  const resolve = resolveWith(f);
  const params = { ...c.params };
  if (
    needsChromium(op) &&
    Object.values(params).every((p) => p instanceof IdRef && p.variant === 'valid')
  ) {
    params[op.pathParams[0]] = '3f1d1c8e-0000-4000-8000-000000000000';
  }
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodePiece(resolve(params[name])),
  );
  const query = c.query
    .map((q) => `${encodePiece(q.name)}=${encodePiece(resolve(q.value))}`)
    .join('&');
  const url = query ? `${path}?${query}` : path;
  const body = bodyText(op, c.body, resolve);
  const input = [
    `${c.auth}`,
    url.length > 200 ? `${url.slice(0, 200)}…` : url,
    body.text === null
      ? ''
      : `body ${show(Buffer.isBuffer(body.text) ? `<bytes ${body.text.toString('hex').slice(0, 40)}>` : body.text)}`,
    c.contentType !== 'application/json' ? `Content-Type: ${String(c.contentType)}` : '',
    c.contentEncoding ? `Content-Encoding: ${c.contentEncoding}` : '',
    c.accept ? `Accept: ${c.accept}` : '',
  ]
    .filter(Boolean)
    .join(' ; ');

  const before = await snapshots.before();
  errors.take();
  let req = request(t.http)[op.method](url).timeout(45_000);
  if (c.auth === 'garbage') req = req.set('Authorization', 'Bearer pas-un-jeton');
  else if (c.auth !== 'none') req = req.set('Authorization', `Bearer ${f.tokens[c.auth]}`);
  if (c.accept) req = req.set('Accept', c.accept);
  if (body.text !== null) {
    if (c.contentType !== null) req = req.set('Content-Type', c.contentType);
    if (c.contentEncoding) req = req.set('Content-Encoding', c.contentEncoding);
    req = sendBytes(req, body.text);
  }
  let res: request.Response;
  try {
    res = await req;
  } catch (error) {
    snapshots.invalidate();
    return [{ problem: 'no answer', status: 0, input, detail: String(error) }];
  }
  // Valid path parameters and no query string: a 400 can only come from the body.
  const cleanUrl =
    Object.values(c.params).every(
      (p) => (p instanceof IdRef || p instanceof FeedFileRef) && p.variant === 'valid',
    ) && c.query.length === 0;
  const problems: Omit<Finding, 'run' | 'seed' | 'target'>[] = [];
  const add = (problem: string, detail: string) =>
    problems.push({ problem, status: res.status, input, detail });

  if (res.status >= 500) {
    const logged = errors.take();
    // No Chromium on this machine: a document that gets that far cannot be rendered here.
    if (NO_CHROMIUM && res.status === 503 && /Chromium/.test(logged) && needsChromium(op)) {
      snapshots.invalidate();
      return problems;
    }
    add('5xx', `${logged || show(res.text).slice(0, 200)}`);
    snapshots.invalidate();
    return problems;
  }
  // 414 and 431 come from Node's HTTP parser (URL or headers too long), before the app runs.
  if (res.status === 414 || res.status === 431) return problems;
  if (res.status >= 400) {
    const b = res.body as Record<string, unknown>;
    if (!/json/.test(String(res.headers['content-type'])) || typeof b !== 'object' || b === null) {
      add('4xx not JSON', show(res.text).slice(0, 200));
    } else {
      if (
        b.statusCode !== res.status ||
        typeof b.error !== 'string' ||
        typeof b.message !== 'string'
      )
        add('4xx without {statusCode, error, message}', show(b));
      const french = frenchMessageProblem(b.message);
      if (french) add('4xx message not French', french);
      const fields = b.fields;
      if (fields !== undefined) {
        if (
          !Array.isArray(fields) ||
          fields.some((x) => typeof x?.field !== 'string' || typeof x?.message !== 'string')
        ) {
          add('fields not [{field, message}]', show(fields));
        } else {
          const names = (fields as { field: string; message: string }[]).map((x) => x.field);
          const dup = names.find((n, i) => names.indexOf(n) !== i);
          if (dup !== undefined) add('several messages for one field', `${dup}: ${show(fields)}`);
          for (const x of fields as { field: string; message: string }[]) {
            const p = frenchMessageProblem(x.message);
            if (p) add('field message not French', `${x.field}: ${p}`);
          }
        }
      }
      const bodyFieldMutated =
        res.status === 400 &&
        c.body.kind === 'object' &&
        c.body.mutations.length > 0 &&
        isJsonType(c.contentType) &&
        !c.contentEncoding &&
        cleanUrl;
      if (
        bodyFieldMutated &&
        !(Array.isArray(fields) && fields.length > 0) &&
        !/«[^»]+»|corps de la requête/.test(String(b.message))
      )
        add('400 for a body field does not name the field', String(b.message));
    }
    if (
      op.body &&
      cleanUrl &&
      body.text !== null &&
      body.text.length > 0 &&
      !isJsonType(c.contentType) &&
      !/\+json\s*(;|$)/i.test(c.contentType ?? '') &&
      ![401, 403, 404, 413, 415, 429].includes(res.status)
    )
      add(
        'non-JSON body not answered 415',
        `Content-Type: ${String(c.contentType)} → ${show(b?.message ?? '')}`,
      );
    const changed = await snapshots.changedSince(before);
    if (changed.length > 0) add('data changed by a rejected request', changed.join(', '));
    return problems;
  }

  // Accepted.
  snapshots.invalidate();
  if (op.secured && (c.auth === 'none' || c.auth === 'garbage'))
    add('accepted without authentication', show(res.text).slice(0, 120));
  if (
    op.body &&
    body.text !== null &&
    body.text.length > 0 &&
    !isJsonType(c.contentType) &&
    !/\+json\s*(;|$)/i.test(c.contentType ?? '')
  )
    add('non-JSON body accepted (expected 415)', `Content-Type: ${String(c.contentType)}`);
  if (op.method !== 'get' && c.body.kind === 'object') {
    const echoed = JSON.stringify(res.body ?? null);
    for (const value of flatStrings(body.values.map(resolve))) {
      const inJson = JSON.stringify(value).slice(1, -1);
      if (inJson.length === 0 || !echoed.includes(inJson)) continue;
      if (FORBIDDEN_IN_STORED_TEXT.test(value))
        add('control, NUL, surrogate or invisible character stored', show(value));
      else if (badDate(value)) add('date outside 1900–2100 or impossible date stored', value);
    }
  }
  await refreshAfterAccepted(f, op);
  return problems;
}

/** What an accepted request may have used up: make it again, so later cases still reach it. */
async function refreshAfterAccepted(f: Fixtures, op: Operation): Promise<void> {
  const key = op.key;
  if (key === 'POST /api/auth/logout') await f.refreshTokens();
  else if (key === 'DELETE /api/sessions/{id}/candidates/{cid}') await f.refreshCandidate();
  else if (key === 'DELETE /api/sessions/{id}/jury/{assignmentId}') await f.refreshAssignment();
  else if (key === 'DELETE /api/sessions/{id}/incidents/{incidentId}') await f.refreshIncident();
  else if (key === 'POST /api/sessions/{id}/cancel' || key === 'PATCH /api/sessions/{id}')
    await f.refreshSession();
  else if (key.includes('/api/me/calendar-feed') && op.method !== 'get') await f.refreshFeed();
}

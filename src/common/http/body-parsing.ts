/**
 * Every request body is read here, before any route: bounded in size (1 MB, after
 * decompression) and, for JSON, in nesting depth before `JSON.parse` runs; decoded as UTF-8 or
 * refused; keys that could reach an object's prototype (`__proto__`, `constructor`,
 * `prototype`) refused in JSON bodies, forms and query strings. The API takes only JSON (415
 * otherwise); the dashboard takes URL-encoded forms, and a route says with `@AcceptsBody` when
 * it takes more (the CSV upload's multipart, the setup page's JSON).
 *
 * API errors are answered here in the API's shape. Dashboard errors are kept on the request and
 * thrown by `BodyGuard` inside Nest, so that the route's filter renders its French error page.
 */
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  Injectable,
  PayloadTooLargeException,
  SetMetadata,
  UnsupportedMediaTypeException,
  BadRequestException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { FieldErrorsException, type FieldError } from '../validation/field-errors.js';
import { errorBody } from './http-exception.filter.js';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 32;
export const MAX_FORM_FIELDS = 1000;

/** What a request's body is, from its Content-Type (`none`: no body at all). */
export type BodyKind = 'none' | 'json' | 'form' | 'multipart' | 'other';

/** Kinds a dashboard route may accept besides an empty body. */
export type AcceptedBody = 'form' | 'json' | 'multipart';

export const MESSAGES = {
  tooLarge: 'Le corps de la requête dépasse la taille maximale autorisée (1 Mo).',
  tooDeep: `Le corps de la requête est trop imbriqué (profondeur maximale : ${MAX_JSON_DEPTH}).`,
  notJson: 'Le corps de la requête n’est pas un JSON valide.',
  notJsonContainer: 'Le corps de la requête doit être un objet JSON (ou un tableau).',
  unreadable: 'Le corps de la requête n’a pas pu être lu en entier.',
  notUtf8: 'Le corps de la requête n’est pas un texte UTF-8 valide.',
  apiType: 'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).',
  formType:
    'Type de contenu non pris en charge : ce formulaire s’envoie encodé (application/x-www-form-urlencoded).',
  tooManyFields: `Le formulaire contient trop de champs (${MAX_FORM_FIELDS} au plus).`,
  forbiddenKey: (field: string) => `Le champ « ${field} » n’est pas autorisé.`,
  fieldNotUtf8: (field: string) => `Le champ « ${field} » n’est pas un texte UTF-8 valide.`,
  undecodable: (encoding: string) =>
    `Le corps de la requête ne peut pas être décompressé (Content-Encoding : ${encoding}).`,
  unknownEncoding: (encoding: string) =>
    `Encodage du contenu « ${encoding} » non pris en charge : envoyez le corps sans compression, ou en gzip, deflate ou br.`,
  charset: (charset: string) =>
    `Jeu de caractères « ${charset} » non pris en charge : envoyez le corps en UTF-8.`,
} as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Paths of the JSON API (the dashboard's pages and forms are everything else). */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * True when the JSON text nests arrays and objects deeper than `max`. Brackets inside strings
 * (escapes included) do not count; the text need not be valid JSON (the parser judges that).
 */
export function jsonTooDeep(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** The keys of a parsed JSON value that are refused, as field paths (`ccps[0].constructor`). */
export function forbiddenJsonKeys(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => forbiddenJsonKeys(item, `${path}[${index}]`));
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) return [field];
    return forbiddenJsonKeys((value as Record<string, unknown>)[key], field);
  });
}

/** A form or query key refused: one of its segments (`a[__proto__]`, `a.constructor`) is. */
export function isForbiddenKey(key: string): boolean {
  return key.split(/[[\].]+/).some((segment) => FORBIDDEN_KEYS.has(segment));
}

function forbiddenKeysError(fields: readonly string[]): FieldErrorsException {
  const errors: FieldError[] = fields.map((field) => ({
    field,
    message: MESSAGES.forbiddenKey(field),
  }));
  return new FieldErrorsException(errors);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** `%XX` → byte, `+` → space; a `%` not followed by two hex digits stays as it is. */
function percentDecode(text: string): Uint8Array {
  const bytes = Buffer.from(text.replace(/\+/g, ' '), 'utf8');
  const out = new Uint8Array(bytes.length);
  let length = 0;
  const hex = (b: number) =>
    b >= 0x30 && b <= 0x39
      ? b - 0x30
      : b >= 0x41 && b <= 0x46
        ? b - 0x37
        : b >= 0x61 && b <= 0x66
          ? b - 0x57
          : -1;
  for (let i = 0; i < bytes.length; i++) {
    const high = bytes[i] === 0x25 && i + 2 < bytes.length ? hex(bytes[i + 1]) : -1;
    const low = high >= 0 ? hex(bytes[i + 2]) : -1;
    if (low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else {
      out[length++] = bytes[i];
    }
  }
  return out.subarray(0, length);
}

/**
 * An URL-encoded form as the dashboard reads it: names kept as written (`a[b]` is a name, not a
 * nested object), repeated names as arrays, every name and value valid UTF-8.
 */
export function parseUrlEncoded(text: string): Record<string, string | string[]> {
  const pairs = text.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_FORM_FIELDS) throw new PayloadTooLargeException(MESSAGES.tooManyFields);
  const body: Record<string, string | string[]> = {};
  const forbidden: string[] = [];
  const invalid: string[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const rawName = at < 0 ? pair : pair.slice(0, at);
    const rawValue = at < 0 ? '' : pair.slice(at + 1);
    let name: string;
    try {
      name = strictUtf8.decode(percentDecode(rawName));
    } catch {
      invalid.push(rawName);
      continue;
    }
    if (isForbiddenKey(name)) {
      forbidden.push(name);
      continue;
    }
    let value: string;
    try {
      value = strictUtf8.decode(percentDecode(rawValue));
    } catch {
      invalid.push(name);
      continue;
    }
    const earlier = Object.hasOwn(body, name) ? body[name] : undefined;
    body[name] =
      earlier === undefined
        ? value
        : Array.isArray(earlier)
          ? [...earlier, value]
          : [earlier, value];
  }
  if (forbidden.length > 0) throw forbiddenKeysError(forbidden);
  if (invalid.length > 0) {
    throw new FieldErrorsException(
      invalid.map((field) => ({ field, message: MESSAGES.fieldNotUtf8(field) })),
    );
  }
  return body;
}

/** A JSON body: depth checked before parsing, UTF-8 already decoded, prototype keys refused. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  if (jsonTooDeep(text)) throw new BadRequestException(MESSAGES.tooDeep);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequestException(MESSAGES.notJson);
  }
  if (value === null || typeof value !== 'object') {
    throw new BadRequestException(MESSAGES.notJsonContainer);
  }
  const forbidden = forbiddenJsonKeys(value);
  if (forbidden.length > 0) throw forbiddenKeysError(forbidden);
  return value;
}

interface MediaType {
  type: string;
  charset: string | null;
}

export function mediaTypeOf(header: string | undefined): MediaType | null {
  if (header === undefined || header.trim() === '') return null;
  const [type, ...params] = header.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (match) charset = match[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

export function bodyKindOf(media: MediaType | null): Exclude<BodyKind, 'none'> {
  if (media === null) return 'other';
  if (media.type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(media.type)) {
    return 'json';
  }
  if (media.type === 'application/x-www-form-urlencoded') return 'form';
  if (media.type.startsWith('multipart/')) return 'multipart';
  return 'other';
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (length !== undefined && length.trim() !== '0')
  );
}

class BodyTooLarge extends Error {}
class Undecodable extends Error {}
class Unreadable extends Error {}

/** The decompressed stream of the body, or an error for an encoding Jalon does not read. */
function decodedStream(req: Request): { stream: Readable; encoding: string } {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompressors: Record<string, () => Readable & NodeJS.WritableStream> = {
    gzip: createGunzip,
    'x-gzip': createGunzip,
    deflate: createInflate,
    br: createBrotliDecompress,
  };
  if (encoding === 'identity' || encoding === '') return { stream: req, encoding: 'identity' };
  const create = decompressors[encoding];
  if (!create) throw new UnsupportedMediaTypeException(MESSAGES.unknownEncoding(encoding));
  const stream = create();
  req.pipe(stream);
  return { stream, encoding };
}

/** Reads at most MAX_BODY_BYTES of the (decompressed) stream. */
function readAll(stream: Readable, decompressing: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        settle(new BodyTooLarge());
        if (decompressing) stream.destroy();
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => settle(null));
    stream.on('error', () => settle(decompressing ? new Undecodable() : new Unreadable()));
  });
}

/** Waits until the whole request has been received (what is left is read and dropped). */
function drain(req: Request): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded || req.destroyed) {
      resolve();
      return;
    }
    req.unpipe();
    req.on('end', resolve);
    req.on('close', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}

const BODY_STATE = Symbol('jalon.body');

interface BodyState {
  kind: BodyKind;
  /** A refusal kept for the dashboard's filter (the API answers at once). */
  error: HttpException | null;
}

type WithBodyState = Request & { [BODY_STATE]?: BodyState };

export function bodyStateOf(req: Request): BodyState {
  return (req as WithBodyState)[BODY_STATE] ?? { kind: 'none', error: null };
}

function queryError(req: Request): HttpException | null {
  const query: unknown = req.query;
  if (query === null || typeof query !== 'object') return null;
  const forbidden = Object.keys(query).filter(isForbiddenKey);
  return forbidden.length > 0 ? forbiddenKeysError(forbidden) : null;
}

async function readBody(req: Request, kind: Exclude<BodyKind, 'none'>, media: MediaType | null) {
  const { stream, encoding } = decodedStream(req);
  let bytes: Buffer;
  try {
    const declared = Number(req.headers['content-length']);
    if (encoding === 'identity' && declared > MAX_BODY_BYTES) throw new BodyTooLarge();
    bytes = await readAll(stream, encoding !== 'identity');
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new PayloadTooLargeException(MESSAGES.tooLarge);
    if (error instanceof Undecodable) throw new BadRequestException(MESSAGES.undecodable(encoding));
    if (error instanceof Unreadable) throw new BadRequestException(MESSAGES.unreadable);
    throw error;
  }
  if (kind !== 'json' && kind !== 'form') return { bytes, body: {} };
  const charset = media?.charset ?? 'utf-8';
  if (charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaTypeException(MESSAGES.charset(charset));
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new BadRequestException(MESSAGES.notUtf8);
  }
  return { bytes, body: kind === 'json' ? parseJsonBody(text) : parseUrlEncoded(text) };
}

function answer(res: Response, error: HttpException): void {
  const status = error.getStatus();
  res.status(status).json(errorBody(status, error.getResponse()));
}

/**
 * The body reader of every route (see the top of this file). `req.body` is always an object:
 * `{}` when there is no body, so an empty htmx post reaches the CSRF check and the validation.
 */
export function bodyParsing() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const api = isApiPath(req.path);
    const state: BodyState = { kind: 'none', error: null };
    (req as WithBodyState)[BODY_STATE] = state;
    req.body = {};
    const refuse = (error: HttpException): void => {
      void drain(req).then(() => {
        if (api) {
          answer(res, error);
        } else {
          state.error = error;
          next();
        }
      });
    };
    const early = queryError(req);
    if (early) {
      refuse(early);
      return;
    }
    if (!hasBody(req)) {
      next();
      return;
    }
    const media = mediaTypeOf(req.headers['content-type']);
    const kind = bodyKindOf(media);
    state.kind = kind;
    // The dashboard's multipart bodies are left to the route (multer reads the CSV upload).
    if (kind === 'multipart' && !api) {
      next();
      return;
    }
    readBody(req, kind, media).then(
      ({ bytes, body }) => {
        if (bytes.length === 0) state.kind = 'none';
        if (
          api &&
          state.kind !== 'json' &&
          state.kind !== 'none' &&
          WRITE_METHODS.has(req.method)
        ) {
          answer(res, new UnsupportedMediaTypeException(MESSAGES.apiType));
          return;
        }
        req.body = body;
        next();
      },
      (error: unknown) => {
        // The API takes only JSON: a write whose body is not declared JSON is 415 even when it
        // cannot be decompressed or read (the type is judged before the bytes).
        if (
          api &&
          kind !== 'json' &&
          WRITE_METHODS.has(req.method) &&
          error instanceof BadRequestException
        ) {
          refuse(new UnsupportedMediaTypeException(MESSAGES.apiType));
        } else if (error instanceof HttpException) refuse(error);
        else next(error);
      },
    );
  };
}

const ACCEPTED_BODY = 'jalon:acceptedBody';

/** The bodies a dashboard route takes besides an empty one (URL-encoded forms by default). */
export const AcceptsBody = (...kinds: AcceptedBody[]) => SetMetadata(ACCEPTED_BODY, kinds);

/**
 * Throws, inside Nest, what the body reader kept for a dashboard route: the route's filter then
 * renders it as a French page (or an htmx alert). Runs before authentication: an unsupported
 * body is 415 whatever the session.
 */
@Injectable()
export class BodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (isApiPath(req.path)) return true;
    const state = bodyStateOf(req);
    const accepted = this.reflector.getAllAndOverride<AcceptedBody[] | undefined>(ACCEPTED_BODY, [
      context.getHandler(),
      context.getClass(),
    ]) ?? ['form'];
    if (state.kind !== 'none' && !(accepted as BodyKind[]).includes(state.kind)) {
      if (state.kind === 'multipart') req.resume();
      throw new UnsupportedMediaTypeException(MESSAGES.formType);
    }
    if (state.error) {
      if (state.kind === 'multipart') req.resume();
      throw state.error;
    }
    return true;
  }
}

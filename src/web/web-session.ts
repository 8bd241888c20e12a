/**
 * The dashboard's cookie session: the cookie carries an API token (stored hashed, with expiry,
 * revocable: see TokenService); every form and htmx request carries a CSRF token derived from it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The session cookie over plain HTTP. */
export const SESSION_COOKIE = 'jalon_session';
/** Over HTTPS: the `__Host-` prefix pins the cookie to this host, `Secure` and `Path=/`. */
export const SECURE_SESSION_COOKIE = '__Host-jalon_session';
/** Double-submit token of the login form (there is no session yet to derive it from). */
export const LOGIN_CSRF_COOKIE = 'jalon_login_csrf';
export const SECURE_LOGIN_CSRF_COOKIE = '__Host-jalon_login_csrf';
/** The header htmx sends the CSRF token in; forms send the `_csrf` field. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

/** The cookies of a `Cookie` header (first value wins; malformed pairs are skipped). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    if (name === '' || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** The session token of a request's cookies (the `__Host-` one first), or null. */
export function readSessionCookie(header: string | undefined): string | null {
  const cookies = parseCookies(header);
  const token = cookies.get(SECURE_SESSION_COOKIE) ?? cookies.get(SESSION_COOKIE);
  return token && /^[\w-]{10,200}$/.test(token) ? token : null;
}

/** The CSRF token of a session: an HMAC of a fixed label keyed by the session token. */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('jalon:csrf').digest('base64url');
}

/** Constant-time comparison of two tokens (false when either is missing). */
export function sameToken(expected: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(submitted));
}

export function isValidCsrf(sessionToken: string, submitted: unknown): boolean {
  return sameToken(csrfTokenFor(sessionToken), submitted);
}

export function newLoginCsrf(): string {
  return randomBytes(24).toString('hex');
}

/** Whether cookies must be `Secure` and `__Host-` prefixed: the app is served over HTTPS. */
export function servedOverHttps(appUrl: string, requestIsSecure: boolean): boolean {
  return requestIsSecure || appUrl.startsWith('https:');
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/** A `Set-Cookie` value: httpOnly, SameSite=Lax, Path=/, and Secure over HTTPS. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`,
  ];
  if (options.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function loginCsrfCookieName(secure: boolean): string {
  return secure ? SECURE_LOGIN_CSRF_COOKIE : LOGIN_CSRF_COOKIE;
}

/** The CSRF token a request submitted: header first, then the form field, then the query. */
export function submittedCsrf(request: {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}): string | null {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  for (const source of [request.body, request.query]) {
    if (source && typeof source === 'object') {
      const value = (source as Record<string, unknown>)[CSRF_FIELD];
      if (typeof value === 'string') return value;
    }
  }
  return null;
}

/** A local path to go back to after login; anything else (another site…) gives the home page. */
export function safeNextPath(next: unknown, fallback = '/sessions'): string {
  if (typeof next !== 'string') return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (/[\r\n]/.test(next) || next.startsWith('/login') || next.startsWith('/logout'))
    return fallback;
  return next;
}

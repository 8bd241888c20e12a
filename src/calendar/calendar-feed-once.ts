/**
 * The new secret link of a calendar feed is shown once, after a redirect: the POST that creates
 * it puts the secret in a short-lived, httpOnly cookie, and the next GET of the page shows the
 * link and clears the cookie. A refresh then shows that a link exists without creating another
 * one, and without showing it again.
 */
import { parseCookies } from '../web/web-session.js';

export const FEED_ONCE_COOKIE = 'jalon_feed_once';
/** Long enough for the redirect, short enough not to linger. */
export const FEED_ONCE_SECONDS = 120;

const SECRET = /^[A-Za-z0-9_-]{20,100}$/;

/** The secret a request's cookies carry to show once, or null (absent or malformed). */
export function feedOnceSecret(cookieHeader: string | undefined): string | null {
  const secret = parseCookies(cookieHeader).get(FEED_ONCE_COOKIE);
  return secret !== undefined && SECRET.test(secret) ? secret : null;
}

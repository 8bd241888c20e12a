import request from 'supertest';
import type { App } from 'supertest/types.js';
import { csrfTokenFor } from '../../src/web/web-session.js';

/** A browser-like client of the dashboard: session cookie, CSRF token read from the pages. */
export interface WebClient {
  cookie: string;
  get(path: string): Promise<request.Response>;
  /** Posts a urlencoded form with the page's CSRF token (unless `_csrf` is given). */
  post(path: string, fields: Record<string, string | string[]>): Promise<request.Response>;
  csrf(): Promise<string>;
}

function cookiePairs(res: request.Response): string[] {
  const header = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((c) => c.split(';')[0]);
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF field in the page');
  return match[1];
}

/** Decodes the HTML entities Handlebars writes, to compare with plain text. */
export function htmlText(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export async function webLogin(http: App, email: string, password: string): Promise<WebClient> {
  const page = await request(http).get('/login');
  const loginCookie = cookiePairs(page).join('; ');
  const res = await request(http)
    .post('/login')
    .set('Cookie', loginCookie)
    .type('form')
    .send({ _csrf: csrfOf(page.text), email, password, next: '/sessions' });
  if (res.status !== 303) throw new Error(`web login ${email}: ${res.status}`);
  const session = cookiePairs(res).find((c) => c.startsWith('jalon_session='));
  if (!session) throw new Error('no session cookie');
  const client: WebClient = {
    cookie: session,
    get: (path) =>
      request(http)
        .get(path)
        .set('Cookie', session)
        .then((r) => r),
    // The token every page of this session carries in its forms (see web-session.ts).
    csrf: async () => csrfTokenFor(decodeURIComponent(session.slice('jalon_session='.length))),
    async post(path, fields) {
      const token = typeof fields._csrf === 'string' ? fields._csrf : await client.csrf();
      return request(http)
        .post(path)
        .set('Cookie', session)
        .type('form')
        .send(new URLSearchParams(toPairs({ ...fields, _csrf: token })).toString());
    },
  };
  return client;
}

function toPairs(fields: Record<string, string | string[]>): [string, string][] {
  return Object.entries(fields).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
  );
}

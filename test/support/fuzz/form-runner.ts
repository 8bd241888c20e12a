import fc from 'fast-check';
import request from 'supertest';
import { TokenService } from '../../../src/auth/token.service.js';
import { htmlText } from '../web-form-client.js';
import { csrfTokenFor } from '../../../src/web/web-session.js';
import type { TestApp } from '../test-app.js';
import { encodePiece, sendBytes } from './api-runner.js';
import {
  describe as show,
  frenchMessageProblem,
  type Finding,
  type ServerErrors,
} from './findings.js';
import type { Fixtures, Role } from './fixtures.js';
import { EXTRA_KEYS, hostileDate, hostileString, type IdKind } from './hostile.js';
import { formsOf, pattern, submittedValues, type FormField, type HtmlForm } from './html-forms.js';
import type { DataSnapshots } from './snapshot.js';

/** The current value of the field, in uppercase (an id, an enum value…). */
export class Upper {
  toJSON(): string {
    return '<upper>';
  }
}
const DROP = '\u0000<drop>';

export type FormEncoding =
  | 'urlencoded'
  | 'multipart'
  | 'text/plain'
  | 'json'
  | 'empty htmx'
  | 'bad percent-encoding'
  | 'Latin-1 bytes'
  | 'bogus Content-Encoding';

export interface FormCase {
  role: Exclude<Role, 'viewer'>;
  encoding: FormEncoding;
  htmx: boolean;
  csrf: 'valid' | 'missing' | 'wrong';
  mutations: { name: string; value: string | string[] | Upper }[];
}

function valueArb(field: FormField | null): fc.Arbitrary<string | string[] | Upper> {
  const own: fc.Arbitrary<string | string[] | Upper>[] = [hostileString];
  if (field && (field.kind === 'date' || /date|Date|On$|Until$|month/.test(field.name)))
    own.push(hostileDate);
  if (field?.kind === 'select' || field?.kind === 'radio' || field?.kind === 'checkbox') {
    own.push(
      fc.constantFrom(
        'INCONNU',
        '',
        'on',
        '1',
        '0',
        'true',
        ...field.options.map((o) => o.toLowerCase()),
      ),
    );
  }
  if (field && /[0-9a-f]{8}-/.test(field.value)) own.push(fc.constant(new Upper()), fc.uuid());
  if (field?.name === 'version')
    own.push(fc.constantFrom('', '0', '-1', '1.5', '99999999999999999999', 'abc'));
  return fc.oneof(
    ...own.map((arbitrary) => ({ weight: 4, arbitrary })),
    { weight: 1, arbitrary: fc.constant(DROP) },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([a, b]) => [a, b]) },
  );
}

export function formCaseArb(form: HtmlForm): fc.Arbitrary<FormCase> {
  const names = [...new Set(form.fields.filter((f) => f.name !== '_csrf').map((f) => f.name))];
  const fieldArbs = names.map((name) =>
    valueArb(form.fields.find((f) => f.name === name) ?? null).map((value) => ({ name, value })),
  );
  const extra = fc
    .tuple(fc.constantFrom(...EXTRA_KEYS), valueArb(null))
    .map(([name, value]) => ({ name, value }));
  const mutation =
    fieldArbs.length > 0
      ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...fieldArbs) }, { weight: 1, arbitrary: extra })
      : extra;
  return fc.record({
    role: fc.constantFrom<FormCase['role']>('admin', 'manager'),
    encoding: fc.oneof(
      { weight: 8, arbitrary: fc.constant<FormEncoding>('urlencoded') },
      {
        weight: 4,
        arbitrary: fc.constantFrom<FormEncoding>(
          'multipart',
          'text/plain',
          'json',
          'empty htmx',
          'bad percent-encoding',
          'Latin-1 bytes',
          'bogus Content-Encoding',
        ),
      },
    ),
    htmx: fc.boolean(),
    csrf: fc.oneof(
      { weight: 12, arbitrary: fc.constant<FormCase['csrf']>('valid') },
      { weight: 1, arbitrary: fc.constantFrom<FormCase['csrf']>('missing', 'wrong') },
    ),
    mutations: fc.oneof(
      { weight: 1, arbitrary: fc.constant<FormCase['mutations']>([]) },
      { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 1 }) },
      { weight: 3, arbitrary: fc.array(mutation, { minLength: 2, maxLength: 3 }) },
    ),
  });
}

export interface FormContext {
  t: TestApp;
  f: Fixtures;
  snapshots: DataSnapshots;
  errors: ServerErrors;
  /** The fixtures' id each id in a crawled URL stands for (they are made again when used up). */
  idKinds: Map<string, IdKind>;
}

function currentIds(ctx: FormContext, text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
    const kind = ctx.idKinds.get(id.toLowerCase());
    return kind ? ctx.f.ids[kind] : id;
  });
}

/** The form as the page shows it now (fresh `version` and ids), or as crawled. */
async function freshForm(ctx: FormContext, form: HtmlForm, cookie: string): Promise<HtmlForm> {
  const page = currentIds(ctx, form.page);
  const res = await request(ctx.t.http).get(page).set('Cookie', cookie);
  const key = pattern(form.action);
  const found =
    res.status === 200
      ? formsOf(res.text, page).find((f) => f.method === form.method && pattern(f.action) === key)
      : undefined;
  return found ?? { ...form, action: currentIds(ctx, form.action) };
}

/** The messages the page shows the user (field errors, alerts, error page). */
export function pageMessages(html: string): string[] {
  const messages: string[] = [];
  for (const m of html.matchAll(/<p class="field-error"[^>]*>([\s\S]*?)<\/p>/g))
    messages.push(m[1]);
  for (const m of html.matchAll(
    /class="[^"]*\balert-error\b[^"]*"[^>]*>([\s\S]*?)<\/(p|div)>\s*(?!<\/li>)/g,
  ))
    messages.push(m[1]);
  return messages
    .map((m) =>
      htmlText(m.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/** Forms posted without a session, with the login form's double-submit CSRF token. */
const ANONYMOUS_FORMS = ['/login', '/password/forgot'];

export async function runFormCase(
  ctx: FormContext,
  base: HtmlForm,
  c: FormCase,
): Promise<Omit<Finding, 'run' | 'seed' | 'target'>[]> {
  const { t, f, snapshots, errors } = ctx;
  let cookie: string;
  let token: string;
  const anonymous = ANONYMOUS_FORMS.includes(base.action);
  if (anonymous) {
    // The login form and the request of a reset link: anonymous, with the page's own CSRF
    // cookie and token (the login form's double submit).
    const page = await request(t.http).get(base.action);
    const setCookie = page.headers['set-cookie'] as unknown as string[] | undefined;
    cookie = (setCookie ?? []).map((x) => x.split(';')[0]).join('; ');
    token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  } else {
    const session = (await t.app.get(TokenService).issue(f.userIds[c.role])).token;
    cookie = `jalon_session=${encodeURIComponent(session)}`;
    token = csrfTokenFor(session);
  }
  const csrf = c.csrf === 'valid' ? token : c.csrf === 'wrong' ? 'faux-jeton' : null;
  const form = anonymous ? base : await freshForm(ctx, base, cookie);

  const pairs = submittedValues(form).filter(([name]) => name !== '_csrf');
  const current = new Map(pairs);
  let list: [string, string][] = pairs;
  for (const m of c.mutations) {
    list = list.filter(([name]) => name !== m.name);
    if (m.value === DROP) continue;
    const values =
      m.value instanceof Upper
        ? [(current.get(m.name) ?? '').toUpperCase()]
        : Array.isArray(m.value)
          ? m.value
          : [m.value];
    for (const v of values) list.push([m.name, v]);
  }
  if (csrf !== null && form.method === 'post') list.push(['_csrf', csrf]);

  const action = form.action;
  const input = `${c.role} ${c.encoding}${c.htmx ? ' htmx' : ''}${c.csrf !== 'valid' ? ` csrf:${c.csrf}` : ''} ${show(
    c.mutations
      .map(
        (m) =>
          `${m.name}=${m.value instanceof Upper ? '<UPPER>' : m.value === DROP ? '<dropped>' : show(m.value).slice(0, 80)}`,
      )
      .join(' & '),
  )}`;

  const before = await snapshots.before();
  errors.take();
  const urlencoded = list.map(([k, v]) => `${encodePiece(k)}=${encodePiece(v)}`).join('&');
  let req: request.Test;
  if (form.method === 'get') {
    const url = `${action.split('?')[0]}?${urlencoded}`;
    req = request(t.http).get(url);
  } else {
    req = request(t.http).post(action);
    if (csrf !== null && c.encoding !== 'urlencoded') req = req.set('X-CSRF-Token', csrf);
    switch (c.encoding) {
      case 'urlencoded':
        req = sendBytes(req.type('form'), urlencoded);
        break;
      case 'bad percent-encoding':
        req = sendBytes(req.type('form'), `${urlencoded}&x=%ZZ&%=1&y=%E9`);
        break;
      case 'Latin-1 bytes':
        req = sendBytes(
          req.set('Content-Type', 'application/x-www-form-urlencoded; charset=iso-8859-1'),
          Buffer.from(list.map(([k, v]) => `${k}=${v}`).join('&'), 'latin1'),
        );
        break;
      case 'bogus Content-Encoding':
        req = sendBytes(req.type('form').set('Content-Encoding', 'gzip'), urlencoded);
        break;
      case 'multipart':
        for (const [k, v] of list) req = req.field(k, v);
        break;
      case 'text/plain':
        req = sendBytes(
          req.set('Content-Type', 'text/plain'),
          list.map(([k, v]) => `${k}=${v}`).join('\r\n'),
        );
        break;
      case 'json':
        req = sendBytes(
          req.set('Content-Type', 'application/json'),
          JSON.stringify(Object.fromEntries(list)),
        );
        break;
      case 'empty htmx':
        req = req.set('HX-Request', 'true');
        break;
    }
  }
  req = req.set('Cookie', cookie).timeout(45_000).redirects(0);
  if (c.htmx) req = req.set('HX-Request', 'true');
  let res: request.Response;
  try {
    res = await req;
  } catch (error) {
    snapshots.invalidate();
    return [{ problem: 'no answer', status: 0, input, detail: String(error) }];
  }
  const problems: Omit<Finding, 'run' | 'seed' | 'target'>[] = [];
  const add = (problem: string, detail: string) =>
    problems.push({ problem, status: res.status, input, detail });
  if (res.status >= 500) {
    add('5xx', errors.take() || pageMessages(res.text).join(' / ').slice(0, 200));
    snapshots.invalidate();
    return problems;
  }
  if (res.status === 414 || res.status === 431) return problems;
  if (res.status >= 400) {
    const messages = pageMessages(res.text);
    if (!/html/.test(String(res.headers['content-type'])))
      add('4xx page not HTML', show(res.text).slice(0, 160));
    else if (messages.length === 0)
      add(
        '4xx page without a message',
        show(htmlText(res.text.replace(/<[^>]+>/g, ' '))).slice(0, 200),
      );
    for (const m of messages) {
      const p = frenchMessageProblem(m);
      if (p) add('4xx message not French', p);
    }
    const changed = await snapshots.changedSince(before);
    if (changed.length > 0) add('data changed by a rejected request', changed.join(', '));
    return problems;
  }
  snapshots.invalidate();
  if (form.method === 'post' && c.csrf !== 'valid')
    add('accepted without a valid CSRF token', `${res.status}`);
  await refreshAfterAccepted(ctx, pattern(base.action));
  return problems;
}

async function refreshAfterAccepted(ctx: FormContext, action: string): Promise<void> {
  const f = ctx.f;
  if (action.endsWith('/candidates/:id/delete')) await f.refreshCandidate();
  else if (action.endsWith('/incidents/:id/delete')) await f.refreshIncident();
  else if (action.endsWith('/jury/:id/remove')) await f.refreshAssignment();
  else if (/^\/sessions\/:id\/(cancel|edit|postpone)$/.test(action)) await f.refreshSession();
  else if (action.startsWith('/calendar/feed/')) await f.refreshFeed();
}

/** The dashboard's forms, read from its pages as a browser would see them. */
import { htmlText, type WebClient } from '../web-form-client.js';

export interface FormField {
  name: string;
  kind:
    'text' | 'hidden' | 'textarea' | 'select' | 'checkbox' | 'radio' | 'date' | 'file' | 'other';
  /** Rendered value (the value attribute, the text, or the selected option). */
  value: string;
  /** Options of a select, values of a checkbox or radio group. */
  options: string[];
  checked: boolean;
  label: string | null;
}

export interface HtmlForm {
  method: 'get' | 'post';
  action: string;
  enctype: string;
  fields: FormField[];
  /** The page the form was found on. */
  page: string;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? htmlText(m[1]) : null;
}

/** The forms of a page (regular markup: the templates write attributes in double quotes). */
export function formsOf(html: string, page: string): HtmlForm[] {
  const labels = new Map<string, string>();
  for (const m of html.matchAll(/<label for="([^"]+)"[^>]*>([\s\S]*?)<\/label>/g)) {
    labels.set(
      m[1],
      htmlText(m[2].replace(/<[^>]+>/g, ''))
        .replace(/\s*\*$/, '')
        .trim(),
    );
  }
  for (const m of html.matchAll(
    /<fieldset[\s\S]*?<legend>([\s\S]*?)<\/legend>([\s\S]*?)<\/fieldset>/g,
  )) {
    const name = /name="([^"]+)"/.exec(m[2]);
    if (name) labels.set(`name:${name[1]}`, htmlText(m[1].replace(/<[^>]+>/g, '')).trim());
  }
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const open = m[1];
    const inner = m[2];
    const fields: FormField[] = [];
    const label = (id: string | null, name: string) =>
      (id ? labels.get(id) : undefined) ?? labels.get(`name:${name}`) ?? null;
    for (const t of inner.matchAll(/<input\b[^>]*>/g)) {
      const tag = t[0];
      const name = attr(tag, 'name');
      if (!name) continue;
      const type = (attr(tag, 'type') ?? 'text').toLowerCase();
      const kind: FormField['kind'] =
        type === 'hidden' ||
        type === 'checkbox' ||
        type === 'radio' ||
        type === 'date' ||
        type === 'file'
          ? type
          : [
                'text',
                'email',
                'tel',
                'number',
                'time',
                'password',
                'search',
                'url',
                'month',
              ].includes(type)
            ? 'text'
            : 'other';
      fields.push({
        name,
        kind,
        value: attr(tag, 'value') ?? (kind === 'checkbox' ? 'on' : ''),
        options: [],
        checked: /\schecked\b/.test(tag),
        label: label(attr(tag, 'id'), name),
      });
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(t[1], 'name');
      if (!name) continue;
      fields.push({
        name,
        kind: 'textarea',
        value: htmlText(t[2]),
        options: [],
        checked: false,
        label: label(attr(t[1], 'id'), name),
      });
    }
    for (const t of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(t[1], 'name');
      if (!name) continue;
      const options = [...t[2].matchAll(/<option\b([^>]*)>/g)].map((o) => ({
        value: attr(o[1], 'value') ?? '',
        selected: /\sselected\b/.test(o[1]),
      }));
      const selected = options.find((o) => o.selected) ?? options.find((o) => o.value !== '');
      fields.push({
        name,
        kind: 'select',
        value: selected?.value ?? '',
        options: options.map((o) => o.value),
        checked: false,
        label: label(attr(t[1], 'id'), name),
      });
    }
    forms.push({
      method: (attr(open, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get',
      action: attr(open, 'action') ?? page,
      enctype: attr(open, 'enctype') ?? 'application/x-www-form-urlencoded',
      fields,
      page,
    });
  }
  return forms;
}

/** The values a browser would submit for the form as rendered. */
export function submittedValues(form: HtmlForm): [string, string][] {
  const pairs: [string, string][] = [];
  for (const f of form.fields) {
    if (f.kind === 'file') continue;
    if ((f.kind === 'checkbox' || f.kind === 'radio') && !f.checked) continue;
    pairs.push([f.name, f.value]);
  }
  return pairs;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** `/sessions/<uuid>/edit?x` → `/sessions/:id/edit`. */
export function pattern(url: string): string {
  return url.split('?')[0].replace(UUID, ':id');
}

/**
 * Every form of the dashboard reachable by links from its menu pages (one page per URL pattern),
 * by POST action pattern; GET forms (filters) too.
 */
export async function crawlForms(
  client: WebClient,
  start: string[],
  limit = 80,
): Promise<Map<string, HtmlForm>> {
  const queue = [...start];
  const seenPatterns = new Set<string>();
  const forms = new Map<string, HtmlForm>();
  while (queue.length > 0 && seenPatterns.size < limit) {
    const url = queue.shift()!;
    const p = pattern(url);
    if (seenPatterns.has(p)) continue;
    seenPatterns.add(p);
    const res = await client.get(url);
    if (res.status !== 200 || !/html/.test(String(res.headers['content-type']))) continue;
    for (const form of formsOf(res.text, url)) {
      const key = `${form.method.toUpperCase()} ${pattern(form.action)}`;
      if (!forms.has(key)) forms.set(key, form);
    }
    for (const m of res.text.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = htmlText(m[1]);
      if (
        /^\/(logout|api|assets|static|calendar\/feed)|\.(pdf|zip|ics|csv|css|js|svg|png)(\?|$)|\/documents\//.test(
          href,
        )
      )
        continue;
      if (!seenPatterns.has(pattern(href))) queue.push(href);
    }
  }
  return forms;
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Handlebars from 'handlebars';
import { Injectable } from '@nestjs/common';
import { templatesDir } from '../common/template-renderer.js';

export interface RenderedMail {
  html: string;
  text: string;
}

/** Line breaks of any kind: CR, LF, vertical tab, form feed, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/**
 * One line of text: its lines joined with « / » (blank ones dropped). User text in a plain-text
 * e-mail must not start a line of its own: « Salle A\nLien : https://… » would read as a line
 * of the message.
 */
export function foldLines(value: string): string {
  if (!LINE_BREAK.test(value)) return value;
  return value
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' / ');
}

/** The view with every string folded to one line (URLs and fixed labels have no line break). */
export function foldView(value: unknown): unknown {
  if (typeof value === 'string') return foldLines(value);
  if (Array.isArray(value)) return value.map(foldView);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, foldView(v)]));
  }
  return value;
}

/**
 * Renders `templates/emails/<name>.html.hbs` (escaped) and `<name>.text.hbs` (plain text, where
 * HTML escaping would only garble apostrophes and ampersands), both in strict mode. In the text
 * part every value of the view is folded to one line (`foldLines`); the subject is too.
 */
@Injectable()
export class MailTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  render(name: string, view: object): RenderedMail {
    return {
      html: this.compiled(`${name}.html.hbs`, false)(view),
      text: this.compiled(`${name}.text.hbs`, true)(foldView(view)),
    };
  }

  private compiled(file: string, noEscape: boolean): Handlebars.TemplateDelegate {
    let template = this.cache.get(file);
    if (!template) {
      const source = readFileSync(resolve(templatesDir(), 'emails', file), 'utf8');
      template = this.handlebars.compile(source, { strict: true, noEscape, preventIndent: true });
      this.cache.set(file, template);
    }
    return template;
  }
}

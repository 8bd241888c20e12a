import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Handlebars from 'handlebars';
import { Injectable } from '@nestjs/common';
import { templatesDir } from '../common/template-renderer.js';

export interface RenderedMail {
  html: string;
  text: string;
}

/**
 * Renders `templates/emails/<name>.html.hbs` (escaped) and `<name>.text.hbs` (plain text, where
 * HTML escaping would only garble apostrophes and ampersands), both in strict mode.
 */
@Injectable()
export class MailTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  render(name: string, view: object): RenderedMail {
    return {
      html: this.compiled(`${name}.html.hbs`, false)(view),
      text: this.compiled(`${name}.text.hbs`, true)(view),
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

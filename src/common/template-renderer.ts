import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { Injectable } from '@nestjs/common';

/** The root of the Handlebars templates (documents, e-mails, views). */
export function templatesDir(): string {
  return resolve(process.env.JALON_TEMPLATES_DIR ?? resolve(process.cwd(), 'templates'));
}

/** Compiles Handlebars templates from `templates/` in strict mode, with escaping on, and caches them. */
@Injectable()
export class TemplateRenderer {
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();
  private readonly handlebars = Handlebars.create();
  private readonly partialFolders = new Set<string>();

  render(name: string, context: object): string {
    let template = this.cache.get(name);
    if (!template) {
      const source = readFileSync(resolve(templatesDir(), name), 'utf8');
      // preventIndent: a partial called on an indented line would otherwise have every line of its
      // output indented, the content of a <textarea> included (8 spaces more at every save).
      template = this.handlebars.compile(source, {
        strict: true,
        noEscape: false,
        preventIndent: true,
      });
      this.cache.set(name, template);
    }
    return template(context);
  }

  /** Makes a helper available to every template of this renderer. */
  registerHelper(name: string, helper: Handlebars.HelperDelegate): void {
    this.handlebars.registerHelper(name, helper);
  }

  /**
   * Registers each `*.hbs` file of a folder of `templates/` as a partial named after the file
   * (`views/partials/layout.hbs` → `{{> layout}}`); partials compile with the caller's options.
   */
  registerPartials(folder: string): void {
    const dir = resolve(templatesDir(), folder);
    if (this.partialFolders.has(dir)) return;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      this.handlebars.registerPartial(
        basename(file, '.hbs'),
        readFileSync(resolve(dir, file), 'utf8'),
      );
    }
    this.partialFolders.add(dir);
  }
}

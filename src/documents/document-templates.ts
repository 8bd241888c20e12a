/**
 * The Handlebars templates of the documents (`templates/documents`), compiled in strict mode with
 * escaping on: user data is always written with `{{ }}`. Each document is a full HTML page with a
 * restrictive Content-Security-Policy and inlined fonts, and a footer for Chromium.
 */
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { TemplateRenderer } from '../common/template-renderer.js';
import { documentFontFaces } from './document-fonts.js';
import type { PdfDocument } from './pdf-renderer.js';
import type { FooterView } from './session-identity.js';

/** Deny by default: the page may only use inline styles and `data:` images and fonts. */
export const DOCUMENT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; " +
  "frame-src 'none'; form-action 'none'; base-uri 'none'";

@Injectable()
export class DocumentTemplates {
  /** A renderer of its own: the documents' partials and helpers stay apart from the views'. */
  private readonly templates = new TemplateRenderer();
  private ready = false;

  /** The HTML of a document and its footer, from `templates/documents/<name>.hbs`. */
  document(name: string, view: { title: string; footer: FooterView }): PdfDocument {
    this.prepare();
    return {
      html: this.templates.render(`documents/${name}.hbs`, view),
      footerHtml: this.templates.render('documents/footer.hbs', view.footer),
    };
  }

  private prepare(): void {
    if (this.ready) return;
    this.templates.registerPartials('documents/partials');
    this.templates.registerHelper('documentCsp', () => DOCUMENT_CSP);
    // Our own CSS (fonts as base64): trusted, never user data.
    this.templates.registerHelper(
      'documentFonts',
      () => new Handlebars.SafeString(documentFontFaces()),
    );
    this.templates.registerHelper('inc', (value: unknown) => Number(value) + 1);
    this.ready = true;
  }
}

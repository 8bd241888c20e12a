import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateRenderer } from './template-renderer.js';

describe('TemplateRenderer', () => {
  let dir: string;
  const previous = process.env.JALON_TEMPLATES_DIR;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jalon-templates-'));
    mkdirSync(join(dir, 'views', 'partials'), { recursive: true });
    writeFileSync(
      join(dir, 'views', 'partials', 'box.hbs'),
      '<label>Adresse\n<textarea name="address">{{value}}</textarea></label>\n',
    );
    writeFileSync(
      join(dir, 'views', 'page.hbs'),
      '<form>\n  <div>\n        {{> box value=address}}\n  </div>\n</form>\n',
    );
    process.env.JALON_TEMPLATES_DIR = dir;
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.JALON_TEMPLATES_DIR;
    else process.env.JALON_TEMPLATES_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a multi-line value byte for byte inside an indented partial', () => {
    const renderer = new TemplateRenderer();
    renderer.registerPartials('views/partials');
    const address = '12 rue des Lilas\nBâtiment B\n  3e étage\n69000 Lyon';
    let html = renderer.render('views/page.hbs', { address });
    // Saved three times: what the form shows is what was typed, each time.
    for (let save = 0; save < 3; save++) {
      const shown = /<textarea name="address">([\s\S]*?)<\/textarea>/.exec(html)![1];
      expect(shown).toBe(address);
      html = renderer.render('views/page.hbs', { address: shown });
    }
  });
});

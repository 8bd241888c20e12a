/**
 * The fonts of the documents, inlined as `data:` URLs: Chromium loads nothing from outside and
 * embeds the glyphs used in the PDF. DejaVu Sans subsets ship under `assets/fonts` (latin,
 * French accents, Vietnamese diacritics); without them, Debian's DejaVu Sans is used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DOCUMENT_FONT_FAMILY = 'Jalon DejaVu Sans';

interface FontFile {
  weight: 400 | 700;
  shipped: string;
  system: string;
}

const FONTS: FontFile[] = [
  {
    weight: 400,
    shipped: 'DejaVuSans.latin.woff2',
    system: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  },
  {
    weight: 700,
    shipped: 'DejaVuSans-Bold.latin.woff2',
    system: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
];

/** Where the shipped fonts are: `JALON_ASSETS_DIR/fonts`, by default `assets/fonts`. */
export function fontsDir(): string {
  return resolve(process.env.JALON_ASSETS_DIR ?? resolve(process.cwd(), 'assets'), 'fonts');
}

function fontFace(font: FontFile, dir: string): string | null {
  const shipped = resolve(dir, font.shipped);
  const [path, mime, format] = existsSync(shipped)
    ? [shipped, 'font/woff2', 'woff2']
    : existsSync(font.system)
      ? [font.system, 'font/ttf', 'truetype']
      : [null, '', ''];
  if (path === null) return null;
  const data = readFileSync(path).toString('base64');
  return (
    `@font-face{font-family:'${DOCUMENT_FONT_FAMILY}';font-style:normal;` +
    `font-weight:${font.weight};src:url(data:${mime};base64,${data}) format('${format}');}`
  );
}

/**
 * For each weight, the font files Chromium draws a character with, in order: the embedded face
 * (the shipped subset, else the system's DejaVu Sans), then the system's DejaVu Sans (the CSS's
 * next family). Files that do not exist are left out.
 */
export function documentFontChains(): { weight: 400 | 700; files: string[] }[] {
  const dir = fontsDir();
  return FONTS.map((font) => ({
    weight: font.weight,
    files: [resolve(dir, font.shipped), font.system].filter((path) => existsSync(path)),
  }));
}

let cached: { dir: string; css: string } | null = null;

/**
 * The `@font-face` rules of the documents (read once). When no font file is found, the rules are
 * empty and Chromium falls back on the system's sans-serif font.
 */
export function documentFontFaces(): string {
  const dir = fontsDir();
  if (cached?.dir !== dir) {
    const css = FONTS.map((font) => fontFace(font, dir))
      .filter((rule): rule is string => rule !== null)
      .join('\n');
    cached = { dir, css };
  }
  return cached.css;
}

/**
 * Whether a text can be printed on Jalon's documents (convocation, PV, sign-in sheet): it passes
 * the text policy (no control, invisible or bidi character; line breaks only where the field
 * has several lines) and every character has a glyph in the fonts the documents are drawn with
 * (`document-fonts.ts`), at both weights — otherwise Chromium prints an empty box, or nothing.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import {
  codePointLabel,
  findTextProblem,
  textProblemMessage,
  type TextProblem,
} from '../common/validation/text-policy.js';
import { documentFontChains } from './document-fonts.js';

/** Characters without a glyph that still print fine: line breaks and tabs (laid out as space). */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

export type PrintProblem = TextProblem | { kind: 'no-glyph'; codePoint: number; index: number };

/** Tells whether the documents' fonts draw a code point; null when no font file is found. */
export type GlyphCoverage = ((codePoint: number) => boolean) | null;

function loadFont(path: string): Font | null {
  try {
    const font = create(readFileSync(path));
    return 'hasGlyphForCodePoint' in font ? font : null;
  } catch {
    return null;
  }
}

let cached: { key: string; coverage: GlyphCoverage } | null = null;

/** The glyph coverage of the documents' fonts (read once per set of font files). */
export function documentGlyphCoverage(): GlyphCoverage {
  const chains = documentFontChains();
  const key = JSON.stringify(chains);
  if (cached?.key === key) return cached.coverage;
  const fonts = chains.map((chain) =>
    chain.files.map(loadFont).filter((font): font is Font => font !== null),
  );
  const coverage: GlyphCoverage = fonts.every((chain) => chain.length === 0)
    ? null
    : (codePoint) =>
        fonts.every(
          (chain) =>
            chain.length === 0 || chain.some((font) => font.hasGlyphForCodePoint(codePoint)),
        );
  cached = { key, coverage };
  return coverage;
}

/** The first character of `value` that cannot be printed, or null. */
export function findPrintProblem(
  value: string,
  options: { multiline?: boolean } = {},
  coverage: GlyphCoverage = documentGlyphCoverage(),
): PrintProblem | null {
  const problem = findTextProblem(value, options);
  if (problem) return problem;
  if (coverage === null) return null;
  let index = 0;
  for (const char of value) {
    const codePoint = char.codePointAt(0)!;
    if (!LAYOUT.has(codePoint) && !coverage(codePoint)) {
      return { kind: 'no-glyph', codePoint, index };
    }
    index += char.length;
  }
  return null;
}

/** The French message naming the field, the character and its position. */
export function printProblemMessage(field: string, problem: PrintProblem): string {
  if (problem.kind !== 'no-glyph') return textProblemMessage(field, problem);
  const char = String.fromCodePoint(problem.codePoint);
  return `Le champ « ${field} » contient un caractère que les documents ne peuvent pas imprimer (« ${char} », ${codePointLabel(problem.codePoint)}) en position ${problem.index + 1} : remplacez-le.`;
}

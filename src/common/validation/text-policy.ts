/**
 * What any text typed by a user may contain, API and dashboard alike. Text is stored in Unicode
 * normal form C (« é » typed as e + combining accent is the same name as « é »), and characters a
 * reader cannot see are refused rather than stored and printed on documents sent to the ministry:
 * control characters (NUL included, which PostgreSQL cannot store), lone UTF-16 surrogates (not
 * text at all), bidirectional overrides (they reorder what is printed) and zero-width characters
 * (they make two equal-looking names different). Line breaks and tabs are allowed only in
 * multi-line fields (addresses, notes).
 */

export interface TextPolicyOptions {
  /** Line breaks (LF, CRLF) and tabs are allowed. */
  multiline?: boolean;
}

/** Why a character is refused. */
export type TextProblemKind = 'control' | 'line-break' | 'surrogate' | 'bidi' | 'invisible';

export interface TextProblem {
  kind: TextProblemKind;
  /** The offending code point (or the lone surrogate's code unit). */
  codePoint: number;
  /** Its position in the text (UTF-16 index). */
  index: number;
}

const BIDI = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

const INVISIBLE = new Set([
  0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061,
  0x2062, 0x2063, 0x2064, 0x3164, 0xfeff, 0xffa0, 0xfff9, 0xfffa, 0xfffb,
]);

function classify(codePoint: number, multiline: boolean): TextProblemKind | null {
  if (codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x09) {
    return multiline ? null : 'line-break';
  }
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control';
  if (codePoint === 0x2028 || codePoint === 0x2029) return multiline ? null : 'line-break';
  if (BIDI.has(codePoint)) return 'bidi';
  if (INVISIBLE.has(codePoint) || (codePoint >= 0xe0000 && codePoint <= 0xe007f)) {
    return 'invisible';
  }
  return null;
}

const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const ZWJ = 0x200d;

/** A zero-width joiner inside an emoji sequence (👩‍🔧): visible as one glyph, allowed. */
function joinsEmoji(value: string, index: number): boolean {
  const before = [...value.slice(0, index).replace(/(?:\u{fe0f}|[\u{1f3fb}-\u{1f3ff}])+$/u, '')].at(
    -1,
  );
  const after = [...value.slice(index + 1, index + 3)][0];
  return (
    before !== undefined && after !== undefined && PICTOGRAPH.test(before) && PICTOGRAPH.test(after)
  );
}

/** The first character of `value` the policy refuses, or null when the text is acceptable. */
export function findTextProblem(
  value: string,
  options: TextPolicyOptions = {},
): TextProblem | null {
  const multiline = options.multiline ?? false;
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        const codePoint = ((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        const kind = classify(codePoint, multiline);
        if (kind) return { kind, codePoint, index };
        index++;
        continue;
      }
      return { kind: 'surrogate', codePoint: unit, index };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { kind: 'surrogate', codePoint: unit, index };
    if (unit === ZWJ && joinsEmoji(value, index)) continue;
    const kind = classify(unit, multiline);
    if (kind) return { kind, codePoint: unit, index };
  }
  return null;
}

/** 'U+200B' */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const DESCRIPTIONS: Record<TextProblemKind, string> = {
  control: 'un caractère de contrôle',
  'line-break': 'un saut de ligne ou une tabulation (ce champ tient sur une ligne)',
  surrogate: 'un caractère Unicode incomplet',
  bidi: 'un caractère invisible qui inverse le sens d’écriture',
  invisible: 'un caractère invisible (sans chasse)',
};

/** « Le champ « lastName » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le. » */
export function textProblemMessage(
  field: string,
  problem: TextProblem,
  noun: 'champ' | 'paramètre' = 'champ',
): string {
  return `Le ${noun} « ${field} » contient ${DESCRIPTIONS[problem.kind]} (${codePointLabel(problem.codePoint)}) en position ${problem.index + 1} : retirez-le.`;
}

/** The French message for `value` in `field`, or null when the text is acceptable. */
export function textPolicyError(
  field: string,
  value: string,
  options: TextPolicyOptions = {},
): string | null {
  const problem = findTextProblem(value, options);
  return problem ? textProblemMessage(field, problem) : null;
}

/**
 * The text as it is stored: Unicode normal form C. A text with a lone surrogate is returned as
 * is (normalising would not fail, but the policy refuses it anyway).
 */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/**
 * The text with every character the policy refuses shown as « ⟦U+200B⟧ », to display a refused
 * value (a CSV preview) without printing what cannot be seen.
 */
export function revealRefusedCharacters(value: string, options: TextPolicyOptions = {}): string {
  let out = '';
  let rest = value;
  for (
    let problem = findTextProblem(rest, options);
    problem;
    problem = findTextProblem(rest, options)
  ) {
    const width = problem.codePoint > 0xffff ? 2 : 1;
    out += `${rest.slice(0, problem.index)}⟦${codePointLabel(problem.codePoint)}⟧`;
    rest = rest.slice(problem.index + width);
  }
  return out + rest;
}

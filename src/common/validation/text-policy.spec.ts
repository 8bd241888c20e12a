import {
  findTextProblem,
  normalizeText,
  revealRefusedCharacters,
  textPolicyError,
  textProblemMessage,
} from './text-policy.js';

describe('text policy', () => {
  it('accepts ordinary French text, typographic punctuation and emoji', () => {
    for (const value of ['Lœvenbruck', 'L’Haÿ-les-Roses', 'Œuvre — « 12 € »…', 'Zoë 👩‍🔧', '']) {
      expect(findTextProblem(value)).toBeNull();
    }
  });

  it('refuses control characters, NUL included, wherever they are', () => {
    expect(findTextProblem('ab\u0000c')).toEqual({ kind: 'control', codePoint: 0, index: 2 });
    expect(findTextProblem('\u001b[31m')?.kind).toBe('control');
    expect(findTextProblem('x\u007f')?.kind).toBe('control');
    expect(findTextProblem('L\u009cvenbruck')).toEqual({
      kind: 'control',
      codePoint: 0x9c,
      index: 1,
    });
  });

  it('refuses line breaks and tabs in one-line fields only', () => {
    expect(findTextProblem('a\nb')?.kind).toBe('line-break');
    expect(findTextProblem('a\tb')?.kind).toBe('line-break');
    expect(findTextProblem('a\u2028b')?.kind).toBe('line-break');
    expect(findTextProblem('1 rue X\r\n75001 Paris\tbis', { multiline: true })).toBeNull();
    expect(findTextProblem('a\u0000\nb', { multiline: true })?.kind).toBe('control');
  });

  it('refuses lone surrogates but not surrogate pairs', () => {
    expect(findTextProblem('a\ud800b')).toEqual({ kind: 'surrogate', codePoint: 0xd800, index: 1 });
    expect(findTextProblem('a\udc00')).toEqual({ kind: 'surrogate', codePoint: 0xdc00, index: 1 });
    expect(findTextProblem('\ud83d')?.kind).toBe('surrogate');
    expect(findTextProblem('\ud83d\ude00')).toBeNull();
  });

  it('refuses bidirectional overrides and zero-width characters', () => {
    expect(findTextProblem('Martin\u202eslirpa')?.kind).toBe('bidi');
    expect(findTextProblem('\u2066x\u2069')?.kind).toBe('bidi');
    expect(findTextProblem('Du\u200bpont')).toEqual({
      kind: 'invisible',
      codePoint: 0x200b,
      index: 2,
    });
    expect(findTextProblem('\ufeffDupont')?.kind).toBe('invisible');
    expect(findTextProblem('Du\u200dpont')?.kind).toBe('invisible');
    expect(findTextProblem('👩\u200d')?.kind).toBe('invisible');
    expect(findTextProblem('x\u{e0041}')?.kind).toBe('invisible');
  });

  it('names the field, the character and its position in French', () => {
    const problem = findTextProblem('Du\u200bpont');
    expect(problem).not.toBeNull();
    expect(textProblemMessage('lastName', problem!)).toBe(
      'Le champ « lastName » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
    );
    expect(textPolicyError('firstName', 'Anne')).toBeNull();
    expect(textPolicyError('firstName', 'A\u0000')).toMatch(
      /^Le champ « firstName » contient un caractère de contrôle \(U\+0000\)/,
    );
  });

  it('normalises to NFC', () => {
    expect(normalizeText('Ame\u0301lie')).toBe('Amélie');
    expect(normalizeText('Amélie')).toBe('Amélie');
  });

  it('shows every refused character of a value by its code point', () => {
    expect(revealRefusedCharacters('L\u0081venbruck\u200b')).toBe('L⟦U+0081⟧venbruck⟦U+200B⟧');
    expect(revealRefusedCharacters('a\nb', { multiline: true })).toBe('a\nb');
    expect(revealRefusedCharacters('a\nb')).toBe('a⟦U+000A⟧b');
    expect(revealRefusedCharacters('x\u{e0041}y\ud800')).toBe('x⟦U+E0041⟧y⟦U+D800⟧');
    expect(revealRefusedCharacters('Zoë 👩‍🔧')).toBe('Zoë 👩‍🔧');
  });
});

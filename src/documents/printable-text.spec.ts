import { documentGlyphCoverage, findPrintProblem, printProblemMessage } from './printable-text.js';

describe('printable text (text policy and the documents’ fonts)', () => {
  const coverage = documentGlyphCoverage();

  it('reads the glyphs of the shipped DejaVu Sans subset', () => {
    expect(coverage).not.toBeNull();
    for (const char of 'AzÉéèçœŒ’€…«» ẞ́ễ') {
      expect([char, coverage!(char.codePointAt(0)!)]).toEqual([char, true]);
    }
    expect(coverage!(0x738b)).toBe(false); // 王
  });

  it('accepts French names and addresses, NFC or with combining accents', () => {
    expect(findPrintProblem('Lœvenbruck')).toBeNull();
    expect(findPrintProblem('Zoë d’Arc – Œuvre, 20 €…')).toBeNull();
    expect(findPrintProblem('Nguyễn Thị Hương')).toBeNull();
    expect(findPrintProblem('Zoe\u0301')).toBeNull();
    expect(findPrintProblem('3 rue de l’Œuvre\r\n69002 Lyon', { multiline: true })).toBeNull();
  });

  it('refuses a character without a glyph, and what the text policy refuses', () => {
    expect(findPrintProblem('Li 王')).toEqual({ kind: 'no-glyph', codePoint: 0x738b, index: 3 });
    expect(findPrintProblem('한 Léa')).toEqual({ kind: 'no-glyph', codePoint: 0xd55c, index: 0 });
    expect(findPrintProblem('Ma\u200brtin')).toMatchObject({ kind: 'invisible', index: 2 });
    expect(findPrintProblem('Dupont\u0081')).toMatchObject({ kind: 'control', codePoint: 0x81 });
    expect(findPrintProblem('ligne 1\nligne 2')).toMatchObject({ kind: 'line-break' });
    expect(findPrintProblem('x\u202ey')).toMatchObject({ kind: 'bidi' });
  });

  it('says which character, where, in French', () => {
    expect(printProblemMessage('prénom', findPrintProblem('Li 王')!)).toBe(
      'Le champ « prénom » contient un caractère que les documents ne peuvent pas imprimer (« 王 », U+738B) en position 4 : remplacez-le.',
    );
    expect(printProblemMessage('nom', findPrintProblem('Ma\u200brtin')!)).toBe(
      'Le champ « nom » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
    );
  });

  it('checks nothing but the text policy when no font file is found', () => {
    expect(findPrintProblem('王', {}, null)).toBeNull();
    expect(findPrintProblem('a\u200b', {}, null)).toMatchObject({ kind: 'invisible' });
  });
});

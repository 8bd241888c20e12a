import { csvDocument, csvField } from './csv.js';

describe('csvField', () => {
  it('leaves a plain text or a number as is', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField(12)).toBe('12');
    expect(csvField(-2)).toBe('-2');
  });

  it('quotes a field holding the separator, a quote or a line break', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('Salle "A"')).toBe('"Salle ""A"""');
    expect(csvField('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
  });

  it('defuses a text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33')).toBe("'+33");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });
});

describe('csvDocument', () => {
  it('writes a BOM, the headers and one CRLF-ended line per row', () => {
    expect(
      csvDocument(
        ['A', 'B'],
        [
          ['x', 1],
          ['y;z', '=2'],
        ],
      ),
    ).toBe('\uFEFFA;B\r\nx;1\r\n"y;z";\'=2\r\n');
  });

  it('writes the header line alone when there is no row', () => {
    expect(csvDocument(['A'], [])).toBe('\uFEFFA\r\n');
  });
});

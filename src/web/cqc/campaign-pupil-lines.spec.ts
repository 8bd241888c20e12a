import { frenchDateToIso, parsePupilLines } from './campaign-pupil-lines.js';

describe('pupil lines « NOM;Prénom;JJ/MM/AAAA »', () => {
  it('reads each line as a row, numbered as typed (blank lines skipped)', () => {
    expect(
      parsePupilLines('MARTIN;Léa;14/03/2009\r\n\nBRUN ; Hugo ; 1/2/2008 ; permis oui\n'),
    ).toEqual({
      rows: [
        { lastName: 'MARTIN', firstName: 'Léa', birthDate: '2009-03-14' },
        { lastName: 'BRUN', firstName: 'Hugo', birthDate: '2008-02-01', licenceHeld: true },
      ],
      lines: [1, 3],
      errors: [],
    });
    expect(parsePupilLines('COSTE;Inès;03/10/2009;Permis non').rows[0].licenceHeld).toBe(false);
  });

  it('names the line of each problem, all at once', () => {
    const parsed = parsePupilLines(
      'BRUN;Hugo\nCOSTE;Inès;31/02/2009\nDUPONT;Noé;2009-01-01;peut-être',
    );
    expect(parsed.errors).toEqual([
      {
        line: 1,
        message:
          'Ligne 1 : 2 champs séparés par « ; » au lieu de 3 (« NOM;Prénom;JJ/MM/AAAA », puis « ;permis oui » ou « ;permis non » si besoin).',
      },
      {
        line: 2,
        message:
          'Ligne 2 : la date de naissance « 31/02/2009 » n’est pas une date au format JJ/MM/AAAA.',
      },
      {
        line: 3,
        message:
          'Ligne 3 : la date de naissance « 2009-01-01 » n’est pas une date au format JJ/MM/AAAA.',
      },
      {
        line: 3,
        message: 'Ligne 3 : le permis « peut-être » doit être « permis oui » ou « permis non ».',
      },
    ]);
    // A line with a bad date keeps its row (the other fields are still checked), never a changed value.
    expect(parsed.rows.map((r) => r.birthDate)).toEqual(['31/02/2009', '2009-01-01']);
  });

  it('converts only real dates written JJ/MM/AAAA', () => {
    expect(frenchDateToIso('29/02/2008')).toBe('2008-02-29');
    expect(frenchDateToIso('29/02/2009')).toBeNull();
    expect(frenchDateToIso('14.03.2009')).toBeNull();
    expect(frenchDateToIso(' 1/1/2009 ')).toBe('2009-01-01');
  });
});

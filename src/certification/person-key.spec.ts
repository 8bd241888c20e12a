import { foldName, isSamePerson, personMatchKey } from './person-key.js';

describe('personMatchKey', () => {
  const key = (lastName: string, firstName: string, birthDate: string | null = '1990-02-03') =>
    personMatchKey({ lastName, firstName, birthDate });

  it('ignores case and accents, ligatures included', () => {
    expect(key('Lœvenbruck', 'Élodie')).toBe(key('LOEVENBRUCK', 'elodie'));
    expect(key('Lætitia', 'Zoé')).toBe(key('LAETITIA', 'ZOE'));
    expect(key('Müller', 'François')).toBe(key('MULLER', 'FRANCOIS'));
    expect(key('Straße', 'Ève')).toBe(key('STRASSE', 'eve'));
  });

  it('ignores hyphens, apostrophes (straight and typographic) and extra spaces', () => {
    expect(key('Martin', 'Jean-Luc')).toBe(key('MARTIN', 'jean luc'));
    expect(key('Martin', '  Jean   Luc ')).toBe(key('martin', 'Jean-Luc'));
    expect(key('d’Arc', 'Jeanne')).toBe(key("D'ARC", 'JEANNE'));
    expect(key('Le\u00a0Goff', 'Anne–Marie')).toBe(key('LE GOFF', 'ANNE MARIE'));
  });

  it('gives the documented form', () => {
    expect(key('LOEVENBRUCK', 'Jean-Luc')).toBe('loevenbruck|jeanluc|1990-02-03');
    expect(key('Martin', 'Paul', null)).toBe('martin|paul|');
  });

  it('tells apart different names, swapped names and different birth dates', () => {
    expect(key('Martin', 'Paul')).not.toBe(key('Martin', 'Pauline'));
    expect(key('Martin', 'Paul')).not.toBe(key('Paul', 'Martin'));
    expect(key('Martin', 'Paul')).not.toBe(key('Martin', 'Paul', '1990-02-04'));
    expect(key('Martin', 'Paul')).not.toBe(key('Martin', 'Paul', null));
  });

  it('refuses a birth date that is not a real date', () => {
    expect(() => key('Martin', 'Paul', '1990-02-30')).toThrow(RangeError);
    expect(() => key('Martin', 'Paul', '03/02/1990')).toThrow('Date de naissance invalide');
  });

  it('isSamePerson compares the keys', () => {
    expect(
      isSamePerson(
        { lastName: 'Lœvenbruck', firstName: 'Jean-Luc', birthDate: '2001-12-31' },
        { lastName: 'LOEVENBRUCK', firstName: 'jean luc', birthDate: '2001-12-31' },
      ),
    ).toBe(true);
  });

  it('foldName keeps letters of other scripts and digits', () => {
    expect(foldName('Ωmega 2')).toBe('ωmega2');
    expect(foldName('  ')).toBe('');
  });
});

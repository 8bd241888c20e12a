import {
  checkLicenceNumber,
  LICENCE_NUMBER_FORMATS_LABEL,
  LICENCE_NUMBER_SOURCES,
  normalizeLicenceNumber,
} from './licence-number.js';

describe('checkLicenceNumber', () => {
  it('accepts the 12-digit NEPH of a card licence', () => {
    expect(checkLicenceNumber('210692106990')).toEqual({
      ok: true,
      value: '210692106990',
      kind: 'NEPH',
    });
  });

  it('accepts a Corsican NEPH (2A or 2B as the département)', () => {
    expect(checkLicenceNumber('13052A123456')).toMatchObject({ ok: true, kind: 'NEPH' });
    expect(checkLicenceNumber('13052B123456')).toMatchObject({ ok: true, kind: 'NEPH' });
  });

  it('accepts the number of an older paper licence, such as the seed’s example', () => {
    expect(checkLicenceNumber('7E9R8T7ZE9E8A9')).toEqual({
      ok: true,
      value: '7E9R8T7ZE9E8A9',
      kind: 'FORMER',
    });
    expect(checkLicenceNumber('850175200123')).toMatchObject({ ok: true, kind: 'NEPH' });
    expect(checkLicenceNumber('8501752001')).toMatchObject({ ok: true, kind: 'FORMER' });
    expect(checkLicenceNumber('ABCDEFGHIJKLMN5')).toMatchObject({ ok: true, kind: 'FORMER' });
  });

  it('removes spaces only: the groups, the line break, no-break spaces', () => {
    expect(normalizeLicenceNumber(' 2106 9210\n6990 ')).toBe('210692106990');
    expect(checkLicenceNumber('21\u00a006\u202f92 106990')).toEqual({
      ok: true,
      value: '210692106990',
      kind: 'NEPH',
    });
  });

  it('refuses an empty number', () => {
    const check = checkLicenceNumber('   ');
    expect(check).toMatchObject({ ok: false, problem: 'EMPTY' });
    if (!check.ok) {
      expect(check.message).toBe(
        `Le numéro de permis de conduire est obligatoire. Formats acceptés : ${LICENCE_NUMBER_FORMATS_LABEL}.`,
      );
    }
  });

  it('refuses lower-case letters instead of changing them', () => {
    const check = checkLicenceNumber('7e9r8t7ze9e8a9');
    expect(check).toMatchObject({ ok: false, problem: 'LOWER_CASE' });
    if (!check.ok) {
      expect(check.message).toContain('(« 7e9r8t7ze9e8a9 ») contient des lettres minuscules');
      expect(check.message).toContain('Formats acceptés : le NEPH à 12 chiffres');
    }
    expect(checkLicenceNumber('13052a123456')).toMatchObject({ ok: false, problem: 'LOWER_CASE' });
  });

  it('refuses hyphens, dots, accents and invisible characters, naming the character', () => {
    const hyphen = checkLicenceNumber('2106-9210-6990');
    expect(hyphen).toMatchObject({ ok: false, problem: 'CHARACTERS' });
    if (!hyphen.ok) expect(hyphen.message).toContain('contient le caractère « - »');
    expect(checkLicenceNumber('2106.92106990')).toMatchObject({ ok: false, problem: 'CHARACTERS' });
    const accent = checkLicenceNumber('7É9R8T');
    expect(accent).toMatchObject({ ok: false, problem: 'CHARACTERS' });
    if (!accent.ok) expect(accent.message).toContain('« É »');
    const invisible = checkLicenceNumber('2106\u200b92106990');
    expect(invisible).toMatchObject({ ok: false, problem: 'CHARACTERS' });
    if (!invisible.ok) {
      expect(invisible.message).toContain('« U+200B »');
      expect(invisible.message).toContain('« 2106⟦U+200B⟧92106990 »');
    }
  });

  it('refuses more than 15 characters', () => {
    const check = checkLicenceNumber('1234567890123456');
    expect(check).toMatchObject({ ok: false, problem: 'LENGTH' });
    if (!check.ok) expect(check.message).toContain('compte 16 caractères, au plus 15');
  });

  it('names the driver when the caller gives a label', () => {
    const check = checkLicenceNumber('', 'Le numéro de permis de conduire de Camille DUPONT');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(
        check.message.startsWith('Le numéro de permis de conduire de Camille DUPONT est'),
      ).toBe(true);
    }
  });

  it('cites its sources', () => {
    expect(LICENCE_NUMBER_SOURCES.map((s) => s.code)).toEqual([
      'LICENCE_NUMBER_NEPH',
      'LICENCE_NUMBER_FORMER',
    ]);
  });
});

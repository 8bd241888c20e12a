import {
  avenantDueDate,
  avenantRequired,
  CONVENTION_SOURCES,
  conventionDefects,
  providerConventionDefect,
  type ConventionFacts,
} from './convention-rules.js';

const signed2024: ConventionFacts = {
  id: 'c1',
  signedOn: '2024-11-04',
  effectiveFrom: '2025-01-01',
  sentToPrefectOn: '2024-11-20',
  titreIds: ['t1'],
  avenants: [],
};

describe('annual avenant', () => {
  it('is not due the year of signature nor the next, then every year', () => {
    expect(avenantRequired('2024-11-04', 2024)).toBe(false);
    expect(avenantRequired('2024-11-04', 2025)).toBe(false);
    expect(avenantRequired('2024-11-04', 2026)).toBe(true);
    expect(avenantRequired('2024-11-04', 2030)).toBe(true);
  });

  it('is due before 1 January of its year: on 31 December of the year before', () => {
    expect(avenantDueDate(2026)).toBe('2025-12-31');
  });

  it('carries its source: article 3 as modified by the arrêté du 1er octobre 2024', () => {
    expect(CONVENTION_SOURCES.ANNUAL_AVENANT.article).toBe('Article 3, 2e alinéa');
    expect(CONVENTION_SOURCES.ANNUAL_AVENANT.date).toBe('2024-10-01');
  });
});

describe('conventionDefects', () => {
  it('finds none in the year after signature without avenant', () => {
    expect(conventionDefects(signed2024, 't1', ['2025-06-02', '2025-06-06'])).toEqual([]);
  });

  it('needs the avenant of each year the session touches from the second year on', () => {
    expect(conventionDefects(signed2024, 't1', ['2025-12-29', '2026-01-02'])).toEqual([
      'l’avenant 2026 n’est pas enregistré',
    ]);
    const withAvenant = {
      ...signed2024,
      avenants: [{ year: 2026, sentToPrefectOn: '2025-12-31' }],
    };
    expect(conventionDefects(withAvenant, 't1', ['2025-12-29', '2026-01-02'])).toEqual([]);
  });

  it('refuses a convention not yet signed or in force, or never sent to the préfet', () => {
    expect(
      conventionDefects({ ...signed2024, sentToPrefectOn: null }, 't1', ['2024-12-10']),
    ).toEqual([
      'la convention n’entre en vigueur que le 01/01/2025',
      'la convention n’a pas été transmise au préfet de région',
    ]);
    expect(conventionDefects(signed2024, 't1', ['2024-10-01'])).toEqual([
      'la convention n’est signée que le 04/11/2024',
      'la convention n’entre en vigueur que le 01/01/2025',
    ]);
  });

  it('refuses a convention sent to the préfet on or after the day it takes effect', () => {
    expect(
      conventionDefects({ ...signed2024, sentToPrefectOn: '2025-01-01' }, 't1', ['2025-03-03']),
    ).toEqual([
      'la convention a été transmise au préfet le 01/01/2025, pas avant son entrée en vigueur le 01/01/2025',
    ]);
  });

  it('refuses a titre the convention does not cover', () => {
    expect(conventionDefects(signed2024, 't2', ['2025-03-03'])).toEqual([
      'la convention ne couvre pas le titre de la session',
    ]);
  });
});

describe('providerConventionDefect', () => {
  it('accepts when any convention is in force', () => {
    const old = { ...signed2024, id: 'c0', titreIds: ['t2'] };
    expect(providerConventionDefect([old, signed2024], 't1', ['2025-03-03'])).toBeNull();
  });

  it('names the closest convention and its defects otherwise', () => {
    expect(providerConventionDefect([], 't1', ['2025-03-03'])).toBe(
      'aucune convention n’est enregistrée avec cet organisme',
    );
    expect(providerConventionDefect([signed2024], 't1', ['2027-03-03'])).toBe(
      'convention signée le 04/11/2024 : l’avenant 2027 n’est pas enregistré',
    );
  });
});

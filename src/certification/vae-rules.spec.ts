import { VAE_RECEVABILITE_VALIDITY } from './certification-sources.js';
import {
  checkVaeRecevabilite,
  vaeRecevabiliteErrors,
  vaeValidity,
  type VaeRecevabilite,
  type VaeSession,
} from './vae-rules.js';

const PERSON = { firstName: 'Élodie', lastName: 'Lœvenbruck' };
const RECEVABILITE: VaeRecevabilite = {
  notifiedOn: '2025-03-10',
  allowedNatures: ['TITRE'],
  override: null,
};
const SESSION: VaeSession = { nature: 'TITRE', startDate: '2026-03-10', endDate: '2026-03-12' };

describe('vaeValidity', () => {
  it('is the notification + 1 year, computed, with its source', () => {
    expect(vaeValidity(RECEVABILITE)).toEqual({
      validUntil: '2026-03-10',
      computedValidUntil: '2026-03-10',
      overridden: false,
      overrideReason: null,
      source: VAE_RECEVABILITE_VALIDITY.source,
    });
  });

  it('handles a notification on 29 February', () => {
    expect(vaeValidity({ notifiedOn: '2024-02-29', override: null }).validUntil).toBe('2025-02-28');
  });

  it('can be overridden, the override carrying its reason', () => {
    const validity = vaeValidity({
      notifiedOn: '2025-03-10',
      override: { validUntil: '2026-06-30', reason: '  Prorogation accordée par la DREETS  ' },
    });
    expect(validity).toMatchObject({
      validUntil: '2026-06-30',
      computedValidUntil: '2026-03-10',
      overridden: true,
      overrideReason: 'Prorogation accordée par la DREETS',
    });
    expect(() =>
      vaeValidity({
        notifiedOn: '2025-03-10',
        override: { validUntil: '2026-06-30', reason: ' ' },
      }),
    ).toThrow('sans motif');
  });

  it('takes the period as a parameter', () => {
    expect(vaeValidity(RECEVABILITE, { ...VAE_RECEVABILITE_VALIDITY, years: 2 }).validUntil).toBe(
      '2027-03-10',
    );
  });
});

describe('checkVaeRecevabilite', () => {
  it('accepts a session of the allowed type starting within the validity (last day included)', () => {
    expect(checkVaeRecevabilite(PERSON, RECEVABILITE, SESSION)).toMatchObject({
      ok: true,
      messages: [],
    });
    expect(
      checkVaeRecevabilite(PERSON, RECEVABILITE, { ...SESSION, startDate: '2025-03-10' }).ok,
    ).toBe(true);
  });

  it('refuses a session starting after the end of validity', () => {
    const check = checkVaeRecevabilite(PERSON, RECEVABILITE, {
      ...SESSION,
      startDate: '2026-03-11',
    });
    expect(check.ok).toBe(false);
    expect(check.messages).toEqual([
      'La recevabilité VAE de Élodie LŒVENBRUCK n’est valable que jusqu’au 10/03/2026 (un an après sa notification le 10/03/2025), avant le début de la session le 11/03/2026.',
    ]);
  });

  it('refuses a session starting before the notification', () => {
    const check = checkVaeRecevabilite(PERSON, RECEVABILITE, {
      ...SESSION,
      startDate: '2025-03-09',
    });
    expect(check.messages).toEqual([
      'La session commence le 09/03/2025, avant la notification de la recevabilité VAE de Élodie LŒVENBRUCK (10/03/2025).',
    ]);
  });

  it('refuses a session of a type the decision does not allow', () => {
    const check = checkVaeRecevabilite(PERSON, RECEVABILITE, { ...SESSION, nature: 'CCP' });
    expect(check.messages).toEqual([
      'La recevabilité VAE de Élodie LŒVENBRUCK (notifiée le 10/03/2025) autorise une session TITRE ; la session est une session CCP.',
    ]);
    const several = checkVaeRecevabilite(
      PERSON,
      { ...RECEVABILITE, allowedNatures: ['CCP', 'CCS'] },
      { ...SESSION, nature: 'TITRE' },
    );
    expect(several.messages[0]).toContain('autorise une session CCP ou CCS');
  });

  it('uses the override, and says so', () => {
    const overridden: VaeRecevabilite = {
      ...RECEVABILITE,
      override: { validUntil: '2026-06-30', reason: 'Prorogation accordée par la DREETS' },
    };
    expect(
      checkVaeRecevabilite(PERSON, overridden, { ...SESSION, startDate: '2026-06-30' }).ok,
    ).toBe(true);
    expect(
      checkVaeRecevabilite(PERSON, overridden, { ...SESSION, startDate: '2026-07-01' }).messages[0],
    ).toContain('(date fixée à la main : Prorogation accordée par la DREETS)');
  });

  it('gives every problem at once', () => {
    const check = checkVaeRecevabilite(PERSON, RECEVABILITE, {
      nature: 'CCS',
      startDate: '2027-01-01',
      endDate: '2027-01-01',
    });
    expect(check.messages).toHaveLength(2);
  });
});

describe('vaeRecevabiliteErrors', () => {
  const valid = {
    notifiedOn: '2025-03-10',
    allowedNatures: ['TITRE'],
    overrideValidUntil: null,
    overrideReason: null,
  };

  it('accepts valid values', () => {
    expect(vaeRecevabiliteErrors(valid)).toEqual([]);
    expect(
      vaeRecevabiliteErrors({
        ...valid,
        overrideValidUntil: '2026-06-30',
        overrideReason: 'Prorogation',
      }),
    ).toEqual([]);
  });

  it('requires the notification date and a known session type', () => {
    expect(
      vaeRecevabiliteErrors({ ...valid, notifiedOn: null, allowedNatures: [] }).map((e) => e.field),
    ).toEqual(['vaeNotifiedOn', 'vaeAllowedNatures']);
    expect(vaeRecevabiliteErrors({ ...valid, notifiedOn: '2025-02-30' })[0]?.message).toBe(
      'Le champ « vaeNotifiedOn » doit être une date valide au format AAAA-MM-JJ.',
    );
    expect(vaeRecevabiliteErrors({ ...valid, allowedNatures: ['TITRE', 'VAE'] })[0]?.message).toBe(
      'Le champ « vaeAllowedNatures » contient un type de session inconnu (VAE) : valeurs possibles TITRE, CCP, CCS.',
    );
  });

  it('requires a reason with an override, and only then', () => {
    expect(
      vaeRecevabiliteErrors({ ...valid, overrideValidUntil: '2026-06-30', overrideReason: '  ' }),
    ).toEqual([
      {
        field: 'vaeOverrideReason',
        message:
          'Le champ « vaeOverrideReason » est obligatoire quand la fin de validité de la recevabilité est fixée à la main.',
      },
    ]);
    expect(
      vaeRecevabiliteErrors({ ...valid, overrideReason: 'Prorogation' }).map((e) => e.field),
    ).toEqual(['vaeOverrideReason']);
  });

  it('refuses an override before the notification, and names custom fields', () => {
    const errors = vaeRecevabiliteErrors(
      { ...valid, overrideValidUntil: '2025-01-01', overrideReason: 'Erreur' },
      {
        notifiedOn: 'notifiedOn',
        allowedNatures: 'sessionNatures',
        overrideValidUntil: 'validUntilOverride',
        overrideReason: 'validUntilOverrideReason',
      },
    );
    expect(errors).toEqual([
      {
        field: 'validUntilOverride',
        message:
          'Le champ « validUntilOverride » (01/01/2025) ne peut précéder la notification de la recevabilité (10/03/2025).',
      },
    ]);
  });
});

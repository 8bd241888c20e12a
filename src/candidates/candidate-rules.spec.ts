import { byName } from '../common/person-order.js';
import { futureDateError } from '../common/validation/date-rules.js';
import {
  candidateErrors,
  pathwayErrors,
  resolveRecevabilite,
  resultsErrors,
  type PathwayValues,
} from './candidate-rules.js';

const NO_PATHWAY_VALUES: PathwayValues = {
  pathway: 'FORMATION',
  trainingStartDate: null,
  vaeNotifiedOn: null,
  vaeAllowedNatures: [],
  vaeValidUntil: null,
  vaeOverrideReason: '',
};

function vae(changes: Partial<PathwayValues>): PathwayValues {
  return { ...NO_PATHWAY_VALUES, pathway: 'VAE', ...changes };
}

const TODAY = '2027-03-01';

describe('pathway rules', () => {
  it('requires a notification date or an end of validity for a VAE candidate', () => {
    expect(pathwayErrors(vae({}), TODAY)).toEqual([
      {
        field: 'vaeValidUntil',
        message: expect.stringContaining('« vaeValidUntil » est obligatoire') as unknown,
      },
    ]);
    expect(pathwayErrors(vae({ vaeValidUntil: '2027-12-31' }), TODAY)).toEqual([]);
  });

  it('refuses every VAE field off the VAE pathway, each under its name', () => {
    const errors = pathwayErrors(
      {
        ...NO_PATHWAY_VALUES,
        pathway: 'SUITE_PARCOURS',
        vaeNotifiedOn: '2026-05-01',
        vaeAllowedNatures: ['TITRE'],
        vaeValidUntil: '2027-12-31',
        vaeOverrideReason: 'prolongée',
      },
      TODAY,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'vaeNotifiedOn',
      'vaeAllowedNatures',
      'vaeValidUntil',
      'vaeOverrideReason',
    ]);
    expect(errors[0]?.message).toContain('parcours SUITE_PARCOURS');
    expect(pathwayErrors(NO_PATHWAY_VALUES, TODAY)).toEqual([]);
  });

  it('with a notification: needs the session type, computes one year, and a reason for another date', () => {
    expect(pathwayErrors(vae({ vaeNotifiedOn: '2026-05-01' }), TODAY).map((e) => e.field)).toEqual([
      'vaeAllowedNatures',
    ]);
    const computed = vae({ vaeNotifiedOn: '2026-05-01', vaeAllowedNatures: ['TITRE'] });
    expect(pathwayErrors(computed, TODAY)).toEqual([]);
    expect(resolveRecevabilite(computed)).toEqual({
      vaeValidUntil: '2027-05-01',
      vaeOverrideReason: '',
    });
    // The computed date typed in again is no override.
    expect(pathwayErrors({ ...computed, vaeValidUntil: '2027-05-01' }, TODAY)).toEqual([]);
    const byHand = { ...computed, vaeValidUntil: '2027-09-30' };
    expect(pathwayErrors(byHand, TODAY).map((e) => e.field)).toEqual(['vaeOverrideReason']);
    const withReason = { ...byHand, vaeOverrideReason: ' Prorogation accordée par la DREETS ' };
    expect(pathwayErrors(withReason, TODAY)).toEqual([]);
    expect(resolveRecevabilite(withReason)).toEqual({
      vaeValidUntil: '2027-09-30',
      vaeOverrideReason: 'Prorogation accordée par la DREETS',
    });
  });

  it('refuses a notification or a training start in the future', () => {
    expect(
      pathwayErrors(
        vae({
          vaeNotifiedOn: '2027-03-02',
          vaeAllowedNatures: ['CCP'],
          trainingStartDate: '2027-04-01',
        }),
        TODAY,
      ).map((e) => e.field),
    ).toEqual(['trainingStartDate', 'vaeNotifiedOn']);
  });

  it('keeps the end of validity alone of an older record, and drops everything off VAE', () => {
    expect(resolveRecevabilite(vae({ vaeValidUntil: '2027-12-31' }))).toEqual({
      vaeValidUntil: '2027-12-31',
      vaeOverrideReason: '',
    });
    expect(resolveRecevabilite(NO_PATHWAY_VALUES)).toEqual({
      vaeValidUntil: null,
      vaeOverrideReason: '',
    });
  });
});

describe('dates not in the future', () => {
  const today = '2027-03-01';

  it('accepts today, the past and no date', () => {
    expect(futureDateError('birthDate', today, today)).toBeNull();
    expect(futureDateError('birthDate', '1990-05-12', today)).toBeNull();
    expect(futureDateError('birthDate', null, today)).toBeNull();
    expect(futureDateError('birthDate', undefined, today)).toBeNull();
  });

  it('refuses tomorrow, naming the field and today in French', () => {
    expect(futureDateError('convocationDate', '2027-03-02', today)).toEqual({
      field: 'convocationDate',
      message:
        'Le champ « convocationDate » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
    });
  });
});

describe('results', () => {
  const titre = { titreCcpCodes: ['CCP1', 'CCP2', 'CCP3'], sessionCcpCodes: [] };

  it('accepts the CCPs of the titre for a TITRE session', () => {
    expect(
      resultsErrors(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP3', outcome: 'NOT_ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toEqual([]);
    expect(resultsErrors([], { ...titre, nature: 'TITRE' })).toEqual([]);
  });

  it('refuses a code that is not a CCP of the titre, naming the entry', () => {
    expect(
      resultsErrors(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP9', outcome: 'ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toEqual([
      {
        field: 'results[1].ccpCode',
        message: expect.stringContaining('« results[1].ccpCode » (CCP9)') as unknown,
      },
    ]);
  });

  it('refuses a CCP of the titre outside a CCP session', () => {
    const scope = { ...titre, nature: 'CCP' as const, sessionCcpCodes: ['CCP2'] };
    expect(resultsErrors([{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }], scope)).toEqual([]);
    expect(resultsErrors([{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }], scope)[0].message).toContain(
      'ne fait pas partie des CCP de la session : CCP2',
    );
  });

  it('refuses the same CCP twice', () => {
    expect(
      resultsErrors(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP1', outcome: 'NOT_ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toEqual([
      {
        field: 'results[1].ccpCode',
        message: expect.stringContaining('« results[1].ccpCode »') as unknown,
      },
    ]);
  });
});

describe('order by name', () => {
  it('sorts by last then first name, ignoring case and accents', () => {
    const people = [
      { id: '1', lastName: 'Martin', firstName: 'Zoé' },
      { id: '2', lastName: 'de Vries', firstName: 'Anne' },
      { id: '3', lastName: 'Élie', firstName: 'Paul' },
      { id: '4', lastName: 'Martin', firstName: 'Ève' },
    ];
    expect([...people].sort(byName).map((p) => p.id)).toEqual(['2', '3', '4', '1']);
  });
});

describe('every rule of a candidate at once', () => {
  it('reports each broken rule under its own field', () => {
    expect(
      candidateErrors({ birthDate: '2030-01-01', convocationDate: '2027-03-02' }, '2027-03-01').map(
        (e) => e.field,
      ),
    ).toEqual(['birthDate', 'convocationDate']);
    expect(candidateErrors({}, '2027-03-01')).toEqual([]);
  });
});

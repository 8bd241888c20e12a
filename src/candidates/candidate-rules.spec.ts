import { byName } from '../common/person-order.js';
import { futureDateError } from '../common/validation/date-rules.js';
import { candidateErrors, pathwayError, resultsErrors } from './candidate-rules.js';

describe('pathway rule', () => {
  it('requires the end of validity of the recevabilité for a VAE candidate', () => {
    expect(pathwayError('VAE', null)).toEqual({
      field: 'vaeValidUntil',
      message: expect.stringContaining('« vaeValidUntil » est obligatoire') as unknown,
    });
    expect(pathwayError('VAE', '2027-12-31')).toBeNull();
  });

  it('refuses an end of validity for a FORMATION candidate', () => {
    expect(pathwayError('FORMATION', '2027-12-31')?.message).toContain('« vaeValidUntil »');
    expect(pathwayError('FORMATION', null)).toBeNull();
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
      candidateErrors(
        {
          pathway: 'VAE',
          vaeValidUntil: null,
          birthDate: '2030-01-01',
          convocationDate: '2027-03-01',
        },
        '2027-03-01',
      ).map((e) => e.field),
    ).toEqual(['vaeValidUntil', 'birthDate']);
    expect(candidateErrors({}, '2027-03-01')).toEqual([]);
  });
});

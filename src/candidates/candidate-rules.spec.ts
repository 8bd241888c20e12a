import { byName } from '../common/person-order.js';
import { futureDateError } from '../common/validation/date-rules.js';
import { pathwayError, resultsError } from './candidate-rules.js';

describe('pathway rule', () => {
  it('requires the end of validity of the recevabilité for a VAE candidate', () => {
    expect(pathwayError('VAE', null)).toContain('« vaeValidUntil » est obligatoire');
    expect(pathwayError('VAE', '2027-12-31')).toBeNull();
  });

  it('refuses an end of validity for a FORMATION candidate', () => {
    expect(pathwayError('FORMATION', '2027-12-31')).toContain('« vaeValidUntil »');
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
    expect(futureDateError('convocationDate', '2027-03-02', today)).toBe(
      'Le champ « convocationDate » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
    );
  });
});

describe('results', () => {
  const titre = { titreCcpCodes: ['CCP1', 'CCP2', 'CCP3'], sessionCcpCodes: [] };

  it('accepts the CCPs of the titre for a TITRE session', () => {
    expect(
      resultsError(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP3', outcome: 'NOT_ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toBeNull();
    expect(resultsError([], { ...titre, nature: 'TITRE' })).toBeNull();
  });

  it('refuses a code that is not a CCP of the titre, naming the entry', () => {
    expect(
      resultsError(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP9', outcome: 'ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toContain('« results[1].ccpCode » (CCP9)');
  });

  it('refuses a CCP of the titre outside a CCP session', () => {
    const scope = { ...titre, nature: 'CCP' as const, sessionCcpCodes: ['CCP2'] };
    expect(resultsError([{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }], scope)).toBeNull();
    expect(resultsError([{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }], scope)).toContain(
      'ne fait pas partie des CCP de la session : CCP2',
    );
  });

  it('refuses the same CCP twice', () => {
    expect(
      resultsError(
        [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP1', outcome: 'NOT_ACQUIRED' },
        ],
        { ...titre, nature: 'TITRE' },
      ),
    ).toContain('« results[1].ccpCode »');
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

import { agrementDateErrors } from './agrement-rules.js';

describe('agrementDateErrors', () => {
  it('accepts a start on or before the end, or no start recorded', () => {
    expect(agrementDateErrors({ validFrom: null, validUntil: '2027-09-30' })).toEqual([]);
    expect(agrementDateErrors({ validFrom: '2027-09-30', validUntil: '2027-09-30' })).toEqual([]);
    expect(agrementDateErrors({ validFrom: '2024-10-01', validUntil: '2027-09-30' })).toEqual([]);
  });

  it('refuses a start after the end with one French message on « validFrom »', () => {
    expect(agrementDateErrors({ validFrom: '2027-10-01', validUntil: '2027-09-30' })).toEqual([
      {
        field: 'validFrom',
        message:
          'Le champ « validFrom » (début de validité) ne peut pas être postérieur à « validUntil » (fin de validité).',
      },
    ]);
  });
});

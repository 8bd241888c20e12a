import { convocationProofErrors, type ConvocationProofValues } from './convocation-proof-rules.js';

const TODAY = '2027-05-20';

function values(overrides: Partial<ConvocationProofValues> = {}): ConvocationProofValues {
  return {
    convocationDate: '2027-05-03',
    convocationMode: 'REGISTERED_MAIL',
    convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
    convocationProofOn: '2027-05-05',
    ...overrides,
  };
}

describe('convocation proof rules', () => {
  it('accepts the AR of a registered letter and the décharge of a hand-delivered one', () => {
    expect(convocationProofErrors(values(), TODAY)).toEqual([]);
    expect(
      convocationProofErrors(
        values({
          convocationMode: 'HAND_DELIVERED',
          convocationProofKind: 'SIGNED_DISCHARGE',
          convocationProofOn: '2027-05-03',
        }),
        TODAY,
      ),
    ).toEqual([]);
    expect(
      convocationProofErrors(
        values({ convocationProofKind: null, convocationProofOn: null }),
        TODAY,
      ),
    ).toEqual([]);
  });

  it('refuses a proof that does not match the mode of convocation', () => {
    expect(
      convocationProofErrors(values({ convocationProofKind: 'SIGNED_DISCHARGE' }), TODAY),
    ).toEqual([
      {
        field: 'convocationProofKind',
        message:
          'Le champ « convocationProofKind » ne correspond pas au mode de convocation : attendu accusé de réception de la lettre recommandée.',
      },
    ]);
  });

  it('refuses a proof without a recorded convocation, and a kind without a date (and back)', () => {
    expect(
      convocationProofErrors(values({ convocationDate: null, convocationMode: null }), TODAY).map(
        (e) => e.field,
      ),
    ).toEqual(['convocationProofKind']);
    expect(
      convocationProofErrors(values({ convocationProofOn: null }), TODAY).map((e) => e.field),
    ).toEqual(['convocationProofOn']);
    expect(
      convocationProofErrors(values({ convocationProofKind: null }), TODAY).map((e) => e.field),
    ).toEqual(['convocationProofKind']);
  });

  it('refuses a proof dated before the convocation or in the future', () => {
    expect(convocationProofErrors(values({ convocationProofOn: '2027-05-02' }), TODAY)).toEqual([
      {
        field: 'convocationProofOn',
        message:
          'Le champ « convocationProofOn » est antérieur à la date de convocation (03/05/2027).',
      },
    ]);
    expect(
      convocationProofErrors(values({ convocationProofOn: '2027-05-21' }), TODAY).map(
        (e) => e.field,
      ),
    ).toEqual(['convocationProofOn']);
  });
});

import {
  CQC_FEE_TARIFFS,
  cqcFeeTariffOn,
  estimateCqcFees,
  formatEuroCentsHT,
  totalCqcFees,
  type CqcFeeTariff,
} from './registration-fees.js';

describe('CQC_FEE_TARIFFS', () => {
  it('keeps the seed’s amounts with their source and a valid-from date', () => {
    expect(CQC_FEE_TARIFFS[0]).toMatchObject({
      validFrom: '2022-01-01',
      centsPerTrainee: { FORMATION_LONGUE: 2534, FCO_COMPLETE: 2534, MODULE_FCO: 507 },
    });
    expect(CQC_FEE_TARIFFS[0].source.code).toBe('HUB_REGISTRATION_FEE');
  });
});

describe('cqcFeeTariffOn', () => {
  const later: CqcFeeTariff = {
    ...CQC_FEE_TARIFFS[0],
    validFrom: '2028-01-01',
    centsPerTrainee: { FORMATION_LONGUE: 2600, FCO_COMPLETE: 2600, MODULE_FCO: 520 },
  };
  const tariffs = [later, CQC_FEE_TARIFFS[0]]; // order does not matter

  it('picks the latest tariff started on the date', () => {
    expect(cqcFeeTariffOn('2027-12-31', tariffs)).toBe(CQC_FEE_TARIFFS[0]);
    expect(cqcFeeTariffOn('2028-01-01', tariffs)).toBe(later);
    expect(cqcFeeTariffOn('2030-06-01', tariffs)).toBe(later);
  });

  it('finds none before the first tariff', () => {
    expect(cqcFeeTariffOn('2021-12-31')).toBeNull();
  });
});

describe('formatEuroCentsHT', () => {
  it('writes cents in French from integers', () => {
    expect(formatEuroCentsHT(7602)).toBe('76,02\u00a0€ HT');
    expect(formatEuroCentsHT(507)).toBe('5,07\u00a0€ HT');
    expect(formatEuroCentsHT(0)).toBe('0,00\u00a0€ HT');
    expect(formatEuroCentsHT(5)).toBe('0,05\u00a0€ HT');
    expect(formatEuroCentsHT(253400)).toBe('2\u202f534,00\u00a0€ HT');
    expect(formatEuroCentsHT(-507)).toBe('-5,07\u00a0€ HT');
  });

  it('refuses a non-integer amount', () => {
    expect(() => formatEuroCentsHT(25.34)).toThrow(RangeError);
  });
});

describe('estimateCqcFees', () => {
  it('multiplies the unit fee by the trainees, in cents', () => {
    expect(estimateCqcFees('FORMATION_LONGUE', 3, '2027-03-15')).toMatchObject({
      unitCents: 2534,
      totalCents: 7602,
      label: '3 × 25,34\u00a0€ HT = 76,02\u00a0€ HT',
    });
    expect(estimateCqcFees('FCO_COMPLETE', 1, '2027-03-15').totalCents).toBe(2534);
    // 15 × 5.07 is 76.05000000000001 in floating point: the amounts stay integer cents.
    expect(estimateCqcFees('MODULE_FCO', 15, '2027-03-15')).toMatchObject({
      totalCents: 7605,
      label: '15 × 5,07\u00a0€ HT = 76,05\u00a0€ HT',
    });
    expect(estimateCqcFees('FORMATION_LONGUE', 32, '2027-03-15').label).toBe(
      '32 × 25,34\u00a0€ HT = 810,88\u00a0€ HT',
    );
    expect(estimateCqcFees('MODULE_FCO', 0, '2027-03-15').totalCents).toBe(0);
  });

  it('says when no tariff is known', () => {
    expect(estimateCqcFees('MODULE_FCO', 2, '2021-06-30')).toMatchObject({
      unitCents: null,
      totalCents: null,
      tariff: null,
      label: 'Aucun tarif d’enregistrement connu au 30/06/2021.',
    });
  });

  it('refuses a negative or fractional count', () => {
    expect(() => estimateCqcFees('MODULE_FCO', -1, '2027-03-15')).toThrow(RangeError);
    expect(() => estimateCqcFees('MODULE_FCO', 1.5, '2027-03-15')).toThrow(RangeError);
  });
});

describe('totalCqcFees', () => {
  it('keeps a single estimate as it is', () => {
    const one = estimateCqcFees('FORMATION_LONGUE', 3, '2027-06-21');
    expect(totalCqcFees([one])).toMatchObject({
      trainees: 3,
      unitCents: 2534,
      totalCents: 7602,
      label: one.label,
      estimates: [one],
    });
  });

  it('adds a long training and FCO modules, each at its amount', () => {
    const total = totalCqcFees([
      estimateCqcFees('FORMATION_LONGUE', 2, '2027-06-21'),
      estimateCqcFees('MODULE_FCO', 1, '2027-06-21'),
    ]);
    expect(total).toMatchObject({ trainees: 3, unitCents: null, totalCents: 5575 });
    expect(total.label).toBe('2 × 25,34\u00a0€ HT + 1 × 5,07\u00a0€ HT = 55,75\u00a0€ HT');
  });

  it('gives no total when a tariff is missing', () => {
    const total = totalCqcFees([
      estimateCqcFees('FORMATION_LONGUE', 2, '2021-06-21'),
      estimateCqcFees('MODULE_FCO', 1, '2021-06-21'),
    ]);
    expect(total.totalCents).toBeNull();
    expect(total.label).toBe('Aucun tarif d’enregistrement connu au 21/06/2021.');
  });
});

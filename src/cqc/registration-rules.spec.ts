import {
  checkCqcDriver,
  checkCqcRegistrationBatch,
  cqcDriverLabel,
  hasActiveAgrement,
  ofCqcDriver,
  type CqcAgrementPeriod,
  type CqcDriverInput,
  type CqcRegistrationInput,
  type CqcTraining,
} from './registration-rules.js';

const END = '2027-03-12';

function aTraining(overrides: Partial<CqcTraining> = {}): CqcTraining {
  return {
    label: 'Conducteur du transport routier de marchandises sur porteur',
    qualification: 'MARCHANDISES',
    type: 'FORMATION_LONGUE',
    educationNationale: false,
    endDate: END,
    ...overrides,
  };
}

function aDriver(overrides: Partial<CqcDriverInput> = {}): CqcDriverInput {
  return {
    key: 'c1',
    reference: 'REF202701',
    orderNumber: 'COM20270101',
    firstName: 'Camille',
    lastName: 'Dupont',
    birthDate: '1990-01-01',
    licenceNumber: '210692106990',
    ...overrides,
  };
}

const AGREMENTS: CqcAgrementPeriod[] = [{ validFrom: '2024-01-01', validUntil: '2028-12-31' }];

function batch(overrides: Partial<CqcRegistrationInput> = {}) {
  return checkCqcRegistrationBatch({
    training: aTraining(),
    agrements: AGREMENTS,
    drivers: [aDriver()],
    feeDate: '2027-03-15',
    ...overrides,
  });
}

function messagesOf(driver: Partial<CqcDriverInput>, training: Partial<CqcTraining> = {}) {
  return checkCqcDriver(aDriver(driver), aTraining(training), 1).errors.map((e) => e.message);
}

describe('hasActiveAgrement', () => {
  it('covers the first and last day of a period, an open end, and nothing outside', () => {
    expect(hasActiveAgrement(AGREMENTS, '2024-01-01')).toBe(true);
    expect(hasActiveAgrement(AGREMENTS, '2028-12-31')).toBe(true);
    expect(hasActiveAgrement(AGREMENTS, '2023-12-31')).toBe(false);
    expect(hasActiveAgrement(AGREMENTS, '2029-01-01')).toBe(false);
    expect(hasActiveAgrement([{ validFrom: '2020-01-01', validUntil: null }], '2090-01-01')).toBe(
      true,
    );
    expect(hasActiveAgrement([], '2027-01-01')).toBe(false);
  });

  it('accepts any of several periods', () => {
    const periods = [
      { validFrom: '2019-01-01', validUntil: '2023-12-31' },
      { validFrom: '2025-01-01', validUntil: null },
    ];
    expect(hasActiveAgrement(periods, '2022-06-01')).toBe(true);
    expect(hasActiveAgrement(periods, '2024-06-01')).toBe(false);
    expect(hasActiveAgrement(periods, '2026-06-01')).toBe(true);
  });
});

describe('a registration batch', () => {
  it('is exportable when every control passes, with normalised rows and the fee', () => {
    const result = batch({
      drivers: [
        aDriver({ firstName: '  Camille ', licenceNumber: '2106 9210 6990', reference: null }),
        aDriver({
          key: 'c2',
          firstName: 'Éloïse',
          lastName: 'N’Diaye-Martin',
          licenceNumber: '7E9R8T7ZE9E8A9',
        }),
        aDriver({
          key: 'c3',
          firstName: 'Jean',
          lastName: 'Le Goff',
          licenceNumber: '13052A123456',
        }),
      ],
    });
    expect(result.errors).toEqual([]);
    expect(result.exportable).toBe(true);
    expect(result.rows[0]).toMatchObject({
      firstName: 'Camille',
      reference: '',
      licenceNumber: '210692106990',
      ageAtEnd: 37,
      errors: [],
    });
    expect(result.fee).toMatchObject({ trainees: 3, unitCents: 2534, totalCents: 7602 });
    expect(result.fee.label).toBe('3 × 25,34\u00a0€ HT = 76,02\u00a0€ HT');
  });

  it('prices FCO modules at their own tariff', () => {
    const result = batch({ training: aTraining({ type: 'MODULE_FCO' }) });
    expect(result.fee).toMatchObject({ unitCents: 507, totalCents: 507 });
  });

  it('refuses a training without an active agrément on its end date', () => {
    const result = batch({
      agrements: [{ validFrom: '2020-01-01', validUntil: '2027-03-11' }],
    });
    expect(result.exportable).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ key: null, field: 'agrement' });
    expect(result.errors[0].message).toBe(
      'Le centre ne dispose pas d’un agrément actif pour la formation « Conducteur du transport routier de marchandises sur porteur » (Formation longue, marchandises) à sa date de fin, le 12/03/2027 (agrément enregistré du 01/01/2020 au 11/03/2027) : le Hub Pro Transport ne permet pas de l’enregistrer.',
    );
    expect(result.errors[0].source.code).toBe('HUB_ACTIVE_AGREMENT');
    expect(batch({ agrements: [] }).errors[0].message).toContain(
      'aucun agrément n’est enregistré pour cette formation',
    );
  });

  it('refuses an invalid end date and an empty batch', () => {
    const result = batch({ training: aTraining({ endDate: '2027-02-30' }), drivers: [] });
    expect(result.errors.map((e) => e.field)).toEqual(['endDate', 'drivers']);
    expect(result.exportable).toBe(false);
    expect(result.fee.totalCents).toBe(0);
  });

  it('gives one error per bad field, naming the driver and the field, all at once', () => {
    const result = batch({
      drivers: [
        aDriver(),
        aDriver({
          key: 'c2',
          firstName: 'Paul',
          lastName: 'Martin',
          orderNumber: ' ',
          licenceNumber: null,
        }),
        aDriver({
          key: 'c3',
          firstName: 'Léa',
          lastName: 'Roux',
          birthDate: '2010-05-05',
          licenceNumber: '100175123456',
        }),
      ],
    });
    expect(result.exportable).toBe(false);
    expect(result.errors.map((e) => [e.key, e.field])).toEqual([
      ['c2', 'orderNumber'],
      ['c2', 'licenceNumber'],
      ['c3', 'birthDate'],
    ]);
    expect(result.errors[0].message).toBe(
      'Le numéro de commande de Paul MARTIN est obligatoire (l’index de la facture du centre ; pour un organisme public, le numéro CHORUS repris sur les factures).',
    );
    expect(result.errors[1].message).toMatch(
      /^Le numéro de permis de conduire de Paul MARTIN est obligatoire\. Formats acceptés : /,
    );
    expect(result.errors[2].message).toContain('La date de naissance de Léa ROUX (05/05/2010)');
    expect(result.rows[0].errors).toEqual([]);
    expect(result.rows[1].errors).toHaveLength(2);
  });

  it('refuses the same licence number twice, naming both drivers', () => {
    const result = batch({
      drivers: [
        aDriver(),
        aDriver({
          key: 'c2',
          firstName: 'Paul',
          lastName: 'Martin',
          licenceNumber: '2106 92106990',
        }),
      ],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ key: 'c2', field: 'licenceNumber' });
    expect(result.errors[0].message).toContain(
      'Le numéro de permis de conduire de Paul MARTIN (210692106990) est déjà celui de Camille DUPONT (ligne 1)',
    );
  });
});

describe('mandatory fields and formats', () => {
  it('accepts a missing reference (optional) and requires every other field', () => {
    expect(messagesOf({ reference: null })).toEqual([]);
    expect(messagesOf({ reference: '' })).toEqual([]);
    expect(messagesOf({ firstName: null })).toEqual(['Le prénom de DUPONT est obligatoire.']);
    expect(messagesOf({ lastName: '  ' })).toEqual(['Le nom de Camille est obligatoire.']);
    expect(messagesOf({ birthDate: null })).toEqual([
      'La date de naissance de Camille DUPONT est obligatoire.',
    ]);
  });

  it('names the row when the driver has no name at all', () => {
    expect(messagesOf({ firstName: '', lastName: '' })).toEqual([
      'Le prénom du conducteur de la ligne 1 est obligatoire.',
      'Le nom du conducteur de la ligne 1 est obligatoire.',
    ]);
    expect(cqcDriverLabel({ firstName: '', lastName: '' }, 4)).toBe('le conducteur de la ligne 4');
  });

  it('elides « de » before a vowel or an h', () => {
    expect(ofCqcDriver('Éloïse MARTIN')).toBe('d’Éloïse MARTIN');
    expect(ofCqcDriver('Hugo LEROY')).toBe('d’Hugo LEROY');
    expect(ofCqcDriver('Camille DUPONT')).toBe('de Camille DUPONT');
    expect(messagesOf({ firstName: 'Anne', orderNumber: null })[0]).toMatch(
      /^Le numéro de commande d’Anne DUPONT est obligatoire/,
    );
  });

  it('refuses names with digits or symbols, and over-long texts', () => {
    expect(messagesOf({ lastName: 'Dupont2' })).toEqual([
      'Le nom de Camille DUPONT2 (« Dupont2 ») ne doit contenir que des lettres, des espaces, des traits d’union, des apostrophes ou des points, et commencer par une lettre.',
    ]);
    expect(messagesOf({ firstName: '-Camille' })).toHaveLength(1);
    expect(messagesOf({ firstName: 'Jean-Pierre', lastName: 'd’Alembert' })).toEqual([]);
    expect(messagesOf({ orderNumber: 'C'.repeat(51) })).toEqual([
      'Le numéro de commande de Camille DUPONT compte 51 caractères, au plus 50 sont admis.',
    ]);
    expect(messagesOf({ orderNumber: 'C'.repeat(50) })).toEqual([]);
  });

  it('refuses invisible characters and line breaks, saying where', () => {
    expect(messagesOf({ orderNumber: 'COM\u200b1' })).toEqual([
      'Le numéro de commande de Camille DUPONT contient un caractère invisible (sans chasse) (U+200B) en position 4 : retirez-le.',
    ]);
    expect(messagesOf({ reference: 'REF\n1' })[0]).toContain('un saut de ligne');
    expect(messagesOf({ lastName: 'Du\u202eont' })).toEqual([
      'Le nom de Camille DU⟦U+202E⟧ONT contient un caractère invisible qui inverse le sens d’écriture (U+202E) en position 3 : retirez-le.',
    ]);
  });

  it('refuses an invalid birth date and one not before the end of training', () => {
    expect(messagesOf({ birthDate: '1990-02-30' })).toEqual([
      'La date de naissance de Camille DUPONT (« 1990-02-30 ») n’est pas une date valide comprise entre le 01/01/1900 et le 31/12/2100.',
    ]);
    expect(messagesOf({ birthDate: END })).toEqual([
      'La date de naissance de Camille DUPONT (12/03/2027) n’est pas antérieure à la date de fin de la formation (12/03/2027).',
    ]);
  });

  it('refuses a licence number in a wrong format, naming the driver', () => {
    const [message] = messagesOf({ licenceNumber: '2106-9210-6990' });
    expect(message).toMatch(
      /^Le numéro de permis de conduire de Camille DUPONT \(« 2106-9210-6990 »\) contient le caractère « - »/,
    );
    expect(message).toContain('Formats acceptés : le NEPH à 12 chiffres');
  });
});

describe('age at the end of training', () => {
  const ageError = (birthDate: string, training: Partial<CqcTraining> = {}) =>
    messagesOf({ birthDate }, training);

  it('accepts a driver who turns 18 on the end date, refuses one who turns 18 the day after', () => {
    expect(ageError('2009-03-12')).toEqual([]);
    expect(checkCqcDriver(aDriver({ birthDate: '2009-03-12' }), aTraining(), 1).ageAtEnd).toBe(18);
    expect(ageError('2009-03-13')).toEqual([
      'La date de naissance de Camille DUPONT (13/03/2009) lui donne 17 ans à la date de fin de la formation (12/03/2027) : le conducteur doit être majeur ; seule une formation de type Éducation nationale admet un conducteur mineur.',
    ]);
  });

  it('counts a 29 February birthday as reached on 1 March', () => {
    expect(ageError('2008-02-29', { endDate: '2026-02-28' })).toHaveLength(1);
    expect(ageError('2008-02-29', { endDate: '2026-03-01' })).toEqual([]);
    expect(ageError('2010-02-28', { endDate: '2028-02-28' })).toEqual([]);
  });

  it('accepts a minor for an Éducation nationale training only', () => {
    expect(ageError('2010-09-01', { educationNationale: true })).toEqual([]);
    expect(ageError('2010-09-01', { educationNationale: false })).toHaveLength(1);
  });

  it('accepts 100 years, refuses 101, Éducation nationale or not', () => {
    expect(ageError('1927-03-12')).toEqual([]);
    expect(checkCqcDriver(aDriver({ birthDate: '1927-03-12' }), aTraining(), 1).ageAtEnd).toBe(100);
    expect(ageError('1926-03-13')).toEqual([]);
    expect(ageError('1926-03-12')).toEqual([
      'La date de naissance de Camille DUPONT (12/03/1926) lui donne 101 ans à la date de fin de la formation (12/03/2027) : le conducteur ne doit pas avoir plus de 100 ans.',
    ]);
    expect(ageError('1926-03-12', { educationNationale: true })).toHaveLength(1);
  });

  it('skips the age when the end date is invalid (the batch reports it once)', () => {
    const row = checkCqcDriver(
      aDriver({ birthDate: '2012-01-01' }),
      aTraining({ endDate: 'x' }),
      1,
    );
    expect(row.errors).toEqual([]);
    expect(row.ageAtEnd).toBeNull();
  });
});

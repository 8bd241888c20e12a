import {
  CqcBatchNotExportableError,
  HUB_REGISTRATION_CSV_HEADERS,
  HUB_REGISTRATION_CSV_SOURCE,
  hubRegistrationCsv,
  hubRegistrationFileName,
} from './hub-export.js';
import {
  checkCqcRegistrationBatch,
  type CqcDriverInput,
  type CqcRegistrationInput,
} from './registration-rules.js';

function aDriver(overrides: Partial<CqcDriverInput> = {}): CqcDriverInput {
  return {
    key: 'c1',
    reference: 'REF202201',
    orderNumber: 'COM20220101',
    firstName: 'Pierre',
    lastName: 'Dupont',
    birthDate: '1990-01-01',
    licenceNumber: '7E9R8T7ZE9E8A9',
    ...overrides,
  };
}

function batch(drivers: CqcDriverInput[], overrides: Partial<CqcRegistrationInput> = {}) {
  return checkCqcRegistrationBatch({
    training: {
      label: 'Conducteur du transport routier de marchandises sur porteur',
      qualification: 'MARCHANDISES',
      type: 'FORMATION_LONGUE',
      educationNationale: false,
      endDate: '2027-03-12',
    },
    agrements: [{ validFrom: '2024-01-01', validUntil: null }],
    drivers,
    feeDate: '2027-03-15',
    ...overrides,
  });
}

describe('hubRegistrationCsv', () => {
  it('writes the Hub’s columns in order, after a BOM, separated by semicolons', () => {
    expect(HUB_REGISTRATION_CSV_HEADERS).toEqual([
      'Réf',
      'N° de commande',
      'Prénom',
      'Nom',
      'Date de naissance',
      'N° de permis de conduire',
    ]);
    expect(HUB_REGISTRATION_CSV_SOURCE.code).toBe('HUB_REGISTRATION_TABLE');
    const csv = hubRegistrationCsv(batch([aDriver()]));
    expect(csv).toBe(
      '\uFEFFRéf;N° de commande;Prénom;Nom;Date de naissance;N° de permis de conduire\r\n' +
        'REF202201;COM20220101;Pierre;Dupont;01/01/1990;7E9R8T7ZE9E8A9\r\n',
    );
  });

  it('writes one line per driver, normalised, the optional reference empty', () => {
    const lines = hubRegistrationCsv(
      batch([
        aDriver({ reference: null, licenceNumber: '2106 9210 6990' }),
        aDriver({ key: 'c2', firstName: ' Éloïse ', lastName: 'N’Diaye', birthDate: '2008-02-29' }),
      ]),
    )
      .slice(1)
      .split('\r\n');
    expect(lines).toEqual([
      HUB_REGISTRATION_CSV_HEADERS.join(';'),
      ';COM20220101;Pierre;Dupont;01/01/1990;210692106990',
      'REF202201;COM20220101;Éloïse;N’Diaye;29/02/2008;7E9R8T7ZE9E8A9',
      '',
    ]);
  });

  it('quotes separators and defuses formulas in the free texts', () => {
    const csv = hubRegistrationCsv(
      batch([aDriver({ reference: '=HYPERLINK("x")', orderNumber: 'COM;2027' })]),
    );
    expect(csv.split('\r\n')[1]).toBe(
      '"\'=HYPERLINK(""x"")";"COM;2027";Pierre;Dupont;01/01/1990;7E9R8T7ZE9E8A9',
    );
  });

  it('refuses a batch with errors, or without drivers', () => {
    expect(() =>
      hubRegistrationCsv(batch([aDriver({ orderNumber: null, licenceNumber: 'x-1' })])),
    ).toThrow('L’enregistrement compte encore 2 erreurs : corrigez-les avant l’export.');
    expect(() => hubRegistrationCsv(batch([aDriver({ orderNumber: null })]))).toThrow(
      'L’enregistrement compte encore 1 erreur : corrigez-la avant l’export.',
    );
    expect(() => hubRegistrationCsv(batch([]))).toThrow(CqcBatchNotExportableError);
    expect(() => hubRegistrationCsv(batch([]))).toThrow(
      'L’enregistrement ne compte aucun conducteur : il n’y a rien à exporter.',
    );
  });

  it('names the file after the end of the training', () => {
    expect(hubRegistrationFileName(batch([aDriver()]))).toBe('enregistrement-cqc-2027-03-12.csv');
  });
});

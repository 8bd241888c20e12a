import { cardErrorNote, handoverErrors, type HandoverFacts } from './handover-check.js';

const base: HandoverFacts = {
  cardReceivedOn: '2027-07-05',
  handedOverOn: null,
  signedBy: null,
  errorReportedOn: null,
  errorDescription: null,
  errorReturnPostmarkedOn: null,
};

describe('handoverErrors', () => {
  it('accepts a card received, handed over against signature', () => {
    expect(
      handoverErrors({ ...base, handedOverOn: '2027-07-08', signedBy: 'Léa MARTIN' }, '2027-07-10'),
    ).toEqual([]);
  });

  it('refuses a hand-over without signature, before receipt, or in the future, all at once', () => {
    expect(
      handoverErrors(
        { ...base, cardReceivedOn: '2027-07-12', handedOverOn: '2027-07-04' },
        '2027-07-10',
      ).map((e) => [e.field, e.message]),
    ).toEqual([
      [
        'cardReceivedOn',
        'La réception de la carte (12/07/2027) ne peut pas être postérieure à aujourd’hui (10/07/2027).',
      ],
      [
        'handedOverOn',
        'La remise à l’élève (04/07/2027) précède la réception de la carte (12/07/2027).',
      ],
      [
        'signedBy',
        'La CQC se remet contre signature : indiquez qui a signé la remise (champ « signedBy »).',
      ],
    ]);
  });

  it('asks for the error’s date when a return is recorded', () => {
    expect(
      handoverErrors({ ...base, errorReturnPostmarkedOn: '2027-07-20' }, '2027-08-01').map(
        (e) => e.field,
      ),
    ).toEqual(['errorReportedOn']);
  });
});

describe('cardErrorNote', () => {
  it('gives the deadline, then in time or late (one month, postmark counting)', () => {
    const error = { ...base, cardReceivedOn: '2027-07-31', errorReportedOn: '2027-08-02' };
    expect(cardErrorNote(base)).toBeNull();
    expect(cardErrorNote(error)).toBe(
      'Carte erronée : la retourner avec le formulaire « défaut qualité » au plus tard le 31/08/2027 (cachet de la poste faisant foi).',
    );
    expect(cardErrorNote({ ...error, errorReturnPostmarkedOn: '2027-08-31' })).toContain(
      'dans le délai',
    );
    expect(cardErrorNote({ ...error, errorReturnPostmarkedOn: '2027-09-01' })).toBe(
      'Carte erronée retournée hors délai : cachet du 01/09/2027, après le 31/08/2027 (un mois après la réception).',
    );
  });
});

import { trainingSummaryView } from './person-cqc.js';

describe('trainingSummaryView', () => {
  it('is not deposited before the registration on the Hub', () => {
    expect(trainingSummaryView(null, 'FCO_COMPLETE', '2027-06-01')).toEqual({
      deliveredOn: null,
      availableUntil: null,
      withoutLimit: false,
      label:
        'Pas encore déposé : la formation n’est pas enregistrée sur Hub Pro Transport pour cette personne.',
    });
  });

  it('stays 6 years for a continuing training', () => {
    const view = trainingSummaryView('2027-06-21', 'FCO_COMPLETE', '2027-06-21');
    expect(view.availableUntil).toBe('2033-06-21');
    expect(view.withoutLimit).toBe(false);
    expect(view.label).toBe(
      'Disponible sur Hub Pro Transport jusqu’au 21/06/2033 (déposé le 21/06/2027, conservé 6 ans).',
    );
    expect(trainingSummaryView('2027-06-21', 'MODULE_FCO', '2033-06-22').label).toBe(
      'N’est plus disponible sur Hub Pro Transport depuis le 22/06/2033 (déposé le 21/06/2027, conservé 6 ans).',
    );
    // 29 February: the 6 years end on the 28th.
    expect(trainingSummaryView('2028-02-29', 'MODULE_FCO', '2028-03-01').availableUntil).toBe(
      '2034-02-28',
    );
  });

  it('has no limit for an initial training', () => {
    const view = trainingSummaryView('2027-06-21', 'FORMATION_LONGUE', '2040-01-01');
    expect(view.availableUntil).toBeNull();
    expect(view.withoutLimit).toBe(true);
    expect(view.label).toBe(
      'Disponible sur Hub Pro Transport sans limite de durée (formation initiale), déposé le 21/06/2027.',
    );
  });
});

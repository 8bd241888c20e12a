import { sessionHeading } from './session-heading.js';

const names = {
  titreCode: 'CDUI',
  titreLabel: 'Concepteur développeur d’applications',
  titreVersion: '2023',
  siteName: 'Site de Lille',
};

describe('sessionHeading', () => {
  it('names the titre, its millésime, the site, the dates and the status in French', () => {
    expect(
      sessionHeading({ startDate: '2027-03-15', endDate: '2027-03-16', status: 'PLANNED' }, names),
    ).toEqual({
      title: 'CDUI — Site de Lille',
      titreLabel: 'Concepteur développeur d’applications (millésime 2023)',
      dates: 'du 15/03/2027 au 16/03/2027',
      status: 'Programmée',
    });
  });

  it('gives one date for a one-day session', () => {
    expect(
      sessionHeading(
        { startDate: '2027-03-15', endDate: '2027-03-15', status: 'CANCELLED' },
        names,
      ),
    ).toMatchObject({ dates: '15/03/2027', status: 'Annulée' });
  });
});

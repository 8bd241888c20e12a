import { hubAccountLabel } from './hub-account-label.js';

describe('hubAccountLabel', () => {
  it('says whether the driver was e-mailed, can be, or needs the printed sheet', () => {
    expect(hubAccountLabel({ toldOn: '2027-05-24', hasEmail: true })).toBe(
      'Invité(e) par e-mail le 24/05/2027 à créer son compte Hub Pro Transport',
    );
    expect(hubAccountLabel({ toldOn: null, hasEmail: true })).toBe(
      'Pas encore invité(e) à créer son compte Hub Pro Transport',
    );
    expect(hubAccountLabel({ toldOn: null, hasEmail: false })).toBe(
      'Pas d’adresse e-mail : remettez-lui sa fiche « Créez votre compte Hub Pro Transport »',
    );
    expect(hubAccountLabel(undefined)).toBe(
      'Pas d’adresse e-mail : remettez-lui sa fiche « Créez votre compte Hub Pro Transport »',
    );
  });
});

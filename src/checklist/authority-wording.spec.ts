import { authorityWording } from './authority-wording.js';

const LABEL =
  "Adresser l'original du PV de la session à l'UD (DREETS/DDETS) dans un délai de 15 jours";

describe('authorityWording', () => {
  it('keeps « DREETS/DDETS » in metropolitan France and Alsace-Moselle', () => {
    expect(authorityWording(LABEL)).toBe(LABEL);
    expect(authorityWording(LABEL, 'ALSACE_MOSELLE')).toBe(LABEL);
  });

  it('names the DRIEETS in Île-de-France and the DEETS overseas', () => {
    expect(authorityWording(LABEL, 'ILE_DE_FRANCE')).toBe(
      "Adresser l'original du PV de la session à l'UD (DRIEETS) dans un délai de 15 jours",
    );
    for (const region of ['GUADELOUPE', 'MARTINIQUE', 'GUYANE', 'LA_REUNION', 'MAYOTTE'] as const) {
      expect(authorityWording(LABEL, region)).toContain("à l'UD (DEETS) dans");
    }
    expect(authorityWording('Créer la session dans CERES', 'MAYOTTE')).toBe(
      'Créer la session dans CERES',
    );
  });
});

/**
 * The name of the labour administration in the checklist's texts, by the centre's region. The
 * template writes « DREETS/DDETS » (see its « label » interpretation); since the DIRECCTE were
 * replaced (décret n° 2020-1545 du 9 décembre 2020, in force 1 April 2021), Île-de-France has a
 * DRIEETS and each overseas department a DEETS.
 */
import { DEFAULT_REGION, type FrenchRegion } from '../common/french-holidays.js';

export const AUTHORITY_NAMES: Record<FrenchRegion, string> = {
  METROPOLE: 'DREETS/DDETS',
  ALSACE_MOSELLE: 'DREETS/DDETS',
  ILE_DE_FRANCE: 'DRIEETS',
  GUADELOUPE: 'DEETS',
  MARTINIQUE: 'DEETS',
  GUYANE: 'DEETS',
  LA_REUNION: 'DEETS',
  MAYOTTE: 'DEETS',
};

const TEMPLATE_NAME = 'DREETS/DDETS';

/** A checklist text with the administration named as in the centre's region. */
export function authorityWording(text: string, region: FrenchRegion = DEFAULT_REGION): string {
  const name = AUTHORITY_NAMES[region];
  if (name === TEMPLATE_NAME || !text.includes(TEMPLATE_NAME)) return text;
  return text.replaceAll(TEMPLATE_NAME, name);
}

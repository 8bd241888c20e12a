/**
 * The texts the jury checks rest on (same shape as the certification rules' sources).
 * `referenceCode` links a source to the `references` of the checklist template
 * (templates/checklist/guide-session.v1.json); the guide rows are those of seed 003.
 */
import type { RuleSource } from '../certification/certification-sources.js';

export const JURY_SOURCES = {
  /** At least two jurors present on the day, checked before the session starts. */
  JURY_TWO_PRESENT: {
    code: 'JURY_TWO_PRESENT',
    text: 'Guide de la session d’examen (seed 003), jour J ; arrêté du 21 juillet 2016 modifié portant règlement général des sessions d’examen',
    article:
      'Guide, ligne « Avant le début de la session, vérifier qu’au moins deux membres de jury sont présents pour évaluer les candidats » ; règlement général des sessions, composition du jury',
    date: '2016-07-21',
    url: null,
    summary:
      'Le jury d’une session compte au moins deux membres : le jour de la session, c’est la présence des jurés qui en fait foi, pas leur affectation ; à défaut, l’UD est prévenue et un procès-verbal de carence est dressé.',
    referenceCode: 'RGS-2016',
  },
  /** No personal, professional or pedagogical link between a juror and the candidate evaluated. */
  JURY_NO_LINK: {
    code: 'JURY_NO_LINK',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel (composition du jury, habilitation de ses membres) ; guide de la session d’examen (seed 003)',
    article:
      'Guide, lignes « Contrôler l’absence de lien personnel et professionnel entre le jury et le candidat » (préparation du jury et accueil le jour J) ; issue 14 : le lien pédagogique (formateur du candidat) exclut aussi',
    date: '2015-12-22',
    url: null,
    summary:
      'Un membre du jury n’évalue pas un candidat avec lequel il a un lien personnel, professionnel ou pédagogique : le formateur d’un candidat ne peut pas l’évaluer.',
    referenceCode: 'DELIVRANCE-2015',
  },
  /** An employed juror asks their employer for leave at least 15 calendar days before the session. */
  JURY_CONVOCATION_NOTICE: {
    code: 'JURY_CONVOCATION_NOTICE',
    text: 'Code du travail, autorisation d’absence du salarié désigné pour participer à un jury d’examen (délai de prévenance fixé par le décret n° 2010-289 du 17 mars 2010)',
    article:
      'Art. L. 3142-42 (ex-L. 3142-3-1) et disposition réglementaire issue de l’art. D. 3142-5-1',
    date: '2010-03-17',
    url: 'https://bourgogne-franche-comte.dreets.gouv.fr/Vous-etes-membre-de-jury-vous-avez-droit-a-une-prise-en-charge-financiere',
    summary:
      'Le salarié désigné pour un jury d’examen demande par écrit à son employeur, au moins 15 jours calendaires avant le début de la session, une autorisation d’absence, en y joignant sa convocation : le juré doit donc être convoqué au moins 15 jours avant.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

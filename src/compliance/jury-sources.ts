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
  /**
   * The basis of a habilitation. The three bases are those of issue 14 and of the habilitation
   * request; the stored pages confirm the rule for CCP sessions (ASH n° 2977, on the arrêté
   * modifying that of 22 December 2015) but the article's own wording could not be read here.
   */
  JURY_HABILITATION_BASIS: {
    code: 'JURY_HABILITATION_BASIS',
    text: 'Arrêté du 22 décembre 2015 modifié relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi (composition du jury), modifié à compter du 1er janvier 2017',
    article:
      'Composition du jury et habilitation de ses membres par le préfet (UD de la DREETS) ; pour une session CCP, jury exclusivement composé de professionnels du métier (texte de l’article non relu ici : à confirmer sur Légifrance)',
    date: '2015-12-22',
    url: 'https://ash.tm.fr/hebdo/2977/veille-juridique/leger-amenagement-des-conditions-de-delivrance-des-titres-professionnels-du-ministere-charge-de-lemploi-371722.php',
    summary:
      'Un membre de jury est habilité au titre de son expérience : professionnel du métier visé par le titre, encadrement de professionnels de ce métier, ou formateur du titre. Pour une session CCP, les membres du jury sont exclusivement des professionnels justifiant d’au moins trois ans d’expérience dans le métier visé et ne l’ayant pas quitté depuis plus de cinq ans.',
    referenceCode: 'DELIVRANCE-2015',
  },
  /**
   * Per-titre requirements of the jurors (road transport: licence C or D and a valid CQC). The
   * requirement for the jurors is that of issue 14: the arrêtés of the titres read here set the
   * licence and CQC the candidates present to the jury, not those of the jurors.
   */
  JURY_REQUIREMENTS: {
    code: 'JURY_REQUIREMENTS',
    text: 'Référentiel de certification (RC) du titre, exigences relatives au jury ; arrêté du 10 octobre 2018 relatif au titre professionnel de conducteur du transport routier de marchandises sur tous véhicules',
    article:
      'Arrêté du 10 octobre 2018, art. 6 (documents présentés au jury : permis C ou CE, carte de qualification de conducteur) ; l’exigence faite aux membres du jury (permis C ou D, CQC valide) n’a pas pu être confirmée dans le RC : chaque titre la porte dans ses données avec sa source',
    date: '2018-10-10',
    url: 'https://www.doctrine.fr/l/texts/arretes/JORFTEXT000037501435/articles/LEGIARTI000037502000',
    summary:
      'Pour un titre du transport routier, chaque membre du jury détient la catégorie de permis demandée (C ou D) et une carte de qualification de conducteur (CQC) valable jusqu’à la fin de la session.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

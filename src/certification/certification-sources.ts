/**
 * The texts the certification rules (record, re-sits, prolongation, VAE recevabilité) rest on.
 * Every rule carries its source in its data: the text, the article, the date of the text and,
 * where known, a public URL where the passage can be read. `referenceCode` links a source to the
 * `references` of the checklist template (templates/checklist/guide-session.v1.json) when the
 * same text is cited there.
 */
import type { CalendarDate } from '../common/calendar-date.js';

export interface RuleSource {
  /** Stable code of this source. */
  readonly code: string;
  /** Title of the text (French). */
  readonly text: string;
  /** Article or section of the text. */
  readonly article: string;
  /** Date of the text, 'YYYY-MM-DD'; null for a web page that carries no date. */
  readonly date: CalendarDate | null;
  /** Where the passage can be read, or null when no public address is known. */
  readonly url: string | null;
  /** What the passage says, in short (French). */
  readonly summary: string;
  /** Code of the same text among the checklist template's `references`, if cited there. */
  readonly referenceCode: string | null;
}

/** A duration rule: a number of years with the text that sets it. */
export interface YearsRule {
  readonly years: number;
  readonly source: RuleSource;
}

export const CERTIFICATION_SOURCES = {
  /** CCP acquired for life; the titre has a lifetime, not what was obtained. */
  CCP_FOR_LIFE: {
    code: 'CCP_FOR_LIFE',
    text: 'Modalités de délivrance des examens — titre professionnel (travail-emploi.gouv.fr), seeds/004_5f8f27ac5b77843a.txt',
    article: 'Titre professionnel, 3e alinéa',
    date: null,
    url: 'https://travail-emploi.gouv.fr',
    summary:
      'Il est possible de passer un titre professionnel en validant les CCP séparément durant la validité du titre ; si un titre a une durée de vie, l’acquisition du titre, d’un ou plusieurs CCP est définitive.',
    referenceCode: null,
  },
  /** Titre obtained by a titre session or by capitalising all its CCP; CCS only after the titre. */
  TITRE_BY_CAPITALISATION: {
    code: 'TITRE_BY_CAPITALISATION',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi',
    article: 'Article 1er',
    date: '2015-12-22',
    url: null,
    summary:
      'Le titre est obtenu à l’issue d’une session titre ou par capitalisation de l’ensemble des CCP qui le composent (session CCP) ; le CCS ne peut être obtenu qu’après obtention du titre auquel il est associé.',
    referenceCode: 'DELIVRANCE-2015',
  },
  /** One year to re-sit without new training after a failure or a partial success. */
  RESIT_ONE_YEAR: {
    code: 'RESIT_ONE_YEAR',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi (rappelé par l’arrêté du 15 septembre 2016 modifiant l’arrêté du 21 juillet 2016 portant règlement général des sessions d’examen)',
    article: 'Article 10 (procès-verbal de session : réussite, réussite partielle, échec)',
    date: '2015-12-22',
    url: 'http://www.droit-de-la-formation.fr/vos-rubriques/actualites/actualite-juridique/modification-du-regelement-general-des-sessions-d-examen-pour-l-obtention-du.html',
    summary:
      'Le candidat en échec ou en réussite partielle dispose d’un délai d’un an pour se présenter à une nouvelle session sans obligation de suivre une nouvelle formation.',
    referenceCode: 'DELIVRANCE-2015',
  },
  /** The centre plans CCP sessions for its partly successful candidates and tells them. */
  RESIT_PLANNING_DUTY: {
    code: 'RESIT_PLANNING_DUTY',
    text: 'Arrêté du 21 juillet 2016 relatif aux modalités d’agrément des organismes visés à l’article R. 338-8 du code de l’éducation',
    article: 'Engagements du centre agréé, engagement n° 2 (issue 13 de Jalon)',
    date: '2016-07-21',
    url: null,
    summary:
      'Le centre agréé programme des sessions CCP pour ses candidats en réussite partielle et les en informe ; Jalon rappelle l’échéance aux responsables du centre 3 mois, 1 mois et 1 semaine avant la fin du délai de rattrapage.',
    referenceCode: 'AGREMENT-2016',
  },
  /** Closed titre: one year from its end of validity to obtain it. */
  TITRE_CLOSURE_ONE_YEAR: {
    code: 'TITRE_CLOSURE_ONE_YEAR',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi',
    article: 'Article 3',
    date: '2015-12-22',
    url: null,
    summary:
      'À l’issue de sa période de validité, un titre peut être prorogé, révisé ou clôturé ; clôturé, le candidat ayant obtenu des CCP dispose d’un an à compter de la fin de validité du titre pour obtenir le titre initialement visé.',
    referenceCode: 'DELIVRANCE-2015',
  },
  /** Prolongation year: who may sit, and the CERES condition. */
  PROLONGATION_YEAR: {
    code: 'PROLONGATION_YEAR',
    text: 'Ministère du travail, site du responsable de session : « La demande d’agrément — Le délai de prolongation »',
    article: 'Le délai de prolongation',
    date: null,
    url: 'https://www.responsabledesession.fr/la-demande-dagrement/',
    summary:
      'À l’échéance du titre, un délai de prolongation d’un an permet d’organiser des sessions titre ou CCP pour les candidats en échec ou en réussite partielle lors d’une précédente session et ceux dont la formation a démarré avant la fin de validité du titre ; le centre doit enregistrer dans CERES les sessions prévues pendant ce délai avant la fin de validité du titre.',
    referenceCode: null,
  },
  /** VAE recevabilité valid one year from its notification, for the session type it names. */
  VAE_RECEVABILITE_ONE_YEAR: {
    code: 'VAE_RECEVABILITE_ONE_YEAR',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi',
    article: 'Candidats en parcours de VAE (JORFARTI000031733817)',
    date: '2015-12-22',
    url: 'https://legal.tricoteuses.fr/articles/JORFARTI000031733817',
    summary:
      'La décision de recevabilité autorisant le candidat à se présenter à une session est valable un an à compter de la date de sa notification ; elle est accompagnée d’un courrier précisant le type de session auquel le candidat devra se présenter.',
    referenceCode: 'DELIVRANCE-2015',
  },
} as const satisfies Record<string, RuleSource>;

export type CertificationSourceCode = keyof typeof CERTIFICATION_SOURCES;

/** Time to re-sit after a failure or a partial success: end of the session + 1 year. */
export const RESIT_PERIOD: YearsRule = { years: 1, source: CERTIFICATION_SOURCES.RESIT_ONE_YEAR };

/** Prolongation of a titre version after its end of validity: 1 year. */
export const PROLONGATION_PERIOD: YearsRule = {
  years: 1,
  source: CERTIFICATION_SOURCES.PROLONGATION_YEAR,
};

/** Validity of a VAE recevabilité: 1 year from its notification. */
export const VAE_RECEVABILITE_VALIDITY: YearsRule = {
  years: 1,
  source: CERTIFICATION_SOURCES.VAE_RECEVABILITE_ONE_YEAR,
};

/**
 * The texts the rules of a CQC-by-equivalence campaign rest on (same shape as the certification
 * rules' sources). Most come from seed 000, the synoptic of the process drawn by the training
 * organisation for the school year 2015–2016 (version of March 2016: the text names only the
 * month, so `date` is null and the month is in the title). Majority and month deadlines come from
 * the Code civil and the Code de procédure civile.
 */
import type { RuleSource } from '../certification/certification-sources.js';

/** Title of seed 000, as printed on the diagram. */
export const CQC_SYNOPTIC_TITLE =
  'Synoptique process délivrance CQC par équivalence sur diplôme pour année scolaire 2015-2016 — Procédure spécifique Bac Pro CTRM ayant validé la certification intermédiaire, version de mars 2016 (seeds/000_b01c13a88cf4a657.txt)';

/** Source drawn from a box of the synoptic. */
function synoptic(code: string, article: string, summary: string): RuleSource {
  return {
    code,
    text: CQC_SYNOPTIC_TITLE,
    article,
    date: null,
    url: null,
    summary,
    referenceCode: null,
  };
}

export const CQC_CAMPAIGN_SOURCES = {
  /** The delegation keeps the list of schools under convention and of their CQC contacts. */
  SCHOOL_CONTACTS: synoptic(
    'SCHOOL_CONTACTS',
    'Colonne Délégation, « Liste des Etablissements sous convention par Délégation Régionale » et « Création d’une liste des contacts Education Nationale en charge de la CQC »',
    'La Délégation régionale tient la liste des établissements sous convention et de leurs contacts Éducation nationale en charge de la CQC (chef des travaux, proviseur, directeur…).',
  ),
  /** Pupil lists (nom, prénom, date de naissance) requested before the spring holidays. */
  PUPIL_LISTS_BEFORE_SPRING: synoptic(
    'PUPIL_LISTS_BEFORE_SPRING',
    'Étape « AVANT LES VACANCES DE PRINTEMPS »',
    'La Délégation régionale demande à chaque établissement scolaire de lui passer commande de demandes de CQC en lui adressant les listes des élèves qui passent l’examen (nom, prénom, date de naissance).',
  ),
  /** Two fiche sessions per Bac class: CAP CLM (of age in May with licence, Bac failures), Bac Pro (minors). */
  TWO_FICHE_SESSIONS: synoptic(
    'TWO_FICHE_SESSIONS',
    'Encadré « Il faut prévoir deux sessions de fiches navettes par classe de Bac concernée »',
    'Une session CAP CLM pour les CQC délivrées au titre de la certification intermédiaire aux élèves de Bac Pro majeurs en mai et en possession de leur permis, et aux élèves qui n’obtiendront pas leur Bac Pro ; une session Bac Pro pour les mineurs en mai qui réussiront leur Bac Pro.',
  ),
  /** At most 32 fiches per session, edited and saved as PDF by the delegation. */
  FICHES_MAX_PER_SESSION: synoptic(
    'FICHES_MAX_PER_SESSION',
    'Encadré « La Délégation télécharge, édite le nombre de fiches navettes nécessaires (maxi actuel 32) et les enregistre en PDF »',
    'La Délégation édite au plus 32 fiches navettes par session (maximum en vigueur en mars 2016) et les enregistre en PDF.',
  ),
  /** Fiches are never photocopied: each number is used once. */
  FICHES_NO_PHOTOCOPY: synoptic(
    'FICHES_NO_PHOTOCOPY',
    'Encadré « ATTENTION !!!! Les fiches navettes ne doivent pas être photocopiées »',
    'Les fiches navettes ne doivent pas être photocopiées : chaque numéro de fiche ne sert qu’une fois.',
  ),
  /** A wrong fiche: ask for its double (or another unused number) or re-edit the stored PDF. */
  FICHE_ERROR_REPLACEMENT: synoptic(
    'FICHE_ERROR_REPLACEMENT',
    'Encadré « Si erreur sur la fiche, demander son double à la délégation (ou autre N° non utilisé) ou rééditer la même fiche conservée en PDF »',
    'En cas d’erreur sur une fiche navette, l’établissement demande son double à la Délégation, qui fournit un autre numéro non utilisé ou réédite la même fiche conservée en PDF.',
  ),
  /** Fiches sent per session to the school's contact after the spring holidays. */
  FICHES_SENT_AFTER_SPRING: synoptic(
    'FICHES_SENT_AFTER_SPRING',
    'Étape « APRES LES VACANCES DE PRINTEMPS »',
    'La Délégation régionale adresse les fiches navettes, par session, à son contact de l’établissement (chef des travaux, proviseur, directeur…) par courrier ou par mail ; l’établissement les fait pré-remplir par les élèves et coller la photo d’identité, sans date ni signature.',
  ),
  /** Mid-May: pupils of age who obtained the CAP CLM complete their fiche. */
  MID_MAY_COMPLETION: synoptic(
    'MID_MAY_COMPLETION',
    'Étape « A LA MI-MAI », colonne « Pour les élèves qui ont obtenu le CAP CLM et qui ont 18 ans »',
    'À la mi-mai, l’établissement fait compléter les fiches navettes CAP CLM (n° de permis, date, signature) et prend une photocopie recto verso du permis signé.',
  ),
  /** One envelope, no staples, with the head's signed attestation, posted by 30 May at the latest. */
  ENVELOPE_BY_30_MAY: synoptic(
    'ENVELOPE_BY_30_MAY',
    'Étape « A LA MI-MAI », encadrés « L’établissement regroupe les fiches navettes… » et « L’établissement adresse le tout par voie postale à la Délégation pour le 30 mai au plus tard »',
    'L’établissement regroupe dans une même enveloppe les fiches complétées et signées, chacune avec sa pièce jointe (sans agrafe), et un document officiel signé du responsable de l’établissement attestant la réussite au CAP CLM et nommant chaque lauréat ; il l’adresse par voie postale à la Délégation pour le 30 mai au plus tard.',
  ),
  /** Minors are called as soon as they turn 18. */
  CALL_AT_MAJORITY: synoptic(
    'CALL_AT_MAJORITY',
    'Colonne « Pour les élèves qui ont obtenu le CAP CLM et qui n’ont pas 18 ans »',
    'L’établissement convoque les élèves dès leur majorité pour leur faire compléter leur fiche navette Bac Pro, ou CAP CLM en cas d’échec au Bac Pro (n° de permis, date, signature), avec une photocopie recto verso du permis signé.',
  ),
  /** From July the CQC come back and are handed over against signature. */
  HANDOVER_FROM_JULY: synoptic(
    'HANDOVER_FROM_JULY',
    'Étape « Dès JUILLET »',
    'La Délégation envoie les CQC en recommandé (ou les remet en main propre contre signature) au correspondant de l’établissement, qui peut les remettre en main propre aux bénéficiaires contre signature dès début juillet.',
  ),
  /** An error on a card: returned within one month, postmark as proof, with the défaut-qualité form. */
  CARD_ERROR_ONE_MONTH: synoptic(
    'CARD_ERROR_ONE_MONTH',
    'Encadré « Si erreur sur la CQC sous un délai de 1 mois, cachet de la poste faisant foi »',
    'En cas d’erreur sur la CQC, l’établissement la reprend, remplit un formulaire « défaut qualité » et retourne le tout à Chronoservices sous un mois, le cachet de la poste faisant foi.',
  ),
  /** Majority at 18 years completed. */
  MAJORITY_AT_18: {
    code: 'MAJORITY_AT_18',
    text: 'Code civil (rédaction issue de la loi n° 2007-308 du 5 mars 2007 portant réforme de la protection juridique des majeurs)',
    article: 'Articles 388 et 414',
    date: '2007-03-05',
    url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070721',
    summary:
      'Le mineur est la personne qui n’a pas encore dix-huit ans accomplis ; la majorité est fixée à dix-huit ans accomplis : une personne est majeure le jour de son dix-huitième anniversaire.',
    referenceCode: null,
  },
  /** Birth on 29 February: the texts say nothing; Jalon's choice and the circular it differs from. */
  MAJORITY_29_FEBRUARY: {
    code: 'MAJORITY_29_FEBRUARY',
    text: 'Code civil, article 414 ; circulaire ministérielle du 25 juillet 2013 (citée par la presse, non relue ici)',
    article:
      'Article 414 (dix-huit ans accomplis) ; circulaire : « il convient d’admettre qu’elle atteindra sa majorité au dernier jour de février de l’année de son dix-huitième anniversaire »',
    date: '2013-07-25',
    url: 'https://www.centrepresseaveyron.fr/2024/02/27/annee-bissextile-comment-ladministration-francaise-gere-les-naissances-du-29-fevrier-11776433.php',
    summary:
      'Le Code civil ne prévoit rien pour une naissance le 29 février. Par prudence, Jalon retient par défaut le 1er mars d’une année non bissextile, jour où les dix-huit ans sont accomplis sans discussion (jamais un élève convoqué avant sa majorité) ; la circulaire du 25 juillet 2013 retient le dernier jour de février (28 février), option proposée.',
    referenceCode: null,
  },
  /** A deadline in months ends on the same day number, or the month's last day. */
  MONTH_DEADLINE: {
    code: 'MONTH_DEADLINE',
    text: 'Code de procédure civile (décret n° 75-1123 du 5 décembre 1975), computation des délais (appliqué par analogie au délai d’un mois du synoptique)',
    article: 'Article 641, alinéa 2',
    date: '1975-12-05',
    url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070716',
    summary:
      'Un délai exprimé en mois expire le jour du dernier mois qui porte le même quantième que le jour qui le fait courir ; à défaut d’un quantième identique, il expire le dernier jour du mois (réception le 31 janvier → 28 ou 29 février).',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

export type CqcCampaignSourceCode = keyof typeof CQC_CAMPAIGN_SOURCES;

/**
 * The texts the rules of the carte de qualification de conducteur (CQC) rest on: the registration
 * of a training on Hub Pro Transport (seed 002, centre side), the driver's guide (seed 001) and
 * the public pages describing the driving-licence number. Same shape as the certification
 * sources: every rule carries its source in its data.
 *
 * The two IN Groupe documents carry no date; their `date` is null. The campaign rules (CQC by
 * equivalence, seed 000) keep their sources in campaign-sources.ts.
 */
import type { RuleSource } from '../certification/certification-sources.js';

const HUB_CENTRE_GUIDE =
  'IN Groupe, Hub Pro Transport — « J’enregistre une formation manuellement » (guide du centre de formation agréé), seeds/002_d67d97bdabf65bb1.txt';

const HUB_DRIVER_GUIDE =
  'ECF PRO — « Le guide pratique : nouvelles modalités de délivrance de la carte de qualification de conducteur, réaliser sa demande en ligne », seeds/001_98a4669c826a5dd4.txt';

export const CQC_SOURCES = {
  /** Étape 2: the fields of a registration row, which are mandatory, the order number's meaning. */
  HUB_REGISTRATION_FIELDS: {
    code: 'HUB_REGISTRATION_FIELDS',
    text: HUB_CENTRE_GUIDE,
    article:
      'Mode opératoire – Enregistrement manuel d’une session, Étape 2 « Désignation des conducteurs concernés par cet enregistrement »',
    date: null,
    url: null,
    summary:
      'Pour chaque conducteur : la référence (facultative, pour les centres dont le numéro de commande est annuel), le numéro de commande (obligatoire ; pour un organisme public, le numéro CHORUS repris sur les factures), le prénom, le nom, la date de naissance et le numéro de permis de conduire (obligatoires). La date de naissance et le numéro de permis identifient le conducteur tout au long de son parcours.',
    referenceCode: null,
  },
  /** Étape 1 and Étape 3: only trainings with an active agrément can be registered. */
  HUB_ACTIVE_AGREMENT: {
    code: 'HUB_ACTIVE_AGREMENT',
    text: HUB_CENTRE_GUIDE,
    article:
      'Étape 1 « Configurations de la session à enregistrer » (type de formation, libellé, date de fin) et Étape 3, contrôle « Détention d’un agrément actif pour la formation enregistrée »',
    date: null,
    url: null,
    summary:
      'Seules les formations pour lesquelles le centre dispose d’un agrément actif lui sont présentées ; la session est enregistrée avec sa date de fin de formation.',
    referenceCode: null,
  },
  /** Étape 3: the controls run before the import. */
  HUB_REGISTRATION_CONTROLS: {
    code: 'HUB_REGISTRATION_CONTROLS',
    text: HUB_CENTRE_GUIDE,
    article: 'Étape 3 « Lancement des contrôles avant import », encadré « A noter »',
    date: null,
    url: null,
    summary:
      'Contrôles effectués : détention d’un agrément actif pour la formation enregistrée, champs obligatoires, format des champs, date de naissance (le conducteur doit être majeur et ne pas avoir plus de 100 ans ; pour les formations de type Éducation nationale, il peut être mineur). En cas de non-conformité, les erreurs sont précisées pour correction avant prise en compte.',
    referenceCode: null,
  },
  /** Étape 3: the columns of the registration table. */
  HUB_REGISTRATION_TABLE: {
    code: 'HUB_REGISTRATION_TABLE',
    text: HUB_CENTRE_GUIDE,
    article: 'Étape 3, tableau récapitulatif de l’enregistrement',
    date: null,
    url: null,
    summary:
      'Colonnes : Réf, N° de commande, Prénom, Nom, Date de naissance (jj/mm/aaaa), N° de permis de conduire ; exemple REF202201, COM20220101, 01/01/1990, 7E9R8T7ZE9E8A9.',
    referenceCode: null,
  },
  /** The fee billed per registered trainee. */
  HUB_REGISTRATION_FEE: {
    code: 'HUB_REGISTRATION_FEE',
    text: HUB_CENTRE_GUIDE,
    article: 'Mode opératoire – Accès à la fonctionnalité, point 3 (profil « Conducteur »)',
    date: null,
    url: null,
    summary:
      'Chaque enregistrement pour un stagiaire est facturé 25,34 € HT pour une formation longue ou une FCO complète, ou 5,07 € HT pour un module de FCO, selon les modalités prévues dans le contrat du centre.',
    referenceCode: null,
  },
  /** The probationary certificate delivered at registration, valid 4 months. */
  PROBATIONARY_CERTIFICATE: {
    code: 'PROBATIONARY_CERTIFICATE',
    text: HUB_DRIVER_GUIDE,
    article:
      '§ 08 « J’accède à mon certificat de qualification » (et seeds/002, « Une fois l’enregistrement effectué »)',
    date: null,
    url: null,
    summary:
      'À chaque formation enregistrée donnant droit à une nouvelle CQC, le conducteur reçoit un certificat de qualification d’une valeur probatoire de 4 mois ; durant cette période il doit faire sa demande de carte sur son espace ; au-delà, lors d’un contrôle sur route, il peut être verbalisé.',
    referenceCode: null,
  },
  /**
   * The reminder steps are Jalon's choice (issue 15), made on the same steps as the other
   * reminders (30 days, 7 days, overdue), to avoid the fine the guide warns of.
   */
  CERTIFICATE_REMINDERS: {
    code: 'CERTIFICATE_REMINDERS',
    text: HUB_DRIVER_GUIDE,
    article: '§ 08 « J’accède à mon certificat de qualification » (rappels : issue 15 de Jalon)',
    date: null,
    url: null,
    summary:
      'Le conducteur qui n’a pas commandé sa carte dans les 4 mois du certificat peut être verbalisé ; Jalon rappelle l’échéance 30 jours puis 7 jours avant la fin du certificat, puis une fois celui-ci expiré, tant que la commande de la carte n’est pas enregistrée.',
    referenceCode: null,
  },
  /** The training récapitulatif: 6 years, no limit for initial trainings. */
  TRAINING_SUMMARY_RETENTION: {
    code: 'TRAINING_SUMMARY_RETENTION',
    text: HUB_DRIVER_GUIDE,
    article:
      '§ 04 « Je visualise mes récapitulatifs de formation » (et seeds/002, « Une fois l’enregistrement effectué »)',
    date: null,
    url: null,
    summary:
      'Les récapitulatifs sont disponibles 6 ans après leur date de délivrance ; les récapitulatifs des formations initiales sont disponibles sans délai de conservation.',
    referenceCode: null,
  },
  /** The number the Hub expects: the NEPH (seed 002, Étape 2, field 6). */
  LICENCE_NUMBER_NEPH: {
    code: 'LICENCE_NUMBER_NEPH',
    text: `${HUB_CENTRE_GUIDE} ; Microsoft Purview, « France driver’s license number » ; Trellix DLP, « France Drivers License Number »`,
    article:
      'Étape 2, point 6 « Le numéro attendu est le Numéro d’Enregistrement Préfectoral Harmonisé » ; format : 12 chiffres (positions 5 et 6 : le département, 2A ou 2B pour la Corse)',
    date: null,
    url: 'https://learn.microsoft.com/fr-fr/purview/sit-defn-france-drivers-license-number',
    summary:
      'Le NEPH, attribué à l’inscription à l’examen et conservé à vie, compte 12 caractères : année et mois d’enregistrement, département (2A ou 2B pour la Corse) puis un numéro d’ordre. Il figure sur les permis au format carte délivrés depuis 2013 (verso, au-dessus de la puce).',
    referenceCode: null,
  },
  /**
   * Older numbers: no official description of their formats was found among the stored texts;
   * the accepted form is the broad one a public page gives, and the seed's own example fits it.
   */
  LICENCE_NUMBER_FORMER: {
    code: 'LICENCE_NUMBER_FORMER',
    text: 'ideal-car.fr, « Nouveau permis de conduire » (questions fréquentes) ; seeds/002_d67d97bdabf65bb1.txt, exemple du tableau de l’Étape 3',
    article: 'À propos du numéro de permis de conduire',
    date: null,
    url: 'https://www.ideal-car.fr/nouveau-permis-de-conduire/',
    summary:
      'Le numéro de permis (numéro de dossier, code NEPH) est une série de 1 à 15 caractères alphanumériques ; les anciens permis papier (roses, délivrés jusqu’en 2013) portent des numéros mêlant lettres et chiffres, comme l’exemple du Hub « 7E9R8T7ZE9E8A9 ».',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

export type CqcSourceCode = keyof typeof CQC_SOURCES;

/**
 * The glossary of the sigles and words of the Titre Professionnel that the dashboard uses, from
 * the product's glossary and the seed documents: one entry per term, each with a stable anchor
 * (`/glossaire#ceres`) that other pages may link to.
 */

export interface GlossaryTerm {
  /** The sigle or word as the pages show it. */
  term: string;
  /** The expansion of a sigle (shown in `<abbr title>`), null for a plain word. */
  expansion: string | null;
  definition: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: 'Agrément',
    expansion: null,
    definition:
      'Autorisation donnée à un centre et à l’un de ses sites d’organiser les sessions d’un titre (un millésime) : elle a une date de fin, un plateau technique et un nombre maximal de candidats par session.',
  },
  {
    term: 'CCP',
    expansion: 'certificat de compétences professionnelles',
    definition:
      'Bloc de compétences d’un titre professionnel, qui peut être passé seul lors d’une session CCP. L’acquisition d’un CCP est définitive.',
  },
  {
    term: 'CCS',
    expansion: 'certificat complémentaire de spécialisation',
    definition:
      'Spécialisation qui s’ajoute à un titre professionnel et se passe lors d’une session de nature CCS.',
  },
  {
    term: 'CERES',
    expansion: 'système d’information des certifications du ministère du Travail',
    definition:
      'Application du ministère où le centre crée la session, inscrit les candidats, commande les épreuves et saisit les résultats.',
  },
  {
    term: 'Convocation',
    expansion: null,
    definition:
      'Avis adressé à un candidat ou à un membre du jury : lieu, date, heure, nature des épreuves et tenue professionnelle ; remise contre émargement ou envoyée en lettre recommandée avec accusé de réception (LRAR).',
  },
  {
    term: 'CQC',
    expansion: 'carte de qualification de conducteur',
    definition:
      'Carte des conducteurs du transport routier, obtenue après un titre du transport, une FIMO ou une FCO ; la formation est enregistrée sur Hub Pro Transport.',
  },
  {
    term: 'DP',
    expansion: 'dossier professionnel',
    definition:
      'Dossier où le candidat décrit ses pratiques professionnelles ; il le signe et le présente au jury.',
  },
  {
    term: 'DREETS',
    expansion: 'direction régionale de l’économie, de l’emploi, du travail et des solidarités',
    definition:
      'Service régional du ministère du Travail qui reçoit la programmation des sessions et les procès-verbaux ; les DDETS en sont les services départementaux (anciennement UD de la DIRECCTE).',
  },
  {
    term: 'DTE',
    expansion: 'dossier technique d’évaluation',
    definition:
      'Sujets et consignes de l’épreuve, reçus sous pli d’examen scellé, à ouvrir le jour de la session.',
  },
  {
    term: 'ECF',
    expansion: 'évaluations en cours de formation',
    definition:
      'Évaluations passées pendant la formation et consignées dans le livret ECF, signé par trois personnes, présenté au jury.',
  },
  {
    term: 'FCO',
    expansion: 'formation continue obligatoire',
    definition:
      'Formation que le conducteur du transport routier suit tous les cinq ans pour renouveler sa qualification et sa CQC.',
  },
  {
    term: 'FIMO',
    expansion: 'formation initiale minimale obligatoire',
    definition:
      'Formation qui donne la qualification initiale de conducteur du transport routier, et la CQC, sans titre professionnel.',
  },
  {
    term: 'Habilitation',
    expansion: null,
    definition:
      'Autorisation d’un membre de jury à évaluer un titre (éventuellement certains CCP seulement), valable au plus jusqu’à la fin de validité du titre.',
  },
  {
    term: 'Millésime',
    expansion: null,
    definition: 'Version des documents de référence d’un titre professionnel.',
  },
  {
    term: 'PV',
    expansion: 'procès-verbal',
    definition:
      'PV de session, signé par tous les membres du jury et adressé en original à la DREETS dans les 15 jours ; PV individuel, signé par les jurés qui ont évalué le candidat.',
  },
  {
    term: 'Rattrapage',
    expansion: null,
    definition:
      'Après un résultat non acquis ou partiel, le candidat a un an pour se présenter de nouveau sans nouvelle formation.',
  },
  {
    term: 'RNCP',
    expansion: 'répertoire national des certifications professionnelles',
    definition:
      'Répertoire tenu par France compétences où chaque titre professionnel est enregistré, avec ses blocs de compétences.',
  },
  {
    term: 'TP',
    expansion: 'titre professionnel',
    definition:
      'Certification du ministère du Travail désignée par un sigle, composée de CCP et délivrée après une session d’examen devant un jury.',
  },
  {
    term: 'UD',
    expansion: 'unité départementale',
    definition:
      'Service départemental du ministère du Travail auquel le centre transmet les informations de la session et le PV (aujourd’hui la DREETS ou la DDETS).',
  },
  {
    term: 'VAE',
    expansion: 'validation des acquis de l’expérience',
    definition:
      'Parcours d’un candidat qui obtient le titre par son expérience ; sa recevabilité a une fin de validité.',
  },
];

/** The anchor of a term: lower case, without accents, words joined by « - » (`#vae`, `#agrement`). */
export function glossaryId(term: string): string {
  return term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface GlossaryEntryView extends GlossaryTerm {
  id: string;
  /** The first letter, for the index of the page. */
  letter: string;
}

/** The page's entries in French alphabetical order, each with its anchor. */
export function glossaryView(terms: readonly GlossaryTerm[] = GLOSSARY): GlossaryEntryView[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return [...terms]
    .sort((a, b) => collator.compare(a.term, b.term))
    .map((t) => ({
      ...t,
      id: glossaryId(t.term),
      letter: glossaryId(t.term).charAt(0).toUpperCase(),
    }));
}

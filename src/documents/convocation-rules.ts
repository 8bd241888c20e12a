/**
 * What a candidate's convocation says, as data with its sources: the late-arrival rule, the
 * tests of the session (from the session's nature and the titre's référentiel d'évaluation),
 * the documents to bring (from the titre) and the mention of the règlement général des sessions.
 */
import type { RuleSource } from '../certification/certification-sources.js';
import type { Pathway } from '../candidates/candidate.entity.js';
import type { SessionNature } from '../sessions/exam-session.entity.js';

const GUIDE = 'Guide de préparation de la session (seeds/003_a9a5fb2d5dda3ac7.txt)';
const RGS_TEXT =
  'Arrêté du 21 juillet 2016 portant règlement général des sessions d’examen pour l’obtention du titre professionnel du ministère chargé de l’emploi (modifié par l’arrêté du 15 septembre 2016)';
const RGS_URL =
  'http://www.lexbase.fr/index/source/33532763-arrete-du-21-juillet-2016-portant-reglement-general-des-sessions-dexamen-pour-lobtention-du-titre-pr';

export const CONVOCATION_SOURCES = {
  /** The content and the means of the convocation. */
  CONVOCATION_CONTENT: {
    code: 'CONVOCATION_CONTENT',
    text: `${GUIDE} ; ${RGS_TEXT}`,
    article:
      'Guide : ligne « Convoquer les candidats aux sessions d’examen au moins 1 mois avant le début de la session », marquée réglementaire ; règlement : annexe, convocation des candidats',
    date: '2016-07-21',
    url: RGS_URL,
    summary:
      'Les candidats sont convoqués au moins un mois avant le début de la session, par lettre remise en main propre contre décharge ou par lettre recommandée avec accusé de réception, en précisant le lieu, la date et l’heure de l’examen, la nature des épreuves et la tenue professionnelle.',
    referenceCode: 'RGS-2016',
  },
  /** A late candidate is admitted or not by the responsable de session. */
  LATE_ARRIVAL: {
    code: 'LATE_ARRIVAL',
    text: `${GUIDE} ; ${RGS_TEXT}`,
    article:
      'Guide : ligne « En cas de retard d’un candidat, autoriser ou non le candidat à participer à l’examen (décision du RS) sans modifier l’horaire de fin », marquée réglementaire ; règlement : annexe, déroulement de la session',
    date: '2016-07-21',
    url: RGS_URL,
    summary:
      'En cas de retard d’un candidat, le responsable de session (RS) décide de l’autoriser ou non à participer à l’examen, sans modifier l’horaire de fin des épreuves.',
    referenceCode: 'RGS-2016',
  },
  /** The centre brings the règlement to the candidates' knowledge. */
  RGS_TO_CANDIDATES: {
    code: 'RGS_TO_CANDIDATES',
    text: RGS_TEXT,
    article:
      'Article 2 (« Ce règlement est porté à la connaissance des candidats par les centres agréés ») ; guide : ligne « Contrôler la mise en place des affichages réglementaires (règlement général des sessions) »',
    date: '2016-07-21',
    url: RGS_URL,
    summary:
      'Le centre agréé porte le règlement général des sessions à la connaissance des candidats ; la convocation le mentionne avec sa référence et il est affiché sur les lieux des épreuves.',
    referenceCode: 'RGS-2016',
  },
  /** The identity check on the day. */
  IDENTITY_CHECK: {
    code: 'IDENTITY_CHECK',
    text: GUIDE,
    article:
      'Ligne « Vérifier l’identité des candidats (convocation et pièce d’identité) », marquée réglementaire',
    date: null,
    url: null,
    summary:
      'Le jour de la session, le responsable de session vérifie l’identité des candidats sur présentation de leur convocation et d’une pièce d’identité.',
    referenceCode: 'RGS-2016',
  },
  /** The final interview with the jury belongs to the titre session. */
  FINAL_INTERVIEW: {
    code: 'FINAL_INTERVIEW',
    text: 'Arrêté du 22 décembre 2015 relatif aux conditions de délivrance du titre professionnel du ministère chargé de l’emploi ; guide de préparation de la session (seeds/003_a9a5fb2d5dda3ac7.txt)',
    article:
      'Arrêté : modalités d’évaluation de la session titre ; guide : ligne « Vérifier que le jury dispose … des grilles de l’entretien final »',
    date: '2015-12-22',
    url: null,
    summary:
      'En session titre, les épreuves prévues par le référentiel d’évaluation se terminent par un entretien final avec le jury ; en session CCP ou CCS, seules les épreuves du référentiel pour les compétences visées ont lieu (issue 14 de Jalon).',
    referenceCode: 'DELIVRANCE-2015',
  },
} as const satisfies Record<string, RuleSource>;

/** The tests a titre's référentiel d'évaluation may set (entretien final: by session nature). */
export const EXAM_TESTS = [
  'MISE_EN_SITUATION',
  'PRESENTATION_PROJET',
  'ENTRETIEN_TECHNIQUE',
  'QUESTIONNAIRE_PROFESSIONNEL',
  'ENTRETIEN_DOSSIER_PROFESSIONNEL',
] as const;
export type ExamTest = (typeof EXAM_TESTS)[number];

export const EXAM_TEST_LABELS: Readonly<Record<ExamTest, string>> = {
  MISE_EN_SITUATION: 'Mise en situation professionnelle',
  PRESENTATION_PROJET: 'Présentation d’un projet réalisé en amont de la session',
  ENTRETIEN_TECHNIQUE: 'Entretien technique',
  QUESTIONNAIRE_PROFESSIONNEL: 'Questionnaire professionnel',
  ENTRETIEN_DOSSIER_PROFESSIONNEL: 'Entretien avec le jury sur le dossier professionnel',
};

export const FINAL_INTERVIEW_LABEL = 'Entretien final avec le jury';

/** When the titre has no tests recorded: the usual ones, « selon le référentiel d'évaluation ». */
export const DEFAULT_EXAM_TESTS: readonly ExamTest[] = [
  'MISE_EN_SITUATION',
  'ENTRETIEN_TECHNIQUE',
  'QUESTIONNAIRE_PROFESSIONNEL',
];

export function isExamTest(value: string): value is ExamTest {
  return (EXAM_TESTS as readonly string[]).includes(value);
}

export interface ConvocationTests {
  /** The tests in order, entretien final last for a titre session. */
  labels: string[];
  /** True when the titre records no test: the default list is shown. */
  fromDefault: boolean;
}

/**
 * The tests of a session: the titre's recorded tests (or the default list), then the
 * entretien final for a titre session only (`FINAL_INTERVIEW`).
 */
export function convocationTests(
  nature: SessionNature,
  titreTests: readonly string[],
): ConvocationTests {
  const recorded = titreTests.filter(isExamTest);
  const fromDefault = recorded.length === 0;
  const tests = fromDefault ? DEFAULT_EXAM_TESTS : recorded;
  const labels = tests.map((t) => EXAM_TEST_LABELS[t]);
  if (nature === 'TITRE') labels.push(FINAL_INTERVIEW_LABEL);
  return { labels, fromDefault };
}

export const IDENTITY_DOCUMENT =
  'une pièce d’identité officielle en cours de validité avec photographie (carte nationale ' +
  'd’identité, passeport ou titre de séjour)';

/**
 * The documents a candidate brings: the identity document and the convocation always
 * (`IDENTITY_CHECK`), the titre's own documents (e.g. permis de conduire for road-transport
 * titres), the signed DP for a VAE candidate who has not handed it in.
 */
export function documentsToBring(
  titreDocuments: readonly string[],
  pathway: Pathway | null,
): string[] {
  const bring = [IDENTITY_DOCUMENT, 'la présente convocation'];
  for (const document of titreDocuments) {
    const trimmed = document.trim();
    if (trimmed !== '' && !bring.includes(trimmed)) bring.push(trimmed);
  }
  if (pathway === 'VAE') {
    bring.push(
      'votre dossier professionnel (DP) signé, si vous ne l’avez pas déjà remis au centre',
    );
  }
  bring.push('le matériel que le centre vous a indiqué, le cas échéant');
  return bring;
}

/** The late-arrival rule as printed, naming the responsable de session (`LATE_ARRIVAL`). */
export function lateArrivalRule(managerName: string | null): string {
  const who = managerName
    ? `du responsable de session, ${managerName}`
    : 'du responsable de session';
  return (
    `Un candidat en retard n’est admis à participer aux épreuves que sur décision ${who} ; ` +
    'l’horaire de fin des épreuves n’est pas modifié.'
  );
}

/** The mention of the règlement général des sessions (`RGS_TO_CANDIDATES`). */
export const RGS_MENTION =
  'La session se déroule selon le règlement général des sessions d’examen du titre professionnel ' +
  '(arrêté du 21 juillet 2016 modifié), affiché sur le lieu des épreuves.';

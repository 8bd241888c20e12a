/** French labels of the API's field names, used in the dashboard's messages. */
import { labelLookup, type LabelOf } from './form-input.js';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  centreId: 'Centre',
  siteId: 'Site',
  titreId: 'Titre',
  nature: 'Nature',
  ccpCodes: 'CCP',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  startTime: 'Heure de début',
  location: 'Lieu',
  managerId: 'Responsable de session',
  deputyManagerId: 'Responsable suppléant',
  status: 'Statut',
  reason: 'Motif',
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  email: 'Adresse e-mail',
  phone: 'Téléphone',
  address: 'Adresse',
  pathway: 'Parcours',
  vaeValidUntil: 'Fin de validité de la recevabilité',
  trainingStartDate: 'Début de la formation',
  vaeNotifiedOn: 'Notification de la recevabilité VAE',
  vaeAllowedNatures: 'Session autorisée par la recevabilité',
  vaeOverrideReason: 'Motif de la fin de validité fixée à la main',
  accommodationRequested: 'Aménagement demandé',
  accommodationDetails: 'Aménagement des épreuves',
  convocationDate: 'Date de convocation',
  convocationMode: 'Mode de convocation',
  convocationProofKind: 'Preuve de la convocation',
  convocationProofOn: 'Date de la preuve',
  ecfSignedByTrainingManager: 'Livret ECF signé par le responsable de formation',
  ecfSignedByTrainer: 'Livret ECF signé par le formateur',
  ecfSignedByCandidate: 'Livret ECF signé par le candidat',
  dpSigned: 'Dossier professionnel signé',
  certificationBooklet: 'Livret de certification',
  recevabiliteCollected: 'Recevabilité VAE reçue',
  otherDocuments: 'Autres pièces',
  attendance: 'Présence',
  results: 'Résultats',
  ccpCode: 'CCP',
  outcome: 'Résultat',
  employer: 'Employeur',
  professionalised: 'Professionnel en activité dans le métier',
  habilitations: 'Habilitation',
  validUntil: 'Fin de validité',
  maxCandidates: 'Nombre maximal de candidats',
  technicalPlatform: 'Plateau technique',
  reference: 'Référence de la décision',
  code: 'Code',
  label: 'Intitulé',
  kind: 'Type',
  ccps: 'CCP',
  password: 'Mot de passe',
  role: 'Rôle',
  centreIds: 'Centres',
  name: 'Nom',
  siret: 'SIRET',
  postalCode: 'Code postal',
  city: 'Ville',
  doneAt: 'Fait le',
  observations: 'Observations',
  juryMemberId: 'Membre du jury',
  candidateId: 'Candidat',
  hasLink: 'Lien avec le candidat',
  details: 'Précisions',
  declaredOn: 'Date de la déclaration',
  token: 'Jeton',
  prolongationUntil: 'Fin du délai de prolongation',
  ccsCode: 'CCS de l’agrément',
  ceresCreatedOn: 'Date de création dans CERES',
};

/**
 * The label of a field path: the form's own labels first, then the common ones; a nested path
 * (`ccps[1].code`) reads « Code (CCP n° 2) ».
 */
export function labelOf(overrides: Readonly<Record<string, string>> = {}): LabelOf {
  const find = (field: string): string | undefined => overrides[field] ?? FIELD_LABELS[field];
  const names = [...new Set([...Object.keys(overrides), ...Object.keys(FIELD_LABELS)])];
  return labelLookup((field) => {
    const direct = find(field);
    if (direct) return direct;
    const nested = /^([A-Za-z]+)\[(\d+)\]\.([A-Za-z]+)$/.exec(field);
    if (!nested) return undefined;
    const [, list, index, leaf] = nested;
    const leafLabel = find(leaf);
    const listLabel = find(list);
    if (!leafLabel || !listLabel) return undefined;
    return `${leafLabel} (${listLabel} n°\u00a0${Number(index) + 1})`;
  }, names);
}

/** The convocations of the candidates and of the people assigned to the session. */
import { formatFrenchDate } from '../common/calendar-date.js';
import type { StaffRole } from '../jury/session-staff.entity.js';
import {
  addressLines,
  frenchTime,
  personName,
  ROLE_LABELS,
  shiftTime,
  userName,
} from './document-format.js';
import {
  convocationTests,
  documentsToBring,
  IDENTITY_DOCUMENT,
  lateArrivalRule,
  RGS_MENTION,
} from './convocation-rules.js';
import type { DossierCandidate, DossierStaff, SessionDossier } from './session-dossier.js';
import {
  documentFooter,
  sessionIdentity,
  type FooterView,
  type IdentityView,
} from './session-identity.js';

export interface CandidateConvocationView {
  name: string;
  addressLines: string[];
  /** 'Lyon, le 20/02/2027': the date the convocation was (or is) sent or handed over. */
  issued: string;
  handDelivered: boolean;
  registeredMail: boolean;
  /** Neither mode recorded yet: both are offered as boxes to tick. */
  modeUnknown: boolean;
  bring: string[];
  accommodation: string | null;
  /** The « récépissé de remise en main propre » slip, unless sent by registered letter. */
  receipt: { text: string; deliveredOn: string | null } | null;
}

export interface CandidateConvocationsView {
  title: string;
  identity: IdentityView;
  footer: FooterView;
  subject: string;
  dress: string;
  /** The tests of the session, entretien final last for a titre session. */
  tests: string[];
  /** The same as one sentence: 'Mise en situation professionnelle ; entretien final avec le jury'. */
  testsText: string;
  /** The titre records no test: the list is the usual one, per the référentiel d'évaluation. */
  testsFromDefault: boolean;
  /** Who decides on a late arrival (the responsable de session). */
  lateArrival: string;
  /** The règlement général des sessions, with its reference. */
  regulation: string;
  convocations: CandidateConvocationView[];
  emptyNotice: string;
}

export interface StaffConvocationView {
  name: string;
  role: string;
  employer: string;
  /** 'en qualité de membre du jury'. */
  capacity: string;
  arrival: string;
  mission: string[];
  habilitation: string | null;
  /** « À vérifier par le centre avant l’envoi : … », or null. */
  alert: string | null;
  bring: string[];
}

export interface StaffConvocationsView {
  title: string;
  identity: IdentityView;
  footer: FooterView;
  subject: string;
  convocations: StaffConvocationView[];
  emptyNotice: string;
}

export const PROFESSIONAL_DRESS =
  'Une tenue professionnelle adaptée au métier et aux mises en situation est exigée, avec les ' +
  'équipements de protection individuelle qu’elles requièrent le cas échéant.';

function issuedOn(dossier: SessionDossier, date: string | null): string {
  const city = dossier.site.city.trim() || dossier.centre.city.trim();
  const day = formatFrenchDate(date ?? dossier.today);
  return city === '' ? `Le ${day}` : `${city}, le ${day}`;
}

function candidateConvocation(
  dossier: SessionDossier,
  identity: IdentityView,
  candidate: DossierCandidate,
): CandidateConvocationView {
  const name = personName(candidate);
  const handDelivered = candidate.convocationMode === 'HAND_DELIVERED';
  const registeredMail = candidate.convocationMode === 'REGISTERED_MAIL';
  const bring = documentsToBring(dossier.titre.convocationDocuments, candidate.pathway);
  const place = identity.place.join(', ');
  return {
    name,
    addressLines: addressLines({ address: candidate.address, postalCode: '', city: '' }),
    issued: issuedOn(dossier, candidate.convocationDate),
    handDelivered,
    registeredMail,
    modeUnknown: candidate.convocationMode === null,
    bring,
    accommodation: candidate.accommodationRequested
      ? candidate.accommodationDetails.trim() || 'selon la décision qui vous a été notifiée'
      : null,
    receipt: registeredMail
      ? null
      : {
          text:
            `Je soussigné(e) ${name} reconnais avoir reçu en main propre ma convocation à la ` +
            `session d’examen du titre professionnel ${identity.titre.label} ` +
            `(${identity.titre.code}) qui se déroulera ${identity.longDates}, à partir de ` +
            `${identity.startTime}, au lieu suivant : ${place}.`,
          deliveredOn:
            handDelivered && candidate.convocationDate
              ? formatFrenchDate(candidate.convocationDate)
              : null,
        },
  };
}

/** The convocations of the candidates (all of them, or those whose ids are given). */
export function candidateConvocations(
  dossier: SessionDossier,
  candidateIds?: readonly string[],
): CandidateConvocationsView {
  const identity = sessionIdentity(dossier);
  const title = 'Convocation à la session d’examen';
  const candidates = candidateIds
    ? dossier.candidates.filter((c) => candidateIds.includes(c.id))
    : dossier.candidates;
  const tests = convocationTests(dossier.session.nature, dossier.titre.examTests);
  return {
    title,
    identity,
    footer: documentFooter(dossier, title),
    subject: `Convocation à la session d’examen du titre professionnel ${identity.titre.label} (${identity.titre.code})`,
    dress: PROFESSIONAL_DRESS,
    tests: tests.labels,
    testsText: tests.labels
      .map((label, i) => (i === 0 ? label : label.charAt(0).toLowerCase() + label.slice(1)))
      .join(' ; '),
    testsFromDefault: tests.fromDefault,
    lateArrival: lateArrivalRule(userName(dossier.manager)),
    regulation: RGS_MENTION,
    convocations: candidates.map((c) => candidateConvocation(dossier, identity, c)),
    emptyNotice:
      'Aucun candidat n’est inscrit à cette session : aucune convocation n’est à envoyer.',
  };
}

const MISSIONS: Record<StaffRole, string[]> = {
  JURY: [
    'Le jury évalue les candidats selon le référentiel d’évaluation (RE) du titre, délibère hors de toute autre présence et en toute confidentialité, puis signe le procès-verbal de la session et les procès-verbaux individuels des candidats qu’il a évalués.',
    'Avant les épreuves, vous déclarerez pour chaque candidat l’absence de lien personnel, professionnel ou pédagogique avec lui (un juré qui l’a formé ne l’évalue pas) ; un lien déclaré vous écarte de l’évaluation du candidat concerné.',
    'Les documents réglementaires (REAC et RE du titre) vous seront remis sur place, avec la présentation de l’organisation de la session.',
  ],
  SURVEILLANT: [
    'Vous veillez au bon déroulement des épreuves et à ce que les candidats n’utilisent aucune source d’information autre que celles prévues par le RE et les dossiers techniques d’évaluation (DTE).',
    'Vous signalez au responsable de session tout incident ou toute suspicion de fraude.',
    'Les conditions de surveillance vous seront présentées à votre arrivée.',
  ],
  COMEDIEN: [
    'Vous tenez le rôle prévu par le dossier technique d’évaluation (DTE) lors des mises en situation professionnelles ; vous ne participez ni à l’évaluation ni à la délibération du jury.',
    'Le scénario et les consignes vous seront remis et présentés à votre arrivée.',
  ],
};

const CAPACITIES: Record<StaffRole, string> = {
  JURY: 'en qualité de membre du jury',
  SURVEILLANT: 'en qualité de surveillant(e) des épreuves',
  COMEDIEN: 'en qualité de comédien(ne) pour les mises en situation professionnelles',
};

/** Jurors and invigilators come half an hour before the candidates; actors at the start. */
const ARRIVAL_OFFSET_MINUTES: Record<StaffRole, number> = {
  JURY: -30,
  SURVEILLANT: -30,
  COMEDIEN: 0,
};

function staffConvocation(dossier: SessionDossier, staff: DossierStaff): StaffConvocationView {
  const start = dossier.session.startTime;
  const offset = ARRIVAL_OFFSET_MINUTES[staff.role];
  const arrival = frenchTime(shiftTime(start, offset));
  return {
    name: personName(staff),
    role: ROLE_LABELS[staff.role],
    employer: staff.employer,
    capacity: CAPACITIES[staff.role],
    arrival:
      offset === 0
        ? `${arrival}, heure du début des épreuves`
        : `${arrival}, soit ${-offset} minutes avant l’accueil des candidats (${frenchTime(start)})`,
    mission: MISSIONS[staff.role],
    habilitation:
      staff.role !== 'JURY'
        ? null
        : staff.habilitationUntil
          ? `Habilitation pour ce titre valable jusqu’au ${formatFrenchDate(staff.habilitationUntil)}.`
          : 'Aucune habilitation pour ce titre n’est enregistrée : merci de la transmettre au centre avant la session.',
    alert:
      staff.alerts && staff.alerts.length > 0
        ? `À vérifier par le centre avant l’envoi : ${staff.alerts.join(' ; ')}.`
        : null,
    bring: [IDENTITY_DOCUMENT, 'la présente convocation'],
  };
}

/** The convocations of the jurors, invigilators and actors (all, or one assignment). */
export function staffConvocations(
  dossier: SessionDossier,
  assignmentId?: string,
): StaffConvocationsView {
  const identity = sessionIdentity(dossier);
  const title = 'Convocation des membres du jury et des intervenants';
  const staff = assignmentId
    ? dossier.staff.filter((s) => s.assignmentId === assignmentId)
    : dossier.staff;
  return {
    title,
    identity,
    footer: documentFooter(dossier, title),
    subject: `Session d’examen du titre professionnel ${identity.titre.label} (${identity.titre.code})`,
    convocations: staff.map((s) => staffConvocation(dossier, s)),
    emptyNotice:
      'Aucun membre de jury, surveillant ou comédien n’est affecté à cette session : aucune convocation n’est à envoyer.',
  };
}

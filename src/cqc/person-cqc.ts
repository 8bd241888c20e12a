/**
 * What a person's record shows of the carte de qualification de conducteur (issue 15, seed 001):
 * per session giving the CQC the person took, the training, the invitation to create their Hub
 * Pro Transport account, their registration on the Hub, the probationary certificate, the card's
 * order and how long the training récapitulatif stays available to them.
 */
import { In, type EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Candidate } from '../candidates/candidate.entity.js';
import {
  addDays,
  compareDates,
  formatFrenchDate,
  parisToday,
  type CalendarDate,
} from '../common/calendar-date.js';
import { ExamSession, type SessionStatus } from '../sessions/exam-session.entity.js';
import { Titre } from '../titres/titre.entity.js';
import { TRAINING_SUMMARY_RETENTION, trainingSummaryAvailableUntil } from './certificate-rules.js';
import { CqcCertificate } from './cqc-certificate.entity.js';
import { CqcRegistration } from './cqc-registration.entity.js';
import {
  CQC_QUALIFICATION_LABELS,
  CQC_TRAINING_TYPE_LABELS,
  isInitialTraining,
  type CqcQualification,
  type CqcTrainingType,
} from './cqc-training.js';
import { CqcHubAccountNotice } from './hub-account/hub-account-notice.entity.js';
import { cqcTrainingFollowed, givesCqc } from './cqc-training-of.js';

/** The training récapitulatif deposited on the driver's Hub account by the registration. */
export interface TrainingSummaryView {
  /** The day it was deposited (the registration on the Hub); null: not registered yet. */
  deliveredOn: CalendarDate | null;
  /** Last day it is available; null: without limit (initial training) or not deposited. */
  availableUntil: CalendarDate | null;
  withoutLimit: boolean;
  /** In French, for the person page. */
  label: string;
}

export interface PersonCqcEntry {
  candidateId: string;
  session: { id: string; startDate: CalendarDate; endDate: CalendarDate; status: SessionStatus };
  titre: { code: string; label: string; version: string };
  /** The CCP giving the CQC (FIMO-type training), or null when it is the titre's. */
  ccpCode: string | null;
  qualification: CqcQualification;
  qualificationLabel: string;
  trainingType: CqcTrainingType;
  trainingTypeLabel: string;
  educationNationale: boolean;
  /** The day « Créez votre compte Hub Pro Transport » was e-mailed; null: not yet. */
  hubAccountEmailedOn: CalendarDate | null;
  /** The day the person was registered on Hub Pro Transport; null: not registered. */
  registeredOn: CalendarDate | null;
  /** Last day of the probationary certificate; null: no certificate. */
  certificateValidUntil: CalendarDate | null;
  cardOrderedOn: CalendarDate | null;
  /** Who recorded the card's order: the driver through their link, or the centre. */
  cardOrderConfirmedBy: 'driver' | 'centre' | null;
  trainingSummary: TrainingSummaryView;
}

/** The récapitulatif of a training registered on `deliveredOn` (null: not yet), seen today. */
export function trainingSummaryView(
  deliveredOn: CalendarDate | null,
  trainingType: CqcTrainingType,
  today: CalendarDate,
): TrainingSummaryView {
  if (deliveredOn === null) {
    return {
      deliveredOn: null,
      availableUntil: null,
      withoutLimit: false,
      label:
        'Pas encore déposé : la formation n’est pas enregistrée sur Hub Pro Transport pour cette personne.',
    };
  }
  const availableUntil = trainingSummaryAvailableUntil(deliveredOn, trainingType);
  const since = formatFrenchDate(deliveredOn);
  if (availableUntil === null) {
    return {
      deliveredOn,
      availableUntil: null,
      withoutLimit: isInitialTraining(trainingType),
      label: `Disponible sur Hub Pro Transport sans limite de durée (formation initiale), déposé le ${since}.`,
    };
  }
  const until = formatFrenchDate(availableUntil);
  return {
    deliveredOn,
    availableUntil,
    withoutLimit: false,
    label:
      compareDates(today, availableUntil) > 0
        ? `N’est plus disponible sur Hub Pro Transport depuis le ${formatFrenchDate(addDays(availableUntil, 1))} (déposé le ${since}, conservé ${TRAINING_SUMMARY_RETENTION.years} ans).`
        : `Disponible sur Hub Pro Transport jusqu’au ${until} (déposé le ${since}, conservé ${TRAINING_SUMMARY_RETENTION.years} ans).`,
  };
}

/**
 * The person's CQC entries, oldest session first, among the sessions of `centreIds` (the
 * caller's readable centres; null: every centre).
 */
export async function personCqcEntries(
  m: EntityManager,
  personId: string,
  centreIds: readonly string[] | null,
  today: CalendarDate,
): Promise<PersonCqcEntry[]> {
  if (centreIds !== null && centreIds.length === 0) return [];
  const candidates = await m.getRepository(Candidate).find({ where: { personId } });
  if (candidates.length === 0) return [];
  const sessions = (
    await m.getRepository(ExamSession).find({
      where: { id: In([...new Set(candidates.map((c) => c.sessionId))]) },
    })
  ).filter((s) => centreIds === null || centreIds.includes(s.centreId));
  if (sessions.length === 0) return [];
  const titres = (
    await m.getRepository(Titre).find({
      where: { id: In([...new Set(sessions.map((s) => s.titreId))]) },
      relations: { ccps: true },
    })
  ).filter(givesCqc);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const titreById = new Map(titres.map((t) => [t.id, t]));
  const taken = candidates.filter((c) => {
    const session = sessionById.get(c.sessionId);
    return session !== undefined && titreById.has(session.titreId);
  });
  if (taken.length === 0) return [];
  const candidateIds = taken.map((c) => c.id);
  const certificates = await m
    .getRepository(CqcCertificate)
    .find({ where: { candidateId: In(candidateIds) } });
  const registrations = certificates.length
    ? await m
        .getRepository(CqcRegistration)
        .find({ where: { id: In([...new Set(certificates.map((c) => c.registrationId))]) } })
    : [];
  const notices = await m
    .getRepository(CqcHubAccountNotice)
    .find({ where: { candidateId: In(candidateIds) } });
  const orders = certificates.some((c) => c.cardOrderedOn !== null)
    ? await m.getRepository(AuditEntry).find({
        where: {
          entity: 'cqc_certificate',
          field: 'cardOrderedOn',
          entityId: In(certificates.map((c) => c.id)),
        },
        order: { seq: 'ASC' },
      })
    : [];
  const certificateOf = new Map(certificates.map((c) => [c.candidateId, c]));
  const registrationById = new Map(registrations.map((r) => [r.id, r]));
  const noticeOf = new Map(notices.map((n) => [n.candidateId, n]));
  const lastOrderBy = new Map<string, string | null>();
  for (const entry of orders) lastOrderBy.set(entry.entityId, entry.actorId);
  return taken
    .map((candidate): PersonCqcEntry => {
      const session = sessionById.get(candidate.sessionId)!;
      const titre = titreById.get(session.titreId)!;
      const { cqc, ccpCode } = cqcTrainingFollowed(candidate, session.nature, titre)!;
      const certificate = certificateOf.get(candidate.id) ?? null;
      const registeredOn = certificate
        ? (registrationById.get(certificate.registrationId)?.registeredOn ?? null)
        : null;
      const notice = noticeOf.get(candidate.id);
      const orderedOn = certificate?.cardOrderedOn ?? null;
      return {
        candidateId: candidate.id,
        session: {
          id: session.id,
          startDate: session.startDate,
          endDate: session.endDate,
          status: session.status,
        },
        titre: { code: titre.code, label: titre.label, version: titre.version },
        ccpCode,
        qualification: cqc.qualification,
        qualificationLabel: CQC_QUALIFICATION_LABELS[cqc.qualification],
        trainingType: cqc.trainingType,
        trainingTypeLabel: CQC_TRAINING_TYPE_LABELS[cqc.trainingType],
        educationNationale: cqc.educationNationale,
        hubAccountEmailedOn: notice ? parisToday(new Date(notice.createdAt)) : null,
        registeredOn,
        certificateValidUntil: certificate?.validUntil ?? null,
        cardOrderedOn: orderedOn,
        cardOrderConfirmedBy:
          orderedOn === null || certificate === null
            ? null
            : lastOrderBy.get(certificate.id) === candidate.id
              ? 'driver'
              : 'centre',
        trainingSummary: trainingSummaryView(registeredOn, cqc.trainingType, today),
      };
    })
    .sort(
      (a, b) =>
        a.session.startDate.localeCompare(b.session.startDate) ||
        a.candidateId.localeCompare(b.candidateId),
    );
}

/** What the person page shows of the carte de qualification de conducteur (CQC), in French. */
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { PersonCqcEntry } from '../../cqc/person-cqc.js';

export interface PersonCqcRowView {
  sessionId: string;
  session: string;
  titre: string;
  training: string;
  hubAccount: string;
  registeredOn: string;
  certificate: string;
  card: string;
  trainingSummary: string;
}

/** One row per session giving the CQC the person took, oldest first. */
export function personCqcRows(entries: readonly PersonCqcEntry[]): PersonCqcRowView[] {
  return entries.map((e) => ({
    sessionId: e.session.id,
    session:
      e.session.startDate === e.session.endDate
        ? `Session du ${formatFrenchDate(e.session.startDate)}`
        : `Session du ${formatFrenchDate(e.session.startDate)} au ${formatFrenchDate(e.session.endDate)}`,
    titre: `${e.titre.code} — ${e.titre.label} (${e.titre.version})`,
    training: `${e.qualificationLabel} — ${e.trainingTypeLabel}${e.ccpCode === null ? '' : ` (${e.ccpCode})`}${e.educationNationale ? ' (Éducation nationale)' : ''}`,
    hubAccount:
      e.hubAccountEmailedOn === null
        ? 'Pas encore invité(e) à créer son compte'
        : `Invité(e) à créer son compte le ${formatFrenchDate(e.hubAccountEmailedOn)}`,
    registeredOn: e.registeredOn === null ? 'Non enregistré(e)' : formatFrenchDate(e.registeredOn),
    certificate:
      e.certificateValidUntil === null
        ? '—'
        : `Valable jusqu’au ${formatFrenchDate(e.certificateValidUntil)}`,
    card:
      e.cardOrderedOn === null
        ? e.certificateValidUntil === null
          ? '—'
          : 'Non commandée'
        : `Commandée le ${formatFrenchDate(e.cardOrderedOn)}${
            e.cardOrderConfirmedBy === 'driver'
              ? ' (confirmé par le conducteur)'
              : ' (enregistré par le centre)'
          }`,
    trainingSummary: e.trainingSummary.label,
  }));
}

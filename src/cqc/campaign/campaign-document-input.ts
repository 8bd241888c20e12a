/**
 * From a campaign's stored data to the input of one of its four PDF documents
 * (campaign-documents.types.ts): plain data, no I/O. A document is for one school (`schoolId`) or
 * for the whole campaign (null).
 */
import { addDays, type CalendarDate } from '../../common/calendar-date.js';
import type { Fiche } from '../campaign-fiches.js';
import {
  ENVELOPE_DEADLINE,
  MAY_MAJORITY_REFERENCE,
  comparePupils,
  mayDate,
} from '../campaign-split.js';
import { envelopeDeadlineNote, majorityDates } from '../campaign-timeline.js';
import type {
  CampaignDocumentContext,
  CampaignDocumentInput,
  CampaignDocumentKind,
  CampaignDocumentPupil,
} from './campaign-documents.types.js';

/** What the builder reads of the stored campaign (the entities' columns it uses). */
export interface CampaignDocumentSource {
  readonly campaign: { readonly schoolYear: number; readonly label: string };
  readonly centreName: string;
  readonly schools: readonly {
    readonly id: string;
    readonly name: string;
    readonly city: string | null;
    readonly contactName: string | null;
    readonly contactRole: string | null;
  }[];
  readonly classes: readonly {
    readonly id: string;
    readonly schoolId: string;
    readonly name: string;
  }[];
  readonly pupils: readonly {
    readonly id: string;
    readonly classId: string;
    readonly lastName: string;
    readonly firstName: string;
    readonly birthDate: CalendarDate;
    readonly licenceHeld: boolean | null;
    readonly capClmObtained: boolean | null;
    readonly ficheSessionId: string | null;
  }[];
  readonly ficheSessions: readonly {
    readonly id: string;
    readonly classId: string;
    readonly label: string;
    readonly kind: string;
  }[];
  readonly fiches: readonly (Pick<Fiche, 'number' | 'pupilId' | 'status'> & {
    readonly ficheSessionId: string;
  })[];
  readonly handovers: readonly {
    readonly pupilId: string;
    readonly cardReceivedOn: CalendarDate;
    readonly handedOverOn: CalendarDate | null;
  }[];
}

type Pupil = CampaignDocumentSource['pupils'][number];

/** Refused input: the school is not one of the campaign's. */
export class UnknownSchoolError extends Error {}

/** The input of document `kind` for the school `schoolId` (or the whole campaign when null). */
export function buildCampaignDocumentInput(
  kind: CampaignDocumentKind,
  source: CampaignDocumentSource,
  schoolId: string | null,
  generatedOn: CalendarDate,
): CampaignDocumentInput {
  const school = schoolId === null ? null : source.schools.find((s) => s.id === schoolId);
  if (school === undefined) throw new UnknownSchoolError(`Établissement ${String(schoolId)}`);
  const classes = source.classes.filter((c) => school === null || c.schoolId === school.id);
  const classIds = new Set(classes.map((c) => c.id));
  const className = new Map(source.classes.map((c) => [c.id, c.name]));
  const sessionLabel = new Map(source.ficheSessions.map((s) => [s.id, s.label]));
  const pupils = source.pupils.filter((p) => classIds.has(p.classId)).sort(comparePupils);
  const currentFiche = (p: Pupil): number | null =>
    source.fiches.find(
      (f) => f.pupilId === p.id && f.status === 'ISSUED' && f.ficheSessionId === p.ficheSessionId,
    )?.number ?? null;
  const documentPupil = (p: Pupil): CampaignDocumentPupil => ({
    lastName: p.lastName,
    firstName: p.firstName,
    birthDate: p.birthDate,
    className: className.get(p.classId) ?? '',
    ficheNumber: currentFiche(p),
    ficheSessionLabel:
      p.ficheSessionId === null ? null : (sessionLabel.get(p.ficheSessionId) ?? null),
  });
  const context: CampaignDocumentContext = {
    campaignLabel: source.campaign.label,
    schoolYear: source.campaign.schoolYear,
    centreName: source.centreName,
    school:
      school === null
        ? null
        : {
            name: school.name,
            city: school.city,
            contactName: school.contactName,
            contactRole: school.contactRole,
          },
    generatedOn,
  };
  switch (kind) {
    case 'attestation-reussite':
      return {
        ...context,
        kind,
        laureates: pupils.filter((p) => p.capClmObtained === true).map(documentPupil),
      };
    case 'bordereau-enveloppe': {
      const deadline = mayDate(source.campaign.schoolYear, ENVELOPE_DEADLINE);
      const byId = new Map(pupils.map((p) => [p.id, p]));
      return {
        ...context,
        kind,
        ficheSessions: source.ficheSessions
          .filter((s) => classIds.has(s.classId))
          .map((s) => {
            const fiches = source.fiches
              .filter((f) => f.ficheSessionId === s.id)
              .sort((a, b) => a.number - b.number);
            return {
              label: s.label,
              fiches: fiches.flatMap((f) => {
                const pupil = f.pupilId === null ? undefined : byId.get(f.pupilId);
                return f.status === 'ISSUED' && pupil
                  ? [{ ...documentPupil(pupil), ficheNumber: f.number, ficheSessionLabel: s.label }]
                  : [];
              }),
              voidedNumbers: fiches.filter((f) => f.status === 'VOIDED').map((f) => f.number),
            };
          }),
        envelopeDeadline: deadline,
        envelopeDeadlineNote: envelopeDeadlineNote(deadline)?.note ?? null,
      };
    }
    case 'remise-cqc': {
      const handover = new Map(source.handovers.map((h) => [h.pupilId, h]));
      return {
        ...context,
        kind,
        // By class, then name (the sort is stable).
        pupils: [...pupils]
          .sort((a, b) =>
            (className.get(a.classId) ?? '').localeCompare(className.get(b.classId) ?? '', 'fr'),
          )
          .map((p) => ({
            ...documentPupil(p),
            cardReceivedOn: handover.get(p.id)?.cardReceivedOn ?? null,
            handedOverOn: handover.get(p.id)?.handedOverOn ?? null,
          })),
      };
    }
    case 'eleves-majeurs': {
      const reference = mayDate(source.campaign.schoolYear, MAY_MAJORITY_REFERENCE);
      const byId = new Map(pupils.map((p) => [p.id, p]));
      return {
        ...context,
        kind,
        entries: majorityDates(
          pupils,
          addDays(reference, 1),
          `${source.campaign.schoolYear + 1 + 18}-12-31`,
        ).map((e) => ({ ...documentPupil(byId.get(e.pupil.id)!), majorityDate: e.majorityDate })),
      };
    }
  }
}

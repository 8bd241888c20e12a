/**
 * What the four PDF documents of a CQC-by-equivalence campaign (issue 15, seed 000) need: plain
 * data, built from the stored campaign by the campaign service and rendered by
 * `CampaignDocumentsService` with the same renderer and style as the session documents.
 */
import type { CalendarDate } from '../../common/calendar-date.js';

export type CampaignDocumentKind =
  /** The head of school's attestation of CAP CLM success naming each laureate. */
  | 'attestation-reussite'
  /** The checklist of the school's envelope, posted by 30 May at the latest. */
  | 'bordereau-enveloppe'
  /** The CQC hand-over sheet, one signature box per pupil. */
  | 'remise-cqc'
  /** The pupils still minors in May, with the date each turns 18. */
  | 'eleves-majeurs';

export const CAMPAIGN_DOCUMENT_KINDS: readonly CampaignDocumentKind[] = [
  'attestation-reussite',
  'bordereau-enveloppe',
  'remise-cqc',
  'eleves-majeurs',
];

/** Who issues the documents and for which school. */
export interface CampaignDocumentContext {
  /** « Campagne CQC par équivalence 2026-2027 ». */
  readonly campaignLabel: string;
  /** School year's first calendar year (2026 for 2026-2027). */
  readonly schoolYear: number;
  /** The centre (delegation of the training organisation) running the campaign. */
  readonly centreName: string;
  /** The school the document is for; null on a campaign-wide document. */
  readonly school: {
    readonly name: string;
    readonly city: string | null;
    readonly contactName: string | null;
    readonly contactRole: string | null;
  } | null;
  readonly generatedOn: CalendarDate;
}

export interface CampaignDocumentPupil {
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: CalendarDate;
  /** « Terminale Bac Pro CTRM », « CAP CLM 2e année »… */
  readonly className: string;
  /** The pupil's current fiche number in their fiche session, if any. */
  readonly ficheNumber: number | null;
  /** « Session CAP CLM — Terminale CTRM », if placed. */
  readonly ficheSessionLabel: string | null;
}

export interface SuccessAttestationInput extends CampaignDocumentContext {
  readonly kind: 'attestation-reussite';
  /** The pupils who obtained the CAP CLM, sorted by name. */
  readonly laureates: readonly CampaignDocumentPupil[];
}

export interface EnvelopeChecklistInput extends CampaignDocumentContext {
  readonly kind: 'bordereau-enveloppe';
  /** The fiche sessions whose fiches go in this envelope, with their current fiches. */
  readonly ficheSessions: readonly {
    readonly label: string;
    readonly fiches: readonly (CampaignDocumentPupil & { readonly ficheNumber: number })[];
    /** Voided numbers, for the record (they do not go in the envelope). */
    readonly voidedNumbers: readonly number[];
  }[];
  /** 30 May of the campaign's spring. */
  readonly envelopeDeadline: CalendarDate;
  /** The note when 30 May is a weekend or a holiday (from `envelopeDeadlineNote`), else null. */
  readonly envelopeDeadlineNote: string | null;
}

export interface HandoverSheetInput extends CampaignDocumentContext {
  readonly kind: 'remise-cqc';
  readonly pupils: readonly (CampaignDocumentPupil & {
    readonly cardReceivedOn: CalendarDate | null;
    readonly handedOverOn: CalendarDate | null;
  })[];
}

export interface MajorityListInput extends CampaignDocumentContext {
  readonly kind: 'eleves-majeurs';
  /** Sorted by majority date, then name. */
  readonly entries: readonly (CampaignDocumentPupil & { readonly majorityDate: CalendarDate })[];
}

export type CampaignDocumentInput =
  SuccessAttestationInput | EnvelopeChecklistInput | HandoverSheetInput | MajorityListInput;

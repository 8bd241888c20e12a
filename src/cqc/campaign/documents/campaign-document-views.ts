/**
 * The four documents of a CQC-by-equivalence campaign (seed 000) as template views: plain data
 * for `templates/documents/cqc-*.hbs`, in French (dates jj/mm/aaaa, names sorted, elision), each
 * rule the document states followed by the number of its source, cited at the end of the page.
 * No I/O: the service renders these views with the session documents' renderer.
 */
import {
  compareDates,
  formatFrenchDate,
  formatFrenchLongDate,
  type CalendarDate,
} from '../../../common/calendar-date.js';
import type { RuleSource } from '../../../certification/certification-sources.js';
import { fileSlug, NBSP } from '../../../documents/document-format.js';
import type { FooterView } from '../../../documents/session-identity.js';
import { CQC_CAMPAIGN_SOURCES, CQC_SYNOPTIC_TITLE } from '../../campaign-sources.js';
import { CARD_ERROR_RETURN, cardErrorReturnDeadline } from '../../campaign-timeline.js';
import type {
  CampaignDocumentContext,
  CampaignDocumentInput,
  CampaignDocumentKind,
  CampaignDocumentPupil,
  EnvelopeChecklistInput,
  HandoverSheetInput,
  MajorityListInput,
  SuccessAttestationInput,
} from '../campaign-documents.types.js';

/** Rows of a table printed on the same page as the signature (or visa) that follows it. */
export const ROWS_KEPT_WITH_SIGNATURE = 3;

/** The template (`templates/documents/<name>.hbs`) of each document. */
export const CAMPAIGN_DOCUMENT_TEMPLATES: Readonly<Record<CampaignDocumentKind, string>> = {
  'attestation-reussite': 'cqc-attestation-reussite',
  'bordereau-enveloppe': 'cqc-bordereau-enveloppe',
  'remise-cqc': 'cqc-remise-cqc',
  'eleves-majeurs': 'cqc-eleves-majeurs',
};

export const CAMPAIGN_DOCUMENT_TITLES: Readonly<Record<CampaignDocumentKind, string>> = {
  'attestation-reussite': 'Attestation de réussite au CAP CLM',
  'bordereau-enveloppe': 'Bordereau de l’enveloppe des fiches navettes',
  'remise-cqc': 'Remise des CQC contre signature',
  'eleves-majeurs': 'Élèves à convoquer dès leurs 18 ans',
};

const FILE_NAMES: Readonly<Record<CampaignDocumentKind, string>> = {
  'attestation-reussite': 'attestation-reussite-cap-clm',
  'bordereau-enveloppe': 'bordereau-enveloppe',
  'remise-cqc': 'remise-cqc',
  'eleves-majeurs': 'eleves-majeurs',
};

// ---------------------------------------------------------------------------------------------
// French wording

/** Common nouns that start a school's name, with their gender (the article they take). */
const SCHOOL_NOUNS: Readonly<Record<string, 'm' | 'f'>> = {
  lycée: 'm',
  collège: 'm',
  centre: 'm',
  institut: 'm',
  établissement: 'm',
  etablissement: 'm',
  groupe: 'm',
  pôle: 'm',
  campus: 'm',
  école: 'f',
  ecole: 'f',
  cité: 'f',
  maison: 'f',
  section: 'f',
  erea: 'm',
  lp: 'm',
  lpo: 'm',
  cfa: 'm',
};

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * « de » before a name, with French elision and contraction: « du Lycée Jean-Moulin »,
 * « de l’École des métiers », « de la Cité scolaire Jean-Jaurès », « d’Arsonval »,
 * « du Mans » (Le Mans), « des Mureaux », « de Lyon ». Acronyms (LP, EREA) are read as their
 * noun: « du LP Jean-Moulin », « de l’EREA… ».
 */
export function frenchOf(name: string): string {
  const trimmed = name.trim();
  const article = /^(?:(les|le|la)\s+|(l)['’]\s*)(.+)$/i.exec(trimmed);
  if (article) {
    const [, word, apostrophe, rest] = article;
    const lower = (word ?? apostrophe).toLowerCase();
    if (lower === 'le') return `du ${rest}`;
    if (lower === 'les') return `des ${rest}`;
    if (lower === 'la') return `de la ${rest}`;
    return `de l’${rest}`;
  }
  const first = trimmed.split(/[\s-]/)[0] ?? '';
  const gender = SCHOOL_NOUNS[first.toLowerCase()];
  if (gender !== undefined) {
    if (VOWEL_START.test(first) || /^(erea|lp|lpo)$/i.test(first)) {
      // « de l’Établissement », « de l’EREA »; LP and LPO are said « du LP »
      return /^(lp|lpo)$/i.test(first) ? `du ${trimmed}` : `de l’${trimmed}`;
    }
    return gender === 'm' ? `du ${trimmed}` : `de la ${trimmed}`;
  }
  return VOWEL_START.test(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}

/** Compares names the French way: accents and case aside, last name, then first name. */
export function comparePupilNames(
  a: Pick<CampaignDocumentPupil, 'lastName' | 'firstName' | 'birthDate'>,
  b: Pick<CampaignDocumentPupil, 'lastName' | 'firstName' | 'birthDate'>,
): number {
  const options: Intl.CollatorOptions = { sensitivity: 'base', ignorePunctuation: false };
  return (
    a.lastName.trim().localeCompare(b.lastName.trim(), 'fr', options) ||
    a.firstName.trim().localeCompare(b.firstName.trim(), 'fr', options) ||
    compareDates(a.birthDate, b.birthDate) ||
    a.lastName.localeCompare(b.lastName, 'fr') ||
    a.firstName.localeCompare(b.firstName, 'fr')
  );
}

/** « 1 élève », « 3 élèves ». */
function count(n: number, singular: string, plural: string): string {
  return `${n}${NBSP}${n === 1 ? singular : plural}`;
}

/**
 * A role that is the head of the school, who signs the attestation: proviseur(e), principal(e),
 * directeur / directrice, chef(fe) d’établissement — not their deputy (« adjoint »), nor the
 * « directeur délégué aux formations » (the former chef des travaux).
 */
export function isHeadOfSchool(role: string | null): boolean {
  if (role === null) return false;
  if (/adjoint|délégué|déléguée|delegue/i.test(role)) return false;
  return /(^|[^\p{L}])(proviseur|proviseure|directeur|directrice|principal|principale)([^\p{L}]|$)|chef(fe)?\s+d['’]\s*établissement/iu.test(
    role,
  );
}

// ---------------------------------------------------------------------------------------------
// Sources

/** A rule as printed: its sentence and the number of its source in the references. */
export interface RuleView {
  text: string;
  /** « 1 », « 1, 2 ». */
  refs: string;
}

export interface ReferenceView {
  number: number;
  text: string;
}

/** How the synoptic of seed 000 is named once, above its boxes cited by the documents. */
export const SYNOPTIC_CITATION =
  'Synoptique « Process délivrance CQC par équivalence sur diplôme », procédure spécifique Bac Pro CTRM ayant validé la certification intermédiaire (version de mars 2016)';

/** A source as cited at the end of a document: the synoptic's box, or the text and its article. */
export function sourceCitation(source: RuleSource): string {
  return source.text === CQC_SYNOPTIC_TITLE
    ? `Synoptique, ${source.article}.`
    : `${source.text} — ${source.article}.`;
}

/** Numbers the sources in the order a document first cites them. */
class Citations {
  private readonly sources: RuleSource[] = [];

  rule(text: string, ...sources: RuleSource[]): RuleView {
    const numbers = sources.map((source) => {
      const index = this.sources.findIndex((s) => s.code === source.code);
      if (index >= 0) return index + 1;
      this.sources.push(source);
      return this.sources.length;
    });
    return { text, refs: [...new Set(numbers)].sort((a, b) => a - b).join(', ') };
  }

  references(): ReferenceView[] {
    return this.sources.map((source, i) => ({ number: i + 1, text: sourceCitation(source) }));
  }

  /** The synoptic named in full when one of its boxes is cited, else null. */
  synoptic(): string | null {
    return this.sources.some((s) => s.text === CQC_SYNOPTIC_TITLE) ? `${SYNOPTIC_CITATION}.` : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Common parts

export interface CampaignHeaderView {
  /** Who issues the document: its name in bold, then its lines. */
  issuer: { name: string; lines: string[] };
  /** The campaign and the recipient, on the right. */
  aside: string[];
}

interface CampaignViewBase {
  kind: CampaignDocumentKind;
  title: string;
  /** Under the title: the school and the campaign. */
  subtitle: string;
  header: CampaignHeaderView;
  footer: FooterView;
  /** « Lyon, le 02/06/2027 » (the school's city) or « Le 02/06/2027 ». */
  issued: string;
  references: ReferenceView[];
  /** The synoptic of seed 000 named in full, when the references cite its boxes. */
  synoptic: string | null;
}

/** A pupil as a row of a table. */
export interface PupilRowView {
  /** 1, 2… in the table's order. */
  number: number;
  lastName: string;
  firstName: string;
  /** jj/mm/aaaa. */
  birthDate: string;
  className: string;
  /** « n° 7 », or « — » when the pupil has no fiche yet. */
  fiche: string;
}

function pupilRow(pupil: CampaignDocumentPupil, index: number): PupilRowView {
  return {
    number: index + 1,
    lastName: pupil.lastName.trim(),
    firstName: pupil.firstName.trim(),
    birthDate: formatFrenchDate(pupil.birthDate),
    className: pupil.className.trim(),
    fiche: pupil.ficheNumber === null ? '—' : `n°${NBSP}${pupil.ficheNumber}`,
  };
}

/**
 * Splits a table's rows in two: the rows that may flow over pages, and the last rows, printed
 * in one block with the signature so that it never stands alone on a page.
 */
export function splitForSignature<T>(
  rows: readonly T[],
  kept = ROWS_KEPT_WITH_SIGNATURE,
): { rows: T[]; tailRows: T[] } {
  const cut = Math.max(0, rows.length - kept);
  return { rows: rows.slice(0, cut), tailRows: rows.slice(cut) };
}

function schoolYearLabel(schoolYear: number): string {
  return `${schoolYear}-${schoolYear + 1}`;
}

function base(
  input: CampaignDocumentContext & { kind: CampaignDocumentKind },
  citations: Citations,
  issuerIsSchool = false,
): Omit<CampaignViewBase, 'references' | 'synoptic'> & { citations: Citations } {
  const title = CAMPAIGN_DOCUMENT_TITLES[input.kind];
  const school = input.school;
  const schoolName = school?.name.trim() ?? null;
  const city = school?.city?.trim() || null;
  const today = formatFrenchDate(input.generatedOn);
  const campaign = input.campaignLabel.trim();
  const contact =
    school && (school.contactName?.trim() || school.contactRole?.trim())
      ? `Contact : ${[school.contactName?.trim(), school.contactRole?.trim()].filter(Boolean).join(', ')}`
      : null;
  const header: CampaignHeaderView =
    issuerIsSchool && school && schoolName
      ? {
          issuer: { name: schoolName, lines: city ? [city] : [] },
          aside: [campaign, `Destinataire : ${input.centreName.trim()}`],
        }
      : {
          issuer: { name: input.centreName.trim(), lines: [campaign] },
          aside: schoolName
            ? [
                `Établissement : ${schoolName}`,
                ...(city ? [city] : []),
                ...(contact ? [contact] : []),
              ]
            : [`Année scolaire ${schoolYearLabel(input.schoolYear)}`],
        };
  return {
    kind: input.kind,
    title,
    subtitle: schoolName ? `${schoolName}${city ? ` (${city})` : ''} — ${campaign}` : campaign,
    header,
    footer: {
      centre: input.centreName.trim(),
      site: '',
      title: schoolName ? `${title} — ${schoolName}` : title,
    },
    issued: city ? `${city}, le ${today}` : `Le ${today}`,
    citations,
  };
}

function finish<T extends { citations: Citations }>(
  view: T,
): Omit<T, 'citations'> & { references: ReferenceView[]; synoptic: string | null } {
  const { citations, ...rest } = view;
  return { ...rest, references: citations.references(), synoptic: citations.synoptic() };
}

// ---------------------------------------------------------------------------------------------
// Attestation de réussite au CAP CLM

export interface SuccessAttestationView extends CampaignViewBase {
  kind: 'attestation-reussite';
  /** « Je soussigné(e), Mme Claire Martin, proviseure du Lycée Jean-Moulin, » */
  signatory: string;
  /** « atteste que les 3 élèves ci-dessous ont obtenu… » */
  statement: string;
  purpose: RuleView;
  rows: PupilRowView[];
  tailRows: PupilRowView[];
  /** « Nombre de lauréats : 3 ». */
  total: string;
  emptyNotice: string | null;
  /** « Fait à Lyon, le 02/06/2027 ». */
  madeAt: string;
  /** Who signs, under the box. */
  signer: string;
}

export function successAttestationView(input: SuccessAttestationInput): SuccessAttestationView {
  const citations = new Citations();
  const common = base(input, citations, true);
  const schoolName = input.school?.name.trim() ?? null;
  const ofSchool = schoolName ? ` ${frenchOf(schoolName)}` : '';
  const contactName = input.school?.contactName?.trim() || null;
  const contactRole = input.school?.contactRole?.trim() || null;
  const head = contactName !== null && contactRole !== null && isHeadOfSchool(contactRole);
  const signatory = head
    ? `Je soussigné(e), ${contactName}, ${contactRole.toLowerCase()}${ofSchool},`
    : `Je soussigné(e), ${'.'.repeat(40)}, chef d’établissement${ofSchool},`;
  const laureates = [...input.laureates].sort(comparePupilNames).map(pupilRow);
  const n = laureates.length;
  const session = input.schoolYear + 1;
  const whom =
    n === 0
      ? 'les élèves ci-dessous ont obtenu'
      : n === 1
        ? 'l’élève ci-dessous a obtenu'
        : `les ${count(n, 'élève', 'élèves')} ci-dessous ont obtenu`;
  const city = input.school?.city?.trim() || null;
  return finish({
    ...common,
    kind: 'attestation-reussite' as const,
    signatory,
    statement: `atteste que ${whom} le certificat d’aptitude professionnelle « conducteur livreur de marchandises » (CAP CLM), session ${session}, dans le cadre de la certification intermédiaire du baccalauréat professionnel « conducteur transport routier marchandises » (Bac Pro CTRM).`,
    purpose: citations.rule(
      `Cette attestation, signée du chef d’établissement, accompagne les fiches navettes dans l’enveloppe adressée à ${input.centreName.trim()} pour la délivrance de la carte de qualification de conducteur (CQC) par équivalence ; elle permet d’identifier les nom et prénom de chaque lauréat.`,
      CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY,
    ),
    ...splitForSignature(laureates),
    total: `Nombre de lauréats : ${n}`,
    emptyNotice:
      n === 0
        ? 'Aucun lauréat du CAP CLM n’est enregistré pour cet établissement : l’attestation n’est pas à joindre tant que la liste est vide.'
        : null,
    madeAt: city
      ? `Fait à ${city}, le ${formatFrenchDate(input.generatedOn)}`
      : `Fait le ${formatFrenchDate(input.generatedOn)}`,
    signer: head ? `${contactName}, ${contactRole.toLowerCase()}` : 'Nom et qualité',
  });
}

// ---------------------------------------------------------------------------------------------
// Bordereau de l'enveloppe

export interface EnvelopeSessionView {
  label: string;
  /** « 12 fiches navettes ». */
  count: string;
  rows: PupilRowView[];
  /** The last session's last rows, printed with the checks and the signature. */
  tailRows: PupilRowView[];
  /** True when the checks and the signature close this session's table (the last one). */
  closing: boolean;
  /** « Fiches annulées (à ne pas joindre) : n° 4, n° 9. », or null. */
  voided: string | null;
}

export interface EnvelopeChecklistView extends CampaignViewBase {
  kind: 'bordereau-enveloppe';
  /** « Enveloppe à poster au plus tard le 30/05/2027… ». */
  deadline: RuleView;
  deadlineNote: string | null;
  recipient: string;
  rules: RuleView[];
  sessions: EnvelopeSessionView[];
  /** True when no table holds the checks and the signature (no fiche at all). */
  closingAlone: boolean;
  /** « Total : 24 fiches navettes dans l’enveloppe. » */
  total: string;
  emptyNotice: string | null;
  /** The checks before closing the envelope. */
  checks: RuleView[];
}

export function envelopeChecklistView(input: EnvelopeChecklistInput): EnvelopeChecklistView {
  const citations = new Citations();
  const common = base(input, citations);
  const deadline = formatFrenchDate(input.envelopeDeadline);
  const last = input.ficheSessions.length - 1;
  const sessions: EnvelopeSessionView[] = input.ficheSessions.map((session, index) => {
    const fiches = [...session.fiches].sort(
      (a, b) => a.ficheNumber - b.ficheNumber || comparePupilNames(a, b),
    );
    const voided = [...session.voidedNumbers].sort((a, b) => a - b);
    const rows = fiches.map((fiche, i) => pupilRow(fiche, i));
    const split = index === last ? splitForSignature(rows) : { rows, tailRows: [] };
    return {
      label: session.label.trim(),
      count: count(fiches.length, 'fiche navette', 'fiches navettes'),
      ...split,
      closing: split.tailRows.length > 0,
      voided:
        voided.length === 0
          ? null
          : `${voided.length === 1 ? 'Fiche annulée' : 'Fiches annulées'} (à ne pas joindre) : ${voided.map((v) => `n°${NBSP}${v}`).join(', ')}.`,
    };
  });
  const total = sessions.reduce((sum, s) => sum + s.rows.length + s.tailRows.length, 0);
  const envelopeSource = CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY;
  return finish({
    ...common,
    kind: 'bordereau-enveloppe' as const,
    deadline: citations.rule(
      `Enveloppe à poster au plus tard le ${deadline}, cachet de la poste faisant foi.`,
      envelopeSource,
    ),
    deadlineNote: input.envelopeDeadlineNote?.trim() || null,
    recipient: `Destinataire : ${input.centreName.trim()}, par voie postale.`,
    rules: [
      citations.rule(
        'Chaque fiche navette complétée (n° de permis, date, signature de l’élève) est accompagnée de sa pièce jointe, la copie recto-verso du permis de conduire signé. Pas d’agrafe.',
        CQC_CAMPAIGN_SOURCES.MID_MAY_COMPLETION,
        envelopeSource,
      ),
      citations.rule(
        'Les fiches navettes ne doivent pas être photocopiées : en cas d’erreur, demander à la Délégation un autre numéro ou la réédition de la même fiche.',
        CQC_CAMPAIGN_SOURCES.FICHES_NO_PHOTOCOPY,
        CQC_CAMPAIGN_SOURCES.FICHE_ERROR_REPLACEMENT,
      ),
    ],
    sessions,
    closingAlone: !sessions.some((session) => session.closing),
    total: `Total : ${count(total, 'fiche navette', 'fiches navettes')} dans l’enveloppe.`,
    emptyNotice:
      total === 0
        ? 'Aucune fiche navette n’est attribuée à cet établissement : rien à poster pour l’instant.'
        : null,
    checks: [
      citations.rule(
        `Chaque fiche navette ci-dessus, complétée et signée, avec la copie recto-verso du permis signé, sans agrafe (${count(total, 'fiche', 'fiches')}).`,
        envelopeSource,
      ),
      citations.rule(
        'L’attestation de réussite au CAP CLM signée du chef d’établissement, avec le cachet, nommant chaque lauréat.',
        envelopeSource,
      ),
      citations.rule(
        `L’enveloppe postée au plus tard le ${deadline} (cachet de la poste faisant foi).`,
        envelopeSource,
      ),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Remise des CQC

export interface HandoverRowView extends PupilRowView {
  /** jj/mm/aaaa, or '' (written by hand). */
  receivedOn: string;
  /** Last day to post back a card with an error, jj/mm/aaaa, or ''. */
  errorDeadline: string;
  /** jj/mm/aaaa when already handed over, or '' (written by hand on the day). */
  handedOverOn: string;
}

export interface HandoverSheetView extends CampaignViewBase {
  kind: 'remise-cqc';
  intro: RuleView;
  errorRule: RuleView;
  /** « Cartes reçues le 05/07/2027 : en cas d’erreur, retour au plus tard le 05/08/2027. » */
  errorDeadlines: string[];
  rows: HandoverRowView[];
  tailRows: HandoverRowView[];
  total: string;
  emptyNotice: string | null;
}

export function handoverSheetView(input: HandoverSheetInput): HandoverSheetView {
  const citations = new Citations();
  const common = base(input, citations);
  const pupils = [...input.pupils].sort(comparePupilNames);
  const rows: HandoverRowView[] = pupils.map((pupil, i) => ({
    ...pupilRow(pupil, i),
    receivedOn: pupil.cardReceivedOn ? formatFrenchDate(pupil.cardReceivedOn) : '',
    errorDeadline: pupil.cardReceivedOn
      ? formatFrenchDate(cardErrorReturnDeadline(pupil.cardReceivedOn))
      : '',
    handedOverOn: pupil.handedOverOn ? formatFrenchDate(pupil.handedOverOn) : '',
  }));
  const received = [
    ...new Set(pupils.map((p) => p.cardReceivedOn).filter((d): d is CalendarDate => d !== null)),
  ].sort(compareDates);
  return finish({
    ...common,
    kind: 'remise-cqc' as const,
    intro: citations.rule(
      'Dès juillet, l’établissement remet en main propre à chaque élève sa carte de qualification de conducteur (CQC), contre signature sur cette feuille.',
      CQC_CAMPAIGN_SOURCES.HANDOVER_FROM_JULY,
    ),
    errorRule: citations.rule(
      `Carte comportant une erreur : ne pas la remettre. La reprendre, remplir le formulaire « défaut qualité » et retourner le tout à Chronoservices dans un délai d’${CARD_ERROR_RETURN.months === 1 ? 'un mois' : `${CARD_ERROR_RETURN.months} mois`} après sa réception, cachet de la poste faisant foi.`,
      CARD_ERROR_RETURN.source,
      CARD_ERROR_RETURN.computation,
    ),
    errorDeadlines: received.map(
      (date) =>
        `Cartes reçues le ${formatFrenchDate(date)} : en cas d’erreur, retour au plus tard le ${formatFrenchDate(cardErrorReturnDeadline(date))}.`,
    ),
    ...splitForSignature(rows),
    total: `${count(rows.length, 'carte', 'cartes')} à remettre.`,
    emptyNotice: rows.length === 0 ? 'Aucune carte à remettre pour cet établissement.' : null,
  });
}

// ---------------------------------------------------------------------------------------------
// Élèves qui ont 18 ans

export interface MajorityRowView extends PupilRowView {
  /** jj/mm/aaaa. */
  majorityDate: string;
  /** « lundi 14 juin 2027 ». */
  majorityLongDate: string;
  /** « Session Bac Pro — Terminale CTRM, fiche n° 12 », or « Pas encore de fiche ». */
  ficheLabel: string;
  /** Set for a birth on 29 February whose 18th year is not a leap year. */
  leapDay: boolean;
}

export interface MajorityListView extends CampaignViewBase {
  kind: 'eleves-majeurs';
  rule: RuleView;
  majorityRule: RuleView;
  leapDayRule: RuleView | null;
  rows: MajorityRowView[];
  total: string;
  emptyNotice: string | null;
}

export function majorityListView(input: MajorityListInput): MajorityListView {
  const citations = new Citations();
  const common = base(input, citations);
  const entries = [...input.entries].sort(
    (a, b) => compareDates(a.majorityDate, b.majorityDate) || comparePupilNames(a, b),
  );
  const rows: MajorityRowView[] = entries.map((entry, i) => {
    const leapDay = entry.birthDate.slice(5) === '02-29' && entry.majorityDate.slice(5) !== '02-29';
    const session = entry.ficheSessionLabel?.trim() || null;
    const fiche = entry.ficheNumber === null ? null : `fiche n°${NBSP}${entry.ficheNumber}`;
    return {
      ...pupilRow(entry, i),
      majorityDate: formatFrenchDate(entry.majorityDate),
      majorityLongDate: formatFrenchLongDate(entry.majorityDate),
      ficheLabel:
        [session, fiche].filter((part): part is string => part !== null).join(', ') ||
        'Pas encore de fiche',
      leapDay,
    };
  });
  const rule = citations.rule(
    'L’établissement convoque chaque élève dès le jour de ses 18 ans pour compléter sa fiche navette Bac Pro, ou CAP CLM en cas d’échec au Bac Pro (n° de permis, date, signature), avec la photocopie recto-verso de son permis signé.',
    CQC_CAMPAIGN_SOURCES.CALL_AT_MAJORITY,
  );
  const majorityRule = citations.rule(
    'Un élève est majeur le jour de son dix-huitième anniversaire.',
    CQC_CAMPAIGN_SOURCES.MAJORITY_AT_18,
  );
  const leapDayRule = rows.some((r) => r.leapDay)
    ? citations.rule(
        'Élève né(e) un 29 février (*) : en année non bissextile, Jalon retient le 1er mars, jour où les 18 ans sont accomplis sans discussion.',
        CQC_CAMPAIGN_SOURCES.MAJORITY_29_FEBRUARY,
      )
    : null;
  return finish({
    ...common,
    kind: 'eleves-majeurs' as const,
    rule,
    majorityRule,
    leapDayRule,
    rows,
    total: `${count(rows.length, 'élève', 'élèves')} à convoquer.`,
    emptyNotice: rows.length === 0 ? 'Aucun élève n’atteint ses 18 ans sur la période.' : null,
  });
}

// ---------------------------------------------------------------------------------------------

export type CampaignDocumentView =
  SuccessAttestationView | EnvelopeChecklistView | HandoverSheetView | MajorityListView;

/** The view of any of the four documents. */
export function campaignDocumentView(input: CampaignDocumentInput): CampaignDocumentView {
  switch (input.kind) {
    case 'attestation-reussite':
      return successAttestationView(input);
    case 'bordereau-enveloppe':
      return envelopeChecklistView(input);
    case 'remise-cqc':
      return handoverSheetView(input);
    case 'eleves-majeurs':
      return majorityListView(input);
  }
}

/**
 * The PDF's file name, ASCII only (no accent, space or apostrophe):
 * « cqc-remise-cqc-lycee-jean-moulin-2026-2027.pdf ».
 */
export function campaignDocumentFileName(input: CampaignDocumentInput): string {
  const school = input.school ? `${fileSlug(input.school.name)}-` : '';
  return `cqc-${FILE_NAMES[input.kind]}-${school}${schoolYearLabel(input.schoolYear)}.pdf`;
}

/**
 * The controls of a Hub Pro Transport registration batch before anything is exported (seed 002,
 * « Étape 3 – Lancement des contrôles avant import »): the session's successful drivers, checked
 * as the Hub will check them, each error a French sentence naming the driver (« Prénom NOM ») and
 * the field, so the centre corrects everything at once.
 *
 * Controls (source in each error):
 * - an active agrément for the training on its end date (the validity periods are an input);
 * - mandatory fields: order number (for a public body, its CHORUS number), first name, last name,
 *   birth date, licence number; the reference is optional;
 * - formats: texts on one line without invisible characters, bounded lengths, names made of
 *   letters, the licence number (licence-number.ts), the birth date a real date before the end
 *   of the training;
 * - age at the end of training between 18 and 100 years (whole years, birthday included: 100
 *   years and 364 days is accepted, 101 is refused); under 18 only for an Éducation nationale
 *   training;
 * - the same licence number twice in the batch (the same driver would be registered and billed
 *   twice).
 * The Hub's last control (whether the driver already has an account) needs the Hub: not here.
 *
 * Plain functions of the data; the caller reads the session, the candidates and the agréments.
 */
import { ageOn } from '../common/age.js';
import {
  compareDates,
  formatFrenchDate,
  isInputCalendarDate,
  inputDateRangeLabel,
  type CalendarDate,
} from '../common/calendar-date.js';
import { personName } from '../common/person-order.js';
import {
  findTextProblem,
  normalizeText,
  revealRefusedCharacters,
  textProblemMessage,
} from '../common/validation/text-policy.js';
import type { RuleSource } from '../certification/certification-sources.js';
import { CQC_SOURCES } from './cqc-sources.js';
import {
  CQC_QUALIFICATION_LABELS,
  CQC_TRAINING_TYPE_LABELS,
  type CqcQualification,
  type CqcTrainingType,
} from './cqc-training.js';
import { checkLicenceNumber } from './licence-number.js';
import { estimateCqcFees, type CqcFeeEstimate } from './registration-fees.js';

/** The youngest and oldest age (whole years, at the end of training) the Hub accepts. */
export const CQC_MIN_AGE = 18;
export const CQC_MAX_AGE = 100;

/** Longest order number and reference (the Hub publishes none: Jalon's bound). */
export const CQC_ORDER_NUMBER_MAX_LENGTH = 50;
/** Longest first or last name (the same bound as a candidate's name in Jalon). */
export const CQC_NAME_MAX_LENGTH = 100;

/** The training registered: what the Hub asks at Étape 1. */
export interface CqcTraining {
  /** Libellé de la formation (e.g. the titre's label). */
  readonly label: string;
  readonly qualification: CqcQualification;
  readonly type: CqcTrainingType;
  /** An Éducation nationale training (CAP, Bac Pro): minors may be registered. */
  readonly educationNationale: boolean;
  /** Date de fin de la formation. */
  readonly endDate: CalendarDate;
}

/**
 * A validity period of the centre's agrément for this training (its qualification and type), as
 * recorded: first and last day, the last null when open-ended.
 */
export interface CqcAgrementPeriod {
  readonly validFrom: CalendarDate;
  readonly validUntil: CalendarDate | null;
}

/** One driver as the centre entered them (Étape 2); `key` links the row to its candidate. */
export interface CqcDriverInput {
  readonly key: string;
  readonly reference: string | null;
  readonly orderNumber: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string | null;
  readonly licenceNumber: string | null;
}

export type CqcDriverField =
  'reference' | 'orderNumber' | 'firstName' | 'lastName' | 'birthDate' | 'licenceNumber';

/** The field an error is about: a driver's field, or the batch itself. */
export type CqcRegistrationErrorField = CqcDriverField | 'agrement' | 'endDate' | 'drivers';

export interface CqcRegistrationError {
  /** The driver's `key`, or null for an error of the whole batch. */
  readonly key: string | null;
  readonly field: CqcRegistrationErrorField;
  readonly message: string;
  readonly source: RuleSource;
}

/** A driver's row as it will be exported: texts trimmed (NFC), licence number without spaces. */
export interface CqcRegistrationRow {
  readonly key: string;
  readonly reference: string;
  readonly orderNumber: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly birthDate: string;
  readonly licenceNumber: string;
  /** Age in whole years at the end of the training, null when a date is missing or invalid. */
  readonly ageAtEnd: number | null;
  readonly errors: readonly CqcRegistrationError[];
}

export interface CqcRegistrationBatch {
  readonly training: CqcTraining;
  readonly rows: readonly CqcRegistrationRow[];
  /** Every error, the batch's first, then each row's in row order. */
  readonly errors: readonly CqcRegistrationError[];
  /** True when there is at least one row and no error: the export may be built. */
  readonly exportable: boolean;
  /** The fee of registering every row, at the tariff of the fee date. */
  readonly fee: CqcFeeEstimate;
}

/** The French words of each field, as the messages name them. */
export const CQC_DRIVER_FIELD_LABELS: Record<CqcDriverField, string> = {
  reference: 'la référence',
  orderNumber: 'le numéro de commande',
  firstName: 'le prénom',
  lastName: 'le nom',
  birthDate: 'la date de naissance',
  licenceNumber: 'le numéro de permis de conduire',
};

/** True when one of the periods covers `date` (first and last day included). */
export function hasActiveAgrement(
  periods: readonly CqcAgrementPeriod[],
  date: CalendarDate,
): boolean {
  return periods.some(
    (p) =>
      compareDates(p.validFrom, date) <= 0 &&
      (p.validUntil === null || compareDates(date, p.validUntil) <= 0),
  );
}

/** « Formation longue, marchandises » */
export function cqcTrainingKindLabel(
  training: Pick<CqcTraining, 'type' | 'qualification'>,
): string {
  return `${CQC_TRAINING_TYPE_LABELS[training.type]}, ${CQC_QUALIFICATION_LABELS[training.qualification].toLocaleLowerCase('fr-FR')}`;
}

function periodLabel(p: CqcAgrementPeriod): string {
  return p.validUntil === null
    ? `depuis le ${formatFrenchDate(p.validFrom)}`
    : `du ${formatFrenchDate(p.validFrom)} au ${formatFrenchDate(p.validUntil)}`;
}

function clean(value: string | null): string {
  return value === null ? '' : normalizeText(value.trim());
}

/** « Camille DUPONT », or what is known of the name, or the row number. */
export function cqcDriverLabel(
  driver: { firstName: string; lastName: string },
  rowNumber: number,
): string {
  if (driver.firstName !== '' && driver.lastName !== '') return personName(driver);
  if (driver.lastName !== '') return driver.lastName.toLocaleUpperCase('fr-FR');
  if (driver.firstName !== '') return driver.firstName;
  return `le conducteur de la ligne ${rowNumber}`;
}

/**
 * « de Camille DUPONT », « d’Éloïse MARTIN » (elided before a vowel or an h), « du conducteur
 * de la ligne 3 ».
 */
export function ofCqcDriver(label: string): string {
  if (label.startsWith('le conducteur ')) return `du ${label.slice(3)}`;
  return /^[aeiouyhàâäéèêëîïôöùûüÿæœ]/iu.test(label) ? `d’${label}` : `de ${label}`;
}

/** Letters (accents included), spaces, hyphens, apostrophes and dots, starting with a letter. */
const NAME = /^\p{L}[\p{L}\p{M} '’.-]*$/u;

interface RowContext {
  readonly training: CqcTraining;
  readonly endDateValid: boolean;
  readonly rowNumber: number;
}

/**
 * The row of one driver with its errors (each naming the driver and the field). The batch adds
 * the errors that need the other rows (a licence number twice).
 */
export function checkCqcDriver(
  driver: CqcDriverInput,
  training: CqcTraining,
  rowNumber: number,
): CqcRegistrationRow {
  return checkRow(driver, {
    training,
    endDateValid: isInputCalendarDate(training.endDate),
    rowNumber,
  });
}

function checkRow(driver: CqcDriverInput, context: RowContext): CqcRegistrationRow {
  const reference = clean(driver.reference);
  const orderNumber = clean(driver.orderNumber);
  const firstName = clean(driver.firstName);
  const lastName = clean(driver.lastName);
  const birthDate = clean(driver.birthDate);
  const errors: CqcRegistrationError[] = [];
  // A name with an invisible character is refused below; the messages show it as « ⟦U+200B⟧ ».
  const who = cqcDriverLabel(
    { firstName: revealRefusedCharacters(firstName), lastName: revealRefusedCharacters(lastName) },
    context.rowNumber,
  );
  const add = (field: CqcDriverField, message: string, source: RuleSource): void => {
    errors.push({ key: driver.key, field, message, source });
  };
  const fieldOf = (field: CqcDriverField): string => {
    const label = CQC_DRIVER_FIELD_LABELS[field];
    return `${label.charAt(0).toLocaleUpperCase('fr-FR')}${label.slice(1)} ${ofCqcDriver(who)}`;
  };
  const fields = CQC_SOURCES.HUB_REGISTRATION_FIELDS;
  const controls = CQC_SOURCES.HUB_REGISTRATION_CONTROLS;

  const checkText = (field: CqcDriverField, value: string, max: number): boolean => {
    const problem = findTextProblem(value);
    if (problem) {
      // « Le champ « le nom de Camille DUPONT » contient … » reads badly: rephrase the policy's.
      const policy = textProblemMessage('x', problem).replace(/^Le champ « x » /, '');
      add(field, `${fieldOf(field)} ${policy}`, controls);
      return false;
    }
    if ([...value].length > max) {
      add(
        field,
        `${fieldOf(field)} compte ${[...value].length} caractères, au plus ${max} sont admis.`,
        controls,
      );
      return false;
    }
    return true;
  };

  if (reference !== '') checkText('reference', reference, CQC_ORDER_NUMBER_MAX_LENGTH);

  if (orderNumber === '') {
    add(
      'orderNumber',
      `${fieldOf('orderNumber')} est obligatoire (l’index de la facture du centre ; pour un organisme public, le numéro CHORUS repris sur les factures).`,
      fields,
    );
  } else {
    checkText('orderNumber', orderNumber, CQC_ORDER_NUMBER_MAX_LENGTH);
  }

  for (const field of ['firstName', 'lastName'] as const) {
    const value = field === 'firstName' ? firstName : lastName;
    if (value === '') {
      add(field, `${fieldOf(field)} est obligatoire.`, fields);
    } else if (checkText(field, value, CQC_NAME_MAX_LENGTH) && !NAME.test(value)) {
      add(
        field,
        `${fieldOf(field)} (« ${value} ») ne doit contenir que des lettres, des espaces, des traits d’union, des apostrophes ou des points, et commencer par une lettre.`,
        controls,
      );
    }
  }

  let ageAtEnd: number | null = null;
  if (birthDate === '') {
    add('birthDate', `${fieldOf('birthDate')} est obligatoire.`, fields);
  } else if (!isInputCalendarDate(birthDate)) {
    add(
      'birthDate',
      `${fieldOf('birthDate')} (« ${birthDate} ») n’est pas une date valide ${inputDateRangeLabel()}.`,
      controls,
    );
  } else if (context.endDateValid) {
    const end = context.training.endDate;
    const born = formatFrenchDate(birthDate);
    const ends = formatFrenchDate(end);
    if (compareDates(birthDate, end) >= 0) {
      add(
        'birthDate',
        `${fieldOf('birthDate')} (${born}) n’est pas antérieure à la date de fin de la formation (${ends}).`,
        controls,
      );
    } else {
      ageAtEnd = ageOn(birthDate, end);
      if (ageAtEnd < CQC_MIN_AGE && !context.training.educationNationale) {
        add(
          'birthDate',
          `${fieldOf('birthDate')} (${born}) lui donne ${ageAtEnd} ans à la date de fin de la formation (${ends}) : le conducteur doit être majeur ; seule une formation de type Éducation nationale admet un conducteur mineur.`,
          controls,
        );
      } else if (ageAtEnd > CQC_MAX_AGE) {
        add(
          'birthDate',
          `${fieldOf('birthDate')} (${born}) lui donne ${ageAtEnd} ans à la date de fin de la formation (${ends}) : le conducteur ne doit pas avoir plus de ${CQC_MAX_AGE} ans.`,
          controls,
        );
      }
    }
  }

  let licenceNumber = driver.licenceNumber ?? '';
  const licence = checkLicenceNumber(licenceNumber, fieldOf('licenceNumber'));
  if (licence.ok) {
    licenceNumber = licence.value;
  } else {
    add('licenceNumber', licence.message, licence.problem === 'EMPTY' ? fields : controls);
  }

  return {
    key: driver.key,
    reference,
    orderNumber,
    firstName,
    lastName,
    birthDate,
    licenceNumber,
    ageAtEnd,
    errors,
  };
}

export interface CqcRegistrationInput {
  readonly training: CqcTraining;
  /** The validity periods of the centre's agrément for this training. */
  readonly agrements: readonly CqcAgrementPeriod[];
  /** The session's successful drivers, in the order of the export. */
  readonly drivers: readonly CqcDriverInput[];
  /** The day the batch is (or will be) registered on the Hub: it picks the tariff. */
  readonly feeDate: CalendarDate;
}

/** Checks a whole batch: rows, every error, whether it can be exported, the fee estimate. */
export function checkCqcRegistrationBatch(input: CqcRegistrationInput): CqcRegistrationBatch {
  const { training, agrements, drivers, feeDate } = input;
  const batchErrors: CqcRegistrationError[] = [];
  const endDateValid = isInputCalendarDate(training.endDate);
  const kind = cqcTrainingKindLabel(training);

  if (!endDateValid) {
    batchErrors.push({
      key: null,
      field: 'endDate',
      message: `La date de fin de la formation « ${training.label} » (« ${training.endDate} ») n’est pas une date valide ${inputDateRangeLabel()}.`,
      source: CQC_SOURCES.HUB_ACTIVE_AGREMENT,
    });
  } else if (!hasActiveAgrement(agrements, training.endDate)) {
    const known =
      agrements.length === 0
        ? 'aucun agrément n’est enregistré pour cette formation'
        : `agrément enregistré ${agrements.map(periodLabel).join(', ')}`;
    batchErrors.push({
      key: null,
      field: 'agrement',
      message: `Le centre ne dispose pas d’un agrément actif pour la formation « ${training.label} » (${kind}) à sa date de fin, le ${formatFrenchDate(training.endDate)} (${known}) : le Hub Pro Transport ne permet pas de l’enregistrer.`,
      source: CQC_SOURCES.HUB_ACTIVE_AGREMENT,
    });
  }
  if (drivers.length === 0) {
    batchErrors.push({
      key: null,
      field: 'drivers',
      message: `Aucun conducteur à enregistrer pour la formation « ${training.label} ».`,
      source: CQC_SOURCES.HUB_REGISTRATION_FIELDS,
    });
  }

  const firstRowOfLicence = new Map<string, { row: CqcRegistrationRow; rowNumber: number }>();
  const rows = drivers.map((driver, index) => {
    const rowNumber = index + 1;
    const row = checkRow(driver, { training, endDateValid, rowNumber });
    if (row.errors.some((e) => e.field === 'licenceNumber')) return row;
    const earlier = firstRowOfLicence.get(row.licenceNumber);
    if (earlier === undefined) {
      firstRowOfLicence.set(row.licenceNumber, { row, rowNumber });
      return row;
    }
    const who = cqcDriverLabel(row, rowNumber);
    const other = cqcDriverLabel(earlier.row, earlier.rowNumber);
    const duplicate: CqcRegistrationError = {
      key: driver.key,
      field: 'licenceNumber',
      message: `Le numéro de permis de conduire ${ofCqcDriver(who)} (${row.licenceNumber}) est déjà celui ${ofCqcDriver(other)} (ligne ${earlier.rowNumber}) dans cet enregistrement : un conducteur n’est enregistré qu’une fois (le numéro de permis et la date de naissance l’identifient).`,
      source: CQC_SOURCES.HUB_REGISTRATION_FIELDS,
    };
    return { ...row, errors: [...row.errors, duplicate] };
  });

  const errors = [...batchErrors, ...rows.flatMap((r) => r.errors)];
  return {
    training,
    rows,
    errors,
    exportable: errors.length === 0,
    fee: estimateCqcFees(training.type, rows.length, feeDate),
  };
}

/**
 * The CSV file of candidates a centre imports in bulk: French column headers, `;` (Excel in
 * French) or `,` separators, UTF-8 with or without BOM (Windows-1252 is read too). Turns each
 * record into the plain object `CreateCandidateDto` validates; rules stay in the DTO and service.
 */
import { parse } from 'csv-parse/sync';
import { isValidCalendarDate } from '../common/calendar-date.js';
import { normalizeText } from '../common/validation/text-policy.js';
import type { ConvocationMode, ConvocationProofKind } from './candidate.entity.js';

export interface CandidateCsvColumn {
  /** The header as documented (the file may spell it without accents or in capitals). */
  header: string;
  required: boolean;
  /** Free text printed on the documents (checked at preview); `multiline`: line breaks allowed. */
  text?: 'line' | 'multiline';
  description: string;
  example: string;
}

export const CANDIDATE_CSV_COLUMNS: readonly CandidateCsvColumn[] = [
  {
    header: 'nom',
    required: true,
    text: 'line',
    description: 'Nom du candidat',
    example: 'Dupont',
  },
  { header: 'prénom', required: true, text: 'line', description: 'Prénom', example: 'Camille' },
  {
    header: 'date_naissance',
    required: false,
    description: 'Date de naissance, jj/mm/aaaa (ou aaaa-mm-jj)',
    example: '12/05/1990',
  },
  {
    header: 'email',
    required: false,
    text: 'line',
    description: 'Adresse e-mail',
    example: 'camille.dupont@example.fr',
  },
  {
    header: 'téléphone',
    required: false,
    text: 'line',
    description: 'Téléphone',
    example: '06 12 34 56 78',
  },
  {
    header: 'adresse',
    required: false,
    text: 'multiline',
    description: 'Adresse postale (pour la convocation)',
    example: '3 place Bellecour, 69002 Lyon',
  },
  {
    header: 'parcours',
    required: false,
    description:
      'FORMATION, VAE, SUITE_PARCOURS (suite de parcours), PARCOURS_PROGRESSIF ou EQUIVALENCE (FORMATION si vide)',
    example: 'FORMATION',
  },
  {
    header: 'fin_recevabilite_vae',
    required: false,
    description:
      'VAE : fin de validité de la recevabilité (jj/mm/aaaa) ; vide, elle est calculée à un an de la notification',
    example: '',
  },
  {
    header: 'amenagement',
    required: false,
    text: 'multiline',
    description:
      'Aménagement des épreuves demandé : vide ou « non » s’il n’y en a pas, sinon sa description (« oui » suffit)',
    example: 'non',
  },
  {
    header: 'debut_formation',
    required: false,
    description: 'Début de la formation (jj/mm/aaaa), pour l’année de prolongation du titre',
    example: '05/10/2026',
  },
  {
    header: 'notification_recevabilite_vae',
    required: false,
    description: 'VAE : date de notification de la recevabilité (jj/mm/aaaa)',
    example: '',
  },
  {
    header: 'session_autorisee_vae',
    required: false,
    description:
      'VAE : type(s) de session autorisé(s) par la recevabilité, TITRE, CCP ou CCS (séparés par des virgules)',
    example: '',
  },
  {
    header: 'organisme_formation',
    required: false,
    text: 'line',
    description:
      'Organisme de formation qui a formé le candidat, tel qu’enregistré pour le centre (page « Organismes de formation ») ; vide : le centre lui-même',
    example: '',
  },
  {
    header: 'date_convocation',
    required: false,
    description: 'Convocation déjà faite : date d’envoi ou de remise (jj/mm/aaaa)',
    example: '',
  },
  {
    header: 'mode_convocation',
    required: false,
    description:
      'Mode de la convocation : « main propre » (remise en main propre) ou « recommandé » (lettre recommandée avec accusé de réception, LRAR)',
    example: '',
  },
  {
    header: 'preuve_convocation',
    required: false,
    description:
      'Preuve de la convocation reçue : « décharge » (décharge signée, remise en main propre) ou « AR » (accusé de réception de la lettre recommandée)',
    example: '',
  },
  {
    header: 'date_preuve_convocation',
    required: false,
    description: 'Date de la décharge signée ou de l’accusé de réception (jj/mm/aaaa)',
    example: '',
  },
];

/** The columns holding a date. */
const DATE_HEADERS = new Set([
  'date_naissance',
  'fin_recevabilite_vae',
  'debut_formation',
  'notification_recevabilite_vae',
  'date_convocation',
  'date_preuve_convocation',
]);

/** The words a user types for a convocation's mode (after `normaliseHeader`) → its code. */
const CONVOCATION_MODE_SPELLINGS: Readonly<Record<string, ConvocationMode>> = {
  main_propre: 'HAND_DELIVERED',
  en_main_propre: 'HAND_DELIVERED',
  remise_en_main_propre: 'HAND_DELIVERED',
  remise_main_propre: 'HAND_DELIVERED',
  remise: 'HAND_DELIVERED',
  hand_delivered: 'HAND_DELIVERED',
  recommande: 'REGISTERED_MAIL',
  recommandee: 'REGISTERED_MAIL',
  lettre_recommandee: 'REGISTERED_MAIL',
  lettre_recommandee_avec_accuse_de_reception: 'REGISTERED_MAIL',
  lrar: 'REGISTERED_MAIL',
  lr_ar: 'REGISTERED_MAIL',
  registered_mail: 'REGISTERED_MAIL',
};

/** The words a user types for a convocation's proof (after `normaliseHeader`) → its code. */
const CONVOCATION_PROOF_SPELLINGS: Readonly<Record<string, ConvocationProofKind>> = {
  decharge: 'SIGNED_DISCHARGE',
  decharge_signee: 'SIGNED_DISCHARGE',
  signed_discharge: 'SIGNED_DISCHARGE',
  ar: 'RECEIPT_ACKNOWLEDGEMENT',
  a_r: 'RECEIPT_ACKNOWLEDGEMENT',
  accuse_de_reception: 'RECEIPT_ACKNOWLEDGEMENT',
  accuse_reception: 'RECEIPT_ACKNOWLEDGEMENT',
  avis_de_reception: 'RECEIPT_ACKNOWLEDGEMENT',
  receipt_acknowledgement: 'RECEIPT_ACKNOWLEDGEMENT',
};

/** The coded columns: their spellings and the values a message lists. */
const CODED_COLUMNS: Readonly<
  Record<string, { spellings: Readonly<Record<string, string>>; expected: string }>
> = {
  mode_convocation: {
    spellings: CONVOCATION_MODE_SPELLINGS,
    expected: '« main propre » ou « recommandé » (lettre recommandée, LRAR)',
  },
  preuve_convocation: {
    spellings: CONVOCATION_PROOF_SPELLINGS,
    expected: '« décharge » (décharge signée) ou « AR » (accusé de réception)',
  },
};

/** The DTO field each column fills. */
const FIELD_OF_HEADER: Readonly<Record<string, string>> = {
  nom: 'lastName',
  prénom: 'firstName',
  date_naissance: 'birthDate',
  email: 'email',
  téléphone: 'phone',
  adresse: 'address',
  parcours: 'pathway',
  fin_recevabilite_vae: 'vaeValidUntil',
  amenagement: 'accommodationDetails',
  debut_formation: 'trainingStartDate',
  notification_recevabilite_vae: 'vaeNotifiedOn',
  session_autorisee_vae: 'vaeAllowedNatures',
  organisme_formation: 'trainingProviderId',
  date_convocation: 'convocationDate',
  mode_convocation: 'convocationMode',
  preuve_convocation: 'convocationProofKind',
  date_preuve_convocation: 'convocationProofOn',
};

/** Other spellings of the headers, after normalisation (lower case, no accents, `_`). */
const ALIASES: Readonly<Record<string, string>> = {
  nom: 'nom',
  nom_de_famille: 'nom',
  prenom: 'prénom',
  date_naissance: 'date_naissance',
  date_de_naissance: 'date_naissance',
  email: 'email',
  e_mail: 'email',
  mail: 'email',
  courriel: 'email',
  telephone: 'téléphone',
  tel: 'téléphone',
  adresse: 'adresse',
  adresse_postale: 'adresse',
  parcours: 'parcours',
  fin_recevabilite_vae: 'fin_recevabilite_vae',
  fin_recevabilite: 'fin_recevabilite_vae',
  fin_de_validite_recevabilite: 'fin_recevabilite_vae',
  amenagement: 'amenagement',
  amenagements: 'amenagement',
  debut_formation: 'debut_formation',
  debut_de_formation: 'debut_formation',
  date_debut_formation: 'debut_formation',
  notification_recevabilite_vae: 'notification_recevabilite_vae',
  notification_recevabilite: 'notification_recevabilite_vae',
  date_notification_recevabilite: 'notification_recevabilite_vae',
  session_autorisee_vae: 'session_autorisee_vae',
  session_autorisee: 'session_autorisee_vae',
  organisme_formation: 'organisme_formation',
  organisme_de_formation: 'organisme_formation',
  organisme: 'organisme_formation',
  date_convocation: 'date_convocation',
  date_de_convocation: 'date_convocation',
  convocation: 'date_convocation',
  mode_convocation: 'mode_convocation',
  mode_de_convocation: 'mode_convocation',
  preuve_convocation: 'preuve_convocation',
  preuve_de_convocation: 'preuve_convocation',
  preuve: 'preuve_convocation',
  date_preuve_convocation: 'date_preuve_convocation',
  date_de_la_preuve: 'date_preuve_convocation',
  date_preuve: 'date_preuve_convocation',
};

export const MAX_IMPORT_ROWS = 500;
export const MAX_IMPORT_BYTES = 256 * 1024;

export interface CsvCellError {
  /** The documented header of the column, or null for the whole row. */
  column: string | null;
  message: string;
}

export interface CandidateCsvRow {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  /** The cells by documented header, as they will be stored (`storedCell`). */
  cells: Record<string, string>;
  /** The object for `CreateCandidateDto` (only the columns present and not empty). */
  plain: Record<string, unknown>;
  /** Errors found while reading the cells (dates), before the DTO's validation. */
  errors: CsvCellError[];
  /**
   * The training provider's name as written (`organisme_formation`), or null: the import finds
   * it among the centre's providers (`trainingProviderId`).
   */
  providerName: string | null;
}

export interface CandidateCsv {
  /** The documented headers of the file's columns, in the file's order. */
  headers: string[];
  rows: CandidateCsvRow[];
  /** Problems with the file itself (encoding, headers, size): no row is usable. */
  fileErrors: string[];
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding Standard, index-windows-1252): where it differs
 * from Latin-1. Node's own `TextDecoder('windows-1252')` reads them as Latin-1 control characters
 * (« Lœvenbruck » became « L\x9Cvenbruck »), so Jalon maps them itself. The five bytes the
 * encoding leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their code point.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Windows-1252 bytes as text: Latin-1 except 0x80–0x9F. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text +=
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/** The text of an uploaded file: UTF-8 (BOM dropped), else Windows-1252 (older Excel exports). */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `;` when the header line has one (Excel in French), else `,`. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes(';') ? ';' : ',';
}

/** 'jj/mm/aaaa' or 'aaaa-mm-jj' → 'aaaa-mm-jj', or null when it is not an existing date. */
export function csvDate(value: string): string | null {
  const trimmed = value.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = french
    ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}`
    : trimmed;
  return isValidCalendarDate(iso) ? iso : null;
}

const NO = new Set(['', 'non', 'no', 'n', '0', 'false', 'faux']);
const YES = new Set(['oui', 'yes', 'o', 'y', '1', 'true', 'vrai', 'x']);

function rowPlain(cells: Record<string, string>): {
  plain: Record<string, unknown>;
  errors: CsvCellError[];
  providerName: string | null;
} {
  const plain: Record<string, unknown> = {};
  const errors: CsvCellError[] = [];
  let providerName: string | null = null;
  for (const [header, raw] of Object.entries(cells)) {
    const value = storedCell(header, raw);
    const field = FIELD_OF_HEADER[header];
    if (header === 'amenagement') {
      const answer = value.toLowerCase();
      plain.accommodationRequested = !NO.has(answer);
      if (!NO.has(answer) && !YES.has(answer)) plain.accommodationDetails = value;
      continue;
    }
    if (value === '') continue;
    if (header === 'organisme_formation') {
      providerName = value;
      continue;
    }
    const coded = CODED_COLUMNS[header];
    if (coded) {
      const code = coded.spellings[normaliseHeader(value)];
      if (code === undefined) {
        errors.push({
          column: header,
          message: `La colonne « ${header} » doit contenir ${coded.expected} : « ${value} ».`,
        });
      } else {
        plain[field] = code;
      }
      continue;
    }
    if (header === 'session_autorisee_vae') {
      plain[field] = value.split(/[\s,;/]+/).filter((n) => n !== '');
      continue;
    }
    if (DATE_HEADERS.has(header)) {
      const date = csvDate(value);
      if (date === null) {
        errors.push({
          column: header,
          message: `La colonne « ${header} » doit contenir une date existante au format jj/mm/aaaa (ou aaaa-mm-jj) : « ${value} ».`,
        });
      } else {
        plain[field] = date;
      }
      continue;
    }
    plain[field] = value;
  }
  return { plain, errors, providerName };
}

/** The pathway as written in words (« suite de parcours », « Équivalence ») → its code. */
const PATHWAY_SPELLINGS: Readonly<Record<string, string>> = {
  SUITE_DE_PARCOURS: 'SUITE_PARCOURS',
};

/**
 * A cell as Jalon stores it: trimmed, in Unicode normal form C (« é » typed as e + accent is
 * stored as « é »), the pathway as its code (capitals, no accents, `_` between words) and the
 * session types in capitals. The preview shows cells this way.
 */
export function storedCell(header: string, raw: string): string {
  const value = normalizeText(raw.trim());
  if (header === 'session_autorisee_vae') return value.toUpperCase();
  if (header !== 'parcours') return value;
  const code = normaliseHeader(value).toUpperCase();
  return PATHWAY_SPELLINGS[code] ?? code;
}

/** Reads the file: headers checked, each record turned into a DTO-shaped object. */
export function parseCandidateCsv(text: string): CandidateCsv {
  const content = text.replace(/^\uFEFF/, '');
  const empty: CandidateCsv = { headers: [], rows: [], fileErrors: [] };
  if (content.trim() === '') {
    return { ...empty, fileErrors: ['Le fichier est vide : aucune ligne à importer.'] };
  }
  if (Buffer.byteLength(content, 'utf8') > MAX_IMPORT_BYTES) {
    return {
      ...empty,
      fileErrors: [`Le fichier dépasse ${MAX_IMPORT_BYTES / 1024} Ko : découpez-le en plusieurs.`],
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      delimiter: detectDelimiter(content),
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const where = /line (\d+)/i.exec(error instanceof Error ? error.message : '')?.[1];
    return {
      ...empty,
      fileErrors: [
        `Le fichier n’est pas un CSV lisible${where ? ` (ligne ${where})` : ''} : vérifiez les guillemets et le séparateur (« ; » ou « , »).`,
      ],
    };
  }
  const [head, ...body] = records;
  const fileErrors: string[] = [];
  const headers: string[] = [];
  for (const [index, raw] of head.record.entries()) {
    const header = ALIASES[normaliseHeader(raw)];
    if (!header) {
      fileErrors.push(
        raw.trim() === ''
          ? `La colonne n° ${index + 1} n’a pas d’en-tête.`
          : `La colonne « ${raw.trim()} » est inconnue : les colonnes possibles sont ${CANDIDATE_CSV_COLUMNS.map((c) => c.header).join(', ')}.`,
      );
    } else if (headers.includes(header)) {
      fileErrors.push(`La colonne « ${header} » apparaît deux fois.`);
    }
    headers.push(header ?? '');
  }
  for (const column of CANDIDATE_CSV_COLUMNS.filter((c) => c.required)) {
    if (!headers.includes(column.header)) {
      fileErrors.push(`La colonne obligatoire « ${column.header} » manque à la première ligne.`);
    }
  }
  if (body.length === 0)
    fileErrors.push('Le fichier ne contient aucun candidat sous les en-têtes.');
  if (body.length > MAX_IMPORT_ROWS) {
    fileErrors.push(
      `Le fichier contient ${body.length} candidats : ${MAX_IMPORT_ROWS} au plus par import.`,
    );
  }
  if (fileErrors.length > 0) return { headers, rows: [], fileErrors };
  // csv-parse counts a CRLF inside a quoted cell as two lines: take them back, for this record
  // and every later one.
  let doubleCounted = 0;
  const rows = body.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    headers.forEach((header, column) => {
      cells[header] = storedCell(header, record[column] ?? '');
    });
    const { plain, errors, providerName } = rowPlain(cells);
    if (record.length > headers.length) {
      errors.push({
        column: null,
        message: `La ligne a ${record.length} cellules pour ${headers.length} colonnes : vérifiez le séparateur et les guillemets.`,
      });
    }
    // `info.lines` is the line the record ends on; quoted cells may hold line breaks.
    const count = (pattern: RegExp) =>
      record.reduce((sum, cell) => sum + (cell.match(pattern)?.length ?? 0), 0);
    doubleCounted += count(/\r\n/g);
    const breaks = count(/\r\n|\r|\n/g);
    return { line: info.lines - doubleCounted - breaks, cells, plain, errors, providerName };
  });
  return { headers, rows, fileErrors: [] };
}

/** A provider's name compared as a user may type it: case, accents, spaces and punctuation aside. */
export function providerNameKey(name: string): string {
  const text = normalizeText(name);
  // A name without a Latin letter or digit is compared as written (lower case).
  return normaliseHeader(text) || text.trim().toLowerCase();
}

/**
 * The provider a row names (`organisme_formation`) among the centre's: its id, or the French
 * error of an unknown or ambiguous name.
 */
export function findProvider(
  name: string,
  providers: readonly { id: string; name: string }[],
): { id: string } | { error: CsvCellError } {
  const key = providerNameKey(name);
  const found = providers.filter((p) => providerNameKey(p.name) === key);
  if (found.length === 1) return { id: found[0].id };
  const column = 'organisme_formation';
  if (found.length > 1) {
    return {
      error: {
        column,
        message: `La colonne « ${column} » désigne plusieurs organismes de formation du centre (« ${name} ») : distinguez leurs noms sur la page « Organismes de formation ».`,
      },
    };
  }
  const known =
    providers.length === 0
      ? 'le centre n’en a enregistré aucun'
      : `organismes du centre : ${providers.map((p) => `« ${p.name} »`).join(', ')}`;
  return {
    error: {
      column,
      message: `La colonne « ${column} » désigne un organisme de formation inconnu du centre (« ${name} ») : enregistrez-le d’abord sur la page « Organismes de formation » ou corrigez son nom (${known}).`,
    },
  };
}

/** The example file offered on the import page: `;` separators and a BOM, as Excel writes them. */
export function exampleCandidateCsv(): string {
  const lines = [
    CANDIDATE_CSV_COLUMNS.map((c) => c.header).join(';'),
    CANDIDATE_CSV_COLUMNS.map((c) => c.example).join(';'),
    'Rousseau;Jérôme;03/11/1985;jerome.rousseau@example.fr;07 98 76 54 32;"12 rue des Lilas, 69100 Villeurbanne";VAE;;Tiers temps;;15/06/2026;TITRE',
    'Lefèvre;Inès;21/02/1992;;;;suite de parcours;;non;06/09/2025;;',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The documented header of a DTO field, for messages. */
export function headerOfField(field: string): string | undefined {
  if (field === 'accommodationRequested') return 'amenagement';
  return Object.entries(FIELD_OF_HEADER).find(([, f]) => f === field)?.[0];
}

/**
 * The preview of a CSV import of candidates: every row validated with the API's DTO and the
 * service's rules, errors listed by line and column; the DTOs are usable only when no row fails.
 */
import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import {
  CANDIDATE_CSV_COLUMNS,
  findProvider,
  headerOfField,
  parseCandidateCsv,
  type CsvCellError,
} from '../../candidates/candidate-csv.js';
import {
  documentGlyphCoverage,
  findPrintProblem,
  printProblemMessage,
  type GlyphCoverage,
} from '../../documents/printable-text.js';
import { CreateCandidateDto } from '../../candidates/dto/candidate.dto.js';
import { personMatchKey } from '../../certification/person-key.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import { revealRefusedCharacters } from '../../common/validation/text-policy.js';
import { labelLookup, localizeMessage, validateForm, FORM_ERROR } from './form-input.js';

export interface ImportRowView {
  line: number;
  cells: string[];
  errors: CsvCellError[];
  invalid: boolean;
  /** Not an error: the person is already enrolled, or appears twice in the file (row skipped). */
  warning: string | null;
  /** The person is already known to the centre: the row enrols them (« personne déjà connue »). */
  note: string | null;
}

/**
 * The people the import meets, by `personMatchKey`: those of the centre (a row of one of them is
 * enrolled as that person) and those already enrolled in the session (such a row is skipped).
 */
export interface ImportPeople {
  known: ReadonlySet<string>;
  enrolled: ReadonlySet<string>;
}

export const KNOWN_PERSON_NOTE = 'Personne déjà connue : rattachée à sa fiche.';

const NO_PEOPLE: ImportPeople = { known: new Set(), enrolled: new Set() };

export interface ImportPreview {
  headers: string[];
  rows: ImportRowView[];
  fileErrors: string[];
  invalidRows: number;
  /** Rows of a person already enrolled or repeated in the file: they are not imported. */
  warnings: number;
  /** Rows of a person the centre already knows: enrolled as that person. */
  knownPeople: number;
  /**
   * The rows to import as validated DTOs (rows with a warning left out), or null when the file
   * or a row has an error.
   */
  dtos: CreateCandidateDto[] | null;
}

/** The fields of a new candidate, each read from one column of the file. */
const CANDIDATE_FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'pathway',
  'vaeValidUntil',
  'accommodationRequested',
  'accommodationDetails',
  'trainingStartDate',
  'vaeNotifiedOn',
  'vaeAllowedNatures',
  'trainingProviderId',
  'convocationDate',
  'convocationMode',
  'convocationProofKind',
  'convocationProofOn',
];

const columnOf = labelLookup(headerOfField, CANDIDATE_FIELDS);

/**
 * The text cells of a row that cannot be printed on the documents (a character refused by the
 * text policy, or without a glyph in the documents' fonts): one error per cell.
 */
export function unprintableCells(
  cells: Readonly<Record<string, string>>,
  coverage: GlyphCoverage = documentGlyphCoverage(),
): CsvCellError[] {
  const errors: CsvCellError[] = [];
  for (const column of CANDIDATE_CSV_COLUMNS) {
    const value = cells[column.header];
    if (!column.text || value === undefined || value === '') continue;
    const problem = findPrintProblem(value, { multiline: column.text === 'multiline' }, coverage);
    if (problem) {
      errors.push({ column: column.header, message: printProblemMessage(column.header, problem) });
    }
  }
  return errors;
}

/** A training provider of the centre, as a row may name it (`organisme_formation`). */
export interface ImportProvider {
  id: string;
  name: string;
}

/**
 * Reads and checks a CSV file; `rule` is the service's check of a new candidate; `providers`
 * the centre's training providers, among which a row's `organisme_formation` is found by name.
 */
export async function previewCandidateImport(
  text: string,
  rule: (dto: CreateCandidateDto) => FieldError[],
  people: ImportPeople = NO_PEOPLE,
  providers: readonly ImportProvider[] = [],
  coverage: GlyphCoverage = documentGlyphCoverage(),
): Promise<ImportPreview> {
  const csv = parseCandidateCsv(text);
  const rows: ImportRowView[] = [];
  const dtos: CreateCandidateDto[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of csv.rows) {
    let warning: string | null = null;
    let note: string | null = null;
    const errors = [...row.errors, ...unprintableCells(row.cells, coverage)];
    // One message per column: the first found (a cell that cannot be printed is not validated
    // again by the DTO's text rules).
    const add = (error: CsvCellError) => {
      if (error.column === null || !errors.some((e) => e.column === error.column)) {
        errors.push(error);
      }
    };
    const plain = { ...row.plain };
    if (row.providerName !== null) {
      const provider = findProvider(row.providerName, providers);
      if ('id' in provider) plain.trainingProviderId = provider.id;
      else add(provider.error);
    }
    const validated = await validateForm(CreateCandidateDto, plain, columnOf);
    if (validated.dto) {
      const broken = rule(validated.dto);
      for (const { field, message } of broken) {
        add({
          column: columnOf(field) ?? null,
          message: localizeMessage(message, columnOf, field),
        });
      }
      if (broken.length === 0 && errors.length === 0) {
        const dto = validated.dto;
        const key = personMatchKey({
          lastName: dto.lastName,
          firstName: dto.firstName,
          birthDate: dto.birthDate ?? null,
        });
        const earlier = firstLineOf.get(key);
        if (people.enrolled.has(key)) {
          warning =
            'Un candidat du même nom (et de même date de naissance) est déjà inscrit à la session : la ligne ne sera pas importée.';
        } else if (earlier !== undefined) {
          warning = `Même nom (et même date de naissance) qu’à la ligne ${earlier} : la ligne ne sera pas importée.`;
        } else {
          firstLineOf.set(key, row.line);
          if (people.known.has(key)) note = KNOWN_PERSON_NOTE;
          dtos.push(dto);
        }
      }
    } else {
      for (const [field, message] of Object.entries(validated.errors)) {
        add({
          column: field === FORM_ERROR ? null : (columnOf(field) ?? null),
          message,
        });
      }
    }
    rows.push({
      line: row.line,
      // As stored; a character that will not be (the row is refused) is shown by its code point.
      cells: csv.headers.map((header) =>
        revealRefusedCharacters(row.cells[header] ?? '', {
          multiline: CANDIDATE_CSV_COLUMNS.find((c) => c.header === header)?.text !== 'line',
        }),
      ),
      errors,
      invalid: errors.length > 0,
      warning,
      note,
    });
  }
  const invalidRows = rows.filter((r) => r.invalid).length;
  const usable = csv.fileErrors.length === 0 && invalidRows === 0 && rows.length > 0;
  return {
    headers: csv.headers,
    rows,
    fileErrors: csv.fileErrors,
    invalidRows,
    warnings: rows.filter((r) => r.warning !== null).length,
    knownPeople: rows.filter((r) => r.note !== null).length,
    dtos: usable ? dtos : null,
  };
}

/** The uploaded file as multer gives it (memory storage). */
export interface UploadedCsv {
  buffer: Buffer;
  size: number;
  originalname: string;
}

/** Hard limit of an upload; the import itself refuses more than MAX_IMPORT_BYTES with a clear message. */
const UPLOAD_LIMIT_BYTES = 1024 * 1024;

/**
 * Multer (through Nest's FileInterceptor) for the CSV file field `file`, in memory, with its
 * refusals in French.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  private readonly inner: NestInterceptor = new (FileInterceptor('file', {
    limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1, fields: 10, fieldSize: UPLOAD_LIMIT_BYTES },
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return (await this.inner.intercept(context, next)) as Observable<unknown>;
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 413) {
        throw new PayloadTooLargeException(
          'Le fichier envoyé dépasse 1 Mo : découpez-le en plusieurs fichiers.',
        );
      }
      if (error instanceof HttpException && error.getStatus() < 500) {
        throw new BadRequestException(
          'Le fichier envoyé n’a pas pu être lu : choisissez un seul fichier CSV dans le champ « Fichier CSV ».',
        );
      }
      throw error;
    }
  }
}

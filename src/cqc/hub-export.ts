/**
 * The registration file for Hub Pro Transport: the columns of the Hub's registration table, in
 * its order (seed 002, Étape 3), one line per driver of a checked batch, in Jalon's CSV format
 * for spreadsheets (BOM, « ; », CRLF, formulas defused: src/common/csv.ts). The centre imports it
 * or types from it; only a batch without errors is exported.
 */
import { formatFrenchDate } from '../common/calendar-date.js';
import { csvDocument } from '../common/csv.js';
import { CQC_SOURCES } from './cqc-sources.js';
import type { CqcRegistrationBatch, CqcRegistrationRow } from './registration-rules.js';

export const HUB_REGISTRATION_CSV_HEADERS = [
  'Réf',
  'N° de commande',
  'Prénom',
  'Nom',
  'Date de naissance',
  'N° de permis de conduire',
] as const;

export const HUB_REGISTRATION_CSV_SOURCE = CQC_SOURCES.HUB_REGISTRATION_TABLE;

/** Thrown when asked to export a batch that still has errors (or no driver). */
export class CqcBatchNotExportableError extends Error {
  constructor(readonly batch: CqcRegistrationBatch) {
    const count = batch.errors.length;
    super(
      batch.rows.length === 0
        ? 'L’enregistrement ne compte aucun conducteur : il n’y a rien à exporter.'
        : `L’enregistrement compte encore ${count} erreur${count > 1 ? 's' : ''} : corrigez-${count > 1 ? 'les' : 'la'} avant l’export.`,
    );
    this.name = 'CqcBatchNotExportableError';
  }
}

/** One line of the file: the row's values, the birth date as jj/mm/aaaa. */
export function hubRegistrationLine(row: CqcRegistrationRow): string[] {
  return [
    row.reference,
    row.orderNumber,
    row.firstName,
    row.lastName,
    formatFrenchDate(row.birthDate),
    row.licenceNumber,
  ];
}

/** The CSV file of a checked batch; throws CqcBatchNotExportableError unless it is exportable. */
export function hubRegistrationCsv(batch: CqcRegistrationBatch): string {
  if (!batch.exportable) throw new CqcBatchNotExportableError(batch);
  return csvDocument(HUB_REGISTRATION_CSV_HEADERS, batch.rows.map(hubRegistrationLine));
}

/** « enregistrement-cqc-2027-03-12.csv »: the training's end date names the file. */
export function hubRegistrationFileName(batch: CqcRegistrationBatch): string {
  return `enregistrement-cqc-${batch.training.endDate}.csv`;
}

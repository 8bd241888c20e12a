/**
 * The CSV files Jalon writes for spreadsheets (Excel in French): UTF-8 with a BOM, « ; » as
 * separator, CRLF line ends, a field quoted only when it must be, and a text a spreadsheet would
 * run as a formula defused with a leading apostrophe. Shared by the planning export and the CQC
 * registration export.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';

/**
 * One CSV field: quoted when it holds a separator, a quote or a line break; a text that a
 * spreadsheet would run as a formula (=, +, -, @, or a leading tab or carriage return) is
 * prefixed with an apostrophe.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header line, one line per row, each line ended by CRLF. */
export function csvDocument(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const lines = [
    headers.map(csvField).join(CSV_SEPARATOR),
    ...rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)),
  ];
  return CSV_BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

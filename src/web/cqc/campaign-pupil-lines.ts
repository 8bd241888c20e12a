/**
 * The pupils' form of a class: one pupil per line, « NOM;Prénom;JJ/MM/AAAA », optionally
 * « ;permis oui » or « ;permis non » (the split needs to know whether an adult holds the licence).
 * Each line becomes a row of the API's `CreatePupilsDto`; each problem names its line and field.
 */
import { isValidCalendarDate } from '../../common/calendar-date.js';

export interface PupilLineRow {
  lastName: string;
  firstName: string;
  birthDate: string;
  licenceHeld?: boolean;
}

export interface ParsedPupilLines {
  /** The rows sent to the service, in order (blank lines skipped). */
  rows: PupilLineRow[];
  /** The textarea's line number (1, 2…) of each row. */
  lines: number[];
  /** Problems of the lines themselves (count of fields, date format), in French. */
  errors: { line: number; message: string }[];
}

export const PUPIL_LINE_FORMAT = 'NOM;Prénom;JJ/MM/AAAA';

/** Most lines one form may send (the API's limit per request). */
export const MAX_PUPIL_LINES = 200;

const LICENCE: Readonly<Record<string, boolean>> = {
  'permis oui': true,
  oui: true,
  'permis non': false,
  non: false,
};

/** 'JJ/MM/AAAA' → 'AAAA-MM-JJ', or null when it is not a real date written that way. */
export function frenchDateToIso(value: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isValidCalendarDate(iso) ? iso : null;
}

export function parsePupilLines(text: string): ParsedPupilLines {
  const rows: PupilLineRow[] = [];
  const lines: number[] = [];
  const errors: { line: number; message: string }[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const parts = raw.split(';').map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4) {
      errors.push({
        line,
        message: `Ligne ${line} : ${parts.length} champ${parts.length > 1 ? 's' : ''} séparé${parts.length > 1 ? 's' : ''} par « ; » au lieu de 3 (« ${PUPIL_LINE_FORMAT} », puis « ;permis oui » ou « ;permis non » si besoin).`,
      });
      return;
    }
    const [lastName, firstName, date, licence] = parts;
    const birthDate = frenchDateToIso(date);
    if (birthDate === null) {
      errors.push({
        line,
        message: `Ligne ${line} : la date de naissance « ${date} » n’est pas une date au format JJ/MM/AAAA.`,
      });
    }
    let licenceHeld: boolean | undefined;
    if (licence !== undefined && licence !== '') {
      licenceHeld = LICENCE[licence.toLocaleLowerCase('fr-FR')];
      if (licenceHeld === undefined) {
        errors.push({
          line,
          message: `Ligne ${line} : le permis « ${licence} » doit être « permis oui » ou « permis non ».`,
        });
      }
    }
    rows.push({
      lastName,
      firstName,
      birthDate: birthDate ?? date,
      ...(licenceHeld === undefined ? {} : { licenceHeld }),
    });
    lines.push(line);
  });
  return { rows, lines, errors };
}

/**
 * The convention a centre must hold with a training provider whose trainees it registers
 * (arrêté du 21 juillet 2016 relatif aux modalités d’agrément, article 3, dans sa rédaction issue
 * de l’arrêté du 1er octobre 2024): plain functions of the recorded data.
 */
import { formatFrenchDate, type CalendarDate } from '../common/calendar-date.js';
import type { RuleSource } from '../certification/certification-sources.js';

export const CONVENTION_SOURCES = {
  WRITTEN_CONVENTION: {
    code: 'PROVIDER_WRITTEN_CONVENTION',
    text: 'Arrêté du 21 juillet 2016 relatif aux modalités d’agrément des organismes visés à l’article R. 338-8 du code de l’éducation, modifié par l’arrêté du 1er octobre 2024',
    article: 'Article 3, 1er alinéa',
    date: '2024-10-01',
    url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000050330514',
    summary:
      'Lorsque le centre agréé n’assure pas la formation des candidats qu’il inscrit, une convention écrite est établie avec le prestataire : titres, CCP et CCS concernés, modalités d’inscription et nombre prévisionnel de candidats pour l’année en cours et l’année à venir ; elle est transmise au préfet de région préalablement à son entrée en vigueur.',
    referenceCode: null,
  },
  ANNUAL_AVENANT: {
    code: 'PROVIDER_ANNUAL_AVENANT',
    text: 'Arrêté du 21 juillet 2016 relatif aux modalités d’agrément des organismes visés à l’article R. 338-8 du code de l’éducation, modifié par l’arrêté du 1er octobre 2024',
    article: 'Article 3, 2e alinéa',
    date: '2024-10-01',
    url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000050330514',
    summary:
      'Le centre conclut annuellement avec le prestataire, sauf l’année de conclusion de la convention et l’année qui suit, un avenant précisant le nombre prévisionnel de candidats, transmis au préfet de région avant le 1er janvier de l’année concernée.',
    referenceCode: null,
  },
} as const satisfies Record<string, RuleSource>;

export interface ConventionFacts {
  id: string;
  signedOn: CalendarDate;
  effectiveFrom: CalendarDate;
  sentToPrefectOn: CalendarDate | null;
  titreIds: readonly string[];
  avenants: readonly { year: number; sentToPrefectOn: CalendarDate | null }[];
}

function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The first year that needs an avenant: the second year after the year of signature. */
export function firstAvenantYear(signedOn: CalendarDate): number {
  return yearOf(signedOn) + 2;
}

/** Whether a convention signed on this day needs an avenant for `year`. */
export function avenantRequired(signedOn: CalendarDate, year: number): boolean {
  return year >= firstAvenantYear(signedOn);
}

/** Last day to send the avenant of `year` to the préfet: 31 December of the year before. */
export function avenantDueDate(year: number): CalendarDate {
  return `${String(year - 1).padStart(4, '0')}-12-31`;
}

/**
 * Why a convention is not in force on each of `dates` for the titre (French sentences, empty:
 * in force): signed and effective by then, sent to the préfet before taking effect, covering the
 * titre, and, for a year that needs one, its avenant sent before 1 January of that year.
 */
export function conventionDefects(
  convention: ConventionFacts,
  titreId: string,
  dates: readonly CalendarDate[],
): string[] {
  const fr = formatFrenchDate;
  const defects: string[] = [];
  const first = [...dates].sort()[0];
  if (first !== undefined && convention.signedOn > first) {
    defects.push(`la convention n’est signée que le ${fr(convention.signedOn)}`);
  }
  if (first !== undefined && convention.effectiveFrom > first) {
    defects.push(`la convention n’entre en vigueur que le ${fr(convention.effectiveFrom)}`);
  }
  if (convention.sentToPrefectOn === null) {
    defects.push('la convention n’a pas été transmise au préfet de région');
  } else if (convention.sentToPrefectOn >= convention.effectiveFrom) {
    defects.push(
      `la convention a été transmise au préfet le ${fr(convention.sentToPrefectOn)}, pas avant son entrée en vigueur le ${fr(convention.effectiveFrom)}`,
    );
  }
  if (!convention.titreIds.includes(titreId)) {
    defects.push('la convention ne couvre pas le titre de la session');
  }
  const years = [...new Set(dates.map(yearOf))].sort((a, b) => a - b);
  for (const year of years) {
    if (!avenantRequired(convention.signedOn, year)) continue;
    const avenant = convention.avenants.find((a) => a.year === year);
    const due = avenantDueDate(year);
    if (!avenant) defects.push(`l’avenant ${year} n’est pas enregistré`);
    else if (avenant.sentToPrefectOn === null) {
      defects.push(`l’avenant ${year} n’a pas été transmis au préfet`);
    } else if (avenant.sentToPrefectOn > due) {
      defects.push(
        `l’avenant ${year} a été transmis au préfet le ${fr(avenant.sentToPrefectOn)}, après le ${fr(due)}`,
      );
    }
  }
  return defects;
}

/**
 * The provider's standing for a session: `null` when one of its conventions is in force on the
 * session's dates for the titre; otherwise the reason (French), from the convention that comes
 * closest (fewest defects, then the latest signed).
 */
export function providerConventionDefect(
  conventions: readonly ConventionFacts[],
  titreId: string,
  dates: readonly CalendarDate[],
): string | null {
  if (conventions.length === 0) return 'aucune convention n’est enregistrée avec cet organisme';
  const ranked = conventions
    .map((c) => ({ c, defects: conventionDefects(c, titreId, dates) }))
    .sort(
      (a, b) => a.defects.length - b.defects.length || b.c.signedOn.localeCompare(a.c.signedOn),
    );
  const best = ranked[0];
  if (!best || best.defects.length === 0) return null;
  return `convention signée le ${formatFrenchDate(best.c.signedOn)} : ${best.defects.join(' ; ')}`;
}

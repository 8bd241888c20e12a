import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isValidCalendarDate } from '../common/calendar-date.js';
import {
  CERTIFICATION_SOURCES,
  PROLONGATION_PERIOD,
  RESIT_PERIOD,
  VAE_RECEVABILITE_VALIDITY,
} from './certification-sources.js';

interface TemplateFile {
  references: { code: string }[];
}

describe('CERTIFICATION_SOURCES', () => {
  const template = JSON.parse(
    readFileSync(path.resolve('templates/checklist/guide-session.v1.json'), 'utf8'),
  ) as TemplateFile;
  const referenceCodes = new Set(template.references.map((r) => r.code));

  it.each(Object.entries(CERTIFICATION_SOURCES))(
    '%s names its text, article and date',
    (code, source) => {
      expect(source.code).toBe(code);
      expect(source.text.trim()).not.toBe('');
      expect(source.article.trim()).not.toBe('');
      expect(source.summary.trim()).not.toBe('');
      if (source.date !== null) expect(isValidCalendarDate(source.date)).toBe(true);
      if (source.url !== null) expect(source.url).toMatch(/^https?:\/\//);
      if (source.referenceCode !== null)
        expect(referenceCodes.has(source.referenceCode)).toBe(true);
    },
  );

  it('sets the three one-year periods with their sources', () => {
    expect(
      [RESIT_PERIOD, PROLONGATION_PERIOD, VAE_RECEVABILITE_VALIDITY].map((p) => [
        p.years,
        p.source.code,
      ]),
    ).toEqual([
      [1, 'RESIT_ONE_YEAR'],
      [1, 'PROLONGATION_YEAR'],
      [1, 'VAE_RECEVABILITE_ONE_YEAR'],
    ]);
  });
});

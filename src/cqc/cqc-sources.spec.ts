import { isValidCalendarDate } from '../common/calendar-date.js';
import { CQC_SOURCES } from './cqc-sources.js';

describe('CQC_SOURCES', () => {
  it.each(Object.entries(CQC_SOURCES))('%s names its text, passage and summary', (code, source) => {
    expect(source.code).toBe(code);
    expect(source.text.trim()).not.toBe('');
    expect(source.article.trim()).not.toBe('');
    expect(source.summary.trim()).not.toBe('');
    if (source.date !== null) expect(isValidCalendarDate(source.date)).toBe(true);
    if (source.url !== null) expect(source.url).toMatch(/^https?:\/\//);
    expect(source.referenceCode).toBeNull();
  });

  it('cites the seeds by their file', () => {
    expect(CQC_SOURCES.HUB_REGISTRATION_CONTROLS.text).toContain('seeds/002_d67d97bdabf65bb1.txt');
    expect(CQC_SOURCES.PROBATIONARY_CERTIFICATE.text).toContain('seeds/001_98a4669c826a5dd4.txt');
  });
});

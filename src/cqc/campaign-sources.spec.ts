import { isValidCalendarDate } from '../common/calendar-date.js';
import { CQC_CAMPAIGN_SOURCES, CQC_SYNOPTIC_TITLE } from './campaign-sources.js';

describe('CQC_CAMPAIGN_SOURCES', () => {
  it.each(Object.entries(CQC_CAMPAIGN_SOURCES))(
    '%s names its text, passage and summary',
    (code, source) => {
      expect(source.code).toBe(code);
      expect(source.text.trim()).not.toBe('');
      expect(source.article.trim()).not.toBe('');
      expect(source.summary.trim()).not.toBe('');
      if (source.date !== null) expect(isValidCalendarDate(source.date)).toBe(true);
      if (source.url !== null) expect(source.url).toMatch(/^https?:\/\//);
    },
  );

  it('cites seed 000 by its title, version and file name', () => {
    expect(CQC_SYNOPTIC_TITLE).toContain(
      'Synoptique process délivrance CQC par équivalence sur diplôme',
    );
    expect(CQC_SYNOPTIC_TITLE).toContain('version de mars 2016');
    expect(CQC_SYNOPTIC_TITLE).toContain('seeds/000_b01c13a88cf4a657.txt');
    expect(CQC_CAMPAIGN_SOURCES.FICHES_MAX_PER_SESSION.text).toBe(CQC_SYNOPTIC_TITLE);
    expect(CQC_CAMPAIGN_SOURCES.FICHES_MAX_PER_SESSION.article).toContain('maxi actuel 32');
    expect(CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY.article).toContain('30 mai au plus tard');
  });
});

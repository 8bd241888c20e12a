import { dateRange, fileSlug, frenchTime, sessionDays, shiftTime } from './document-format.js';
import { isAllowedRequest } from './pdf-renderer.js';

describe('document wording', () => {
  it('writes times the French way, with no-break spaces', () => {
    expect(frenchTime('09:00')).toBe('9\u00a0h\u00a000');
    expect(frenchTime('14:30')).toBe('14\u00a0h\u00a030');
    expect(shiftTime('09:00', -30)).toBe('08:30');
    expect(shiftTime('00:10', -30)).toBe('00:00');
    expect(() => frenchTime('25:00')).toThrow(RangeError);
  });

  it('writes dates as jj/mm/aaaa', () => {
    expect(dateRange('2027-06-14', '2027-06-18')).toBe('du 14/06/2027 au 18/06/2027');
    expect(dateRange('2027-09-06', '2027-09-06')).toBe('le 06/09/2027');
  });

  it('lists the days of a session without weekends and public holidays in between', () => {
    expect(sessionDays('2027-06-14', '2027-06-18')).toHaveLength(5);
    // Friday to Tuesday: the weekend is skipped; 14 July 2027 (Wednesday) is a public holiday.
    expect(sessionDays('2027-06-18', '2027-06-22')).toEqual([
      '2027-06-18',
      '2027-06-21',
      '2027-06-22',
    ]);
    expect(sessionDays('2027-07-13', '2027-07-15')).toEqual(['2027-07-13', '2027-07-15']);
    // A session held on a Saturday still has its day.
    expect(sessionDays('2027-06-19', '2027-06-19')).toEqual(['2027-06-19']);
  });

  it('turns names into ASCII file names', () => {
    expect(fileSlug('Đặng Thị Ngọc Hélène')).toBe('dang-thi-ngoc-helene');
    expect(fileSlug('Œhlenschläger Bérénice')).toBe('oehlenschlager-berenice');
    expect(fileSlug('<img src=x>')).toBe('img-src-x');
    expect(fileSlug('///')).toBe('document');
  });
});

describe('isAllowedRequest (deny by default)', () => {
  it('allows only inline data and the blank page', () => {
    expect(isAllowedRequest('data:font/woff2;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('about:blank')).toBe(true);
    for (const url of [
      'http://127.0.0.1:8080/x',
      'https://example.org/',
      'file:///etc/passwd',
      'FILE:///etc/passwd',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/',
      'about:srcdoc',
      'blob:null/1234',
      'filesystem:http://x/',
      'chrome://settings',
      'ws://127.0.0.1:1/',
      ' data:text/html,x',
    ]) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });
});

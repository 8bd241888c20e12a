import {
  dateRange,
  elidesBefore,
  fileSlug,
  frenchTime,
  nameForEmail,
  ofName,
  sessionDays,
  shiftTime,
  userName,
  withoutDoubledWord,
} from './document-format.js';
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

describe('French wording helpers', () => {
  it('elides « de » before a vowel, accented or not, a mute h and a y before a consonant', () => {
    expect(ofName('Anaïs')).toBe('d’Anaïs');
    expect(ofName('Étienne')).toBe('d’Étienne');
    expect(ofName('Éléonore Dupré')).toBe('d’Éléonore Dupré');
    expect(ofName('Œhlenschläger Bérénice')).toBe('d’Œhlenschläger Bérénice');
    expect(ofName('Îlona')).toBe('d’Îlona');
    expect(ofName('Ugo')).toBe('d’Ugo');
    expect(ofName('Hélène')).toBe('d’Hélène');
    expect(ofName('Yves')).toBe('d’Yves');
    expect(ofName('  Inès ')).toBe('d’Inès');
    expect(ofName('Yann')).toBe('de Yann');
    expect(ofName('Zoé')).toBe('de Zoé');
    expect(ofName('Nguyễn Thị Hương')).toBe('de Nguyễn Thị Hương');
    expect(ofName('Hrant')).toBe('de Hrant');
    expect(elidesBefore('')).toBe(false);
    expect(elidesBefore('Y')).toBe(false);
  });

  it('does not say a word twice when the text already starts with it', () => {
    expect(withoutDoubledWord('site', 'Vénissieux')).toBe('site Vénissieux');
    expect(withoutDoubledWord('site', 'Site de Vénissieux')).toBe('Site de Vénissieux');
    expect(withoutDoubledWord('site', 'SITE DE LYON')).toBe('SITE DE LYON');
    expect(withoutDoubledWord('site', 'Sitelle')).toBe('site Sitelle');
    expect(withoutDoubledWord('CCP', 'CCP2')).toBe('CCP2');
    expect(withoutDoubledWord('CCP', 'ccp 3')).toBe('ccp 3');
    expect(withoutDoubledWord('CCP', 'RNCP37873BC01')).toBe('CCP RNCP37873BC01');
    expect(withoutDoubledWord('CCS', 'CCS1')).toBe('CCS1');
  });

  it('names people « Prénom Nom », by their e-mail address only when no name is known', () => {
    const people = [
      { firstName: 'Anaïs', lastName: 'Roux', email: 'anais.roux@example.fr' },
      { firstName: '', lastName: '', email: 'accueil@example.fr' },
    ];
    expect(userName(people[0])).toBe('Anaïs Roux');
    expect(userName(people[1])).toBe('accueil@example.fr');
    expect(userName(null)).toBeNull();
    expect(nameForEmail('Anais.Roux@example.fr ', people)).toBe('Anaïs Roux');
    expect(nameForEmail('accueil@example.fr', people)).toBe('accueil@example.fr');
    expect(nameForEmail('inconnu@example.fr', people)).toBe('inconnu@example.fr');
  });
});

import {
  pagination,
  parseSessionListParams,
  sessionListHref,
  sortHeader,
} from './session-list-params.js';

const CENTRE = '0b6f1c9e-3c1f-4a57-9d55-7f4d5f3e2a11';

describe('home page query string', () => {
  it('defaults to all sessions by start date, page 1', () => {
    const { params, errors } = parseSessionListParams({});
    expect(errors).toEqual([]);
    expect(params).toMatchObject({
      view: 'all',
      sort: 'start',
      dir: 'asc',
      page: 1,
      centreId: null,
    });
    expect(sessionListHref(params)).toBe('/sessions');
  });

  it('sorts « en retard d’abord » by overdue count, descending', () => {
    const { params } = parseSessionListParams({ view: 'late' });
    expect(params).toMatchObject({ sort: 'overdue', dir: 'desc' });
    expect(sessionListHref(params)).toBe('/sessions?view=late');
  });

  it('keeps valid filters and names the ignored ones in French', () => {
    const { params, errors } = parseSessionListParams({
      centre: CENTRE.toUpperCase(),
      site: 'pas-un-id',
      status: 'PERDUE',
      from: '2027-02-30',
      to: '2027-12-31',
      page: '-2',
    });
    expect(params.centreId).toBe(CENTRE);
    expect(params.siteId).toBeNull();
    expect(params.status).toBeNull();
    expect(params.from).toBeNull();
    expect(params.to).toBe('2027-12-31');
    expect(params.page).toBe(1);
    expect(errors).toEqual([
      'Le filtre « Site » est invalide : il a été ignoré.',
      'Le filtre « Statut » est invalide : il a été ignoré.',
      'Le filtre « Du » doit être une date (jj/mm/aaaa) comprise entre le 01/01/1900 et le 31/12/2100 : il a été ignoré.',
    ]);
  });

  it('swaps an inverted period', () => {
    const { params, errors } = parseSessionListParams({ from: '2027-12-31', to: '2027-01-01' });
    expect(params).toMatchObject({ from: '2027-01-01', to: '2027-12-31' });
    expect(errors).toEqual(['La période est inversée : « Du » doit précéder « Au ».']);
  });

  it('takes the first value of a repeated parameter and ignores unknown sorts', () => {
    const { params } = parseSessionListParams({ status: ['HELD', 'PLANNED'], sort: 'DROP TABLE' });
    expect(params.status).toBe('HELD');
    expect(params.sort).toBe('start');
  });

  it('builds column links that flip the direction of the current sort and go back to page 1', () => {
    const { params } = parseSessionListParams({
      sort: 'titre',
      dir: 'asc',
      page: '3',
      status: 'PLANNED',
    });
    expect(sortHeader(params, 'titre')).toMatchObject({
      ariaSort: 'ascending',
      href: '/sessions?status=PLANNED&sort=titre&dir=desc',
    });
    expect(sortHeader(params, 'site')).toMatchObject({
      ariaSort: 'none',
      href: '/sessions?status=PLANNED&sort=site&dir=asc',
    });
  });

  it('paginates 50 rows a page with totals', () => {
    const { params } = parseSessionListParams({ page: '2' });
    expect(pagination(params, 120)).toEqual({
      page: 2,
      pageCount: 3,
      total: 120,
      first: 51,
      last: 100,
      previousHref: '/sessions',
      nextHref: '/sessions?page=3',
    });
    expect(pagination(parseSessionListParams({ page: '9' }).params, 0)).toMatchObject({
      page: 1,
      first: 0,
      last: 0,
      previousHref: null,
      nextHref: null,
    });
  });
});

import { wantsHtmlNotFound } from './html-not-found.js';

const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('wantsHtmlNotFound', () => {
  it('answers a browser’s unknown page with HTML', () => {
    expect(
      wantsHtmlNotFound({ method: 'GET', path: '/nulle-part', headers: { accept: browser } }),
    ).toBe(true);
    expect(
      wantsHtmlNotFound({ method: 'HEAD', path: '/x', headers: { accept: 'text/html' } }),
    ).toBe(true);
  });

  it('keeps JSON for the API, for clients that do not ask for HTML, for htmx and for writes', () => {
    expect(
      wantsHtmlNotFound({ method: 'GET', path: '/api/nothing', headers: { accept: browser } }),
    ).toBe(false);
    expect(wantsHtmlNotFound({ method: 'GET', path: '/api', headers: { accept: browser } })).toBe(
      false,
    );
    expect(
      wantsHtmlNotFound({ method: 'GET', path: '/x', headers: { accept: 'application/json' } }),
    ).toBe(false);
    expect(wantsHtmlNotFound({ method: 'GET', path: '/x', headers: {} })).toBe(false);
    expect(wantsHtmlNotFound({ method: 'GET', path: '/x', headers: { accept: '*/*' } })).toBe(
      false,
    );
    expect(
      wantsHtmlNotFound({
        method: 'GET',
        path: '/x',
        headers: { accept: browser, 'hx-request': 'true' },
      }),
    ).toBe(false);
    expect(wantsHtmlNotFound({ method: 'POST', path: '/x', headers: { accept: browser } })).toBe(
      false,
    );
    expect(
      wantsHtmlNotFound({ method: 'GET', path: '/apiculture', headers: { accept: browser } }),
    ).toBe(true);
  });
});

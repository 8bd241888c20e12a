import { entryCount, journalPageView } from './audit-view.js';

describe('journal page view', () => {
  it('counts entries in words', () => {
    expect(entryCount(0)).toBe('Aucune entrée');
    expect(entryCount(1)).toBe('1 entrée');
    expect(entryCount(12)).toBe('12 entrées');
  });

  it('selects the current filter and carries it to the PDF link', () => {
    const view = journalPageView('s1', {
      filter: { kind: 'jury', actorId: 'u2' },
      lines: [],
      actors: [
        { id: 'u1', name: 'Claire Dubois' },
        { id: 'u2', name: 'Marc Lenoir' },
      ],
    });
    expect(view.filtered).toBe(true);
    expect(view.kinds.filter((k) => k.selected).map((k) => k.label)).toEqual([
      'Jury et surveillants',
    ]);
    expect(view.actors).toEqual([
      { value: 'u1', label: 'Claire Dubois', selected: false },
      { value: 'u2', label: 'Marc Lenoir', selected: true },
    ]);
    expect(view.pdfUrl).toBe('/sessions/s1/audit/journal.pdf?kind=jury&actor=u2');
    expect(view.resetUrl).toBe('/sessions/s1/audit');
    expect(view.count).toBe('Aucune entrée');
  });

  it('links the whole journal when nothing is filtered', () => {
    const view = journalPageView('s1', {
      filter: { kind: null, actorId: null },
      lines: [],
      actors: [],
    });
    expect(view.filtered).toBe(false);
    expect(view.pdfUrl).toBe('/sessions/s1/audit/journal.pdf');
  });
});

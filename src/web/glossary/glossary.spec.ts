import { GLOSSARY, glossaryId, glossaryView } from './glossary.js';

describe('glossary', () => {
  it('names each term’s anchor without accents or spaces', () => {
    expect(glossaryId('Agrément')).toBe('agrement');
    expect(glossaryId('CERES')).toBe('ceres');
    expect(glossaryId('PV de session')).toBe('pv-de-session');
  });

  it('holds the sigles the dashboard uses, each with one unique anchor and a definition', () => {
    const ids = GLOSSARY.map((t) => glossaryId(t.term));
    expect(new Set(ids).size).toBe(ids.length);
    for (const sigle of [
      'ceres',
      'dte',
      'ud',
      'ecf',
      'dp',
      'ccp',
      'ccs',
      'pv',
      'tp',
      'rncp',
      'dreets',
      'cqc',
      'fimo',
      'fco',
      'vae',
    ]) {
      expect(ids).toContain(sigle);
    }
    for (const t of GLOSSARY) expect(t.definition).toMatch(/\.$/);
  });

  it('orders the entries alphabetically in French (accents ignored)', () => {
    const view = glossaryView([
      { term: 'Millésime', expansion: null, definition: 'x.' },
      { term: 'Agrément', expansion: null, definition: 'x.' },
      { term: 'CCP', expansion: 'certificat', definition: 'x.' },
    ]);
    expect(view.map((e) => [e.term, e.id, e.letter])).toEqual([
      ['Agrément', 'agrement', 'A'],
      ['CCP', 'ccp', 'C'],
      ['Millésime', 'millesime', 'M'],
    ]);
  });
});

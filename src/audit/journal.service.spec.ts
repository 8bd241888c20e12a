import { FieldErrorsException } from '../common/validation/field-errors.js';
import { ENTITY_PHRASES } from './audit-phrasing.js';
import { journalScope } from './journal-document.js';
import { auditFilterOf, journalQuery, parseJournalFilter } from './journal.service.js';

const ACTOR = 'AAAAAAAA-1111-4111-8111-111111111111';

function refusal(query: Record<string, unknown>): string[] {
  try {
    parseJournalFilter(query);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldErrorsException);
    return (error as FieldErrorsException).fields.map((f) => `${f.field}: ${f.message}`);
  }
  throw new Error('accepted');
}

describe('journal filter', () => {
  it('accepts no filter, a kind, and an actor id (canonical lower case)', () => {
    expect(parseJournalFilter({})).toEqual({ kind: null, actorId: null });
    expect(parseJournalFilter({ kind: '', actor: '' })).toEqual({ kind: null, actorId: null });
    expect(parseJournalFilter({ kind: 'jury', actor: ACTOR })).toEqual({
      kind: 'jury',
      actorId: ACTOR.toLowerCase(),
    });
  });

  it('refuses unknown kinds, non-id actors and repeated parameters, all at once, in French', () => {
    const both = refusal({ kind: 'tout', actor: 'claire' });
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/^kind: Type d’entrée inconnu : choisissez parmi « Liste de contrôle/);
    expect(both[1]).toBe(
      'actor: Auteur inconnu : choisissez une personne dans la liste « Auteur ».',
    );
    expect(refusal({ kind: ['task', 'jury'] })).toEqual([
      'kind: Le filtre « kind » ne peut être donné qu’une fois.',
    ]);
    expect(refusal({ actor: { a: 1 } })).toHaveLength(1);
  });

  it('turns a kind into the entities to read, « Autres » being all the unnamed ones', () => {
    expect(auditFilterOf({ kind: 'incident', actorId: null })).toEqual({
      entities: ['session_incident'],
    });
    const other = auditFilterOf({ kind: 'other', actorId: ACTOR });
    expect(other.actorId).toBe(ACTOR);
    expect(other.excludeEntities).toContain('session_task');
    expect(other.excludeEntities).not.toContain('centre');
    expect(other.excludeEntities).toHaveLength(
      Object.values(ENTITY_PHRASES).filter((p) => p.kind !== 'other').length,
    );
    expect(auditFilterOf({ kind: null, actorId: null })).toEqual({});
  });

  it('writes the filter back as a query string and as words for the PDF', () => {
    expect(journalQuery({ kind: null, actorId: null })).toBe('');
    expect(journalQuery({ kind: 'task', actorId: 'x' })).toBe('?kind=task&actor=x');
    const journal = {
      lines: [],
      actors: [{ id: 'u1', name: 'Claire Dubois' }],
    };
    expect(journalScope({ ...journal, filter: { kind: null, actorId: null } })).toBe(
      'Toutes les entrées du journal, les plus récentes d’abord.',
    );
    expect(journalScope({ ...journal, filter: { kind: 'candidate', actorId: 'u1' } })).toBe(
      'Entrées du type «\u00a0Candidats\u00a0», faites par Claire Dubois, les plus récentes d’abord.',
    );
  });
});

import { createFicheSession, issueFiches, voidAndReplaceFiche } from '../campaign-fiches.js';
import { ficheSessionChanges, ficheSessionState } from './fiche-state.js';

describe('fiche session state', () => {
  it('loads rows in number and sequence order', () => {
    const issued = issueFiches(createFicheSession('Session CAP CLM'), ['a', 'b'], '2027-05-03');
    if (!issued.ok) throw new Error(issued.errors.join(' '));
    const { fiches, history } = issued.value.session;
    const state = ficheSessionState(
      'Session CAP CLM',
      32,
      [...fiches].reverse(),
      [...history].reverse(),
    );
    expect(state.fiches.map((f) => f.number)).toEqual([1, 2]);
    expect(state.history.map((e) => e.sequence)).toEqual([1, 2]);
  });

  it('finds the new fiche, the voided one and the new events of a replacement', () => {
    const issued = issueFiches(createFicheSession('Session Bac Pro'), ['a', 'b'], '2027-05-03');
    if (!issued.ok) throw new Error(issued.errors.join(' '));
    const before = issued.value.session;
    const replaced = voidAndReplaceFiche(before, 1, 'Nom mal orthographié', '2027-05-06');
    if (!replaced.ok) throw new Error(replaced.errors.join(' '));
    const changes = ficheSessionChanges(before, replaced.value.session);
    expect(changes.inserted.map((f) => [f.number, f.pupilId, f.replaces])).toEqual([[3, 'a', 1]]);
    expect(changes.updated.map((f) => [f.number, f.status, f.replacedBy])).toEqual([
      [1, 'VOIDED', 3],
    ]);
    expect(changes.events.map((e) => [e.sequence, e.type])).toEqual([
      [3, 'VOIDED'],
      [4, 'REPLACEMENT_ISSUED'],
    ]);
  });

  it('finds nothing when the state did not change', () => {
    const session = createFicheSession('Session CAP CLM');
    expect(ficheSessionChanges(session, session)).toEqual({
      inserted: [],
      updated: [],
      events: [],
    });
  });
});

import type { CampaignPupil } from '../campaign-split.js';
import { classSplit, ficheSessionLabel } from './class-split.js';

const pupil = (
  id: string,
  birthDate: string,
  licenceHeld: boolean | null = true,
): CampaignPupil => ({
  id,
  lastName: `NOM${id}`,
  firstName: 'Prénom',
  birthDate,
  licenceHeld,
});

describe('classSplit', () => {
  const adult = pupil('a', '2009-01-10');
  const minor = pupil('m', '2009-09-20');

  it('splits a Bac Pro class into a CAP CLM and a Bac Pro session', () => {
    const result = classSplit('BAC_PRO', 'Terminale CTRM', [adult, minor], 2026);
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(result.value.sessions.map((s) => [s.kind, s.placements.map((p) => p.pupil.id)])).toEqual(
      [
        ['CAP_CLM', ['a']],
        ['BAC_PRO', ['m']],
      ],
    );
    expect(ficheSessionLabel(result.value.sessions[0]!, 'Terminale CTRM')).toBe(
      'Session CAP CLM — Terminale CTRM',
    );
  });

  it('applies the user’s moves with their reason, and refuses the unjustified ones', () => {
    const moved = classSplit('BAC_PRO', 'Terminale CTRM', [adult, minor], 2026, [
      { pupilId: 'm', to: 'CAP_CLM', reason: 'BAC_PRO_FAILURE' },
    ]);
    if (!moved.ok) throw new Error(moved.errors.join(' '));
    expect(moved.value.sessions[0]!.placements.map((p) => [p.pupil.id, p.basis])).toEqual([
      ['a', 'OF_AGE_WITH_LICENCE'],
      ['m', 'BAC_PRO_FAILURE'],
    ]);
    const refused = classSplit('BAC_PRO', 'Terminale CTRM', [adult, minor], 2026, [
      { pupilId: 'm', to: 'CAP_CLM' },
    ]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toContain('NOMm Prénom aura 18 ans le 20/09/2027');
  });

  it('keeps every pupil of a CAP CLM class in CAP CLM sessions, minors warned', () => {
    const result = classSplit('CAP_CLM', 'CAP CLM 2e année', [adult, minor], 2026);
    if (!result.ok) throw new Error(result.errors.join(' '));
    expect(result.value.sessions).toHaveLength(1);
    expect(result.value.sessions[0]!.placements.map((p) => p.pupil.id)).toEqual(['a', 'm']);
    expect(result.value.sessions[0]!.placements[1]!.warnings).toEqual([
      'Classe de CAP CLM, encore mineur à la mi-mai : il complétera sa fiche dès ses 18 ans, le 20/09/2027.',
    ]);
    const refused = classSplit('CAP_CLM', 'CAP CLM 2e année', [adult, minor], 2026, [
      { pupilId: 'm', to: 'BAC_PRO' },
    ]);
    expect(refused).toEqual({
      ok: false,
      errors: [
        'NOMm Prénom : la classe « CAP CLM 2e année » prépare le CAP CLM, ses élèves n’ont qu’une session CAP CLM.',
      ],
    });
  });

  it('refuses a list with a birth date after mid-May', () => {
    const result = classSplit('BAC_PRO', 'T', [pupil('x', '2027-06-01')], 2026);
    expect(result.ok).toBe(false);
  });
});

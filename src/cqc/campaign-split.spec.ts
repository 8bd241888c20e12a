import {
  ENVELOPE_DEADLINE,
  MAY_MAJORITY_REFERENCE,
  applyMoves,
  ficheSessionsOf,
  mayDate,
  proposeSplit,
  schoolYearLabel,
  validateCampaignPupils,
  type CampaignPupil,
  type SplitProposal,
} from './campaign-split.js';
import type { CampaignResult } from './campaign-result.js';

// School year 2026-2027: reference day 15 May 2027, envelope by 30 May 2027.
const YEAR = 2026;

function aPupil(overrides: Partial<CampaignPupil> & { id: string }): CampaignPupil {
  return {
    lastName: `NOM-${overrides.id}`,
    firstName: 'Prénom',
    birthDate: '2008-09-01',
    licenceHeld: true,
    ...overrides,
  };
}

function value<T>(result: CampaignResult<T>): T {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

function errorsOf<T>(result: CampaignResult<T>): readonly string[] {
  if (result.ok) throw new Error('attendu : refus');
  return result.errors;
}

function placementOf(proposal: SplitProposal, id: string) {
  const found = proposal.placements.find((p) => p.pupil.id === id);
  if (!found) throw new Error(`pas d’élève ${id}`);
  return found;
}

describe('reference days', () => {
  it('are 15 May and 30 May of the spring of the school year, with their reasons', () => {
    expect(mayDate(YEAR, MAY_MAJORITY_REFERENCE)).toBe('2027-05-15');
    expect(mayDate(YEAR, ENVELOPE_DEADLINE)).toBe('2027-05-30');
    expect(MAY_MAJORITY_REFERENCE.interpretation).toContain('mi-mai');
    expect(MAY_MAJORITY_REFERENCE.source.code).toBe('MID_MAY_COMPLETION');
    expect(ENVELOPE_DEADLINE.source.code).toBe('ENVELOPE_BY_30_MAY');
    expect(schoolYearLabel(YEAR)).toBe('2026-2027');
  });
});

describe('proposeSplit', () => {
  const pupils = [
    aPupil({ id: 'exact', lastName: 'Martin', birthDate: '2009-05-15' }), // 18 on 15 May exactly
    aPupil({ id: 'dayafter', lastName: 'Bernard', birthDate: '2009-05-16' }), // 18 on 16 May
    aPupil({ id: 'may30', lastName: 'Durand', birthDate: '2009-05-30' }), // 18 on the envelope day
    aPupil({ id: 'may31', lastName: 'Petit', birthDate: '2009-05-31' }), // 18 after the envelope
    aPupil({ id: 'unknown', lastName: 'Leroy', birthDate: '2008-01-10', licenceHeld: null }),
    aPupil({ id: 'nolicence', lastName: 'Moreau', birthDate: '2008-01-10', licenceHeld: false }),
    aPupil({ id: 'leap', lastName: 'Fournier', birthDate: '2008-02-29' }),
  ];
  const proposal = value(proposeSplit(pupils, YEAR));

  it('puts a pupil who is 18 exactly on 15 May in the CAP CLM session', () => {
    expect(placementOf(proposal, 'exact')).toMatchObject({
      kind: 'CAP_CLM',
      basis: 'OF_AGE_WITH_LICENCE',
      majorityDate: '2027-05-15',
      ofAgeOnReference: true,
      setByUser: false,
      warnings: [],
    });
  });

  it('keeps a pupil who turns 18 the day after in the Bac Pro session, saying they may move', () => {
    const p = placementOf(proposal, 'dayafter');
    expect(p).toMatchObject({ kind: 'BAC_PRO', basis: 'MINOR_IN_MAY', ofAgeByEnvelope: true });
    expect(p.warnings[0]).toContain(
      'Aura 18 ans le 16/05/2027, avant l’envoi de l’enveloppe (30/05/2027)',
    );
  });

  it('counts 30 May as before the envelope and 31 May as after', () => {
    expect(placementOf(proposal, 'may30').ofAgeByEnvelope).toBe(true);
    expect(placementOf(proposal, 'may31')).toMatchObject({
      kind: 'BAC_PRO',
      ofAgeByEnvelope: false,
      warnings: [],
    });
  });

  it('proposes CAP CLM with a warning when the licence is not known, Bac Pro without a licence', () => {
    expect(placementOf(proposal, 'unknown')).toMatchObject({
      kind: 'CAP_CLM',
      basis: 'OF_AGE_LICENCE_UNKNOWN',
    });
    expect(placementOf(proposal, 'unknown').warnings[0]).toContain('Permis non renseigné');
    expect(placementOf(proposal, 'nolicence')).toMatchObject({
      kind: 'BAC_PRO',
      basis: 'OF_AGE_WITHOUT_LICENCE',
    });
  });

  it('sorts the pupils by name', () => {
    expect(proposal.placements.map((p) => p.pupil.lastName)).toEqual([
      'Bernard',
      'Durand',
      'Fournier',
      'Leroy',
      'Martin',
      'Moreau',
      'Petit',
    ]);
  });

  it('reads « majeurs en mai » on another day when asked', () => {
    const lastDay = value(
      proposeSplit(pupils, YEAR, { reference: { ...MAY_MAJORITY_REFERENCE, day: 31 } }),
    );
    expect(placementOf(lastDay, 'may31').kind).toBe('CAP_CLM');
  });

  it('refuses a list with every problem named', () => {
    const errors = errorsOf(
      proposeSplit(
        [
          aPupil({ id: 'a', lastName: 'Roux', birthDate: '2009-02-30' }),
          aPupil({ id: 'a', lastName: 'Roux' }),
          aPupil({ id: 'b', lastName: ' ', firstName: '' }),
          aPupil({ id: 'c', lastName: 'Blanc', birthDate: '2027-06-01' }),
        ],
        YEAR,
      ),
    );
    expect(errors).toEqual([
      'L’élève « Roux Prénom » : la date de naissance est invalide (format attendu AAAA-MM-JJ).',
      'L’élève « Roux Prénom » figure deux fois dans la liste.',
      'L’élève n° 3 : le nom est obligatoire.',
      'L’élève n° 3 : le prénom est obligatoire.',
      'L’élève « Blanc Prénom » : la date de naissance (01/06/2027) n’est pas antérieure au 15/05/2027.',
    ]);
    expect(errorsOf(proposeSplit([], 1899))[0]).toContain('L’année scolaire est invalide');
    expect(validateCampaignPupils([aPupil({ id: 'ok' })])).toEqual([]);
    expect(
      validateCampaignPupils([
        {
          id: 'z',
          lastName: 'Roy',
          firstName: undefined as unknown as string,
          birthDate: '2008-01-01',
          licenceHeld: 'oui' as unknown as boolean,
        },
      ]),
    ).toEqual([
      'L’élève « Roy » : le prénom est obligatoire.',
      'L’élève « Roy » : la détention du permis doit être oui, non ou inconnue.',
    ]);
  });
});

describe('applyMoves', () => {
  const proposal = value(
    proposeSplit(
      [
        aPupil({ id: 'adult', lastName: 'Adulte', birthDate: '2008-01-10' }),
        aPupil({ id: 'late', lastName: 'Tardif', birthDate: '2009-05-20' }),
        aPupil({ id: 'minor', lastName: 'Mineur', birthDate: '2009-11-02' }),
        aPupil({
          id: 'nolicence',
          lastName: 'Piéton',
          birthDate: '2008-01-10',
          licenceHeld: false,
        }),
      ],
      YEAR,
    ),
  );

  it('moves a pupil of age by 30 May to the CAP CLM session, with a warning', () => {
    const moved = value(applyMoves(proposal, [{ pupilId: 'late', to: 'CAP_CLM' }]));
    expect(placementOf(moved, 'late')).toMatchObject({
      kind: 'CAP_CLM',
      basis: 'OF_AGE_BEFORE_ENVELOPE',
      setByUser: true,
    });
    expect(placementOf(moved, 'late').warnings[0]).toContain('Majeur le 20/05/2027 seulement');
    expect(placementOf(proposal, 'late').kind).toBe('BAC_PRO'); // the proposal is unchanged
  });

  it('refuses a minor at the envelope in the CAP CLM session unless they will fail the Bac Pro', () => {
    expect(errorsOf(applyMoves(proposal, [{ pupilId: 'minor', to: 'CAP_CLM' }]))).toEqual([
      'Mineur Prénom aura 18 ans le 02/11/2027, après l’envoi de l’enveloppe (30/05/2027) : il ne peut figurer dans la session CAP CLM que s’il n’obtient pas le Bac Pro (motif « N’obtiendra pas le Bac Pro ») ; il complétera alors sa fiche dès sa majorité.',
    ]);
    const moved = value(
      applyMoves(proposal, [{ pupilId: 'minor', to: 'CAP_CLM', reason: 'BAC_PRO_FAILURE' }]),
    );
    expect(placementOf(moved, 'minor')).toMatchObject({
      kind: 'CAP_CLM',
      basis: 'BAC_PRO_FAILURE',
    });
    expect(placementOf(moved, 'minor').warnings[0]).toContain('dès sa majorité, le 02/11/2027');
  });

  it('refuses a pupil without a licence in the CAP CLM session unless they will fail the Bac Pro', () => {
    expect(errorsOf(applyMoves(proposal, [{ pupilId: 'nolicence', to: 'CAP_CLM' }]))[0]).toContain(
      'Piéton Prénom n’a pas le permis',
    );
    const moved = value(
      applyMoves(proposal, [{ pupilId: 'nolicence', to: 'CAP_CLM', reason: 'BAC_PRO_FAILURE' }]),
    );
    expect(placementOf(moved, 'nolicence').warnings).toEqual([
      'Sans permis : il ne pourra compléter sa fiche qu’une fois titulaire du permis.',
    ]);
  });

  it('moves an adult with a licence to the Bac Pro session only if the CAP CLM was not obtained', () => {
    expect(errorsOf(applyMoves(proposal, [{ pupilId: 'adult', to: 'BAC_PRO' }]))[0]).toBe(
      'Adulte Prénom est majeur le 15/05/2027 (18 ans le 10/01/2026) et titulaire du permis : il relève de la session CAP CLM. Pour le placer dans la session Bac Pro, indiquez le motif « CAP CLM non obtenu » ou qu’il n’a pas le permis.',
    );
    const moved = value(
      applyMoves(proposal, [{ pupilId: 'adult', to: 'BAC_PRO', reason: 'CAP_CLM_NOT_OBTAINED' }]),
    );
    expect(placementOf(moved, 'adult')).toMatchObject({
      kind: 'BAC_PRO',
      basis: 'CAP_CLM_NOT_OBTAINED',
    });
  });

  it('refuses contradictory reasons, unknown and repeated pupils, all at once, changing nothing', () => {
    const errors = errorsOf(
      applyMoves(proposal, [
        { pupilId: 'late', to: 'CAP_CLM' }, // fine on its own
        { pupilId: 'adult', to: 'CAP_CLM', reason: 'CAP_CLM_NOT_OBTAINED' },
        { pupilId: 'minor', to: 'BAC_PRO', reason: 'BAC_PRO_FAILURE' },
        { pupilId: 'ghost', to: 'BAC_PRO' },
        { pupilId: 'late', to: 'BAC_PRO' },
      ]),
    );
    expect(errors).toEqual([
      'Adulte Prénom : un élève qui n’a pas obtenu le CAP CLM ne peut pas figurer dans la session CAP CLM.',
      'Mineur Prénom : un élève qui n’obtiendra pas le Bac Pro relève de la session CAP CLM, pas de la session Bac Pro.',
      'Aucun élève « ghost » dans cette classe.',
      'Tardif Prénom est déplacé deux fois : un seul déplacement par élève.',
    ]);
    expect(
      errorsOf(applyMoves(proposal, [{ pupilId: 'late', to: 'CAP' as unknown as 'CAP_CLM' }])),
    ).toEqual(['Tardif Prénom : session inconnue « CAP » (CAP CLM ou Bac Pro).']);
  });

  it('confirms a pupil in their session and can move them back', () => {
    const there = value(applyMoves(proposal, [{ pupilId: 'late', to: 'CAP_CLM' }]));
    const back = value(applyMoves(there, [{ pupilId: 'late', to: 'BAC_PRO' }]));
    expect(placementOf(back, 'late')).toMatchObject({
      kind: 'BAC_PRO',
      basis: 'MINOR_IN_MAY',
      setByUser: true,
    });
  });
});

describe('ficheSessionsOf', () => {
  function classOf(adults: number, minors: number): SplitProposal {
    const pupils: CampaignPupil[] = [];
    for (let i = 0; i < adults; i++)
      pupils.push(
        aPupil({
          id: `a${i}`,
          lastName: `A${String(i).padStart(2, '0')}`,
          birthDate: '2008-03-01',
        }),
      );
    for (let i = 0; i < minors; i++)
      pupils.push(
        aPupil({
          id: `m${i}`,
          lastName: `M${String(i).padStart(2, '0')}`,
          birthDate: '2009-09-01',
        }),
      );
    return value(proposeSplit(pupils, YEAR));
  }

  it('always gives one CAP CLM and one Bac Pro session, even when one is empty', () => {
    const sessions = ficheSessionsOf(classOf(0, 3));
    expect(sessions.map((s) => [s.label, s.placements.length])).toEqual([
      ['Session CAP CLM', 0],
      ['Session Bac Pro', 3],
    ]);
  });

  it('keeps 32 pupils in one session and cuts 33 into two balanced sessions', () => {
    expect(ficheSessionsOf(classOf(32, 0)).map((s) => s.placements.length)).toEqual([32, 0]);
    const sessions = ficheSessionsOf(classOf(5, 33));
    expect(sessions.map((s) => [s.label, s.placements.length])).toEqual([
      ['Session CAP CLM', 5],
      ['Session Bac Pro 1/2', 17],
      ['Session Bac Pro 2/2', 16],
    ]);
    expect(sessions[1].placements[0].pupil.lastName).toBe('M00');
    expect(sessions[2].placements[0].pupil.lastName).toBe('M17');
  });

  it('splits a class of 40 into its two kinds', () => {
    const sessions = ficheSessionsOf(classOf(12, 28));
    expect(sessions.map((s) => [s.kind, s.placements.length])).toEqual([
      ['CAP_CLM', 12],
      ['BAC_PRO', 28],
    ]);
  });
});

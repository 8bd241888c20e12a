import {
  UnknownSchoolError,
  buildCampaignDocumentInput,
  type CampaignDocumentSource,
} from './campaign-document-input.js';

const pupil = (
  id: string,
  lastName: string,
  birthDate: string,
  classId: string,
  extra: Partial<CampaignDocumentSource['pupils'][number]> = {},
): CampaignDocumentSource['pupils'][number] => ({
  id,
  classId,
  lastName,
  firstName: 'Prénom',
  birthDate,
  licenceHeld: true,
  capClmObtained: null,
  ficheSessionId: null,
  ...extra,
});

const source: CampaignDocumentSource = {
  campaign: { schoolYear: 2026, label: 'Campagne CQC par équivalence 2026-2027' },
  centreName: 'Délégation Occitanie',
  schools: [
    {
      id: 's1',
      name: 'LP Jean Moulin',
      city: 'Béziers',
      contactName: 'M. Roux',
      contactRole: 'Proviseur',
    },
    { id: 's2', name: 'LP Mermoz', city: 'Montpellier', contactName: null, contactRole: null },
  ],
  classes: [
    { id: 'c1', schoolId: 's1', name: 'Terminale CTRM' },
    { id: 'c2', schoolId: 's2', name: 'CAP CLM 2' },
  ],
  pupils: [
    pupil('p1', 'MARTIN', '2008-03-01', 'c1', { capClmObtained: true, ficheSessionId: 'f1' }),
    pupil('p2', 'DURAND', '2009-06-14', 'c1', { ficheSessionId: 'f2' }),
    pupil('p3', 'BERNARD', '2008-01-01', 'c1', { capClmObtained: false, ficheSessionId: 'f1' }),
    pupil('p4', 'AUBRY', '2008-05-05', 'c2', { capClmObtained: true }),
  ],
  ficheSessions: [
    { id: 'f1', classId: 'c1', label: 'Session CAP CLM — Terminale CTRM', kind: 'CAP_CLM' },
    { id: 'f2', classId: 'c1', label: 'Session Bac Pro — Terminale CTRM', kind: 'BAC_PRO' },
  ],
  fiches: [
    { ficheSessionId: 'f1', number: 1, pupilId: 'p3', status: 'ISSUED' },
    { ficheSessionId: 'f1', number: 2, pupilId: 'p1', status: 'VOIDED' },
    { ficheSessionId: 'f1', number: 3, pupilId: 'p1', status: 'ISSUED' },
    { ficheSessionId: 'f2', number: 1, pupilId: 'p2', status: 'ISSUED' },
  ],
  handovers: [{ pupilId: 'p1', cardReceivedOn: '2027-07-05', handedOverOn: '2027-07-08' }],
};

describe('buildCampaignDocumentInput', () => {
  it('lists a school’s CAP CLM laureates with their current fiche', () => {
    const input = buildCampaignDocumentInput('attestation-reussite', source, 's1', '2027-06-20');
    expect(input).toMatchObject({
      kind: 'attestation-reussite',
      centreName: 'Délégation Occitanie',
      school: { name: 'LP Jean Moulin', contactRole: 'Proviseur' },
      generatedOn: '2027-06-20',
    });
    if (input.kind !== 'attestation-reussite') throw new Error(input.kind);
    expect(input.laureates).toEqual([
      {
        lastName: 'MARTIN',
        firstName: 'Prénom',
        birthDate: '2008-03-01',
        className: 'Terminale CTRM',
        ficheNumber: 3,
        ficheSessionLabel: 'Session CAP CLM — Terminale CTRM',
      },
    ]);
    const all = buildCampaignDocumentInput('attestation-reussite', source, null, '2027-06-20');
    if (all.kind !== 'attestation-reussite') throw new Error(all.kind);
    expect(all.school).toBeNull();
    expect(all.laureates.map((p) => p.lastName)).toEqual(['AUBRY', 'MARTIN']);
  });

  it('puts the valid fiches in the envelope, voided numbers for the record, 30 May (a Sunday in 2027)', () => {
    const input = buildCampaignDocumentInput('bordereau-enveloppe', source, 's1', '2027-05-20');
    if (input.kind !== 'bordereau-enveloppe') throw new Error(input.kind);
    expect(
      input.ficheSessions.map((s) => [
        s.label,
        s.fiches.map((f) => [f.ficheNumber, f.lastName]),
        s.voidedNumbers,
      ]),
    ).toEqual([
      [
        'Session CAP CLM — Terminale CTRM',
        [
          [1, 'BERNARD'],
          [3, 'MARTIN'],
        ],
        [2],
      ],
      ['Session Bac Pro — Terminale CTRM', [[1, 'DURAND']], []],
    ]);
    expect(input.envelopeDeadline).toBe('2027-05-30');
    expect(input.envelopeDeadlineNote).toContain('tombe un week-end');
  });

  it('gives one hand-over row per pupil with the card’s dates', () => {
    const input = buildCampaignDocumentInput('remise-cqc', source, 's1', '2027-07-10');
    if (input.kind !== 'remise-cqc') throw new Error(input.kind);
    expect(input.pupils.map((p) => [p.lastName, p.cardReceivedOn, p.handedOverOn])).toEqual([
      ['BERNARD', null, null],
      ['DURAND', null, null],
      ['MARTIN', '2027-07-05', '2027-07-08'],
    ]);
  });

  it('lists the pupils still minors at mid-May with the day they turn 18', () => {
    const input = buildCampaignDocumentInput('eleves-majeurs', source, null, '2027-05-20');
    if (input.kind !== 'eleves-majeurs') throw new Error(input.kind);
    expect(input.entries.map((e) => [e.lastName, e.majorityDate])).toEqual([
      ['DURAND', '2027-06-14'],
    ]);
  });

  it('refuses a school of another campaign', () => {
    expect(() => buildCampaignDocumentInput('remise-cqc', source, 'nope', '2027-07-10')).toThrow(
      UnknownSchoolError,
    );
  });
});

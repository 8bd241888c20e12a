import {
  annualProgrammeApplies,
  annualProgrammeDueDate,
  OBLIGATION_SOURCES,
  centreObligations,
  obligationReminderStep,
  reminderYears,
  type CentreYearFacts,
} from './obligation-rules.js';

const CENTRE = '00000000-0000-4000-8000-000000000001';

function facts(overrides: Partial<CentreYearFacts> = {}): CentreYearFacts {
  return {
    centreId: CENTRE,
    year: 2027,
    today: '2027-01-10',
    region: 'METROPOLE',
    programme: null,
    hasSessionInYear: true,
    conventions: [],
    agrements: [],
    titres: [],
    ...overrides,
  };
}

describe('centreObligations', () => {
  it('moves a due date on a non-working day to the previous working day, for status and reminders', () => {
    // 31 January 2027 is a Sunday: the programme must reach the DREETS by Friday 29 January.
    const [programme] = centreObligations(facts({ today: '2027-01-29' }));
    expect(programme).toMatchObject({
      dueDate: '2027-01-31',
      workingDayFallback: '2027-01-29',
      status: 'todo',
    });
    expect(obligationReminderStep(programme!, '2027-01-29')).toBe('D7');
    const [late] = centreObligations(facts({ today: '2027-01-30' }));
    expect(late?.status).toBe('late');
    expect(obligationReminderStep(late!, '2027-01-30')).toBe('OVERDUE');
    // 31 January 2029 is a Wednesday: no fallback.
    const [weekday] = centreObligations(facts({ year: 2029, today: '2029-01-31' }));
    expect(weekday).toMatchObject({ workingDayFallback: null, status: 'todo' });
  });

  it('lists the annual programme due 31 January, to do, then late, then done when sent', () => {
    const [todo] = centreObligations(facts());
    expect(todo).toMatchObject({
      code: 'ANNUAL_PROGRAMME',
      dueDate: '2027-01-31',
      status: 'todo',
      doneOn: null,
      label:
        'Communiquer le programme annuel des sessions 2027 à l’autorité (DREETS) avant le 31 janvier',
    });
    expect(todo?.source.article).toContain('avant le 31 janvier');
    expect(centreObligations(facts({ today: '2027-02-01' }))[0]?.status).toBe('late');
    const done = centreObligations(
      facts({ today: '2027-02-01', programme: { sentOn: '2027-01-20' } }),
    );
    expect(done[0]).toMatchObject({ status: 'done', doneOn: '2027-01-20' });
    expect(annualProgrammeDueDate(2030)).toBe('2030-01-31');
  });

  it('lists the avenant of next year due 31 December, from the second year after signature', () => {
    const convention = {
      id: 'c1',
      providerId: 'p1',
      providerName: 'Forma Plus',
      signedOn: '2025-06-01',
      avenants: [],
    };
    // Signed in 2025: no avenant for 2026 (the year after), so none due in 2025.
    expect(
      centreObligations(facts({ year: 2025, conventions: [convention] })).map((o) => o.code),
    ).toEqual(['ANNUAL_PROGRAMME']);
    const list = centreObligations(
      facts({ year: 2026, today: '2026-12-01', conventions: [convention] }),
    );
    const avenant = list.find((o) => o.code === 'PROVIDER_AVENANT');
    expect(avenant).toMatchObject({
      key: 'PROVIDER_AVENANT:c1:2027',
      dueDate: '2026-12-31',
      status: 'todo',
      label:
        'Transmettre au préfet de région l’avenant 2027 de la convention avec Forma Plus (signée le 01/06/2025) avant le 1er janvier 2027',
    });
    expect(avenant?.source.date).toBe('2024-10-01');
    const late = centreObligations(
      facts({ year: 2026, today: '2027-01-02', conventions: [convention] }),
    ).find((o) => o.code === 'PROVIDER_AVENANT');
    expect(late?.status).toBe('late');
    const sent = centreObligations(
      facts({
        year: 2026,
        today: '2027-01-02',
        conventions: [{ ...convention, avenants: [{ year: 2027, sentToPrefectOn: '2026-12-15' }] }],
      }),
    ).find((o) => o.code === 'PROVIDER_AVENANT');
    expect(sent).toMatchObject({ status: 'done', doneOn: '2026-12-15' });
  });

  it('lists agrément and titre ends within the year as information, done once passed', () => {
    const list = centreObligations(
      facts({
        today: '2027-06-30',
        agrements: [
          {
            id: 'a1',
            validFrom: null,
            validUntil: '2027-06-30',
            titreId: 't1',
            titreCode: 'TP-00001',
            titreLabel: 'Agent de sûreté',
            siteName: 'Lyon',
            ccsCode: null,
          },
          {
            id: 'a2',
            validFrom: '2024-01-01',
            validUntil: '2028-01-01',
            titreId: 't1',
            titreCode: 'TP-00001',
            titreLabel: 'Agent de sûreté',
            siteName: 'Lyon',
            ccsCode: null,
          },
        ],
        titres: [
          {
            id: 't1',
            code: 'TP-00001',
            label: 'Agent de sûreté',
            version: '3',
            validUntil: '2027-03-31',
          },
        ],
      }),
    );
    expect(list.map((o) => [o.code, o.dueDate, o.status, o.information])).toEqual([
      ['ANNUAL_PROGRAMME', '2027-01-31', 'late', false],
      ['TITRE_VERSION_END', '2027-03-31', 'done', true],
      ['AGREMENT_END', '2027-06-30', 'todo', true],
    ]);
    expect(list[2]?.label).toBe(
      'Fin de l’agrément du titre TP-00001 (Agent de sûreté) sur le site Lyon le 30/06/2027',
    );
  });
});

describe('annual programme: only for a centre with something to programme', () => {
  const agrement = {
    id: 'a1',
    validFrom: '2025-03-01' as string | null,
    validUntil: '2027-02-28',
    titreId: 't1',
    titreCode: 'TP-00001',
    titreLabel: 'Agent de sûreté',
    siteName: 'Lyon',
    ccsCode: null,
  };
  const codes = (f: CentreYearFacts) => centreObligations(f).map((o) => o.code);

  it('is not due from a centre with neither agrément nor session in the year', () => {
    expect(codes(facts({ hasSessionInYear: false }))).toEqual([]);
    expect(annualProgrammeApplies(facts({ hasSessionInYear: false }))).toBe(false);
  });

  it('is due when a session starts in the year, even without agrément recorded', () => {
    expect(codes(facts({ hasSessionInYear: true }))).toEqual(['ANNUAL_PROGRAMME']);
  });

  it('is due when an agrément is valid during part of the year', () => {
    const valid = facts({ hasSessionInYear: false, agrements: [agrement] });
    expect(codes(valid)).toContain('ANNUAL_PROGRAMME');
    // Ended the year before, or starting the year after: nothing to programme.
    expect(
      annualProgrammeApplies(facts({ year: 2028, hasSessionInYear: false, agrements: [agrement] })),
    ).toBe(false);
    expect(
      annualProgrammeApplies(facts({ year: 2024, hasSessionInYear: false, agrements: [agrement] })),
    ).toBe(false);
    expect(
      annualProgrammeApplies(
        facts({
          year: 2024,
          hasSessionInYear: false,
          agrements: [{ ...agrement, validFrom: null }],
        }),
      ),
    ).toBe(true);
  });

  it('stays listed once recorded', () => {
    expect(codes(facts({ hasSessionInYear: false, programme: { sentOn: '2027-01-20' } }))).toEqual([
      'ANNUAL_PROGRAMME',
    ]);
  });
});

describe('ends of agréments and titre versions', () => {
  it('cite the arrêté’s silence on a renewal délai and its interpretation', () => {
    const list = centreObligations(
      facts({
        hasSessionInYear: false,
        agrements: [
          {
            id: 'a1',
            validFrom: null,
            validUntil: '2027-09-30',
            titreId: 't1',
            titreCode: 'TP-00001',
            titreLabel: 'Agent de sûreté',
            siteName: 'Lyon',
            ccsCode: null,
          },
        ],
      }),
    );
    expect(list.map((o) => o.code)).toEqual(['ANNUAL_PROGRAMME', 'AGREMENT_END']);
    expect(list[1]).toMatchObject({
      code: 'AGREMENT_END',
      information: true,
      link: { kind: 'agrement', id: 'a1', href: '/agrements#agrement-a1' },
      source: {
        text: OBLIGATION_SOURCES.AGREMENT_RENEWAL.text,
        article: 'Articles 1 et 2',
        interpretation: expect.stringContaining('6 mois, 3 mois et 1 mois'),
      },
    });
  });

  it('are reminded 6 months, 3 months and 1 month before, never after', () => {
    const end = { dueDate: '2027-09-30', status: 'todo' as const, information: true };
    expect(obligationReminderStep(end, '2027-03-29')).toBeNull();
    expect(obligationReminderStep(end, '2027-03-30')).toBe('M6');
    expect(obligationReminderStep(end, '2027-06-29')).toBe('M6');
    expect(obligationReminderStep(end, '2027-06-30')).toBe('M3');
    expect(obligationReminderStep(end, '2027-08-30')).toBe('M1');
    expect(obligationReminderStep(end, '2027-09-30')).toBe('M1');
    expect(obligationReminderStep({ ...end, status: 'done' }, '2027-10-01')).toBeNull();
    expect(obligationReminderStep(end, '2027-10-01')).toBeNull();
  });
});

describe('obligationReminderStep', () => {
  const due = { dueDate: '2027-01-31', status: 'todo' as const };
  it('reminds at 30 days, 7 days and once overdue, never when done', () => {
    expect(obligationReminderStep(due, '2026-12-31')).toBeNull();
    expect(obligationReminderStep(due, '2027-01-01')).toBe('D30');
    expect(obligationReminderStep(due, '2027-01-23')).toBe('D30');
    expect(obligationReminderStep(due, '2027-01-24')).toBe('D7');
    expect(obligationReminderStep(due, '2027-01-31')).toBe('D7');
    expect(obligationReminderStep({ ...due, status: 'late' }, '2027-02-01')).toBe('OVERDUE');
    expect(obligationReminderStep({ ...due, status: 'done' }, '2027-01-24')).toBeNull();
  });

  it('looks at next year once it is within 6 months (the first end reminder)', () => {
    expect(reminderYears('2026-06-30')).toEqual([2026]);
    expect(reminderYears('2026-07-01')).toEqual([2026, 2027]);
    expect(reminderYears('2026-12-02')).toEqual([2026, 2027]);
  });
});

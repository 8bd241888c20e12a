import { RESIT_PERIOD } from './certification-sources.js';
import {
  earliestListedSessionEnd,
  earliestOpenSessionEnd,
  isListedResit,
  resitSessionChoices,
  type ResitSessionOption,
} from './resits-list.js';

const item = {
  status: 'OPEN' as const,
  titreId: 't',
  sessionEndDate: '2027-06-18',
  deadline: '2028-06-18',
  missingCcpCodes: ['CCP2', 'CCP3'],
};

const session = (id: string, overrides: Partial<ResitSessionOption> = {}): ResitSessionOption => ({
  id,
  titreId: 't',
  nature: 'CCP',
  status: 'PLANNED',
  ccpCodes: ['CCP2'],
  startDate: '2027-11-08',
  endDate: '2027-11-09',
  ...overrides,
});

describe('the re-sit list', () => {
  it('reads the sessions ended within two periods (listed) or one (still open)', () => {
    expect(earliestListedSessionEnd('2028-03-18', RESIT_PERIOD)).toBe('2026-03-18');
    expect(earliestOpenSessionEnd('2028-03-18', RESIT_PERIOD)).toBe('2027-03-18');
  });

  it('shows open and planned re-sits, expired ones for one period after the deadline, never completed ones', () => {
    const today = '2028-07-01';
    expect(isListedResit({ status: 'OPEN', deadline: '2028-07-01' }, today, RESIT_PERIOD)).toBe(
      true,
    );
    expect(isListedResit({ status: 'PLANNED', deadline: '2028-08-01' }, today, RESIT_PERIOD)).toBe(
      true,
    );
    expect(isListedResit({ status: 'EXPIRED', deadline: '2027-07-01' }, today, RESIT_PERIOD)).toBe(
      true,
    );
    expect(isListedResit({ status: 'EXPIRED', deadline: '2027-06-30' }, today, RESIT_PERIOD)).toBe(
      false,
    );
    expect(
      isListedResit({ status: 'COMPLETED', deadline: '2028-08-01' }, today, RESIT_PERIOD),
    ).toBe(false);
  });
});

describe('resitSessionChoices', () => {
  const today = '2027-09-01';

  it('offers the CCP sessions of the titre covering a missing CCP, by the deadline, soonest first', () => {
    const choices = resitSessionChoices(
      item,
      [
        session('late-in-window', { startDate: '2028-06-18', endDate: '2028-06-19' }),
        session('soon', { startDate: '2027-10-04', ccpCodes: ['CCP1', 'CCP3'] }),
        session('after-deadline', { startDate: '2028-06-19', endDate: '2028-06-20' }),
        session('other-ccp', { ccpCodes: ['CCP1'] }),
        session('other-titre', { titreId: 'u' }),
        session('titre-session', { nature: 'TITRE', ccpCodes: [] }),
        session('cancelled', { status: 'CANCELLED' }),
        session('held', { status: 'HELD' }),
        session('postponed', { status: 'POSTPONED', startDate: '2027-12-06' }),
        session('started', { startDate: today }),
        session('before-opener', { startDate: '2027-06-18' }),
      ],
      today,
    );
    expect(choices.map((s) => s.id)).toEqual(['soon', 'postponed', 'late-in-window']);
  });

  it('offers nothing once a session is planned, or the re-sit expired or completed', () => {
    for (const status of ['PLANNED', 'EXPIRED', 'COMPLETED'] as const) {
      expect(resitSessionChoices({ ...item, status }, [session('s')], today)).toEqual([]);
    }
  });
});

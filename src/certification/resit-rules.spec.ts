import { RESIT_PERIOD } from './certification-sources.js';
import {
  dueResitReminder,
  reminderDate,
  RESIT_REMINDER_STEPS,
  resitDeadline,
  resitItem,
  sortResits,
  type ResitInput,
  type ResitItem,
} from './resit-rules.js';
import type { SessionAttempt } from './record-rules.js';
import { ccpSession, TITRE, titreSession } from './test-fixtures.js';

const PERSON = { id: 'p1', lastName: 'Lœvenbruck', firstName: 'Élodie' };

function input(sessions: SessionAttempt[]): ResitInput {
  return { person: PERSON, titreId: 'titre-1', titre: TITRE, sessions };
}

const partial = titreSession('t1', '2025-03-03', '2025-03-07', {
  CCP1: 'ACQUIRED',
  CCP2: 'NOT_ACQUIRED',
});

describe('resitDeadline', () => {
  it('is the end of the session + 1 year', () => {
    expect(resitDeadline('2025-03-07')).toBe('2026-03-07');
  });

  it('handles 29 February: 28 February of the next (common) year', () => {
    expect(resitDeadline('2024-02-29')).toBe('2025-02-28');
    expect(resitDeadline('2023-02-28')).toBe('2024-02-28');
    expect(resitDeadline('2027-02-28')).toBe('2028-02-28');
  });

  it('takes the period as data, overridable', () => {
    expect(RESIT_PERIOD.years).toBe(1);
    expect(RESIT_PERIOD.source.code).toBe('RESIT_ONE_YEAR');
    expect(resitDeadline('2024-02-29', { ...RESIT_PERIOD, years: 4 })).toBe('2028-02-29');
  });
});

describe('resitItem', () => {
  it('opens after a partial success: missing CCP, deadline end + 1 year, days left', () => {
    const item = resitItem(input([partial]), '2025-04-01');
    expect(item).toMatchObject({
      personId: 'p1',
      titreId: 'titre-1',
      titreCode: 'TP-ABC',
      sessionId: 't1',
      sessionEndDate: '2025-03-07',
      outcome: 'PARTIAL',
      missingCcpCodes: ['CCP2'],
      deadline: '2026-03-07',
      daysLeft: 340,
      status: 'OPEN',
      plannedSessionId: null,
    });
    expect(item?.source.code).toBe('RESIT_ONE_YEAR');
  });

  it('opens after a failure with every CCP missing', () => {
    const failure = titreSession('t1', '2025-03-03', '2025-03-07', {
      CCP1: 'NOT_ACQUIRED',
      CCP2: 'NOT_ACQUIRED',
    });
    expect(resitItem(input([failure]), '2025-04-01')).toMatchObject({
      outcome: 'FAILURE',
      missingCcpCodes: ['CCP1', 'CCP2'],
    });
  });

  it('is null without a failed or partly successful session', () => {
    expect(resitItem(input([]), '2025-04-01')).toBeNull();
    const success = titreSession('t1', '2025-03-03', '2025-03-07', {
      CCP1: 'ACQUIRED',
      CCP2: 'ACQUIRED',
    });
    expect(resitItem(input([success]), '2025-04-01')).toBeNull();
    expect(
      resitItem(input([titreSession('t1', '2025-03-03', '2025-03-07', {})]), '2025-04-01'),
    ).toBeNull();
  });

  it('is planned when enrolled in a later session covering a missing CCP, by the deadline', () => {
    const planned = ccpSession('c2', '2025-09-01', '2025-09-01', ['CCP2']);
    expect(resitItem(input([partial, planned]), '2025-04-01')).toMatchObject({
      status: 'PLANNED',
      plannedSessionId: 'c2',
    });
    // A session that does not cover the missing CCP, or starts after the deadline, does not count.
    const other = ccpSession('c1', '2025-09-01', '2025-09-01', ['CCP1']);
    expect(resitItem(input([partial, other]), '2025-04-01')?.status).toBe('OPEN');
    const tooLate = ccpSession('c3', '2026-03-08', '2026-03-08', ['CCP2']);
    expect(resitItem(input([partial, tooLate]), '2025-04-01')?.status).toBe('OPEN');
  });

  it('is completed once the missing CCP is acquired, and the titre with it', () => {
    const acquired = ccpSession('c2', '2025-09-01', '2025-09-01', ['CCP2'], { CCP2: 'ACQUIRED' });
    expect(resitItem(input([partial, acquired]), '2025-10-01')).toMatchObject({
      status: 'COMPLETED',
      missingCcpCodes: [],
    });
  });

  it('expires once the deadline has passed with a CCP still missing', () => {
    expect(resitItem(input([partial]), '2026-03-07')).toMatchObject({
      status: 'OPEN',
      daysLeft: 0,
    });
    expect(resitItem(input([partial]), '2026-03-08')).toMatchObject({
      status: 'EXPIRED',
      daysLeft: -1,
    });
  });

  it('keeps the deadline of the first failure when a re-sit within the year fails again', () => {
    const failedAgain = ccpSession('c2', '2025-09-01', '2025-09-01', ['CCP2'], {
      CCP2: 'NOT_ACQUIRED',
    });
    expect(resitItem(input([partial, failedAgain]), '2025-10-01')).toMatchObject({
      sessionId: 't1',
      deadline: '2026-03-07',
      status: 'OPEN',
      missingCcpCodes: ['CCP2'],
    });
  });

  it('opens a new window for a failure after the deadline', () => {
    const later = ccpSession('c2', '2026-06-01', '2026-06-02', ['CCP2'], { CCP2: 'NOT_ACQUIRED' });
    expect(resitItem(input([partial, later]), '2026-07-01')).toMatchObject({
      sessionId: 'c2',
      outcome: 'FAILURE',
      deadline: '2027-06-02',
      status: 'OPEN',
    });
  });

  it('counts the CCP acquired before: a TITRE session does not re-evaluate them', () => {
    const retry = titreSession('t2', '2026-06-01', '2026-06-05', { CCP2: 'NOT_ACQUIRED' });
    expect(resitItem(input([partial, retry]), '2026-07-01')).toMatchObject({
      sessionId: 't2',
      outcome: 'FAILURE',
      missingCcpCodes: ['CCP2'],
    });
  });

  it('takes the re-sit period as a parameter', () => {
    const item = resitItem(input([partial]), '2025-04-01', {
      period: { ...RESIT_PERIOD, years: 2 },
    });
    expect(item?.deadline).toBe('2027-03-07');
  });
});

describe('sortResits', () => {
  const item = (personId: string, lastName: string, deadline: string): ResitItem => ({
    personId,
    lastName,
    firstName: 'A',
    titreId: 't',
    titreCode: 'TP',
    sessionId: 's',
    sessionEndDate: '2025-01-01',
    outcome: 'PARTIAL',
    missingCcpCodes: ['CCP2'],
    deadline,
    daysLeft: 0,
    status: 'OPEN',
    plannedSessionId: null,
    source: RESIT_PERIOD.source,
  });

  it('puts the soonest deadline first, then orders by name in French', () => {
    const sorted = sortResits([
      item('1', 'Martin', '2026-05-01'),
      item('2', 'Zola', '2026-01-01'),
      item('3', 'Élie', '2026-05-01'),
    ]);
    expect(sorted.map((i) => i.personId)).toEqual(['2', '3', '1']);
  });
});

describe('dueResitReminder', () => {
  const open = { status: 'OPEN' as const, deadline: '2026-05-31' };

  it('falls 3 months, 1 month and 1 week before the deadline (clamped month ends)', () => {
    expect(RESIT_REMINDER_STEPS.map((s) => reminderDate('2026-05-31', s))).toEqual([
      '2026-02-28',
      '2026-04-30',
      '2026-05-24',
    ]);
  });

  it('returns the step due on a given day: none before the first, then the latest reached', () => {
    expect(dueResitReminder(open, '2026-02-27')).toBeNull();
    expect(dueResitReminder(open, '2026-02-28')?.code).toBe('THREE_MONTHS');
    expect(dueResitReminder(open, '2026-04-29')?.code).toBe('THREE_MONTHS');
    expect(dueResitReminder(open, '2026-04-30')?.code).toBe('ONE_MONTH');
    expect(dueResitReminder(open, '2026-05-24')?.code).toBe('ONE_WEEK');
    expect(dueResitReminder(open, '2026-05-31')?.code).toBe('ONE_WEEK');
    expect(dueResitReminder(open, '2026-06-01')).toBeNull();
  });

  it('says nothing when a session is planned, the re-sit completed or expired', () => {
    for (const status of ['PLANNED', 'COMPLETED', 'EXPIRED'] as const) {
      expect(dueResitReminder({ ...open, status }, '2026-05-24')).toBeNull();
    }
  });

  it('handles a deadline on 29 February', () => {
    const leap = { status: 'OPEN' as const, deadline: '2028-02-29' };
    expect(RESIT_REMINDER_STEPS.map((s) => reminderDate(leap.deadline, s))).toEqual([
      '2027-11-29',
      '2028-01-29',
      '2028-02-22',
    ]);
    expect(dueResitReminder(leap, '2028-02-22')?.label).toBe('1 semaine avant l’échéance');
  });
});

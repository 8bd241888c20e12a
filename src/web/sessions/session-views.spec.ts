import type { Finding } from '../../compliance/compliance-rules.js';
import { findingView, progressView, relativeDays, sessionRowView } from './session-views.js';

describe('session view models', () => {
  it('says how far a date is in French', () => {
    expect(relativeDays(0)).toBe('aujourd’hui');
    expect(relativeDays(1)).toBe('demain');
    expect(relativeDays(-1)).toBe('hier');
    expect(relativeDays(12)).toBe('dans 12 jours');
    expect(relativeDays(-3)).toBe('il y a 3 jours');
  });

  it('shows progress as a floored percentage with its counts', () => {
    expect(progressView(2, 3)).toEqual({ done: 2, total: 3, percent: 66, text: '66\u202f% (2/3)' });
    expect(progressView(0, 0).percent).toBe(100);
  });

  it('builds a home page row', () => {
    const row = sessionRowView(
      {
        id: 's1',
        centreName: 'Centre',
        siteName: 'Site',
        titreCode: 'CDA',
        titreLabel: 'Concepteur',
        nature: 'CCP',
        status: 'CANCELLED',
        startDate: '2027-06-14',
        endDate: '2027-06-14',
        managerFirstName: 'Zoé',
        managerLastName: 'Lefèvre',
        managerEmail: 'zoe@example.fr',
        counts: {
          total: 10,
          done: 5,
          regulatoryTotal: 4,
          regulatoryDone: 1,
          overdue: 2,
          nextDue: '2027-03-04',
        },
      },
      '2027-03-01',
    );
    expect(row).toMatchObject({
      href: '/sessions/s1',
      dates: '14/06/2027',
      manager: 'Zoé Lefèvre',
      nature: 'CCP',
      status: 'Annulée',
      cancelled: true,
      nextDue: '04/03/2027',
      nextDueHint: 'dans 3 jours',
      overdue: 2,
    });
    expect(row.regulatory.percent).toBe(25);
  });

  it('links each compliance finding to what fixes it', () => {
    const finding = (code: string, subject?: Finding['subject']): Finding => ({
      code,
      severity: 'blocking',
      message: 'm',
      ...(subject ? { subject } : {}),
    });
    const tasks = new Map([['PLAN_INFORM_UD_SESSION', 't1']]);
    expect(findingView('s', finding('JURY_MINIMUM'), tasks).fixHref).toBe('/sessions/s/jury');
    expect(
      findingView('s', finding('CANDIDATE_FILES', { type: 'candidate', id: 'c1' }), tasks).fixHref,
    ).toBe('/sessions/s/candidates#candidate-c1');
    expect(findingView('s', finding('UD_INFORMED'), tasks).fixHref).toBe('#task-t1');
    expect(findingView('s', finding('PV_SENT'), tasks).fixHref).toBe('/sessions/s');
    expect(findingView('s', finding('AGREMENT_VALID'), tasks).fixHref).toBe('/agrements');
  });
});

import type { CheckResult, ComplianceReport } from './compliance-rules.js';
import {
  isProvableOpenTask,
  PROVABLE_TASK_CODES,
  provenOpenTaskCodes,
  provenTaskCodes,
} from './proven-by-data.js';
import type { ExamSession } from '../sessions/exam-session.entity.js';

function check(code: string, taskCodes: string[], status: CheckResult['status']): CheckResult {
  return { code, label: code, taskCodes, status, findings: [], evidence: [] };
}

const report: ComplianceReport = {
  checks: [
    check('CANDIDATES_CONVENED', ['PACK_CONVENE_CANDIDATES'], 'pass'),
    check('JURY_MINIMUM', ['JURY_APPOINT'], 'pass'),
    check('JURY_NO_LINK', ['JURY_APPOINT'], 'pending'),
  ],
  blocking: [],
  warnings: [],
};

describe('tasks « vérifiées par les données »', () => {
  it('are the tasks whose every supporting check passes', () => {
    expect(provenTaskCodes(report, ['PACK_CONVENE_CANDIDATES', 'JURY_APPOINT', 'OTHER'])).toEqual(
      new Set(['PACK_CONVENE_CANDIDATES']),
    );
  });

  it('are only open tasks some check supports', () => {
    expect(PROVABLE_TASK_CODES.has('PACK_CONVENE_CANDIDATES')).toBe(true);
    expect(isProvableOpenTask({ code: 'PACK_CONVENE_CANDIDATES', status: 'todo' })).toBe(true);
    expect(isProvableOpenTask({ code: 'PACK_CONVENE_CANDIDATES', status: 'done' })).toBe(false);
    expect(isProvableOpenTask({ code: 'NO_SUCH_TASK', status: 'todo' })).toBe(false);
  });

  it('compute the compliance report only for a session with an open provable task', async () => {
    const session = { id: 's1' } as ExamSession;
    let evaluated = 0;
    const compliance = {
      evaluate: () => {
        evaluated += 1;
        return Promise.resolve(report);
      },
    };
    expect(
      await provenOpenTaskCodes(compliance, session, [
        { code: 'PACK_CONVENE_CANDIDATES', status: 'done' },
      ]),
    ).toEqual(new Set());
    expect(evaluated).toBe(0);
    expect(
      await provenOpenTaskCodes(compliance, session, [
        { code: 'PACK_CONVENE_CANDIDATES', status: 'todo' },
        { code: 'NO_SUCH_TASK', status: 'todo' },
      ]),
    ).toEqual(new Set(['PACK_CONVENE_CANDIDATES']));
    expect(evaluated).toBe(1);
  });
});

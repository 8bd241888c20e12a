/**
 * « Vérifiée par les données »: an open task whose every supporting compliance check passes is
 * shown as such, never counted late nor pending, and never reminded. One definition for the
 * iCalendar feeds and the dashboard calendar.
 */
import type { ExamSession } from '../sessions/exam-session.entity.js';
import {
  COMPLIANCE_CHECKS,
  complianceChecksByTask,
  isVerifiedByData,
  type ComplianceReport,
} from './compliance-rules.js';

/** The tasks some compliance check supports: only they can be « vérifiées par les données ». */
export const PROVABLE_TASK_CODES: ReadonlySet<string> = new Set(
  COMPLIANCE_CHECKS.flatMap((check) => check.taskCodes),
);

/** An open task (to do) some compliance check supports. */
export function isProvableOpenTask(task: { code: string; status: string }): boolean {
  return task.status === 'todo' && PROVABLE_TASK_CODES.has(task.code);
}

/** The codes, among `codes`, whose every supporting check passes in the report. */
export function provenTaskCodes(report: ComplianceReport, codes: Iterable<string>): Set<string> {
  const checks = complianceChecksByTask(report);
  return new Set([...codes].filter((code) => isVerifiedByData(checks.get(code))));
}

/** What computes a session's compliance report (`ComplianceService`). */
export interface ComplianceEvaluator {
  evaluate(session: ExamSession): Promise<ComplianceReport>;
}

/**
 * The codes of the session's open tasks « vérifiées par les données ». The compliance report is
 * computed only for a session with an open task some check supports (with the stored ticks, the
 * tasks marked not applicable included).
 */
export async function provenOpenTaskCodes(
  compliance: ComplianceEvaluator,
  session: ExamSession,
  tasks: readonly { code: string; status: string }[],
): Promise<Set<string>> {
  const open = tasks.filter(isProvableOpenTask).map((t) => t.code);
  if (open.length === 0) return new Set();
  return provenTaskCodes(await compliance.evaluate(session), open);
}

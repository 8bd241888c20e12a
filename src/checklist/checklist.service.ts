import { ConflictException, Injectable, type OnModuleInit } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffFields, type Changes } from '../audit/audit-diff.js';
import { Candidate } from '../candidates/candidate.entity.js';
import type { CalendarDate } from '../common/calendar-date.js';
import type { Caller } from '../common/caller.js';
import { Clock } from '../common/clock.js';
import { notFound, staleWrite } from '../common/errors.js';
import { FieldErrorsException, refuseFieldErrors } from '../common/validation/field-errors.js';
import { complianceChecksByTask, isVerifiedByData } from '../compliance/compliance-rules.js';
import { ComplianceService } from '../compliance/compliance.service.js';
import { updateIfUnchanged } from '../database/optimistic-update.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { DEFAULT_REGION } from '../common/french-holidays.js';
import { SessionEvents } from '../sessions/session-events.js';
import { SessionsService } from '../sessions/sessions.service.js';
import {
  checklistProgress,
  comparePhasePosition,
  type ChecklistProgress,
} from './checklist-progress.js';
import { PHASE_CODES, type PhaseCode } from './checklist-template.js';
import { ChecklistTemplates } from './checklist-templates.js';
import type { UpdateTaskDto } from './dto/update-task.dto.js';
import type { UpgradeChecklistDto } from './dto/upgrade-checklist.dto.js';
import { SessionTask } from './session-task.entity.js';
import {
  isConditionalTask,
  isTaskApplicable,
  sessionFacts,
  type SessionFacts,
} from './task-applicability.js';
import { snapshotTemplate, taskContent, taskDue, type SessionDates } from './task-snapshot.js';
import { failingChecksError, nextTick, TICK_FIELDS, type TickFields } from './task-tick.js';
import { bulkCompleteErrors, bulkTick, unknownTasksError } from './bulk-complete.js';
import type { BulkCompleteTasksDto } from './dto/bulk-complete.dto.js';
import { toTaskView, type TaskView, type TaskViewContext } from './task-view.js';
import { planTemplateUpgrade, upgradeTargetError } from './template-upgrade.js';
import { Database } from '../database/database.js';

export interface ChecklistSummary extends ChecklistProgress {
  sessionId: string;
  today: CalendarDate;
  /** The template version the session's tasks come from. */
  templateVersion: number;
  latestTemplateVersion: number | null;
  upgradeAvailable: boolean;
}

export interface BulkCompleteResult {
  /** Tasks ticked (or moved to the new date) by this request: one audit entry each. */
  ticked: number;
  /** Selected tasks already done on that date: left as they were. */
  unchanged: number;
  tasks: TaskView[];
}

export interface ChecklistUpgradeResult extends ChecklistSummary {
  upgrade: {
    from: number;
    to: number;
    added: string[];
    removed: string[];
    /** Tasks kept under the same code whose label or flags changed: their tick was cleared. */
    reset: string[];
  };
}

const UNTICKED: TickFields = {
  status: 'todo',
  doneAt: null,
  doneBy: null,
  doneByEmail: null,
  observations: '',
  reason: '',
};

function hasTick(task: TickFields): boolean {
  return task.status !== 'todo' || task.observations !== '' || task.reason !== '';
}

/** The session's dates and its centre's region (the public holidays of its due dates). */
async function datesOf(m: EntityManager, session: ExamSession): Promise<SessionDates> {
  const centre = await m
    .getRepository(Centre)
    .findOne({ select: { id: true, region: true }, where: { id: session.centreId } });
  return {
    startDate: session.startDate,
    endDate: session.endDate,
    region: centre?.region ?? DEFAULT_REGION,
  };
}

@Injectable()
export class ChecklistService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly events: SessionEvents,
    private readonly compliance: ComplianceService,
    private readonly templates: ChecklistTemplates,
  ) {}

  onModuleInit(): void {
    this.events.onCreated((m, caller, session) => this.snapshot(m, caller, session));
    this.events.onDatesChanged((m, caller, session) => this.recomputeDueDates(m, caller, session));
  }

  /** Copies the latest template into the new session's tasks (inside its creation). */
  async snapshot(m: EntityManager, caller: Caller, session: ExamSession): Promise<void> {
    const template = this.templates.latest();
    const now = this.clock.nowIso();
    const dates = await datesOf(m, session);
    const rows = snapshotTemplate(template, dates).map((row) => ({
      ...row,
      ...UNTICKED,
      sessionId: session.id,
      updatedAt: now,
    }));
    await m.getRepository(SessionTask).insert(rows);
    await this.setChecklistVersion(m, session.id, template.version);
    await this.audit.record(m, caller, {
      sessionId: session.id,
      centreId: session.centreId,
      entity: 'checklist',
      entityId: session.id,
      action: 'create',
      snapshot: { templateVersion: template.version, tasks: rows.length },
    });
  }

  /** New due dates for the tasks still to do after the session's dates changed. */
  async recomputeDueDates(m: EntityManager, caller: Caller, session: ExamSession): Promise<void> {
    const open = await m
      .getRepository(SessionTask)
      .find({ where: { sessionId: session.id, status: 'todo' } });
    const now = this.clock.nowIso();
    const changes: Changes = {};
    const dates = await datesOf(m, session);
    for (const task of open.sort(comparePhasePosition)) {
      const due = taskDue(task.dueRule, dates);
      if (
        due.dueDate === task.dueDate &&
        due.dueKind === task.dueKind &&
        due.workingDayFallback === task.workingDayFallback
      ) {
        continue;
      }
      await m.getRepository(SessionTask).update({ id: task.id }, { ...due, updatedAt: now });
      if (due.dueDate !== task.dueDate) {
        changes[task.code] = { before: task.dueDate, after: due.dueDate };
      }
    }
    if (Object.keys(changes).length === 0) return;
    await this.audit.record(m, caller, {
      sessionId: session.id,
      centreId: session.centreId,
      entity: 'session_task',
      entityId: session.id,
      action: 'recompute',
      changes,
    });
  }

  async list(caller: Caller, sessionId: string): Promise<TaskView[]> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    const tasks = await this.tasksOf(sessionId);
    const ctx = await this.viewContext(session, tasks);
    return tasks.map((task) => toTaskView(task, ctx));
  }

  async summary(caller: Caller, sessionId: string): Promise<ChecklistSummary> {
    const session = await this.sessions.findForCaller(caller, sessionId);
    return this.summarize(session, await this.tasksOf(sessionId));
  }

  async tick(
    caller: Caller,
    sessionId: string,
    taskId: string,
    dto: UpdateTaskDto,
  ): Promise<TaskView> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'sa liste de contrôle ne peut plus être modifiée',
    );
    const tasks = await this.tasksOf(sessionId);
    const current = tasks.find((t) => t.id === taskId);
    if (!current) throw notFound('Tâche');
    if (dto.version !== current.version) throw staleWrite('La tâche');

    const outcome = nextTick(
      current,
      dto,
      { userId: caller.userId, email: caller.email },
      this.clock.today(),
    );
    if (!outcome.ok) throw new FieldErrorsException(outcome.errors);
    const tick = outcome.tick;
    if (
      tick.status === 'done' &&
      tick.reason.trim() === '' &&
      (current.status !== 'done' || dto.reason !== undefined)
    ) {
      // Evaluated as if the tick were made: ticking a deadline task can itself satisfy its check.
      const report = await this.compliance.evaluate(
        session,
        tasks.map((t) => (t.id === taskId ? { ...t, ...tick } : t)),
      );
      const failing = (complianceChecksByTask(report).get(current.code) ?? []).filter(
        (check) => check.status === 'fail',
      );
      if (failing.length > 0) throw new FieldErrorsException([failingChecksError(failing)]);
    }

    const changes = diffFields(current, tick, TICK_FIELDS);
    if (Object.keys(changes).length > 0) {
      await this.db.transaction(async (m) => {
        await updateIfUnchanged(
          m,
          SessionTask,
          current,
          { ...tick, updatedAt: this.clock.nowIso() },
          'La tâche',
        );
        await this.audit.record(m, caller, {
          sessionId,
          centreId: session.centreId,
          entity: 'session_task',
          entityId: taskId,
          action: 'tick',
          changes,
        });
      });
    }
    const updated = await this.tasksOf(sessionId);
    const ctx = await this.viewContext(session, updated);
    const task = updated.find((t) => t.id === taskId);
    if (!task) throw notFound('Tâche');
    return toTaskView(task, ctx);
  }

  /**
   * Ticks several tasks done on one date, all or nothing: each task changed is saved and audited
   * as if ticked on its own; a task already done on that date is left alone. A concurrent change
   * to a selected task makes the whole request start again once from the new state, so that two
   * identical requests tick (and audit) each task once.
   */
  async bulkComplete(
    caller: Caller,
    sessionId: string,
    dto: BulkCompleteTasksDto,
  ): Promise<BulkCompleteResult> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'sa liste de contrôle ne peut plus être modifiée',
    );
    const today = this.clock.today();
    const taskIds = dto.taskIds;
    refuseFieldErrors(bulkCompleteErrors({ taskIds, doneAt: dto.doneAt }, today));
    const doneAt = dto.doneAt as CalendarDate;
    const author = { userId: caller.userId, email: caller.email };
    for (let attempt = 1; ; attempt++) {
      const tasks = await this.tasksOf(sessionId);
      refuseFieldErrors([
        unknownTasksError(
          taskIds,
          tasks.map((t) => t.id),
        ),
      ]);
      const selected = new Set(taskIds);
      const ticks = new Map<string, TickFields>();
      for (const task of tasks) {
        if (!selected.has(task.id)) continue;
        const tick = bulkTick(task, doneAt, author, today);
        if (tick) ticks.set(task.id, tick);
      }
      // As for one tick: a task newly done whose supporting checks fail needs a reason, which a
      // bulk tick does not take; the checks are evaluated as if every tick were made.
      const newlyDone = tasks.filter((t) => ticks.has(t.id) && t.status !== 'done');
      if (newlyDone.length > 0) {
        const report = await this.compliance.evaluate(
          session,
          tasks.map((t) => ({ ...t, ...(ticks.get(t.id) ?? {}) })),
        );
        const checks = complianceChecksByTask(report);
        const failing = newlyDone.filter((t) =>
          (checks.get(t.code) ?? []).some((check) => check.status === 'fail'),
        );
        if (failing.length > 0) {
          throw new FieldErrorsException([
            {
              field: 'taskIds',
              message: `Un contrôle de conformité échoue pour : ${failing.map((t) => `« ${t.label} »`).join(', ')}. Cochez ces tâches une par une en indiquant le motif, ou retirez-les de la sélection (rien n’a été enregistré).`,
            },
          ]);
        }
      }
      try {
        await this.db.transaction(async (m) => {
          const now = this.clock.nowIso();
          for (const task of tasks) {
            const tick = ticks.get(task.id);
            if (!tick) continue;
            await updateIfUnchanged(m, SessionTask, task, { ...tick, updatedAt: now }, 'La tâche');
            await this.audit.record(m, caller, {
              sessionId,
              centreId: session.centreId,
              entity: 'session_task',
              entityId: task.id,
              action: 'tick',
              changes: diffFields(task, tick, TICK_FIELDS),
            });
          }
        });
      } catch (error) {
        if (error instanceof ConflictException && attempt === 1) continue;
        throw error;
      }
      const updated = await this.tasksOf(sessionId);
      const ctx = await this.viewContext(session, updated);
      return {
        ticked: ticks.size,
        unchanged: taskIds.length - ticks.size,
        tasks: updated.filter((t) => selected.has(t.id)).map((t) => toTaskView(t, ctx)),
      };
    }
  }

  /** Moves the session's checklist to a newer template version, keeping what can be kept. */
  async upgrade(
    caller: Caller,
    sessionId: string,
    dto: UpgradeChecklistDto,
  ): Promise<ChecklistUpgradeResult> {
    const session = await this.sessions.findWritable(
      caller,
      sessionId,
      'sa liste de contrôle ne peut plus être modifiée',
    );
    const from = session.checklistVersion;
    refuseFieldErrors([upgradeTargetError(from, dto.version, this.templates.versions())]);
    const template = this.templates.get(dto.version);

    const upgrade = await this.db.transaction(async (m) => {
      const claimed = await m
        .createQueryBuilder()
        .update(ExamSession)
        .set({ checklistVersion: template.version, version: () => this.escape(m, 'version') })
        .where({ id: sessionId, checklistVersion: from })
        .execute();
      if (claimed.affected !== 1) throw staleWrite('La liste de contrôle');

      const repo = m.getRepository(SessionTask);
      const plan = planTemplateUpgrade(await repo.find({ where: { sessionId } }), template);
      const now = this.clock.nowIso();
      const dates = await datesOf(m, session);
      const reset: SessionTask[] = [];
      for (const { task, next, keepTick } of plan.keep) {
        const content = taskContent(template, next);
        const tick: Partial<TickFields> = keepTick ? {} : UNTICKED;
        if (!keepTick && hasTick(task)) reset.push(task);
        const status = keepTick ? task.status : 'todo';
        const due = status === 'todo' ? taskDue(content.dueRule, dates) : {};
        await repo.update({ id: task.id }, { ...content, ...tick, ...due, updatedAt: now });
      }
      if (plan.add.length > 0) {
        await repo.insert(
          plan.add.map((next) => {
            const content = taskContent(template, next);
            return {
              ...content,
              ...taskDue(content.dueRule, dates),
              ...UNTICKED,
              sessionId,
              updatedAt: now,
            };
          }),
        );
      }
      if (plan.remove.length > 0) {
        await repo.delete({ id: In(plan.remove.map((t) => t.id)) });
      }

      const added = plan.add.map((t) => t.code);
      const removed = plan.remove.map((t) => t.code);
      const resetCodes = reset.map((t) => t.code);
      const summary: Changes = { checklistVersion: { before: from, after: template.version } };
      if (added.length > 0) summary.addedTasks = { before: null, after: added };
      if (removed.length > 0) summary.removedTasks = { before: removed, after: null };
      if (resetCodes.length > 0) summary.resetTasks = { before: resetCodes, after: null };
      const base = { sessionId, centreId: session.centreId, action: 'upgrade' };
      await this.audit.record(m, caller, {
        ...base,
        entity: 'checklist',
        entityId: sessionId,
        changes: summary,
      });
      for (const task of plan.remove) {
        await this.audit.record(m, caller, {
          ...base,
          entity: 'session_task',
          entityId: task.id,
          changes: { task: { before: tickSnapshot(task), after: null } },
        });
      }
      for (const task of reset) {
        const next = template.tasks.find((t) => t.code === task.code);
        await this.audit.record(m, caller, {
          ...base,
          entity: 'session_task',
          entityId: task.id,
          changes: {
            ...diffFields(task, { label: next?.label ?? task.label }, ['label']),
            ...diffFields(task, UNTICKED, TICK_FIELDS),
          },
        });
      }
      return { from, to: template.version, added, removed, reset: resetCodes };
    });

    const updated = await this.sessions.findForCaller(caller, sessionId);
    return { ...(await this.summarize(updated, await this.tasksOf(sessionId))), upgrade };
  }

  private async tasksOf(sessionId: string): Promise<SessionTask[]> {
    const tasks = await this.db.read((m) =>
      m.getRepository(SessionTask).find({ where: { sessionId } }),
    );
    return tasks.sort(comparePhasePosition);
  }

  private async facts(session: ExamSession): Promise<SessionFacts> {
    const candidates = await this.db.read((m) =>
      m.getRepository(Candidate).find({
        where: { sessionId: session.id },
        select: { id: true, pathway: true, accommodationRequested: true },
      }),
    );
    return sessionFacts(session.nature, candidates);
  }

  /** Phase labels of the session's template version (the latest one if its file is gone). */
  private phases(version: number): { code: PhaseCode; label: string }[] {
    const template =
      this.templates.find(version) ??
      (this.templates.latestVersion() === null ? null : this.templates.latest());
    const labels = new Map(template?.phases.map((p) => [p.code, p.label]) ?? []);
    return PHASE_CODES.map((code) => ({ code, label: labels.get(code) ?? code }));
  }

  private async viewContext(session: ExamSession, tasks: SessionTask[]): Promise<TaskViewContext> {
    const [facts, report, dates] = await Promise.all([
      this.facts(session),
      this.compliance.evaluate(session, tasks),
      this.db.read((m) => datesOf(m, session)),
    ]);
    return {
      region: dates.region,
      today: this.clock.today(),
      facts,
      phaseLabels: new Map(this.phases(session.checklistVersion).map((p) => [p.code, p.label])),
      checksByTask: complianceChecksByTask(report),
    };
  }

  private async summarize(session: ExamSession, tasks: SessionTask[]): Promise<ChecklistSummary> {
    const [facts, report] = await Promise.all([
      this.facts(session),
      this.compliance.evaluate(session, tasks),
    ]);
    const checksByTask = complianceChecksByTask(report);
    const today = this.clock.today();
    const latest = this.templates.latestVersion();
    const progress = checklistProgress(
      tasks.map((task) => ({
        ...task,
        applicable: isTaskApplicable(task.applicability, facts),
        conditional: isConditionalTask(task.applicability),
        provenByData: isVerifiedByData(checksByTask.get(task.code)),
      })),
      today,
      this.phases(session.checklistVersion),
    );
    return {
      sessionId: session.id,
      today,
      templateVersion: session.checklistVersion,
      latestTemplateVersion: latest,
      upgradeAvailable: latest !== null && latest > session.checklistVersion,
      ...progress,
    };
  }

  /** Records the template version without bumping the session's own version. */
  private async setChecklistVersion(
    m: EntityManager,
    sessionId: string,
    checklistVersion: number,
  ): Promise<void> {
    await m
      .createQueryBuilder()
      .update(ExamSession)
      .set({ checklistVersion, version: () => this.escape(m, 'version') })
      .where({ id: sessionId })
      .execute();
  }

  private escape(m: EntityManager, column: string): string {
    return m.dataSource.driver.escape(column);
  }
}

function tickSnapshot(task: SessionTask): Record<string, unknown> {
  return {
    code: task.code,
    label: task.label,
    status: task.status,
    doneAt: task.doneAt,
    doneBy: task.doneBy,
    doneByEmail: task.doneByEmail,
    observations: task.observations,
    reason: task.reason,
  };
}

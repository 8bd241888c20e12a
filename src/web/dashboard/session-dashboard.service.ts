import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { JournalService, parseJournalFilter } from '../../audit/journal.service.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { notFound } from '../../common/errors.js';
import { ChecklistService } from '../../checklist/checklist.service.js';
import { UpdateTaskDto } from '../../checklist/dto/update-task.dto.js';
import type { TaskCoreView } from '../../checklist/task-view.js';
import { DocumentsService } from '../../documents/documents.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { prolongationEnd } from '../../certification/prolongation-rules.js';
import { SESSION_STATUSES } from '../../sessions/exam-session.entity.js';
import {
  addFieldErrors,
  errorsFromException,
  EXPIRED_FORM,
  FORM_ERROR,
  validateForm,
  text,
  texts,
  wellFormedDate,
  type FieldErrors,
  type FormBody,
} from '../forms/form-input.js';
import { labelOf } from '../forms/field-labels.js';
import { bulkCompleteErrors } from '../../checklist/bulk-complete.js';
import { BulkCompleteTasksDto } from '../../checklist/dto/bulk-complete.dto.js';
import {
  CHECKLIST_FILTER_LABELS,
  filterLinks,
  matchesFilter,
  type ChecklistFilter,
} from './checklist-filter.js';
import { SessionListQuery } from '../queries/session-list.query.js';
import {
  SessionPageQuery,
  type SessionHeader,
  type SessionPageData,
} from '../queries/session-page.query.js';
import {
  pagination,
  parseSessionListParams,
  sessionListHref,
  sortHeader,
  SESSION_SORTS,
  type SessionListParams,
} from '../sessions/session-list-params.js';
import {
  findingView,
  frDate,
  progressView,
  sessionRowView,
  taskRowView,
  type TaskRowView,
} from '../sessions/session-views.js';
import { personLabel, SESSION_NATURE_LABELS, SESSION_STATUS_LABELS } from '../views/labels.js';
import { journalPageView } from './audit-view.js';
import { documentGroups } from './session-documents.js';
import {
  conflictInput,
  statusOf,
  TASK_FORM_LABELS,
  taskInput,
  taskPatch,
  taskRuleErrors,
} from './task-form.js';
import { TaskRowHtml, type RowPieces } from './task-row-html.js';
import { Database } from '../../database/database.js';
import { sessionSummaryView } from '../forms/session-summary.js';

export interface TickOutcome {
  status: number;
  row: TaskRowView;
}

export interface SessionSummaryView {
  id: string;
  title: string;
  titreLabel: string;
  dates: string;
  status: string;
  cancelled: boolean;
  editable: boolean;
  /** The titre, or one of its CCP, gives the CQC: the « CQC » tab is shown. */
  cqc: boolean;
}

/**
 * Builds the view models of the sessions pages from the read queries and the domain services;
 * knows nothing of HTTP beyond the status a refused tick answers with.
 */
@Injectable()
export class SessionDashboard {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly list: SessionListQuery,
    private readonly page: SessionPageQuery,
    private readonly checklist: ChecklistService,
    private readonly journal: JournalService,
    private readonly documents: DocumentsService,
    private readonly taskRows: TaskRowHtml,
  ) {}

  async listPage(caller: Caller, query: Record<string, unknown>): Promise<object> {
    const { params, errors } = parseSessionListParams(query);
    const today = this.clock.today();
    const result = await this.list.list(caller, params, today);
    const views = [
      { key: 'all', label: 'Toutes les sessions' },
      { key: 'mine', label: 'Mes sessions' },
      { key: 'late', label: 'En retard d’abord' },
    ] as const;
    const option = (value: string, label: string, current: string | null) => ({
      value,
      label,
      selected: value === current,
    });
    return {
      today: frDate(today),
      errors,
      params,
      views: views.map((v) => ({
        label: v.label,
        href: sessionListHref(params, { view: v.key, page: 1, ...defaultSortFor(v.key) }),
        current: params.view === v.key,
      })),
      columns: Object.fromEntries(SESSION_SORTS.map((key) => [key, sortHeader(params, key)])),
      rows: result.rows.map((row) => sessionRowView(row, today)),
      pagination: pagination(params, result.total),
      // « Exporter en CSV »: the same filters, view and sort, every page.
      csvHref: sessionListHref(params, { page: 1 }).replace(/^\/sessions/, '/exports/sessions.csv'),
      filters: {
        centres: result.choices.centres.map((c) => option(c.id, c.name, params.centreId)),
        sites: result.choices.sites.map((s) =>
          option(
            s.id,
            result.choices.centres.length > 1 ? `${s.name} (${s.centreName})` : s.name,
            params.siteId,
          ),
        ),
        titres: result.choices.titres.map((t) =>
          option(t.id, `${t.code} — ${t.label} (${t.version})`, params.titreId),
        ),
        statuses: SESSION_STATUSES.map((s) => option(s, SESSION_STATUS_LABELS[s], params.status)),
        from: params.from ?? '',
        to: params.to ?? '',
        view: params.view === 'all' ? '' : params.view,
        sort: params.sort,
        dir: params.dir,
        active: hasFilters(params),
      },
      canCreate: caller.role !== 'viewer',
    };
  }

  async sessionPage(
    caller: Caller,
    id: string,
    replaced?: TaskRowView,
    options: { filter?: ChecklistFilter; bulk?: BulkTickState } = {},
  ): Promise<SessionPageModel> {
    const data = await this.page.load(caller, id);
    const summary = this.summary(caller, data.session, data.header);
    const taskIds = new Map(data.tasks.map((t) => [t.code, t.id]));
    const context = { sessionId: id, today: data.today, editable: summary.editable };
    const filter = options.filter ?? 'toutes';
    const shown = data.tasks.map((task) => matchesFilter(task, filter));
    const rows = data.tasks.map((task, i) =>
      !shown[i]
        ? []
        : replaced && replaced.id === task.id
          ? this.taskRows.render(replaced)
          : this.taskRows.row(task, context, data.shownRecently),
    );
    const shownCount = shown.filter(Boolean).length;
    const bulk = options.bulk ?? { errors: {}, doneAt: data.today };
    const counters = this.countersOf(data);
    return {
      title: summary.title,
      session: summary,
      tab: 'checklist',
      header: headerView(data.session, data.header),
      progress: counters.progress,
      filters: filterLinks(id, filter),
      filtered: filter !== 'toutes',
      shownText: `${shownCount} tâche${shownCount > 1 ? 's' : ''} sur ${data.tasks.length} (filtre « ${CHECKLIST_FILTER_LABELS[filter]} »).`,
      bulk: {
        failed: Object.keys(bulk.errors).length > 0,
        errors: Object.values(bulk.errors),
        doneAtError: bulk.errors.doneAt !== undefined,
        doneAt: bulk.doneAt,
        max: data.today,
      },
      blocking: data.compliance.blocking.map((f) => findingView(id, f, taskIds)),
      warnings: data.compliance.warnings.map((f) => findingView(id, f, taskIds)),
      phases: counters.phases
        .map((phase) => ({
          ...phase,
          anchor: `phase-${phase.code}`,
          rows: rows.filter((_row, i) => shown[i] && data.tasks[i].phase === phase.code),
        }))
        .filter((phase) => phase.rows.length > 0),
      today: frDate(data.today),
    };
  }

  /** The checklist's counters as they stand, for the out-of-band swap after a tick. */
  async counters(caller: Caller, id: string): Promise<ChecklistCounters> {
    return this.countersOf(await this.page.load(caller, id));
  }

  /**
   * Ticks several tasks with one date from the session page's bulk form: the DTO's and the rules'
   * messages at once, then the service (all or nothing); the form's errors when refused.
   */
  async bulkComplete(
    caller: Caller,
    sessionId: string,
    body: FormBody,
  ): Promise<{ ok: true } | { ok: false; status: number; state: BulkTickState }> {
    const plain = { taskIds: texts(body, 'taskIds'), doneAt: text(body, 'doneAt').trim() };
    const state = (errors: FieldErrors, status = 400) => ({
      ok: false as const,
      status,
      state: { errors, doneAt: plain.doneAt },
    });
    const validated = await validateForm(BulkCompleteTasksDto, plain, BULK_TICK_LABELS);
    const errors: FieldErrors = { ...(validated.errors ?? {}) };
    addFieldErrors(
      errors,
      bulkCompleteErrors(
        { taskIds: plain.taskIds, doneAt: wellFormedDate(plain.doneAt) },
        this.clock.today(),
      ),
      BULK_TICK_LABELS,
    );
    if (!validated.dto || Object.keys(errors).length > 0) return state(errors);
    try {
      await this.checklist.bulkComplete(caller, sessionId, validated.dto);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      if (error.getStatus() === HttpStatus.NOT_FOUND || error.getStatus() === 403) throw error;
      return state(errorsFromException(error, BULK_TICK_LABELS), error.getStatus());
    }
  }

  private countersOf(data: SessionPageData): ChecklistCounters {
    const phaseProgress = new Map(data.progress.progress.byPhase.map((p) => [p.phase, p]));
    return {
      progress: {
        overall: progressView(
          data.progress.progress.overall.done,
          data.progress.progress.overall.total,
        ),
        regulatory: progressView(
          data.progress.progress.regulatory.done,
          data.progress.progress.regulatory.total,
        ),
        overdue: data.progress.counts.overdue,
        dueSoon: data.progress.counts.dueWithin14Days,
        next: data.progress.nextDeadline
          ? {
              label: data.progress.nextDeadline.label,
              date: frDate(data.progress.nextDeadline.dueDate),
              href: `#task-${data.progress.nextDeadline.taskId}`,
            }
          : null,
      },
      phases: data.phases.map((phase) => {
        const p = phaseProgress.get(phase.code);
        return {
          code: phase.code,
          label: phase.label,
          progress: p ? progressView(p.overall.done, p.overall.total).text : '',
        };
      }),
    };
  }

  async tick(
    caller: Caller,
    sessionId: string,
    taskId: string,
    body: FormBody,
  ): Promise<TickOutcome> {
    const input = taskInput(body);
    const patch = taskPatch(body);
    const validated = await validateForm(UpdateTaskDto, patch, TASK_FORM_LABELS);
    // The tick's rules needing no database are checked with the DTO: every message at once.
    const errors: FieldErrors = { ...(validated.errors ?? {}) };
    addFieldErrors(errors, taskRuleErrors(patch, this.clock.today()), TASK_FORM_LABELS);
    if (errors.version !== undefined || patch.version === undefined) {
      // The hidden version is missing or altered: nothing is saved, the row is shown again.
      delete errors.version;
      errors[FORM_ERROR] = EXPIRED_FORM;
    }
    if (!validated.dto || Object.keys(errors).length > 0) {
      const current = await this.currentTask(caller, sessionId, taskId);
      return this.refused(caller, sessionId, current, 400, Object.values(errors).join(' '), input);
    }
    try {
      const task = await this.checklist.tick(caller, sessionId, taskId, validated.dto);
      const ok = statusOf(input) === 'todo' ? 'Enregistré : tâche à faire.' : 'Enregistré.';
      return {
        status: 200,
        row: taskRowView(sessionId, task, this.clock.today(), {
          editable: true,
          message: { kind: 'ok', text: ok },
        }),
      };
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const status = error.getStatus();
      if (status !== HttpStatus.BAD_REQUEST && status !== HttpStatus.CONFLICT) throw error;
      const current = await this.currentTask(caller, sessionId, taskId);
      if (status === HttpStatus.CONFLICT && current.version !== validated.dto.version) {
        // The typed values stay in the form (with the current version, to save them once merged)
        // and the other person's saved values are shown beside them: nothing typed is lost.
        const who = current.doneByEmail ? ` (dernière action : ${current.doneByEmail})` : '';
        return this.refused(
          caller,
          sessionId,
          current,
          409,
          conflictMessage(who),
          conflictInput(input, current, this.clock.today()),
          current,
        );
      }
      return this.refused(
        caller,
        sessionId,
        current,
        status,
        Object.values(errorsFromException(error, TASK_FORM_LABELS)).join(' '),
        status === HttpStatus.BAD_REQUEST ? input : null,
      );
    }
  }

  async documentsPage(
    caller: Caller,
    id: string,
  ): Promise<{ title: string; [key: string]: unknown }> {
    const { session, header } = await this.page.header(caller, id);
    const links = await this.documents.list(caller, id);
    const summary = this.summary(caller, session, header);
    return {
      title: `Documents — ${summary.title}`,
      session: summary,
      tab: 'documents',
      ...documentGroups(links),
    };
  }

  async auditPage(
    caller: Caller,
    id: string,
    query: Record<string, unknown> = {},
  ): Promise<{ title: string; [key: string]: unknown }> {
    const { session, header } = await this.page.header(caller, id);
    const journal = await this.journal.journal(id, parseJournalFilter(query));
    const summary = this.summary(caller, session, header);
    return {
      title: `Journal — ${summary.title}`,
      session: summary,
      tab: 'audit',
      ...journalPageView(id, journal),
    };
  }

  private summary(caller: Caller, session: ExamSession, header: SessionHeader): SessionSummaryView {
    return sessionSummaryView(caller, session, header);
  }

  private async currentTask(
    caller: Caller,
    sessionId: string,
    taskId: string,
  ): Promise<TaskCoreView> {
    const task = (await this.checklist.list(caller, sessionId)).find((t) => t.id === taskId);
    if (!task) throw notFound('Tâche');
    return task;
  }

  private async refused(
    caller: Caller,
    sessionId: string,
    task: TaskCoreView,
    status: number,
    message: string,
    input: ReturnType<typeof taskInput> | null,
    conflict: TaskCoreView | null = null,
  ): Promise<TickOutcome> {
    const { session } = await this.page.header(caller, sessionId);
    const editable = session.status !== 'CANCELLED' && canWriteCentre(caller, session.centreId);
    return {
      status,
      row: taskRowView(sessionId, task, this.clock.today(), {
        editable,
        message: { kind: 'error', text: message },
        input,
        conflict,
      }),
    };
  }
}

/** The message of an edit conflict on a task (`who`: « par … » or empty). */
export function conflictMessage(who: string): string {
  return `Cette tâche a été modifiée entre-temps par quelqu’un d’autre${who} : votre saisie n’a pas été enregistrée. Votre texte est conservé dans le formulaire, à côté de la version enregistrée : fusionnez-les puis enregistrez.`;
}

/** The bulk tick form as sent back after a refusal. */
export interface BulkTickState {
  errors: FieldErrors;
  doneAt: string;
}

export interface ChecklistCounters {
  progress: object;
  phases: { code: string; label: string; progress: string }[];
}

const BULK_TICK_LABELS = labelOf({ taskIds: 'Tâches sélectionnées', doneAt: 'Fait le' });

export interface SessionPageModel {
  title: string;
  session: SessionSummaryView;
  tab: string;
  header: ReturnType<typeof headerView>;
  progress: object;
  filters: object[];
  filtered: boolean;
  shownText: string;
  bulk: object;
  blocking: object[];
  warnings: object[];
  phases: PhaseView[];
  today: string;
}

export interface PhaseView {
  code: string;
  label: string;
  anchor: string;
  progress: string;
  /** The phase's rows, still without the caller's CSRF token (`TaskRowHtml.withToken`). */
  rows: RowPieces[];
}

function defaultSortFor(view: SessionListParams['view']): Partial<SessionListParams> {
  return view === 'late' ? { sort: 'overdue', dir: 'desc' } : { sort: 'start', dir: 'asc' };
}

function hasFilters(params: SessionListParams): boolean {
  return [
    params.centreId,
    params.siteId,
    params.titreId,
    params.status,
    params.from,
    params.to,
  ].some((v) => v !== null);
}

function person(first: string | null, last: string | null, email: string | null): string {
  return email === null ? 'Non désigné' : personLabel({ firstName: first, lastName: last, email });
}

export function headerView(session: ExamSession, header: SessionHeader) {
  return {
    centre: header.centreName,
    site: header.siteCity ? `${header.siteName} (${header.siteCity})` : header.siteName,
    titre: header.titreLabel,
    sigle: header.titreCode,
    millesime: header.titreVersion,
    titreValidity: `jusqu’au ${frDate(header.titreValidUntil)}, délai de prolongation jusqu’au ${frDate(
      prolongationEnd({
        validUntil: header.titreValidUntil,
        prolongationUntil: header.titreProlongationUntil,
      }),
    )}`,
    ceresCreatedOn: session.ceresCreatedOn ? frDate(session.ceresCreatedOn) : 'Non renseignée',
    nature: SESSION_NATURE_LABELS[session.nature],
    ccp: session.ccpCodes.length > 0 ? session.ccpCodes.join(', ') : '—',
    startDate: frDate(session.startDate),
    endDate: frDate(session.endDate),
    startTime: session.startTime,
    location: session.location || '—',
    formationCount: header.formationCount,
    vaeCount: header.vaeCount,
    livretCount: header.livretCount,
    manager: person(header.managerFirstName, header.managerLastName, header.managerEmail),
    deputy: person(header.deputyFirstName, header.deputyLastName, header.deputyEmail),
    status: SESSION_STATUS_LABELS[session.status],
    cancelReason: session.cancelReason,
  };
}

import { TemplateRenderer } from '../../common/template-renderer.js';
import type { TaskCoreView } from '../../checklist/task-view.js';
import { taskRowView } from '../sessions/session-views.js';
import { TaskRowHtml, type TaskRowContext } from './task-row-html.js';

const SESSION_ID = '8b0b7f5e-4f6a-4d8e-9a57-2d9f1f0c1a11';

function aTask(overrides: Partial<TaskCoreView> = {}): TaskCoreView {
  return {
    id: '3f9a1c2e-0b7d-4c55-8f1e-6a2b9d0e4c77',
    code: 'PLAN_INFORM_UD_SESSION',
    phase: 'PLAN',
    phaseLabel: 'Programmation',
    position: 1,
    parentCode: null,
    label: 'Informer l’UD de la session',
    items: ['Courriel à l’UD', 'Copie au dossier'],
    regulatory: true,
    advised: false,
    obligation: false,
    dueDate: '2027-03-10',
    dueKind: 'regulatory',
    dueKindLabel: 'Échéance réglementaire',
    workingDayFallback: null,
    applicability: 'ALWAYS',
    applicabilityLabel: 'Toutes les sessions',
    applicable: true,
    conditional: false,
    status: 'todo',
    statusLabel: 'À faire',
    doneAt: null,
    doneBy: null,
    doneByEmail: null,
    observations: '',
    reason: '',
    overdue: false,
    daysLeft: 9,
    verifiedByData: null,
    provenByData: false,
    version: 1,
    ...overrides,
  };
}

describe('TaskRowHtml', () => {
  const views = new TemplateRenderer();
  views.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const context: TaskRowContext = { sessionId: SESSION_ID, today: '2027-03-01', editable: true };
  const html = (rows: TaskRowHtml, task: TaskCoreView, csrf: string, ctx = context): string =>
    Buffer.concat(rows.withToken([rows.row(task, ctx)], csrf)).toString();
  const direct = (task: TaskCoreView, csrf: string, ctx = context): string =>
    views.render('views/partials/task-row.hbs', {
      task: taskRowView(ctx.sessionId, task, ctx.today, { editable: ctx.editable }),
      csrf,
    });

  it('gives the HTML the row template gives, with each caller’s token in it', () => {
    const rows = new TaskRowHtml(views);
    const task = aTask();
    expect(html(rows, task, 'jeton-a')).toBe(direct(task, 'jeton-a'));
    expect(html(rows, task, 'jeton-b')).toBe(direct(task, 'jeton-b'));
    expect(html(rows, task, 'jeton-b')).toContain('name="_csrf" value="jeton-b"');
  });

  it('reuses the row of the same view in the same context, and follows every change', () => {
    const rows = new TaskRowHtml(views);
    const task = aTask();
    const first = rows.row(task, context);
    expect(rows.row(task, { ...context })).toBe(first);
    // Not the same view: made again, even if equal.
    expect(rows.row(aTask(), context)).not.toBe(first);
    const changes: [TaskCoreView, TaskRowContext][] = [
      [aTask({ observations: 'Envoyé <par courrier>' }), context],
      [aTask({ items: ['Courriel à l’UD'] }), context],
      [aTask({ status: 'done', statusLabel: 'Fait', doneAt: '2027-03-01' }), context],
      [task, { ...context, today: '2027-03-12' }],
      [task, { ...context, editable: false }],
      [task, { ...context, sessionId: '0c1d5e7a-9b2f-4e63-8a41-5f7d2c9e0b34' }],
    ];
    for (const [changed, ctx] of changes) {
      expect(html(rows, changed, 'jeton', ctx)).toBe(direct(changed, 'jeton', ctx));
    }
    expect(html(rows, task, 'jeton', { ...context, editable: false })).not.toContain('<form');
  });

  it('keeps no new row when told not to', () => {
    const rows = new TaskRowHtml(views);
    const task = aTask();
    const once = rows.row(task, context, false);
    expect(rows.row(task, context, false)).not.toBe(once);
    const kept = rows.row(task, context);
    expect(rows.row(task, context, false)).toBe(kept);
  });

  it('escapes the token like the template would', () => {
    const rows = new TaskRowHtml(views);
    expect(html(rows, aTask(), 'a"b<c')).toContain('value="a&quot;b&lt;c"');
  });

  it('renders a row with its own message (a refused tick) as the template does', () => {
    const rows = new TaskRowHtml(views);
    const view = taskRowView(SESSION_ID, aTask(), '2027-03-01', {
      editable: true,
      message: { kind: 'error', text: '« Motif » est obligatoire.' },
    });
    const own = Buffer.concat(rows.withToken([rows.render(view)], 'jeton')).toString();
    expect(own).toBe(views.render('views/partials/task-row.hbs', { task: view, csrf: 'jeton' }));
    expect(own).toContain('role="alert"');
  });
});

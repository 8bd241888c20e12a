import { loadChecklistTemplate } from './checklist-template.js';
import { snapshotTemplate, taskContent } from './task-snapshot.js';

describe('task snapshot', () => {
  const template = loadChecklistTemplate();
  const session = { startDate: '2027-05-31', endDate: '2027-06-04' };

  it('snapshots every task of the guide with its due date', () => {
    const rows = snapshotTemplate(template, session);
    expect(rows).toHaveLength(template.tasks.length);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('PLAN_ANNUAL_PROGRAMME')).toMatchObject({
      templateVersion: 1,
      phase: 'PLAN',
      position: 1,
      dueDate: '2027-01-31',
      dueKind: 'regulatory',
      workingDayFallback: '2027-01-29',
    });
    expect(byCode.get('PLAN_INFORM_UD_SESSION')).toMatchObject({
      dueDate: '2027-02-28',
      workingDayFallback: '2027-02-26',
    });
    expect(byCode.get('PACK_CONVENE_CANDIDATES')).toMatchObject({
      dueDate: '2027-04-30',
      workingDayFallback: null,
    });
    expect(byCode.get('PACK_PLI_NOT_RECEIVED')).toMatchObject({
      dueDate: '2027-05-03',
      dueKind: 'advised',
    });
    expect(byCode.get('AFTER_SEND_PV_UD')).toMatchObject({ dueDate: '2027-06-19' });
  });

  it("resolves a task without its own rule to its phase's default", () => {
    const task = template.tasks.find((t) => t.code === 'DAY_CHECK_TWO_JURORS');
    if (!task) throw new Error('tâche absente du modèle');
    const content = taskContent(template, task);
    expect(content.dueRule).toEqual({ anchor: 'START', kind: 'phase' });
    expect(content).toMatchObject({
      code: 'DAY_CHECK_TWO_JURORS',
      parentCode: null,
      regulatory: true,
      applicability: 'ALWAYS',
      notes: '',
    });
    expect(content.sourceText).toBe(task.sourceText);
  });
});

import { RESIT_PERIOD } from '../certification/certification-sources.js';
import type { ChecklistTemplate, TemplateTask } from './checklist-template.js';
import {
  planTemplateUpgrade,
  upgradeTargetError,
  type UpgradeableTask,
} from './template-upgrade.js';

function templateTask(code: string, overrides: Partial<TemplateTask> = {}): TemplateTask {
  return {
    code,
    phase: 'PLAN',
    order: 1,
    label: `Libellé ${code}`,
    items: [],
    regulatory: true,
    advised: false,
    due: null,
    applicability: 'ALWAYS',
    parentCode: null,
    sourceText: code,
    references: [],
    ...overrides,
  };
}

function existing(code: string, overrides: Partial<UpgradeableTask> = {}): UpgradeableTask {
  return {
    code,
    label: `Libellé ${code}`,
    regulatory: true,
    advised: false,
    status: 'done',
    sourceText: code,
    applicability: 'ALWAYS',
    ...overrides,
  };
}

const template = (tasks: TemplateTask[]): ChecklistTemplate => ({
  version: 2,
  title: 'Guide',
  source: 'test',
  effectiveFrom: '2027-01-01',
  rules: { resitPeriod: RESIT_PERIOD },
  phases: [],
  references: [],
  tasks,
});

describe('template upgrade plan', () => {
  it('keeps, adds and removes tasks by code', () => {
    const plan = planTemplateUpgrade(
      [existing('PLAN_A'), existing('PLAN_B'), existing('PLAN_GONE')],
      template([templateTask('PLAN_A'), templateTask('PLAN_B'), templateTask('PLAN_NEW')]),
    );
    expect(plan.keep.map((k) => [k.task.code, k.keepTick])).toEqual([
      ['PLAN_A', true],
      ['PLAN_B', true],
    ]);
    expect(plan.add.map((t) => t.code)).toEqual(['PLAN_NEW']);
    expect(plan.remove.map((t) => t.code)).toEqual(['PLAN_GONE']);
  });

  it('drops the tick of a task whose label or flags changed', () => {
    const plan = planTemplateUpgrade(
      [existing('PLAN_LABEL'), existing('PLAN_FLAG'), existing('PLAN_ITEMS')],
      template([
        templateTask('PLAN_LABEL', { label: 'Nouveau libellé', sourceText: 'Autre ligne' }),
        templateTask('PLAN_FLAG', { advised: true }),
        templateTask('PLAN_ITEMS', { items: ['un nouveau point'], order: 9 }),
      ]),
    );
    expect(Object.fromEntries(plan.keep.map((k) => [k.task.code, k.keepTick]))).toEqual({
      PLAN_LABEL: false,
      PLAN_FLAG: false,
      PLAN_ITEMS: true,
    });
  });

  it('keeps the tick of a reworded label of the same guide row, unless it applies differently', () => {
    const plan = planTemplateUpgrade(
      [existing('PLAN_REWORDED'), existing('PLAN_NOW_ALWAYS', { applicability: 'INCIDENT' })],
      template([
        templateTask('PLAN_REWORDED', { label: 'Libellé complété' }),
        templateTask('PLAN_NOW_ALWAYS', { label: 'Vérification datée' }),
      ]),
    );
    expect(Object.fromEntries(plan.keep.map((k) => [k.task.code, k.keepTick]))).toEqual({
      PLAN_REWORDED: true,
      PLAN_NOW_ALWAYS: false,
    });
  });

  it('refuses the same, an older or an unknown version', () => {
    expect(upgradeTargetError(1, 2, [1, 2])).toBeNull();
    expect(upgradeTargetError(2, 2, [1, 2])?.message).toContain('plus récente');
    expect(upgradeTargetError(2, 1, [1, 2])?.field).toBe('version');
    expect(upgradeTargetError(2, 1, [1, 2])?.message).toContain('plus récente');
    expect(upgradeTargetError(1, 3, [1, 2])?.message).toBe(
      'Le champ « version » désigne un modèle de liste de contrôle inconnu (3) ; versions disponibles : 1, 2.',
    );
  });
});

/** How a session's checklist moves to a newer template version. */
import type { FieldError } from '../common/validation/field-errors.js';
import type { Applicability, ChecklistTemplate, TemplateTask } from './checklist-template.js';
import type { TaskStatus } from './session-task.entity.js';

export interface UpgradeableTask {
  code: string;
  label: string;
  regulatory: boolean;
  advised: boolean;
  status: TaskStatus;
  /** The guide row the task was transcribed from. */
  sourceText: string;
  applicability: Applicability;
}

export interface KeptTask<T> {
  task: T;
  next: TemplateTask;
  /** The same task (see isSameTask): the tick (status, date, author, observations, reason) is kept. */
  keepTick: boolean;
}

export interface UpgradePlan<T> {
  keep: KeptTask<T>[];
  add: TemplateTask[];
  remove: T[];
}

/**
 * The same task in both versions: same réglementaire / conseil flags, and the same label, or a
 * reworded label of the same guide row that applies to the same sessions (a completed title, the
 * administration's current name): what was done stays done.
 */
export function isSameTask(task: UpgradeableTask, next: TemplateTask): boolean {
  if (task.regulatory !== next.regulatory || task.advised !== next.advised) return false;
  if (task.label === next.label) return true;
  return task.sourceText === next.sourceText && task.applicability === next.applicability;
}

export function planTemplateUpgrade<T extends UpgradeableTask>(
  existing: readonly T[],
  template: ChecklistTemplate,
): UpgradePlan<T> {
  const nextByCode = new Map(template.tasks.map((t) => [t.code, t]));
  const existingCodes = new Set(existing.map((t) => t.code));
  const keep: KeptTask<T>[] = [];
  const remove: T[] = [];
  for (const task of existing) {
    const next = nextByCode.get(task.code);
    if (next) keep.push({ task, next, keepTick: isSameTask(task, next) });
    else remove.push(task);
  }
  const add = template.tasks.filter((t) => !existingCodes.has(t.code));
  return { keep, add, remove };
}

/** Why a requested version cannot be used (the field and a French message), or null when it can. */
export function upgradeTargetError(
  current: number,
  requested: number,
  available: readonly number[],
): FieldError | null {
  if (!available.includes(requested)) {
    return {
      field: 'version',
      message: `Le champ « version » désigne un modèle de liste de contrôle inconnu (${requested}) ; versions disponibles : ${available.join(', ') || 'aucune'}.`,
    };
  }
  if (requested <= current) {
    return {
      field: 'version',
      message: `Le champ « version » doit désigner une version plus récente que la version actuelle de la liste de contrôle (${current}).`,
    };
  }
  return null;
}

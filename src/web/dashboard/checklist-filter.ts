/** The checklist's filters on the session page (`?filtre=`): plain functions of the task views. */
import type { TaskCoreView } from '../../checklist/task-view.js';

export const CHECKLIST_FILTERS = ['toutes', 'a-faire', 'en-retard', 'reglementaires'] as const;
export type ChecklistFilter = (typeof CHECKLIST_FILTERS)[number];

export const CHECKLIST_FILTER_LABELS: Readonly<Record<ChecklistFilter, string>> = {
  toutes: 'Toutes',
  'a-faire': 'À faire',
  'en-retard': 'En retard',
  reglementaires: 'Réglementaires',
};

/** The filter asked for; anything else (absent, repeated, unknown) shows every task. */
export function parseChecklistFilter(value: unknown): ChecklistFilter {
  return CHECKLIST_FILTERS.find((f) => f === value) ?? 'toutes';
}

type FilteredTask = Pick<
  TaskCoreView,
  'status' | 'overdue' | 'regulatory' | 'obligation' | 'applicable' | 'conditional'
>;

/**
 * « à faire »: still to do and concerning the session; « en retard »: past its deadline (as the
 * counters count it); « réglementaires »: required by the guide or by the agrément.
 */
export function matchesFilter(task: FilteredTask, filter: ChecklistFilter): boolean {
  switch (filter) {
    case 'toutes':
      return true;
    case 'a-faire':
      return task.status === 'todo' && task.applicable;
    case 'en-retard':
      return task.overdue;
    case 'reglementaires':
      return task.regulatory || task.obligation;
  }
}

/** The filter links, the current one marked. */
export function filterLinks(
  sessionId: string,
  current: ChecklistFilter,
): { key: ChecklistFilter; label: string; href: string; current: boolean }[] {
  return CHECKLIST_FILTERS.map((key) => ({
    key,
    label: CHECKLIST_FILTER_LABELS[key],
    href:
      key === 'toutes'
        ? `/sessions/${sessionId}#liste`
        : `/sessions/${sessionId}?filtre=${key}#liste`,
    current: key === current,
  }));
}

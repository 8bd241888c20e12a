export type Changes = Record<string, { before: unknown; after: unknown }>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields among `fields` whose value differs between `before` and `after`. */
export function diffFields<T extends object>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const next = after[field];
    if (next === undefined) continue;
    if (!same(before[field], next)) changes[field] = { before: before[field], after: next };
  }
  return changes;
}

/**
 * The French answer to a row refused by one of an entity's unique keys (a unique index, or a
 * primary key the application chooses), declared next to the key on the entity:
 *
 *     @Index(['code', 'version'], { unique: true })
 *     @UniqueKeyMessage({
 *       columns: ['code', 'version'],
 *       fields: ['code', 'version'],
 *       message: 'Ce titre existe déjà dans cette version (champs « code » et « version »).',
 *     })
 *
 * `columns` are the key's properties, as in `@Index`; `fields` the request's fields it concerns
 * (named in `message` as « field », so that the forms attach the message to them).
 */
export interface UniqueKeyMessageSpec {
  columns: readonly string[];
  fields: readonly string[];
  message: string;
}

const registry = new WeakMap<object, UniqueKeyMessageSpec[]>();

export function UniqueKeyMessage(spec: UniqueKeyMessageSpec): ClassDecorator {
  return (target) => {
    registry.set(target, [...(registry.get(target) ?? []), spec]);
  };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');
}

/** The message declared for these properties of an entity class, if any. */
export function uniqueKeyMessage(
  target: object,
  columns: readonly string[],
): UniqueKeyMessageSpec | undefined {
  return registry.get(target)?.find((spec) => sameColumns(spec.columns, columns));
}

/** Every message declared on an entity class. */
export function uniqueKeyMessages(target: object): readonly UniqueKeyMessageSpec[] {
  return registry.get(target) ?? [];
}

/** ['code', 'version'] → `champs « code » et « version »`. */
export function fieldList(fields: readonly string[]): string {
  const quoted = fields.map((field) => `« ${field} »`);
  if (quoted.length <= 1) return `champ ${quoted.join('')}`;
  return `champs ${quoted.slice(0, -1).join(', ')} et ${quoted[quoted.length - 1]}`;
}

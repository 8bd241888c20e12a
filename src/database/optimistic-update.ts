import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { staleWrite } from '../common/errors.js';

/**
 * Writes `values` only if the row still has the version that was read, and bumps the version;
 * otherwise answers 409 and writes nothing (optimistic concurrency).
 */
export async function updateIfUnchanged<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  current: { id: string; version: number },
  values: QueryDeepPartialEntity<T>,
  what: string,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(target)
    .set({ ...values, version: current.version + 1 } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (result.affected !== 1) throw staleWrite(what);
}

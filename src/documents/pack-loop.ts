import { RenderCancelledError } from './render-queue.js';

/**
 * Maps `items` with at most `limit` calls of `fn` in flight, and the results in the items' order.
 * Nothing new starts once `signal` has aborted (RenderCancelledError) or a call has failed (the
 * first error); either way it settles only when the calls already started have, so that nothing of the
 * loop still runs after it.
 */
export async function mapInFlight<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`Nombre de documents en parallèle invalide : ${limit}.`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let stopped = false;
  let failure = null as { error: unknown } | null; // set by the workers
  const worker = async (): Promise<void> => {
    while (!stopped && next < items.length) {
      if (signal?.aborted) {
        stopped = true;
        failure ??= { error: new RenderCancelledError() };
        return;
      }
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        stopped = true;
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}

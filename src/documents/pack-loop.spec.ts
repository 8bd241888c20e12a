import { mapInFlight } from './pack-loop.js';
import { RenderCancelledError } from './render-queue.js';

const settle = () => new Promise((r) => setImmediate(r));

describe('mapInFlight', () => {
  it('keeps at most `limit` calls in flight and the results in the items’ order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapInFlight([30, 5, 20, 1, 10, 2], 3, async (ms, index) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, ms));
      inFlight--;
      return `${index}:${ms}`;
    });
    expect(results).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
    expect(peak).toBe(3);
    expect(await mapInFlight([], 3, () => Promise.resolve(1))).toEqual([]);
  });

  it('starts nothing more once the signal aborts, and settles after the calls in flight', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const finished: number[] = [];
    const gates: (() => void)[] = [];
    const loop = mapInFlight(
      Array.from({ length: 70 }, (_, i) => i),
      2,
      async (item) => {
        started.push(item);
        await new Promise<void>((r) => gates.push(r));
        finished.push(item);
        return item;
      },
      controller.signal,
    );
    let settled = false;
    loop.catch(() => undefined).finally(() => (settled = true));
    await settle();
    gates.shift()?.();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    controller.abort();
    await settle();
    expect(settled).toBe(false); // 1 and 2 are still being rendered
    for (const open of gates.splice(0)) open();
    await expect(loop).rejects.toBeInstanceOf(RenderCancelledError);
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort()).toEqual([0, 1, 2]);
  });

  it('stops at the first failure and rejects with it', async () => {
    const started: number[] = [];
    await expect(
      mapInFlight([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await settle();
        if (item === 1) throw new Error('Chromium indisponible');
        return item;
      }),
    ).rejects.toThrow('Chromium indisponible');
    expect(started).toEqual([0, 1, 2]);
  });

  it('refuses a limit that is not a positive integer', async () => {
    await expect(mapInFlight([1], 0, () => Promise.resolve(1))).rejects.toThrow(RangeError);
  });
});

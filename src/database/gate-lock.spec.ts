import { GateLock } from './gate-lock.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GateLock', () => {
  it('lets readers share the lock', async () => {
    const lock = new GateLock();
    const hold = deferred();
    let inside = 0;
    let most = 0;
    const reader = () =>
      lock.shared(async () => {
        inside += 1;
        most = Math.max(most, inside);
        await hold.promise;
        inside -= 1;
      });
    const all = Promise.all([reader(), reader(), reader()]);
    await tick();
    expect(most).toBe(3);
    hold.resolve();
    await all;
    expect(lock.pending).toBe(0);
  });

  it('keeps readers out while a writer holds it, and the writer out while readers do', async () => {
    const lock = new GateLock();
    const events: string[] = [];
    const holdWriter = deferred();
    const writer = lock.exclusive(async () => {
      events.push('write:start');
      await holdWriter.promise;
      events.push('write:end');
    });
    const reader = lock.shared(async () => {
      events.push('read');
    });
    await tick();
    expect(events).toEqual(['write:start']);
    holdWriter.resolve();
    await Promise.all([writer, reader]);
    expect(events).toEqual(['write:start', 'write:end', 'read']);

    const holdReader = deferred();
    const longRead = lock.shared(() => holdReader.promise.then(() => events.push('long read')));
    const secondWriter = lock.exclusive(async () => {
      events.push('second write');
    });
    await tick();
    expect(events.at(-1)).toBe('read');
    holdReader.resolve();
    await Promise.all([longRead, secondWriter]);
    expect(events.slice(-2)).toEqual(['long read', 'second write']);
  });

  it('serves in arrival order: a reader arriving after a waiting writer waits behind it', async () => {
    const lock = new GateLock();
    const order: string[] = [];
    const hold = deferred();
    const first = lock.shared(() => hold.promise.then(() => order.push('r1')));
    const writer = lock.exclusive(async () => {
      order.push('w');
    });
    const late = lock.shared(async () => {
      order.push('r2');
    });
    await tick();
    expect(order).toEqual([]);
    hold.resolve();
    await Promise.all([first, writer, late]);
    expect(order).toEqual(['r1', 'w', 'r2']);
  });

  it('releases the lock when the work fails', async () => {
    const lock = new GateLock();
    await expect(
      lock.exclusive(async () => {
        throw new Error('échec');
      }),
    ).rejects.toThrow('échec');
    await expect(lock.shared(async () => 'ensuite')).resolves.toBe('ensuite');
    expect(lock.pending).toBe(0);
  });
});

describe('GateLock.writing', () => {
  it('says whether a writer holds the lock or waits for it', async () => {
    const lock = new GateLock();
    const hold = deferred();
    expect(lock.writing).toBe(false);
    const reader = lock.shared(() => hold.promise);
    expect(lock.writing).toBe(false);
    const writer = lock.exclusive(async () => {
      expect(lock.writing).toBe(true);
    });
    expect(lock.writing).toBe(true);
    hold.resolve();
    await Promise.all([reader, writer]);
    expect(lock.writing).toBe(false);
  });
});

import {
  RenderCancelledError,
  RenderQueue,
  type RenderOrder,
  type RenderQueueOptions,
} from './render-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((r) => setImmediate(r));

/** A queue whose work records its start and waits for `finish(name)`. */
function harness(size: number, options?: RenderQueueOptions) {
  const queue = new RenderQueue(size, options);
  const started: string[] = [];
  const gates = new Map<string, ReturnType<typeof deferred>>();
  const submit = (name: string, order: RenderOrder = {}) => {
    const gate = deferred();
    gates.set(name, gate);
    return queue.run(async () => {
      started.push(name);
      await gate.promise;
      return name;
    }, order);
  };
  const finish = async (...names: string[]) => {
    for (const name of names) gates.get(name)?.resolve();
    await settle();
  };
  /** With one place: lets the running work finish, `times` times. */
  const drain = async (times: number) => {
    for (let i = 0; i < times; i++) await finish(started.at(-1) ?? '');
  };
  return { queue, started, submit, finish, drain };
}

const pack = (owner: string, pack: string, signal?: AbortSignal): RenderOrder => ({
  lane: 'pack',
  owner,
  pack,
  signal,
});

describe('RenderQueue', () => {
  it('runs at most `size` pieces of work at once, single documents in arrival order', async () => {
    const { queue, started, submit, finish } = harness(2);
    let peak = 0;
    const runs = ['a', 'b', 'c', 'd'].map((name) => submit(name));
    const watch = setInterval(() => (peak = Math.max(peak, queue.running)), 0);
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(queue.queued).toBe(2);
    expect(queue.running).toBe(2);
    await finish('b', 'a');
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    await finish('c', 'd');
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd']);
    clearInterval(watch);
    expect(peak).toBeLessThanOrEqual(2);
    expect(queue.running).toBe(0);
  });

  it('frees the place when the work fails', async () => {
    const queue = new RenderQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
    await expect(queue.run(() => Promise.resolve('ensuite'))).resolves.toBe('ensuite');
    expect(queue.queued).toBe(0);
    expect(queue.running).toBe(0);
  });

  it('serves a single document before the next document of a pack', async () => {
    const { started, submit, finish } = harness(1);
    void submit('p1', pack('A', 'zip1'));
    void submit('p2', pack('A', 'zip1'));
    void submit('p3', pack('A', 'zip1'));
    await settle();
    void submit('seul', { lane: 'single' });
    await finish('p1');
    expect(started).toEqual(['p1', 'seul']);
    await finish('seul', 'p2', 'p3');
    expect(started).toEqual(['p1', 'seul', 'p2', 'p3']);
  });

  it('keeps places free of pack documents: a single document never waits for a long one', async () => {
    const { queue, started, submit, finish } = harness(3);
    for (const n of [1, 2, 3, 4]) void submit(`p${n}`, pack('A', 'zip'));
    await settle();
    // Two places at most for the pack (size − 1), the third stays free.
    expect(started).toEqual(['p1', 'p2']);
    expect(queue.running).toBe(2);
    void submit('seul');
    await settle();
    expect(started).toEqual(['p1', 'p2', 'seul']);
    // Single documents may use every place.
    void submit('seul2');
    void submit('seul3');
    await finish('seul');
    expect(started.at(-1)).toBe('seul2');
    await finish('p1');
    expect(started.at(-1)).toBe('seul3');
    await finish('p2');
    expect(started.at(-1)).toBe('p3');
    await finish('seul2');
    expect(started.at(-1)).toBe('p4');
    await finish('seul3', 'p3', 'p4');
    expect(queue.running).toBe(0);
  });

  it('lets packs take turns: owners first, then the packs of an owner', async () => {
    const { started, submit, drain } = harness(1);
    void submit('busy');
    await settle();
    // Centre A has two ZIPs of three documents, centre B one.
    for (const n of [1, 2, 3]) void submit(`A1-${n}`, pack('A', 'A1'));
    for (const n of [1, 2, 3]) void submit(`A2-${n}`, pack('A', 'A2'));
    for (const n of [1, 2, 3]) void submit(`B1-${n}`, pack('B', 'B1'));
    await drain(10);
    expect(started).toEqual([
      'busy',
      'A1-1',
      'B1-1',
      'A2-1',
      'B1-2',
      'A1-2',
      'B1-3',
      'A2-2',
      'A1-3',
      'A2-3',
    ]);
  });

  it('still starts a pack’s document after `singleBurst` single documents in a row', async () => {
    const { started, submit, drain } = harness(1, { singleBurst: 2 });
    void submit('busy');
    await settle();
    void submit('p1', pack('A', 'zip'));
    void submit('p2', pack('A', 'zip'));
    for (const n of [1, 2, 3, 4, 5]) void submit(`s${n}`);
    await drain(8);
    expect(started).toEqual(['busy', 's1', 's2', 'p1', 's3', 's4', 'p2', 's5']);
  });

  it('drops the waiting documents of an abandoned request, which never start', async () => {
    const { queue, started, submit, finish } = harness(1);
    void submit('busy');
    await settle();
    const controller = new AbortController();
    const abandoned = ['z1', 'z2', 'z3'].map((name) =>
      submit(name, pack('A', 'zip', controller.signal)),
    );
    const other = submit('b1', pack('B', 'zipB'));
    const single = submit('seul', { signal: new AbortController().signal });
    expect(queue.queued).toBe(5);
    controller.abort();
    for (const run of abandoned) await expect(run).rejects.toBeInstanceOf(RenderCancelledError);
    expect(queue.queued).toBe(2);
    await finish('busy');
    await finish('seul');
    await finish('b1');
    await expect(Promise.all([single, other])).resolves.toEqual(['seul', 'b1']);
    expect(started).toEqual(['busy', 'seul', 'b1']);
    expect(queue.queued).toBe(0);
    expect(queue.running).toBe(0);
  });

  it('refuses work whose request is already abandoned, even with a free place', async () => {
    const queue = new RenderQueue(2);
    const controller = new AbortController();
    controller.abort();
    let ran = false;
    await expect(
      queue.run(
        async () => {
          ran = true;
          return Promise.resolve();
        },
        pack('A', 'zip', controller.signal),
      ),
    ).rejects.toBeInstanceOf(RenderCancelledError);
    expect(ran).toBe(false);
    expect(queue.running).toBe(0);
  });

  it('refuses a size or a burst that is not a positive integer', () => {
    expect(() => new RenderQueue(0)).toThrow(RangeError);
    expect(() => new RenderQueue(1.5)).toThrow(RangeError);
    expect(() => new RenderQueue(1, { singleBurst: 0 })).toThrow(RangeError);
    expect(() => new RenderQueue(2, { packPlaces: 3 })).toThrow(RangeError);
    expect(() => new RenderQueue(2, { packPlaces: 0 })).toThrow(RangeError);
  });
});

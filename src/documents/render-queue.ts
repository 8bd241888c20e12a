/**
 * The renderer's waiting line. At most `size` documents are rendered at once; the others wait in
 * two lanes:
 * - `single`: a document asked for on its own (one PDF), served first come, first served, and
 *   before the next document of a pack; it may take any free place;
 * - `pack`: the documents of a pack (the ZIP of a session), on at most `packPlaces` places at
 *   once (the others stay free for single documents, which so never wait for a long pack
 *   document to finish), taking turns: owners (centres) first, then the packs of an owner, one
 *   document each in turn.
 * So that a steady flow of single documents cannot stop packs altogether, a pack's document goes
 * after at most `singleBurst` single documents started in a row. A waiting document whose
 * request is abandoned (its `AbortSignal`) leaves the line and never starts.
 */

export type RenderLane = 'single' | 'pack';

/** Where a document waits, and the signal that abandons it. */
export interface RenderOrder {
  /** `single` unless told. */
  lane?: RenderLane;
  /** The owner of the pack (a centre): owners take turns. */
  owner?: string;
  /** The pack the document belongs to (one request): the packs of an owner take turns. */
  pack?: string;
  /** Aborted when the client has gone: the document leaves the line or, if started, is not rendered. */
  signal?: AbortSignal;
}

/** The request of a document was abandoned before the document was rendered. */
export class RenderCancelledError extends Error {
  constructor() {
    super('Rendu abandonné : le client est parti avant la fin.');
    this.name = 'RenderCancelledError';
  }
}

/** Single documents started in a row, at most, while a pack's document waits. */
export const SINGLE_BURST = 4;

interface Waiting {
  lane: RenderLane;
  owner: string;
  pack: string;
  start(): void;
}

export interface RenderQueueOptions {
  /** Places for pack documents, at most (`size - 1` by default, at least 1). */
  packPlaces?: number;
  /** Single documents started in a row, at most, while a pack's document waits. */
  singleBurst?: number;
}

export class RenderQueue {
  private active = 0;
  private activePacks = 0;
  private readonly packPlaces: number;
  private readonly singleBurst: number;
  private readonly singles: Waiting[] = [];
  /** owner → pack → documents; Maps keep insertion order: the one just served goes last. */
  private readonly packs = new Map<string, Map<string, Waiting[]>>();
  private packCount = 0;
  private streak = 0;

  constructor(
    private readonly size: number,
    options: RenderQueueOptions = {},
  ) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`Taille de file de rendu invalide : ${size} (entier positif attendu).`);
    }
    this.packPlaces = options.packPlaces ?? Math.max(1, size - 1);
    if (!Number.isSafeInteger(this.packPlaces) || this.packPlaces < 1 || this.packPlaces > size) {
      throw new RangeError(
        `Places des archives invalides : ${this.packPlaces} (entre 1 et ${size} attendu).`,
      );
    }
    this.singleBurst = options.singleBurst ?? SINGLE_BURST;
    if (!Number.isSafeInteger(this.singleBurst) || this.singleBurst < 1) {
      throw new RangeError(`Rafale de documents seuls invalide : ${this.singleBurst}.`);
    }
  }

  /** Runs `work` when its turn comes; rejects with RenderCancelledError once `signal` aborts first. */
  async run<T>(work: () => Promise<T>, order: RenderOrder = {}): Promise<T> {
    const { signal } = order;
    const isPack = order.lane === 'pack';
    if (signal?.aborted) throw new RenderCancelledError();
    // Nothing waits while a place it may take is free: take it at once, or wait for one.
    if (this.hasPlace(isPack)) {
      this.active++;
      if (isPack) this.activePacks++;
    } else {
      await this.wait(order);
    }
    try {
      if (signal?.aborted) throw new RenderCancelledError();
      return await work();
    } finally {
      this.active--;
      if (isPack) this.activePacks--;
      this.dispatch();
    }
  }

  /** Documents waiting for a place. */
  get queued(): number {
    return this.singles.length + this.packCount;
  }

  /** Documents being rendered. */
  get running(): number {
    return this.active;
  }

  private hasPlace(isPack: boolean): boolean {
    return this.active < this.size && (!isPack || this.activePacks < this.packPlaces);
  }

  private wait(order: RenderOrder): Promise<void> {
    const { signal } = order;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        if (this.remove(waiting)) reject(new RenderCancelledError());
      };
      const waiting: Waiting = {
        lane: order.lane ?? 'single',
        owner: order.owner ?? '',
        pack: order.pack ?? '',
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.enqueue(waiting);
    });
  }

  private enqueue(waiting: Waiting): void {
    if (waiting.lane === 'single') {
      this.singles.push(waiting);
      return;
    }
    let packs = this.packs.get(waiting.owner);
    if (!packs) this.packs.set(waiting.owner, (packs = new Map()));
    let documents = packs.get(waiting.pack);
    if (!documents) packs.set(waiting.pack, (documents = []));
    documents.push(waiting);
    this.packCount++;
  }

  /** Takes a waiting document out of the line; false if it had already started. */
  private remove(waiting: Waiting): boolean {
    if (waiting.lane === 'single') {
      const index = this.singles.indexOf(waiting);
      if (index < 0) return false;
      this.singles.splice(index, 1);
      return true;
    }
    const packs = this.packs.get(waiting.owner);
    const documents = packs?.get(waiting.pack);
    const index = documents?.indexOf(waiting) ?? -1;
    if (!packs || !documents || index < 0) return false;
    documents.splice(index, 1);
    this.packCount--;
    if (documents.length === 0) packs.delete(waiting.pack);
    if (packs.size === 0) this.packs.delete(waiting.owner);
    return true;
  }

  /** Hands the free places to the next documents in line. */
  private dispatch(): void {
    while (this.active < this.size) {
      const next = this.next();
      if (!next) return;
      this.active++;
      if (next.lane === 'pack') this.activePacks++;
      next.start();
    }
  }

  private next(): Waiting | undefined {
    const packReady = this.packCount > 0 && this.hasPlace(true);
    if (this.singles.length > 0 && (!packReady || this.streak < this.singleBurst)) {
      this.streak = packReady ? this.streak + 1 : 0;
      return this.singles.shift();
    }
    if (!packReady) return undefined;
    this.streak = 0;
    const firstOwner = this.packs.entries().next();
    if (firstOwner.done) return undefined;
    const [owner, packs] = firstOwner.value;
    const firstPack = packs.entries().next();
    if (firstPack.done) return undefined;
    const [pack, documents] = firstPack.value;
    const next = documents.shift();
    this.packCount--;
    // This pack goes to the back of its owner's line, and the owner to the back of the owners'.
    packs.delete(pack);
    if (documents.length > 0) packs.set(pack, documents);
    this.packs.delete(owner);
    if (packs.size > 0) this.packs.set(owner, packs);
    return next;
  }
}

/** Lets at most `size` pieces of work run at once; the others wait their turn, first come first served. */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`Taille de sémaphore invalide : ${size} (entier positif attendu).`);
    }
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Work waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }
}

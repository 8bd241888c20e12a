/**
 * A fair readers–writer lock: any number of readers at once, or one writer alone, granted in
 * arrival order (a reader that arrives after a waiting writer waits behind it, so writers are never
 * starved by a stream of readers).
 */
export class GateLock {
  private readers = 0;
  private writer = false;
  private readonly waiting: { exclusive: boolean; grant: () => void }[] = [];

  /** How many units hold or wait for the lock (for tests and diagnostics). */
  get pending(): number {
    return this.readers + (this.writer ? 1 : 0) + this.waiting.length;
  }

  /** Whether a writer holds the lock or waits for it. */
  get writing(): boolean {
    return this.writer || this.waiting.some((w) => w.exclusive);
  }

  async shared<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await work();
    } finally {
      this.readers -= 1;
      this.dispatch();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await work();
    } finally {
      this.writer = false;
      this.dispatch();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.waiting.length === 0 && this.canEnter(exclusive)) {
      this.enter(exclusive);
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiting.push({ exclusive, grant }));
  }

  private canEnter(exclusive: boolean): boolean {
    return exclusive ? !this.writer && this.readers === 0 : !this.writer;
  }

  private enter(exclusive: boolean): void {
    if (exclusive) this.writer = true;
    else this.readers += 1;
  }

  private dispatch(): void {
    while (this.waiting.length > 0 && this.canEnter(this.waiting[0].exclusive)) {
      const next = this.waiting.shift()!;
      this.enter(next.exclusive);
      next.grant();
      if (next.exclusive) return;
    }
  }
}

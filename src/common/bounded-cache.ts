/**
 * A map that holds at most `capacity` entries and keeps those used recently: entries live in two
 * generations of half the capacity each; a full young generation becomes the old one and the old
 * one is dropped whole, and an old entry that is used moves back to the young generation. Every
 * operation is O(1): no per-entry bookkeeping, and no deletions that leave holes for a Map to skip.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generationSize: number;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) {
      throw new RangeError(`capacity must be an integer of at least 2, got ${capacity}`);
    }
    this.generationSize = Math.floor(capacity / 2);
  }

  /** Entries held (an entry used again after its generation aged may be counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.addYoung(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.has(key)) this.young.set(key, value);
    else this.addYoung(key, value);
  }

  private addYoung(key: K, value: V): void {
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
